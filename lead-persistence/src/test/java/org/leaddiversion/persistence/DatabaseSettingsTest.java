/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;

@DisplayName("Database settings from lead.datasource.* properties")
class DatabaseSettingsTest {

    private static Properties props(String... kv) {
        var p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty("lead.datasource." + kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void every_documented_property_is_read_and_defaults_apply() {
        var s = DatabaseSettings.fromProperties(props("url", "jdbc:postgresql://db:5432/lead", "username", "lead",
                "password", "s3cret", "schema", "lead", "maximum-pool-size", "20", "connection-timeout", "PT5S",
                "idle-timeout", "600000", "max-lifetime", "PT1H"));
        assertEquals("jdbc:postgresql://db:5432/lead", s.url());
        assertEquals(Optional.of("lead"), s.username());
        assertEquals(Optional.of("lead"), s.schema());
        assertEquals(20, s.maximumPoolSize());
        assertEquals(Duration.ofSeconds(5), s.connectionTimeout());
        assertEquals(Duration.ofMinutes(10), s.idleTimeout());
        assertEquals(Duration.ofHours(1), s.maxLifetime());
        var d = DatabaseSettings.fromProperties(props("url", "jdbc:h2:mem:x"));
        assertEquals(10, d.maximumPoolSize());
        assertEquals(Duration.ofSeconds(30), d.connectionTimeout());
        assertEquals(Optional.empty(), d.password());
    }

    @Test
    void bad_values_name_the_property_and_the_password_is_never_shown() {
        assertEquals("lead.datasource.url", assertThrows(InvalidValueException.class,
                () -> DatabaseSettings.fromProperties(props())).field());
        assertEquals("lead.datasource.url", assertThrows(InvalidValueException.class,
                () -> DatabaseSettings.fromProperties(props("url", "jdbc:mysql://x/y"))).field());
        assertEquals("lead.datasource.maximum-pool-size", assertThrows(InvalidValueException.class,
                () -> DatabaseSettings.fromProperties(props("url", "jdbc:h2:mem:x", "maximum-pool-size", "ten")))
                .field());
        assertEquals("lead.datasource.maximum-pool-size", assertThrows(InvalidValueException.class,
                () -> DatabaseSettings.fromProperties(props("url", "jdbc:h2:mem:x", "maximum-pool-size", "0")))
                .field());
        assertEquals("lead.datasource.maximum-pool-size", assertThrows(InvalidValueException.class,
                () -> DatabaseSettings.fromProperties(props("url", "jdbc:postgresql://db/lead", "maximum-pool-size",
                        "1"))).field());
        assertEquals(1, DatabaseSettings.fromProperties(props("url", "jdbc:h2:mem:x", "maximum-pool-size", "1"))
                .maximumPoolSize());
        assertEquals("lead.datasource.connection-timeout", assertThrows(InvalidValueException.class,
                () -> DatabaseSettings.fromProperties(props("url", "jdbc:h2:mem:x", "connection-timeout", "soon")))
                .field());
        assertEquals("lead.datasource.schema", assertThrows(InvalidValueException.class,
                () -> DatabaseSettings.fromProperties(props("url", "jdbc:h2:mem:x", "schema", "x; drop table y")))
                .field());
        var s = DatabaseSettings.fromProperties(props("url", "jdbc:h2:mem:x", "password", "s3cret"));
        assertFalse(s.toString().contains("s3cret"));
    }
}

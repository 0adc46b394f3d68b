/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * How to reach the database and size the connection pool the library builds (HikariCP). A host that manages its own
 * {@code DataSource} passes that instead ({@link LeadDatabase#on}); these settings are then not used.
 *
 * <p>As properties ({@link #fromProperties}), with the defaults in brackets:
 * <pre>
 * lead.datasource.url                  JDBC URL, e.g. jdbc:postgresql://db:5432/lead (required)
 * lead.datasource.username             user [none]
 * lead.datasource.password             password [none]
 * lead.datasource.schema               schema to use and migrate [the user's default]
 * lead.datasource.maximum-pool-size    connections at most [10]
 * lead.datasource.connection-timeout   longest wait for a connection, ISO-8601 or milliseconds [PT30S]
 * lead.datasource.idle-timeout         idle connections are closed after [PT10M]
 * lead.datasource.max-lifetime         connections are replaced after [PT30M]
 * </pre>
 *
 * @param url               JDBC URL of a PostgreSQL or H2 database
 * @param username          user, if the database needs one
 * @param password          password, if the database needs one (never logged or shown)
 * @param schema            schema the library's tables live in, if not the user's default
 * @param maximumPoolSize   at least 1; at least 2 on PostgreSQL, where migrating takes a second connection
 * @param connectionTimeout at least 250 ms (HikariCP's minimum)
 * @param idleTimeout       zero (never) or at least 10 s
 * @param maxLifetime       zero (never) or at least 30 s
 */
public record DatabaseSettings(String url, Optional<String> username, Optional<String> password,
                               Optional<String> schema, int maximumPoolSize, Duration connectionTimeout,
                               Duration idleTimeout, Duration maxLifetime) {

    /** The property-name prefix of {@link #fromProperties}. */
    public static final String PREFIX = "lead.datasource.";

    public DatabaseSettings {
        url = Require.text(url, "lead.datasource.url");
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new InvalidValueException("lead.datasource.url", "must be a jdbc:postgresql: or jdbc:h2: URL");
        }
        Require.present(username, "lead.datasource.username");
        Require.present(password, "lead.datasource.password");
        Require.present(schema, "lead.datasource.schema");
        schema.ifPresent(s -> {
            if (!s.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new InvalidValueException("lead.datasource.schema",
                        "must be a lower-case SQL identifier (letters, digits, underscore)");
            }
        });
        Require.atLeast(maximumPoolSize, 1, "lead.datasource.maximum-pool-size");
        if (maximumPoolSize < 2 && url.startsWith("jdbc:postgresql:")) {
            throw new InvalidValueException("lead.datasource.maximum-pool-size",
                    "must be at least 2 on PostgreSQL: migrating the schema takes a second connection");
        }
        Require.present(connectionTimeout, "lead.datasource.connection-timeout");
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new InvalidValueException("lead.datasource.connection-timeout", "must be at least 250 ms");
        }
        atLeastOrZero(idleTimeout, Duration.ofSeconds(10), "lead.datasource.idle-timeout");
        atLeastOrZero(maxLifetime, Duration.ofSeconds(30), "lead.datasource.max-lifetime");
    }

    /** Settings for {@code url} with no credentials, no schema and the default pool. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, Optional.empty(), Optional.empty(), Optional.empty(), 10,
                Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30));
    }

    /** These settings with credentials. */
    public DatabaseSettings withCredentials(String user, String secret) {
        return new DatabaseSettings(url, Optional.of(user), Optional.of(secret), schema, maximumPoolSize,
                connectionTimeout, idleTimeout, maxLifetime);
    }

    /** These settings in another schema. */
    public DatabaseSettings inSchema(String name) {
        return new DatabaseSettings(url, username, password, Optional.of(name), maximumPoolSize, connectionTimeout,
                idleTimeout, maxLifetime);
    }

    /** These settings with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(url, username, password, schema, size, connectionTimeout, idleTimeout,
                maxLifetime);
    }

    /** These settings with another connection timeout. */
    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(url, username, password, schema, maximumPoolSize, timeout, idleTimeout,
                maxLifetime);
    }

    /**
     * Settings from {@code lead.datasource.*} properties (see the class comment). A missing URL or a value that is not
     * a number or duration is an {@link InvalidValueException} naming the property.
     */
    public static DatabaseSettings fromProperties(Properties p) {
        Require.present(p, "properties");
        String url = p.getProperty(PREFIX + "url");
        if (url == null || url.isBlank()) {
            throw new InvalidValueException(PREFIX + "url", "is required");
        }
        return new DatabaseSettings(url.strip(), text(p, "username"), text(p, "password"), text(p, "schema"),
                integer(p, "maximum-pool-size", 10), duration(p, "connection-timeout", Duration.ofSeconds(30)),
                duration(p, "idle-timeout", Duration.ofMinutes(10)), duration(p, "max-lifetime", Duration.ofMinutes(30)));
    }

    @Override
    public String toString() {
        // the password never appears in logs or error messages
        return "DatabaseSettings[url=" + url + ", username=" + username.orElse("") + ", schema=" + schema.orElse("")
                + ", maximumPoolSize=" + maximumPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
    }

    private static Optional<String> text(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(PREFIX + key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int integer(Properties p, String key, int fallback) {
        Optional<String> v = text(p, key);
        try {
            return v.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(PREFIX + key, "must be a whole number");
        }
    }

    private static Duration duration(Properties p, String key, Duration fallback) {
        Optional<String> v = text(p, key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return v.get().matches("\\d+") ? Duration.ofMillis(Long.parseLong(v.get())) : Duration.parse(v.get());
        } catch (RuntimeException e) {
            throw new InvalidValueException(PREFIX + key, "must be milliseconds or an ISO-8601 duration such as PT30S");
        }
    }

    private static void atLeastOrZero(Duration d, Duration min, String field) {
        Require.present(d, field);
        if (!d.isZero() && d.compareTo(min) < 0) {
            throw new InvalidValueException(field, "must be zero (never) or at least " + min);
        }
    }
}

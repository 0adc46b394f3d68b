/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.DisclosurePolicy;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.referral.PersonId;

/**
 * On PostgreSQL the logs are append-only by the database itself, not only by the code: whoever connects, UPDATE,
 * DELETE and TRUNCATE of the disclosure and audit logs are refused, and an event can only be marked published once.
 */
@DisplayName("PostgreSQL refuses changes to the append-only logs")
class PostgresAppendOnlyTest {

    @Test
    void the_database_refuses_to_change_or_remove_log_rows() throws SQLException {
        DatabaseSettings settings = TestDatabases.postgresSettings();
        try (LeadDatabase db = LeadDatabase.connect(settings)) {
            var request = DisclosureRequest.of(Actor.of("cm-1", Role.CASE_MANAGER), Role.OFFICER,
                    new PersonId("maria"), Set.of(DataClass.PLAN_SUMMARY), Purpose.EVIDENCE);
            db.disclosureLog().record(new DisclosurePolicy().decide(request, List.of(), Instant.now()));
        }
        try (Connection c = DriverManager.getConnection(settings.url(), settings.username().orElseThrow(),
                settings.password().orElseThrow());
             Statement s = c.createStatement()) {
            s.execute("set search_path to " + settings.schema().orElseThrow());
            s.execute("insert into audit_entry (actor_id, actor_role, purpose, what, data_classes, outcome, "
                    + "record_ids, at) values ('cm-1', 'CASE_MANAGER', 'CARE_COORDINATION', 'referral', "
                    + "'REFERRAL_CORE', 'ALLOWED', '', now())");
            for (String sql : List.of("update disclosure_entry set granted = true",
                    "delete from disclosure_entry", "truncate disclosure_entry",
                    "update audit_entry set outcome = 'DENIED'", "delete from audit_entry", "truncate audit_entry",
                    "update domain_event set payload = '{}'", "delete from domain_event",
                    "truncate domain_event")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
            // a relay may mark an event published, once
            assertEquals(1, s.executeUpdate("update domain_event set published_at = now()"));
            assertThrows(SQLException.class, () -> s.executeUpdate("update domain_event set published_at = now()"));
            var rows = s.executeQuery("select count(*) from disclosure_entry");
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leaddiversion.persistence.jooq.Tables.CONSENT;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;

/**
 * A value the schema refuses never surfaces as a raw SQL exception: it is an {@link InvalidValueException} naming the
 * constraint, with no value in the message.
 */
@DisplayName("PostgreSQL constraint violations become errors naming the constraint")
class PostgresConstraintTest {

    @Test
    void a_check_violation_names_the_constraint_and_not_the_value() {
        try (LeadDatabase db = TestDatabases.postgres()) {
            var refused = assertThrows(InvalidValueException.class, () -> db.transactions().inTransaction(() ->
                    ((JooqTransactions) db.transactions()).dsl().insertInto(CONSENT)
                            .set(CONSENT.ID, new UUID(1, 1)).set(CONSENT.PARTICIPANT_ID, "secret-person")
                            .set(CONSENT.CONSENT_TYPE, "WHATEVER").set(CONSENT.SIGNED_AT, OffsetDateTime.now())
                            .set(CONSENT.VERSION, 0L).execute()));
            assertEquals("consent_type_known", refused.field());
            assertFalse(refused.getMessage().contains("secret-person"));
        }
    }
}

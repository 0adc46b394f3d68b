/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Referral import: PostgreSQL")
class PostgresReferralImportTest extends ReferralImportContract {
    @Override
    LeadDatabase open() {
        LeadDatabase db = TestDatabases.postgres();
        assertEquals(LeadDatabase.Vendor.POSTGRESQL, db.vendor(), "this suite runs on real PostgreSQL");
        return db;
    }
}

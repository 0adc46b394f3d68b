/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Referral import: H2")
class H2ReferralImportTest extends ReferralImportContract {
    @Override
    LeadDatabase open() {
        LeadDatabase db = TestDatabases.h2();
        assertEquals(LeadDatabase.Vendor.H2, db.vendor());
        return db;
    }
}

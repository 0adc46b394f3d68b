/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Referrals contract: H2")
class H2ReferralsTest extends ReferralsContract {
    @Override
    ReferralStore open() {
        LeadDatabase db = TestDatabases.h2();
        assertEquals(LeadDatabase.Vendor.H2, db.vendor());
        return ReferralStore.of(db);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Referrals contract: in-memory fake")
class InMemoryReferralsTest extends ReferralsContract {
    @Override
    ReferralStore open() {
        return ReferralStore.inMemory();
    }
}

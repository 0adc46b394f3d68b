package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Referrals contract: H2")
class H2ReferralsTest extends ReferralsContract {
    @Override
    ReferralStore open() {
        return ReferralStore.of(TestDatabases.h2());
    }
}

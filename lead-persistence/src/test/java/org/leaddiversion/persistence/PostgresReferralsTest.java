package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Referrals contract: PostgreSQL")
class PostgresReferralsTest extends ReferralsContract {
    @Override
    ReferralStore open() {
        return ReferralStore.of(TestDatabases.postgres());
    }
}

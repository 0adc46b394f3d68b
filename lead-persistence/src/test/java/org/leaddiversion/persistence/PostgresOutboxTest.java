package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The transactional outbox: PostgreSQL")
class PostgresOutboxTest extends OutboxContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.postgres();
    }
}

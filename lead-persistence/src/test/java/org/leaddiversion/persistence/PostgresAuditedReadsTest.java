package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Audited reads and the programme on the database: PostgreSQL")
class PostgresAuditedReadsTest extends AuditedReadsContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.postgres();
    }
}

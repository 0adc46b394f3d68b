/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Audited reads and the programme on the database: PostgreSQL")
class PostgresAuditedReadsTest extends AuditedReadsContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.postgres();
    }
}

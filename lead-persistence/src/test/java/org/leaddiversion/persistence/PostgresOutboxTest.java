/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The transactional outbox: PostgreSQL")
class PostgresOutboxTest extends OutboxContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.postgres();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Consents and disclosure log contract: PostgreSQL")
class PostgresConsentsTest extends ConsentsContract {
    @Override
    ConsentStore open() {
        return ConsentStore.of(TestDatabases.postgres());
    }
}

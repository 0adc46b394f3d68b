/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("A lost optimistic-locking race over HTTP on PostgreSQL: CONFLICT, nothing written")
class ConflictOnPostgresTest extends ConflictScenarios {

    @Override
    boolean someoneWaitsForALock(Connection c) throws SQLException {
        return anyRow(c, "select count(*) from pg_locks where not granted");
    }
}

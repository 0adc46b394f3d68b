/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("A lost optimistic-locking race over HTTP on H2: CONFLICT, nothing written")
class ConflictOnH2Test extends ConflictScenarios {

    @Override
    boolean someoneWaitsForALock(Connection c) throws SQLException {
        return anyRow(c, "select count(*) from information_schema.sessions where blocker_id is not null");
    }
}

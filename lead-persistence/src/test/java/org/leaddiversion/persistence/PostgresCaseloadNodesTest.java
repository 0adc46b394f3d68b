/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Caseloads on two nodes: PostgreSQL")
class PostgresCaseloadNodesTest extends CaseloadNodesContract {

    private final DatabaseSettings settings = TestDatabases.postgresSettings();

    @Override
    LeadDatabase node() {
        return LeadDatabase.connect(settings);
    }
}

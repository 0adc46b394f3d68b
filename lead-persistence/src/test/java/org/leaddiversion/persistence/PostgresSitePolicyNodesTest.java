/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Site policies on two nodes: PostgreSQL")
class PostgresSitePolicyNodesTest extends SitePolicyNodesContract {

    private final DatabaseSettings settings = TestDatabases.postgresSettings();

    @Override
    LeadDatabase node() {
        return LeadDatabase.connect(settings);
    }
}

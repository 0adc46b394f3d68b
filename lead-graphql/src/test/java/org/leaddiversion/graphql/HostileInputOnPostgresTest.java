/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("Hostile inputs on PostgreSQL: never a server error, every rejection typed, nothing written")
class HostileInputOnPostgresTest extends HostileInputScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("The access matrix through the API on PostgreSQL: as the domain decides, audited, never without consent")
class AccessMatrixOnPostgresTest extends AccessMatrixScenarios {
}

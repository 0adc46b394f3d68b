/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("The work group agenda over HTTP on PostgreSQL: named under consent, audited, refused to the matrix's others")
class AgendaOnPostgresTest extends AgendaScenarios {
}

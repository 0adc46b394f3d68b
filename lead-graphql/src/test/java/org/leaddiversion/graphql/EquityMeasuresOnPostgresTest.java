/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

/** The equity measures by group over HTTP on PostgreSQL. */
@Import(TestDatabases.OnPostgres.class)
@DisplayName("Equity measures by group over HTTP on PostgreSQL: aggregate access, small cells suppressed, UNKNOWN on its own")
class EquityMeasuresOnPostgresTest extends EquityMeasuresScenarios {
}

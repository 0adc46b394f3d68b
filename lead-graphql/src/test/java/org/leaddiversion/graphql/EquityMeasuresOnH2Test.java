/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

/** The equity measures by group over HTTP on H2. */
@Import(TestDatabases.OnH2.class)
@DisplayName("Equity measures by group over HTTP on H2: aggregate access, small cells suppressed, UNKNOWN on its own")
class EquityMeasuresOnH2Test extends EquityMeasuresScenarios {
}

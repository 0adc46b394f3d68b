/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

/** The programme and status reports over HTTP on H2. */
@Import(TestDatabases.OnH2.class)
@DisplayName("Programme and status reports over HTTP on H2: aggregate access, small cells suppressed")
class ProgrammeMeasuresOnH2Test extends ProgrammeMeasuresScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("The work group agenda over HTTP on H2: named under consent, audited, refused to the matrix's others")
class AgendaOnH2Test extends AgendaScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("The access matrix through the API on H2: as the domain decides, audited, never without consent")
class AccessMatrixOnH2Test extends AccessMatrixScenarios {
}

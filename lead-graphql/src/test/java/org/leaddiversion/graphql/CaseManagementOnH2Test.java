/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("GraphQL case management on H2")
class CaseManagementOnH2Test extends CaseManagementScenarios {
}

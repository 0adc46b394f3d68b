/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("A nested page over HTTP on H2: the same statements, at most four, at page sizes 1 to 1,000")
class NestedPageOnH2Test extends NestedPageScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("Deadlines due over HTTP on H2: decided per data class, audited")
class DeadlinesDueOnH2Test extends DeadlinesDueScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

/** The evaluation's reports and research extract over HTTP on PostgreSQL. */
@Import(TestDatabases.OnPostgres.class)
@DisplayName("Evaluation reports and the research extract over HTTP on PostgreSQL: aggregate access, small cells suppressed")
class EvaluationOnPostgresTest extends EvaluationScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("Prosecution coordination over HTTP on PostgreSQL: cases, consultations, charging decisions")
class CoordinationOnPostgresTest extends CoordinationScenarios {
}

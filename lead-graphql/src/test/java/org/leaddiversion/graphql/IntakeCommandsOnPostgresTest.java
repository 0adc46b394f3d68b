/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("The referral desk over HTTP on PostgreSQL: submit to intake, refusals as data, bad input named")
class IntakeCommandsOnPostgresTest extends IntakeCommandsScenarios {
}

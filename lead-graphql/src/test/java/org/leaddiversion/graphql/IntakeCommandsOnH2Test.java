/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("The referral desk over HTTP on H2: submit to intake, refusals as data, bad input named")
class IntakeCommandsOnH2Test extends IntakeCommandsScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnH2.class)
@DisplayName("Sites over HTTP on H2: policies in force and published, cached per node, caseloads against the cap")
class SiteOnH2Test extends SiteScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("Sites over HTTP on PostgreSQL: policies in force and published, cached per node, caseloads against the cap")
class SiteOnPostgresTest extends SiteScenarios {
}

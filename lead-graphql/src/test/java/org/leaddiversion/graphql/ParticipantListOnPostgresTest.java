/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@Import(TestDatabases.OnPostgres.class)
@DisplayName("Participant lists over HTTP on PostgreSQL: keyset pages, filters, decided, audited, batched")
class ParticipantListOnPostgresTest extends ParticipantListScenarios {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

/** The research extract on PostgreSQL. */
@DisplayName("The evaluator's de-identified research extract: PostgreSQL")
class PostgresResearchExtractTest extends ResearchExtractContract {

    @Override
    LeadDatabase open() {
        return TestDatabases.postgres();
    }
}

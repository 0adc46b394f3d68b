/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

/** The research extract on H2. */
@DisplayName("The evaluator's de-identified research extract: H2")
class H2ResearchExtractTest extends ResearchExtractContract {

    @Override
    LeadDatabase open() {
        return TestDatabases.h2();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Evaluation data recorded and the outcome and equity measures computed in SQL: H2")
class H2EvaluationTest extends EvaluationContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.h2();
    }
}

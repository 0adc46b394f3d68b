/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The equity measures by group computed in SQL equal the domain's: H2")
class H2EquityMeasuresTest extends EquityMeasuresContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.h2();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Programme and status measures computed in SQL equal the domain's: H2")
class H2ProgrammeMeasuresTest extends ProgrammeMeasuresContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.h2();
    }
}

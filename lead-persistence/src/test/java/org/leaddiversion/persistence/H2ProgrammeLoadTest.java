/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Loading a programme record: H2")
class H2ProgrammeLoadTest extends ProgrammeLoadContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.h2();
    }
}

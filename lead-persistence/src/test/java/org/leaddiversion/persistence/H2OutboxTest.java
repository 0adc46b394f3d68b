/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The transactional outbox: H2")
class H2OutboxTest extends OutboxContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.h2();
    }
}

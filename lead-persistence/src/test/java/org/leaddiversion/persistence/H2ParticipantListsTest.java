/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Lists of participants, timelines and deadlines due, decided and audited: H2")
class H2ParticipantListsTest extends ParticipantListsContract {
    @Override
    LeadDatabase open() {
        return TestDatabases.h2();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;
import org.leaddiversion.domain.fixtures.MutableClock;

@DisplayName("OWG meetings contract: in-memory fakes")
class InMemoryMeetingsTest extends MeetingsContract {
    @Override
    CaseStore open(MutableClock clock) {
        return CaseStore.inMemory(clock);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Plans, flexible funds and caseloads contract: in-memory fakes")
class InMemoryPlansTest extends PlansContract {
    @Override
    EnrollmentStore open() {
        return EnrollmentStore.inMemory();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Plans, flexible funds and caseloads contract: H2")
class H2PlansTest extends PlansContract {
    @Override
    EnrollmentStore open() {
        return EnrollmentStore.of(TestDatabases.h2());
    }
}

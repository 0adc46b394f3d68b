/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Enrollments and contacts contract: H2")
class H2EnrollmentsTest extends EnrollmentsContract {
    @Override
    EnrollmentStore open() {
        return EnrollmentStore.of(TestDatabases.h2());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;
import org.leaddiversion.domain.fixtures.MutableClock;

@DisplayName("Post-enrollment cases contract: H2")
class H2PostEnrollmentCasesTest extends PostEnrollmentCasesContract {
    @Override
    CaseStore open(MutableClock clock) {
        return CaseStore.of(TestDatabases.h2(), clock);
    }
}

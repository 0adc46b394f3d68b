/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Caseloads in one transaction: H2")
class H2CaseloadsInOneTransactionTest extends CaseloadsInOneTransactionContract {
    @Override
    EnrollmentStore open() {
        return EnrollmentStore.of(TestDatabases.h2());
    }
}

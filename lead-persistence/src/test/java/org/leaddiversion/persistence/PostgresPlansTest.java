/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Plans, flexible funds and caseloads contract: PostgreSQL")
class PostgresPlansTest extends PlansContract {
    @Override
    EnrollmentStore open() {
        return EnrollmentStore.of(TestDatabases.postgres());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.util.UUID;
import org.leaddiversion.domain.common.Require;

/** Identity of a {@link PostEnrollmentCase}. */
public record PostEnrollmentCaseId(UUID value) {
    public PostEnrollmentCaseId {
        Require.present(value, "postEnrollmentCaseId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

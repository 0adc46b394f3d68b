/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.enrollment;

import java.util.UUID;
import org.leaddiversion.domain.common.Require;

/** Identity of an enrollment (one participation episode). */
public record EnrollmentId(UUID value) implements Comparable<EnrollmentId> {
    public EnrollmentId {
        Require.present(value, "enrollmentId");
    }

    @Override
    public int compareTo(EnrollmentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.enrollment;

/** Enrollment states (SPEC §5.2). INACTIVE is still enrolled: people cannot fail out of LEAD. */
public enum EnrollmentStatus {
    ACTIVE, INACTIVE, CLOSED;

    /** Whether the enrollment is open (ACTIVE or INACTIVE). */
    public boolean isOpen() {
        return this != CLOSED;
    }
}

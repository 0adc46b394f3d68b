/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

/**
 * A person's place on the employment continuum in a month (SPEC §8.1; the UW study counted job training, part- or
 * full-time employment and retirement as being on the continuum).
 */
public enum EmploymentStatus {
    /** Not in training, not employed, not retired. */
    NONE,
    /** Education or job training. */
    TRAINING,
    /** Employed part time. */
    EMPLOYED_PART_TIME,
    /** Employed full time. */
    EMPLOYED_FULL_TIME,
    /** Retired. */
    RETIRED;

    /** Whether the person is on the employment continuum ({@code EMPLOYMENT_CONTINUUM_MONTH}). */
    public boolean isOnContinuum() {
        return this != NONE;
    }
}

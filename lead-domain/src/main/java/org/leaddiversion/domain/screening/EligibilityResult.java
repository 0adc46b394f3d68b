/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

/** The result of screening (SPEC §4.8). */
public enum EligibilityResult {
    /** No HARD or PRESUMPTIVE criterion applies (discretionary factors may be noted). */
    ELIGIBLE,
    /** Only PRESUMPTIVE criteria apply: awaiting an override or a confirmation by the override authority. */
    PRESUMPTIVELY_INELIGIBLE,
    /** At least one HARD criterion applies; nobody can override. */
    INELIGIBLE,
    /** Refused before eligibility: door disabled, referrer not allowed, precondition missing, or capacity rejection. */
    REJECTED,
    /** Eligible, but queued until capacity frees up (social-contact and community doors). */
    DEFERRED_CAPACITY
}

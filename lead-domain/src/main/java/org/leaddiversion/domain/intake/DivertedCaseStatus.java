/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

/** The held charge's states (SPEC §5.6). */
public enum DivertedCaseStatus {
    /** With the prosecutor, not filed while the intake window is open. */
    HELD,
    /** Intake completed in time: not filed, for good (rule R19). */
    NOT_FILED,
    /** Ordinary charging discretion resumes (lapse, authority rejection, withdrawal before intake) — not "file". */
    RELEASED_FOR_ORDINARY_REVIEW,
    /** Outcome of the ordinary review: filed (outside LEAD logic; recorded for evaluation). */
    FILED,
    /** Outcome of the ordinary review: declined. */
    DECLINED
}

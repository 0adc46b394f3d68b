/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

/** Why a held charge was released for ordinary review. */
public enum ReleaseReason {
    /** The intake deadline passed (rule R20). */
    INTAKE_LAPSED,
    /** The eligibility authority rejected the referral (rule R16). */
    AUTHORITY_REJECTED,
    /** The person withdrew before intake. */
    WITHDRAWN_BEFORE_INTAKE,
    /** Fidelity variant only: later non-engagement, where the site enabled it with a fidelity warning. */
    LATER_NON_ENGAGEMENT
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

/** Referral states (SPEC §5.1). */
public enum ReferralStatus {
    /** Created and screened; awaiting consent, hand-off, approval or acceptance. */
    SUBMITTED,
    /** The person said no at the offer; ordinary processing, no LEAD hold (rule R02). */
    DECLINED_BY_PERSON,
    /** Capacity rejection after screening. */
    REJECTED,
    /** A HARD exclusion, a confirmed PRESUMPTIVE exclusion, or an authority rejection. */
    INELIGIBLE,
    /** Waiting for an override decision. */
    PRESUMPTIVELY_INELIGIBLE,
    /** Eligible but queued for capacity. */
    DEFERRED_CAPACITY,
    /** Accepted; hand-off done; the intake clock is running. */
    PENDING_INTAKE,
    /** Terminal: intake completed on time; an enrollment was created or the referral attached to the open one. */
    INTAKE_COMPLETED,
    /** Terminal: the deadline passed without intake. */
    INTAKE_LAPSED,
    /** Terminal: the person or the referrer withdrew before intake. */
    WITHDRAWN;

    /** Whether no further transition is possible. */
    public boolean isTerminal() {
        return switch (this) {
            case SUBMITTED, PRESUMPTIVELY_INELIGIBLE, DEFERRED_CAPACITY, PENDING_INTAKE -> false;
            default -> true;
        };
    }
}

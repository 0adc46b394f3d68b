/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/**
 * How a person reaches LEAD (SPEC §3): the toolkit's three doors plus the prosecutor pathway seen in the field.
 * Doors that hold a charge create a diverted case that stays unfiled while the intake window is open.
 */
public enum Door {
    /** Door A, pre-booking: an officer with probable cause for a divertible offence diverts instead of booking. */
    ARREST_DIVERSION(true),
    /** Door B, pre-arrest: an officer refers someone with verified recent low-level activity. */
    SOCIAL_CONTACT(false),
    /** Door C: community partners refer presumptively eligible people, with no police involvement. */
    COMMUNITY(false),
    /** Extension (Snohomish): a prosecutor refers a pre-filing case; the case is held like a diverted charge. */
    PROSECUTOR(true);

    private final boolean holdsCharge;

    Door(boolean holdsCharge) {
        this.holdsCharge = holdsCharge;
    }

    /** Whether a referral through this door holds a charge whose fate depends on timely intake. */
    public boolean holdsCharge() {
        return holdsCharge;
    }
}

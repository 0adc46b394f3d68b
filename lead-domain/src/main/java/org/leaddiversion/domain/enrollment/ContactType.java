/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.enrollment;

/** Kinds of contact with or about a participant (SPEC §6.3). */
public enum ContactType {
    IN_PERSON_FIELD, OFFICE, PHONE, TEXT,
    /** Accompaniment to court or appointments. */
    ACCOMPANIMENT,
    /** Contact with a provider, court or officer about the participant; not engagement (rule R32). */
    COLLATERAL;

    /** Whether the participant took part: only such contacts count toward last engagement (rules R26, R32). */
    public boolean isParticipantContact() {
        return this != COLLATERAL;
    }
}

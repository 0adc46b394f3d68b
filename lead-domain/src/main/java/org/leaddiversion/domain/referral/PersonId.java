/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import org.leaddiversion.domain.common.Require;

/**
 * Identity of a referred person as the host's records system knows it (or a provisional id when the person's
 * identity is not yet confirmed). Opaque to the domain.
 */
public record PersonId(String value) implements Comparable<PersonId> {
    public PersonId {
        value = Require.id(value, "personId");
    }

    /**
     * Whether {@code actor} may act in this person's own name: staff may (on the person's word, recorded as theirs),
     * an actor in the {@code PARTICIPANT} role only if it is this person — a participant's actor id is her person id.
     */
    public boolean mayBeActedForBy(org.leaddiversion.domain.common.Actor actor) {
        return actor.role() != org.leaddiversion.domain.common.Role.PARTICIPANT || actor.id().value().equals(value);
    }

    @Override
    public int compareTo(PersonId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.leaddiversion.domain.referral;

import org.leaddiversion.domain.common.Require;

/**
 * Identity of a referred person as the host's records system knows it (or a provisional id when the person's
 * identity is not yet confirmed). Opaque to the domain.
 */
public record PersonId(String value) implements Comparable<PersonId> {
    public PersonId {
        value = Require.text(value, "personId");
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

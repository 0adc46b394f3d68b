/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * What screening needs to know about the programme at screening time, recorded with the decision so that the
 * decision can be replayed (rule R08).
 *
 * @param currentParticipants people currently enrolled at the site (at least those named in the person's orders,
 *                            for the no-contact-order check of rule R15)
 * @param capacity            capacity figures, or empty when the host does not run the capacity gate
 */
public record ScreeningContext(Set<PersonId> currentParticipants, Optional<CapacityFigures> capacity) {

    public ScreeningContext {
        currentParticipants = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(currentParticipants,
                "currentParticipants")));
        Require.present(capacity, "capacity");
    }

    /** A context with the capacity gate. */
    public static ScreeningContext of(Set<PersonId> currentParticipants, CapacityFigures capacity) {
        return new ScreeningContext(currentParticipants, Optional.of(capacity));
    }

    /** A context for a host that does not track capacity: the gate is skipped. */
    public static ScreeningContext withoutCapacityGate(Set<PersonId> currentParticipants) {
        return new ScreeningContext(currentParticipants, Optional.empty());
    }
}

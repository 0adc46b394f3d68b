/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Verification rule of the social-contact door (SPEC §3.2, rule R05): at least one item of an accepted kind,
 * dated within the look-back before the referral and, where required, inside the programme area.
 *
 * @param lookbackMonths window in months (empty: no window, any past date counts)
 * @param inArea         whether the verified activity must lie inside the catchment
 * @param evidenceKinds  kinds that count; other kinds never do
 */
public record SocialContactPolicy(OptionalInt lookbackMonths, boolean inArea, Set<EvidenceKind> evidenceKinds) {

    public SocialContactPolicy {
        Require.present(lookbackMonths, "socialContact.lookbackMonths");
        Require.noNulls(evidenceKinds, "socialContact.evidenceKinds");
        if (evidenceKinds.isEmpty()) {
            throw new InvalidValueException("socialContact.evidenceKinds", "must name at least one evidence kind");
        }
        evidenceKinds = Collections.unmodifiableSet(EnumSet.copyOf(evidenceKinds));
        if (lookbackMonths.isPresent() && lookbackMonths.getAsInt() < 1) {
            throw new InvalidValueException("socialContact.lookbackMonths", "must be at least 1");
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * One exclusion criterion as a site configures it.
 *
 * @param kind     the criterion (E1–E17)
 * @param strength how binding it is at this site
 * @param doors    the doors it applies to
 * @param scope    codes narrowing the criterion, meaning per kind: for E8 the court types
 *                 ({@code DRUG_COURT}, {@code MENTAL_HEALTH_COURT}, {@code SPECIALTY_COURT}); for E10 the offence
 *                 categories of the supervision (empty: any supervision); for E13 the offence codes needing
 *                 complainant consent ({@code ANY} for every offence with an identified complainant)
 */
public record ExclusionSetting(ExclusionKind kind, RuleStrength strength, Set<Door> doors, Set<String> scope) {

    public ExclusionSetting {
        Require.present(kind, "exclusion.kind");
        Require.present(strength, "exclusion." + kind + ".strength");
        Require.noNulls(doors, "exclusion." + kind + ".doors");
        if (doors.isEmpty()) {
            throw new InvalidValueException("exclusion." + kind + ".doors", "must name at least one door");
        }
        doors = Collections.unmodifiableSet(EnumSet.copyOf(doors));
        scope = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(scope, "exclusion." + kind + ".scope")));
        if (kind.strengthIsFixed() && strength != kind.defaultStrength()) {
            throw new InvalidValueException("exclusion." + kind,
                    "is always " + kind.defaultStrength() + " (core principle), it cannot be configured as " + strength);
        }
    }

    /** Whether the criterion applies to referrals through this door. */
    public boolean appliesTo(Door door) {
        return doors.contains(door);
    }
}

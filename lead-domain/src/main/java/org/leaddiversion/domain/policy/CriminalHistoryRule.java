/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Collections;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * A criminal-history rule of exclusion E7 (SPEC §4.4, rule R13): convictions for the listed offence categories
 * (or, anchored on {@link HistoryAnchor#RELEASE_DATE}, prison releases) disqualify when they fall inside the
 * look-back window; a rule without a window is a lifetime rule.
 *
 * <p>Look-back arithmetic: a dated event counts iff {@code eventDate > referralDate − lookbackYears}, i.e. it is
 * less than that many full years before the referral (local date in the site zone).
 *
 * @param name          the rule's name in the policy file ({@code lifetime}, {@code recent})
 * @param strength      how binding a hit is
 * @param offences      offence categories caught (conviction anchor); ignored for the release anchor
 * @param lookbackYears years of look-back, empty for lifetime
 * @param anchor        the date the window is measured from
 */
public record CriminalHistoryRule(String name, RuleStrength strength, Set<OffenceCode> offences,
                                  OptionalInt lookbackYears, HistoryAnchor anchor) {

    public CriminalHistoryRule {
        Require.text(name, "history.name");
        Require.present(strength, "history." + name + ".strength");
        offences = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(offences, "history." + name + ".offences")));
        Require.present(lookbackYears, "history." + name + ".lookbackYears");
        Require.present(anchor, "history." + name + ".anchor");
        if (lookbackYears.isPresent() && lookbackYears.getAsInt() < 1) {
            throw new InvalidValueException("history." + name + ".lookbackYears", "must be at least 1 year");
        }
        if (anchor == HistoryAnchor.CONVICTION_DATE && offences.isEmpty()) {
            throw new InvalidValueException("history." + name + ".offences",
                    "must list the offence categories a conviction rule catches");
        }
        if (anchor == HistoryAnchor.RELEASE_DATE && lookbackYears.isEmpty()) {
            throw new InvalidValueException("history." + name + ".lookbackYears",
                    "a release-date rule needs a window in years");
        }
        if (strength == RuleStrength.DISCRETIONARY) {
            throw new InvalidValueException("history." + name + ".strength", "must be HARD or PRESUMPTIVE");
        }
    }

    /** Whether the rule has no window (lifetime). */
    public boolean isLifetime() {
        return lookbackYears.isEmpty();
    }
}

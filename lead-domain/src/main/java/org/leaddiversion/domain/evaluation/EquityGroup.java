/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.referral.Demographics;

/**
 * A race/ethnicity category used for equity monitoring (SPEC §8.5), as the site's own code ({@code BLACK},
 * {@code WHITE}, {@code NATIVE}…). Categories are site-configured; the library never maps one code onto another.
 *
 * <p>{@link #UNKNOWN} is a group of its own: a person whose race was not recorded (or recorded as unknown) is counted
 * as unknown and reported as such, never imputed and never folded into another group. Any spelling of "unknown"
 * ({@code unknown}, {@code Unknown}) is that one group.
 *
 * @param code the site's category code, at most {@link Require#ID_MAX} characters
 */
public record EquityGroup(String code) implements Comparable<EquityGroup> {

    /** Race not recorded or recorded as unknown: reported, never imputed. */
    public static final EquityGroup UNKNOWN = new EquityGroup("UNKNOWN");

    /** Validates the code; every spelling of "unknown" becomes {@code UNKNOWN}. */
    public EquityGroup {
        code = Require.id(code, "equityGroup");
        if (code.equalsIgnoreCase("UNKNOWN")) {
            code = "UNKNOWN";
        }
    }

    /** The group of a recorded category; absent or blank is {@link #UNKNOWN}. */
    public static EquityGroup of(Optional<String> recorded) {
        Require.present(recorded, "equityGroup");
        return recorded.filter(s -> !s.isBlank()).map(EquityGroup::new).orElse(UNKNOWN);
    }

    /** The group of a person's recorded race. */
    public static EquityGroup ofRace(Demographics demographics) {
        return of(Require.present(demographics, "demographics").race());
    }

    /** The group of the referred person, from the race recorded on the referral. */
    public static EquityGroup of(Referral referral) {
        return ofRace(Require.present(referral, "referral").submission().person().demographics());
    }

    /** Whether this is the unknown group. */
    public boolean isUnknown() {
        return this.equals(UNKNOWN);
    }

    @Override
    public int compareTo(EquityGroup o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}

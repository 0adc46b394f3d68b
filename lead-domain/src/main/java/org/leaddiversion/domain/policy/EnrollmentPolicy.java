/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Engagement status and closure of enrollments (SPEC §5.2–5.4, §9.2).
 *
 * @param inactivityThresholdDays days without a participant contact after which an enrollment becomes INACTIVE
 *                                (rule R26); default 90
 * @param allowedClosureReasons   {@code closure.allowedReasons} (rule R27); never contains a forbidden reason
 *                                (rule R24); {@code VOLUNTARY_WITHDRAWAL} is always added
 */
public record EnrollmentPolicy(int inactivityThresholdDays, Set<ClosureReason> allowedClosureReasons) {

    /** The default allowed reasons: TERMINATED_BY_SITE_CRITERIA and ADMINISTRATIVE_INACTIVITY are off. */
    public static final Set<ClosureReason> DEFAULT_ALLOWED = Collections.unmodifiableSet(EnumSet.of(
            ClosureReason.GOALS_MET_SELF_SUFFICIENT, ClosureReason.VOLUNTARY_WITHDRAWAL, ClosureReason.DECEASED,
            ClosureReason.MOVED_OUT_OF_AREA, ClosureReason.LONG_TERM_INCARCERATION));

    public EnrollmentPolicy {
        Require.atLeast(inactivityThresholdDays, 1, "inactivityThresholdDays");
        Require.noNulls(allowedClosureReasons, "closure.allowedReasons");
        var all = EnumSet.of(ClosureReason.VOLUNTARY_WITHDRAWAL);
        all.addAll(allowedClosureReasons);
        for (ClosureReason r : all) {
            if (r.isForbidden()) {
                throw new InvalidValueException("closure.allowedReasons",
                        r + " is never an allowed closure reason (rule R24)");
            }
        }
        allowedClosureReasons = Collections.unmodifiableSet(all);
    }

    /** Threshold 90 days, the default allowed reasons. */
    public static EnrollmentPolicy defaults() {
        return new EnrollmentPolicy(90, DEFAULT_ALLOWED);
    }

    /** Whether a closure with the reason is allowed by this policy (rules R24, R27). */
    public boolean allows(ClosureReason reason) {
        return reason == ClosureReason.VOLUNTARY_WITHDRAWAL || allowedClosureReasons.contains(reason);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/**
 * Why an enrollment ended (SPEC §5.4). Some reasons are never allowed, whatever the site policy (rule R24): people
 * cannot fail out of LEAD for use, relapse or non-compliance.
 */
public enum ClosureReason {
    GOALS_MET_SELF_SUFFICIENT(false),
    /** Always allowed (rules R03, R27). */
    VOLUNTARY_WITHDRAWAL(false),
    DECEASED(false),
    MOVED_OUT_OF_AREA(false),
    LONG_TERM_INCARCERATION(false),
    /** Configurable, off by default. */
    TERMINATED_BY_SITE_CRITERIA(false),
    /** Configurable, off by default; closes only an INACTIVE enrollment (rule R26). */
    ADMINISTRATIVE_INACTIVITY(false),
    CONTINUED_SUBSTANCE_USE(true),
    RELAPSE(true),
    POSITIVE_TEST(true),
    NON_ABSTINENCE(true),
    CONTINUED_SEX_WORK(true),
    MISSED_APPOINTMENTS(true),
    GOAL_NOT_MET(true),
    NEW_ARREST(true);

    private final boolean forbidden;

    ClosureReason(boolean forbidden) {
        this.forbidden = forbidden;
    }

    /** Whether the reason is never allowed, in any configuration (rule R24). */
    public boolean isForbidden() {
        return forbidden;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** How binding an exclusion criterion is (SPEC §4.5, rule R09). */
public enum RuleStrength {
    /** Result INELIGIBLE; nobody can override. */
    HARD,
    /** Result PRESUMPTIVELY_INELIGIBLE; the site's override authority may lift it with a written reason. */
    PRESUMPTIVE,
    /** A recorded factor that never changes the result by itself; the officer may simply not offer LEAD. */
    DISCRETIONARY
}

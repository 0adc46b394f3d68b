/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

/** How a produced relative rate index stands against the site's bounds (SPEC §8.5, rule R39). */
public enum RriFlag {
    /** Inside {@code [lowerBound, upperBound]}, bounds included. */
    WITHIN_BOUNDS,
    /** Below the lower bound: the group is referred less often than the reference group, relative to its pool. */
    BELOW_LOWER_BOUND,
    /** Above the upper bound: the group is referred more often than the reference group, relative to its pool. */
    ABOVE_UPPER_BOUND,
    /** No RRI was produced (suppressed), so there is nothing to flag. */
    NOT_PRODUCED;

    /** Whether the PCG is to be alerted ({@code EquityFlagRaised}). */
    public boolean isRaised() {
        return this == BELOW_LOWER_BOUND || this == ABOVE_UPPER_BOUND;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import org.leaddiversion.domain.common.InvalidValueException;

/**
 * A group's two counts for the referral relative rate index (SPEC §8.5): its LEAD referrals and its eligible pool.
 *
 * @param referrals the group's referrals in the period, every door
 * @param pool      the group's eligible pool: arrests and citations for divertible offences in the catchment, plus the
 *                  group's referrals not tied to an arrest
 */
public record GroupCounts(long referrals, long pool) {

    /** No referrals, no pool. */
    public static final GroupCounts NONE = new GroupCounts(0, 0);

    /** Validates that both counts are non-negative. */
    public GroupCounts {
        if (referrals < 0 || pool < 0) {
            throw new InvalidValueException("groupCounts", "must not be negative");
        }
    }

    /** These counts plus others. */
    public GroupCounts plus(GroupCounts other) {
        return new GroupCounts(Math.addExact(referrals, other.referrals), Math.addExact(pool, other.pool));
    }
}

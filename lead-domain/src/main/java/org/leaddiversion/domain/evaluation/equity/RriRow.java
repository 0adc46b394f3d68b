/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;

/**
 * One group's line of the internal equity report (rule R39). Its referral and pool counts are shown in full — internal
 * monitoring never suppresses them, because a large pool with no referral is exactly the signal to catch; only the RRI
 * is suppressed when a pool is too small to say anything.
 *
 * @param group     the group
 * @param reference whether this is the reference group (its RRI, when produced, is 1)
 * @param referrals the group's referrals
 * @param pool      the group's eligible pool
 * @param rate      referrals / pool; empty when the pool is empty
 * @param status    whether the RRI was produced
 * @param rri       {@code (referrals_g / pool_g) / (referrals_ref / pool_ref)}, exact; present exactly when produced
 * @param flag      the RRI against the bounds; {@link RriFlag#NOT_PRODUCED} exactly when suppressed
 */
public record RriRow(EquityGroup group, boolean reference, long referrals, long pool, Optional<Fraction> rate,
                     RriStatus status, Optional<Fraction> rri, RriFlag flag) {

    /** Validates the parts and their agreement: an RRI and a flag exist exactly when produced. */
    public RriRow {
        Require.present(group, "rriRow.group");
        if (referrals < 0 || pool < 0) {
            throw new InvalidValueException("rriRow", "counts must not be negative");
        }
        Require.present(rate, "rriRow.rate");
        Require.present(status, "rriRow.status");
        Require.present(rri, "rriRow.rri");
        Require.present(flag, "rriRow.flag");
        boolean produced = status == RriStatus.PRODUCED;
        if (produced != rri.isPresent() || produced == (flag == RriFlag.NOT_PRODUCED)) {
            throw new InvalidValueException("rriRow", "an RRI and its flag exist exactly when it is produced");
        }
    }
}

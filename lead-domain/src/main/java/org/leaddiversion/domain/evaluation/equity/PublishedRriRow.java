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
 * One group's line of the public equity report: counts are {@link Cell}s, and the rate, RRI and flag are withheld
 * whenever a count they are computed from is.
 *
 * @param group     the group
 * @param reference whether this is the reference group
 * @param referrals the group's referrals, or suppressed
 * @param pool      the group's eligible pool, or suppressed
 * @param rate      referrals / pool, shown only when both are
 * @param status    whether an RRI is published
 * @param rri       the RRI, present exactly when published
 * @param flag      the flag, {@link RriFlag#NOT_PRODUCED} exactly when no RRI is published
 */
public record PublishedRriRow(EquityGroup group, boolean reference, Cell referrals, Cell pool, Optional<Fraction> rate,
                              RriStatus status, Optional<Fraction> rri, RriFlag flag) {

    /** Validates the parts and their agreement. */
    public PublishedRriRow {
        Require.present(group, "publishedRriRow.group");
        Require.present(referrals, "publishedRriRow.referrals");
        Require.present(pool, "publishedRriRow.pool");
        Require.present(rate, "publishedRriRow.rate");
        Require.present(status, "publishedRriRow.status");
        Require.present(rri, "publishedRriRow.rri");
        Require.present(flag, "publishedRriRow.flag");
        boolean produced = status == RriStatus.PRODUCED;
        if (produced != rri.isPresent() || produced == (flag == RriFlag.NOT_PRODUCED)) {
            throw new InvalidValueException("publishedRriRow", "an RRI and its flag exist exactly when published");
        }
    }
}

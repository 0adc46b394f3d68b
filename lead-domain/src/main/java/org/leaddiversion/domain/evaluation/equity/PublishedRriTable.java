/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.EquityGroup;

/**
 * The referral relative rate index as a public or aggregate report may show it ({@link RriTable#publish()}): every
 * shown count is at least the minimum cell size, and no suppressed count can be worked out by subtracting shown
 * counts from a shown total.
 *
 * @param minCellSize    the minimum cell size applied
 * @param rows           one row per reported group, in report order
 * @param totalReferrals all referrals, or suppressed
 * @param totalPool      the whole eligible pool, or suppressed
 */
public record PublishedRriTable(int minCellSize, List<PublishedRriRow> rows, Cell totalReferrals, Cell totalPool) {

    /** Validates the parts. */
    public PublishedRriTable {
        Require.atLeast(minCellSize, 1, "minCellSize");
        rows = List.copyOf(Require.noNulls(rows, "rows"));
        Require.present(totalReferrals, "totalReferrals");
        Require.present(totalPool, "totalPool");
    }

    /** The row of a group. */
    public Optional<PublishedRriRow> row(EquityGroup group) {
        return rows.stream().filter(r -> r.group().equals(group)).findFirst();
    }
}

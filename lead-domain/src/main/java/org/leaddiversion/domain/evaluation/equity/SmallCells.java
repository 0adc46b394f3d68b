/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Small-cell suppression of published counts (SPEC §8.5, rule R39: "public/aggregate exports apply minCellSize to
 * every published count").
 *
 * <p>A <em>small</em> count is one from 1 to {@code minCellSize − 1}: few enough people that a reader might recognise
 * them. Zero is not small — an empty cell holds nobody who could be recognised, and R39's own signal, a large pool
 * with no referral, must stay visible [derived; a PCG wanting zeros suppressed too can raise the matter].
 *
 * <p>A <em>margin</em> is a set of counts (the parts) that belong to one published total: referrals per group and all
 * referrals, people arrested and the cohort, decisions per kind and all decisions. Publishing it takes two steps:
 * <ol>
 *   <li><b>Primary suppression.</b> Every small part, and a small total, is suppressed.</li>
 *   <li><b>Complementary suppression.</b> When the total is shown, a reader can subtract the shown parts from it and
 *       learn the sum of everything hidden. So while that sum is small, the smallest shown non-zero part is suppressed
 *       too (the earlier part on a tie). The hidden remainder of an incomplete margin — the people <em>without</em>
 *       the outcome, when only those with it are a part — counts as hidden.</li>
 * </ol>
 * The result keeps two promises, which the property tests check: no shown count is small, and
 * {@code total − Σ shown parts} is never small. Extending suppression from the published counts to the counts a reader
 * can derive by subtraction is a library decision [derived].
 */
public final class SmallCells {

    private SmallCells() {
    }

    /**
     * A published margin: each part's cell, in the order given, and the total's cell.
     *
     * @param cells part → its published cell
     * @param total the published total
     * @param <K>   what identifies a part
     */
    public record Margin<K>(Map<K, Cell> cells, Cell total) {
        /** Copies the cells in order. */
        public Margin {
            Require.present(cells, "margin.cells");
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
            Require.present(total, "margin.total");
        }
    }

    /** Whether a count is small: from 1 to {@code minCellSize − 1}. */
    public static boolean isSmall(long count, int minCellSize) {
        return count >= 1 && count < minCellSize;
    }

    /** One count on its own: suppressed when small, shown otherwise. */
    public static Cell cell(long count, int minCellSize) {
        Require.atLeast(minCellSize, 1, "minCellSize");
        return isSmall(count, minCellSize) ? Cell.SUPPRESSED : Cell.shown(count);
    }

    /**
     * Publishes a margin.
     *
     * @param parts       the parts in report order (the order breaks ties in complementary suppression)
     * @param total       the total the parts belong to; at least their sum
     * @param complete    whether the parts add up to the total by construction (every referral has exactly one
     *                    door); when not, the remainder {@code total − Σ parts} is a hidden part
     * @param minCellSize the site's minimum cell size
     * @param <K>         what identifies a part
     * @return the published cells
     */
    public static <K> Margin<K> publish(Map<K, Long> parts, long total, boolean complete, int minCellSize) {
        Require.present(parts, "parts");
        Require.atLeast(minCellSize, 1, "minCellSize");
        long sum = 0;
        for (Long v : parts.values()) {
            if (v == null || v < 0) {
                throw new InvalidValueException("parts", "must be counts, never negative");
            }
            sum = Math.addExact(sum, v);
        }
        long remainder = total - sum;
        if (remainder < 0 || (complete && remainder != 0)) {
            throw new InvalidValueException("total", complete ? "must equal the sum of a complete margin's parts"
                    : "must be at least the sum of the parts");
        }
        List<K> keys = new ArrayList<>(parts.keySet());
        boolean[] hidden = new boolean[keys.size()];
        long hiddenSum = remainder;
        for (int i = 0; i < keys.size(); i++) {
            long v = parts.get(keys.get(i));
            if (isSmall(v, minCellSize)) {
                hidden[i] = true;
                hiddenSum += v;
            }
        }
        boolean totalShown = !isSmall(total, minCellSize);
        while (totalShown && isSmall(hiddenSum, minCellSize)) {
            int smallest = -1;
            for (int i = 0; i < keys.size(); i++) {
                long v = parts.get(keys.get(i));
                if (!hidden[i] && v > 0 && (smallest < 0 || v < parts.get(keys.get(smallest)))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break; // unreachable: with every non-zero part hidden, hiddenSum == total, which is not small
            }
            hidden[smallest] = true;
            hiddenSum += parts.get(keys.get(smallest));
        }
        var cells = new LinkedHashMap<K, Cell>();
        for (int i = 0; i < keys.size(); i++) {
            cells.put(keys.get(i), hidden[i] ? Cell.SUPPRESSED : Cell.shown(parts.get(keys.get(i))));
        }
        return new Margin<>(cells, totalShown ? Cell.shown(total) : Cell.SUPPRESSED);
    }
}

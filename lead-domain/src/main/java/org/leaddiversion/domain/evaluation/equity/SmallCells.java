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
 * <p>A <em>margin</em> is a set of counts (the parts) that belong to one published total: referrals per group and all
 * referrals, people arrested and the cohort, decisions per kind and all decisions. Publishing it takes two steps:
 * <ol>
 *   <li><b>Primary suppression.</b> Every part, and the total, below the minimum cell size is suppressed — zero
 *       included, since "nobody" is also a count below the minimum.</li>
 *   <li><b>Complementary suppression.</b> When the total is shown, a reader can subtract the shown parts from it and
 *       learn the sum of everything hidden. So while that sum is below the minimum (and something is hidden), the
 *       smallest shown part is suppressed too (the earlier part on a tie). The hidden remainder of an incomplete
 *       margin — the people <em>without</em> the outcome, when only those with it are a part — counts as hidden.</li>
 * </ol>
 * The result keeps two promises, which the property tests check: every shown count is at least the minimum, and
 * {@code total − Σ shown parts} is either zero with nothing hidden or at least the minimum. Extending the library's
 * suppression beyond the SPEC's literal "every published count" to counts derivable by subtraction is a library
 * decision [derived].
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

    /** One count on its own: shown when at least {@code minCellSize}, otherwise suppressed. */
    public static Cell cell(long count, int minCellSize) {
        Require.atLeast(minCellSize, 1, "minCellSize");
        return count >= minCellSize ? Cell.shown(count) : Cell.SUPPRESSED;
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
        long hiddenSum = complete ? 0 : remainder;
        int hiddenCount = complete ? 0 : 1;
        for (int i = 0; i < keys.size(); i++) {
            long v = parts.get(keys.get(i));
            if (v < minCellSize) {
                hidden[i] = true;
                hiddenSum += v;
                hiddenCount++;
            }
        }
        boolean totalShown = total >= minCellSize;
        while (totalShown && hiddenCount > 0 && hiddenSum < minCellSize) {
            int smallest = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (!hidden[i] && (smallest < 0 || parts.get(keys.get(i)) < parts.get(keys.get(smallest)))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break; // everything is hidden; then hiddenSum == total >= minCellSize and the loop has ended anyway
            }
            hidden[smallest] = true;
            hiddenSum += parts.get(keys.get(smallest));
            hiddenCount++;
        }
        var cells = new LinkedHashMap<K, Cell>();
        for (int i = 0; i < keys.size(); i++) {
            cells.put(keys.get(i), hidden[i] ? Cell.SUPPRESSED : Cell.shown(parts.get(keys.get(i))));
        }
        return new Margin<>(cells, totalShown ? Cell.shown(total) : Cell.SUPPRESSED);
    }
}

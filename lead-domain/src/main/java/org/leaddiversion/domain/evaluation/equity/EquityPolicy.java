/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.policy.EquitySettings;
import org.leaddiversion.domain.policy.SitePolicy;

/**
 * A site's equity-monitoring configuration, the {@code equity.*} keys of SPEC §9.2, with the defaults of SPEC §8.5:
 * flag a relative rate index below 0.80 or above 1.25, never compute one over an eligible pool of fewer than 10 people
 * and never publish a count below 10, report quarterly, compare every group with White. The sources set the goal but
 * no official metric, so these are library defaults for each Policy Coordinating Group to confirm (SPEC §12.8).
 *
 * @param lowerBound      an RRI strictly below it is flagged; {@code 0 < lowerBound ≤ 1}
 * @param upperBound      an RRI strictly above it is flagged; {@code upperBound ≥ 1}
 * @param minCellSize     the smallest eligible pool an RRI is computed over, and the smallest count a public report
 *                        shows (rule R39); at least 1
 * @param reportingPeriod how often the equity report goes to the PCG
 * @param categories      the site's race/ethnicity categories, in report order; groups found in the data but not
 *                        listed are still reported (never folded into another), after them. {@code UNKNOWN} is always
 *                        reported, last, and is not listed here
 * @param reference       the group every other group is compared with; never {@code UNKNOWN}, and one of the categories
 *                        when categories are listed
 */
public record EquityPolicy(BigDecimal lowerBound, BigDecimal upperBound, int minCellSize, Period reportingPeriod,
                           List<EquityGroup> categories, EquityGroup reference) {

    /** Default lower bound, 0.80. */
    public static final BigDecimal DEFAULT_LOWER_BOUND = EquitySettings.DEFAULT_LOWER_BOUND;
    /** Default upper bound, 1.25. */
    public static final BigDecimal DEFAULT_UPPER_BOUND = EquitySettings.DEFAULT_UPPER_BOUND;
    /** Default minimum cell size, 10. */
    public static final int DEFAULT_MIN_CELL_SIZE = EquitySettings.DEFAULT_MIN_CELL_SIZE;
    /** Default reporting period, quarterly. */
    public static final Period DEFAULT_REPORTING_PERIOD = EquitySettings.DEFAULT_REPORTING_PERIOD;
    /** Default reference group, {@code WHITE}. */
    public static final EquityGroup DEFAULT_REFERENCE = new EquityGroup(EquitySettings.DEFAULT_REFERENCE);

    /** Validates the bounds, the cell size, the period and the groups. */
    public EquityPolicy {
        Require.present(lowerBound, "equity.lowerBound");
        Require.present(upperBound, "equity.upperBound");
        if (lowerBound.signum() <= 0 || lowerBound.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("equity.lowerBound", "must be above 0 and at most 1");
        }
        if (upperBound.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidValueException("equity.upperBound", "must be at least 1");
        }
        Require.atLeast(minCellSize, 1, "equity.minCellSize");
        Require.present(reportingPeriod, "equity.reportingPeriod");
        if (reportingPeriod.isZero() || reportingPeriod.isNegative()) {
            throw new InvalidValueException("equity.reportingPeriod", "must be positive");
        }
        categories = List.copyOf(Require.noNulls(categories, "equity.categories"));
        if (new HashSet<>(categories).size() != categories.size()) {
            throw new InvalidValueException("equity.categories", "must not repeat a category");
        }
        if (categories.contains(EquityGroup.UNKNOWN)) {
            throw new InvalidValueException("equity.categories", "must not list UNKNOWN: it is always reported");
        }
        Require.present(reference, "equity.reference");
        if (reference.isUnknown()) {
            throw new InvalidValueException("equity.reference", "must be a recorded group, not UNKNOWN");
        }
        if (!categories.isEmpty() && !categories.contains(reference)) {
            throw new InvalidValueException("equity.reference", "must be one of the categories");
        }
    }

    /** The SPEC defaults: 0.80 / 1.25, cell size 10, quarterly, reference WHITE, categories as found in the data. */
    public static EquityPolicy defaults() {
        return new EquityPolicy(DEFAULT_LOWER_BOUND, DEFAULT_UPPER_BOUND, DEFAULT_MIN_CELL_SIZE,
                DEFAULT_REPORTING_PERIOD, List.of(), DEFAULT_REFERENCE);
    }

    /** The policy of a site's equity settings ({@code equity.*} of its policy file, SPEC §9.2). */
    public static EquityPolicy of(EquitySettings settings) {
        Require.present(settings, "equity");
        return new EquityPolicy(settings.lowerBound(), settings.upperBound(), settings.minCellSize(),
                settings.reportingPeriod(), settings.categories().stream().map(EquityGroup::new).toList(),
                new EquityGroup(settings.reference()));
    }

    /** The equity policy of a site policy version: its {@link SitePolicy#equity()} settings. */
    public static EquityPolicy of(SitePolicy policy) {
        return of(Require.present(policy, "policy").equity());
    }

    /** This policy with other categories and reference group. */
    public EquityPolicy withGroups(List<EquityGroup> categories, EquityGroup reference) {
        return new EquityPolicy(lowerBound, upperBound, minCellSize, reportingPeriod, categories, reference);
    }

    /** This policy with another minimum cell size. */
    public EquityPolicy withMinCellSize(int minCellSize) {
        return new EquityPolicy(lowerBound, upperBound, minCellSize, reportingPeriod, categories, reference);
    }

    /** This policy with other flag bounds. */
    public EquityPolicy withBounds(BigDecimal lowerBound, BigDecimal upperBound) {
        return new EquityPolicy(lowerBound, upperBound, minCellSize, reportingPeriod, categories, reference);
    }

    /**
     * The groups a report lists, in order: the configured categories (or, when none are configured, the reference
     * group first), then every other group found in the data in code order, then {@code UNKNOWN} — always, even when
     * nobody is unknown.
     */
    public List<EquityGroup> reportedGroups(Collection<EquityGroup> found) {
        Require.noNulls(found, "groups");
        var out = new ArrayList<EquityGroup>(categories.isEmpty() ? List.of(reference) : categories);
        var others = new TreeSet<>(found);
        others.removeAll(out);
        others.remove(EquityGroup.UNKNOWN);
        out.addAll(others);
        out.add(EquityGroup.UNKNOWN);
        return List.copyOf(out);
    }

    /** How an RRI stands against the bounds: flagged exactly when strictly outside {@code [lower, upper]}. */
    public RriFlag flag(Fraction rri) {
        Require.present(rri, "rri");
        if (rri.isBelow(lowerBound)) {
            return RriFlag.BELOW_LOWER_BOUND;
        }
        return rri.isAbove(upperBound) ? RriFlag.ABOVE_UPPER_BOUND : RriFlag.WITHIN_BOUNDS;
    }
}

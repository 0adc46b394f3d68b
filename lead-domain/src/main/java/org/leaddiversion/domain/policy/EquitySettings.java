/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.math.BigDecimal;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * A site's racial-equity monitoring settings (SPEC §8.5, §9.2 {@code equity.*}, rule R39). The evaluation package
 * turns them into its {@code EquityPolicy}; the thresholds are library choices each PCG confirms (SPEC §12.8).
 *
 * @param lowerBound      {@code equity.lowerBound}: an RRI below it is flagged; above 0 and at most 1; default 0.80
 * @param upperBound      {@code equity.upperBound}: an RRI above it is flagged; at least 1; default 1.25
 * @param minCellSize     {@code equity.minCellSize}: an RRI needs both eligible pools at least this large, and every
 *                        published count from 1 to one below it is suppressed; at least 1; default 10
 * @param reportingPeriod {@code equity.reportingPeriod}: how often the PCG gets the report; positive; default
 *                        quarterly ({@code P3M})
 * @param categories      {@code equity.categories}: the race/ethnicity categories reported first, in order (empty:
 *                        those found in the data); never {@code UNKNOWN}, which is always reported on its own
 * @param reference       {@code equity.reference}: the reference group of the RRI; one of the categories when they
 *                        are listed; never {@code UNKNOWN}; default {@code WHITE}
 */
public record EquitySettings(BigDecimal lowerBound, BigDecimal upperBound, int minCellSize, Period reportingPeriod,
                             List<String> categories, String reference) {

    /** The SPEC defaults' lower bound, 0.80. */
    public static final BigDecimal DEFAULT_LOWER_BOUND = new BigDecimal("0.80");
    /** The SPEC defaults' upper bound, 1.25. */
    public static final BigDecimal DEFAULT_UPPER_BOUND = new BigDecimal("1.25");
    /** The SPEC defaults' minimum cell size, 10. */
    public static final int DEFAULT_MIN_CELL_SIZE = 10;
    /** The SPEC defaults' reporting period, quarterly. */
    public static final Period DEFAULT_REPORTING_PERIOD = Period.ofMonths(3);
    /** The SPEC defaults' reference group, {@code WHITE}. */
    public static final String DEFAULT_REFERENCE = "WHITE";

    private static final String UNKNOWN = "UNKNOWN";

    /** Validates each setting, naming its key. */
    public EquitySettings {
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
        if (reportingPeriod.isZero() || reportingPeriod.isNegative() || reportingPeriod.getYears() < 0
                || reportingPeriod.getMonths() < 0 || reportingPeriod.getDays() < 0) {
            throw new InvalidValueException("equity.reportingPeriod", "must be positive");
        }
        categories = List.copyOf(Require.noNulls(categories, "equity.categories"));
        for (String c : categories) {
            Require.id(c, "equity.categories");
            if (c.equalsIgnoreCase(UNKNOWN)) {
                throw new InvalidValueException("equity.categories", "must not list UNKNOWN: it is always reported");
            }
        }
        if (new HashSet<>(categories).size() != categories.size()) {
            throw new InvalidValueException("equity.categories", "must not repeat a category");
        }
        Require.id(reference, "equity.reference");
        if (reference.toUpperCase(Locale.ROOT).equals(UNKNOWN)) {
            throw new InvalidValueException("equity.reference", "must be a recorded group, not UNKNOWN");
        }
        if (!categories.isEmpty() && !categories.contains(reference)) {
            throw new InvalidValueException("equity.reference", "must be one of equity.categories");
        }
    }

    /** The SPEC §8.5 defaults: 0.80 / 1.25, cell size 10, quarterly, reference WHITE, categories as found. */
    public static EquitySettings defaults() {
        return new EquitySettings(DEFAULT_LOWER_BOUND, DEFAULT_UPPER_BOUND, DEFAULT_MIN_CELL_SIZE,
                DEFAULT_REPORTING_PERIOD, List.of(), DEFAULT_REFERENCE);
    }
}

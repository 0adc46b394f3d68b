/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.CohortComparison;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.Stratum;

/**
 * Small-cell suppression of measure rows for public and aggregate reports (SPEC §2.2 {@code AGGREGATE} data, §8.5,
 * rule R39): the minimum cell size applies to every published count, as {@link SmallCells} defines it (counts from 1
 * to the minimum minus one are small; zero is not).
 *
 * <ul>
 *   <li>A row about a small number of people ({@code subjects}) shows nothing: a rate over three people is about
 *       those three people.</li>
 *   <li>A yes/no measure's {@code count} and {@code base} count people directly, so they are published as a margin
 *       ({@link SmallCells}): the people with the outcome are one part, those without are the hidden remainder. A
 *       share of 48 out of 50 is withheld, because it would reveal the 2 without the outcome.</li>
 *   <li>The rows of a measure that splits one base completely (each referral through one door, see
 *       {@link Measure#partition()}) are one margin together, with the base as total.</li>
 *   <li>The case managers' rows of {@link Measure#CASELOAD_PER_CASE_MANAGER} (a caseload counts participants) are
 *       one margin with the mean row's total of all caseloads: a small caseload is withheld, and so is another
 *       whenever the total would otherwise give it back by subtraction.</li>
 *   <li>{@link Measure#TIME_TO_REARREST} counts people as well (the members re-arrested of those followed), so it is
 *       published as a yes/no row is; its median or mean days are shown only with its count.</li>
 *   <li>For other measures (days, money, events per person-year) count and base are shown when the row's subjects
 *       are.</li>
 *   <li>A value is shown only when every count it is computed from is.</li>
 * </ul>
 */
public final class Publication {

    private Publication() {
    }

    /** The rows as published under the policy's minimum cell size, in the same order. */
    public static List<PublishedMeasure> publish(List<MeasureResult> rows, EquityPolicy policy) {
        Require.noNulls(rows, "rows");
        Require.present(policy, "policy");
        int min = policy.minCellSize();
        Map<String, SmallCells.Margin<Integer>> partitions = partitionMargins(rows, min);
        Optional<SmallCells.Margin<Integer>> caseloads = caseloadMargin(rows, min);
        var out = new ArrayList<PublishedMeasure>();
        for (int i = 0; i < rows.size(); i++) {
            MeasureResult r = rows.get(i);
            Cell subjects = SmallCells.cell(r.subjects(), min);
            Cell count;
            Cell base;
            if (r.measure() == Measure.CASELOAD_PER_CASE_MANAGER && caseloads.isPresent()) {
                // a case manager's caseload (count = subjects = participants) or the total of all of them
                count = r.stratum().get(CASE_MANAGER).isPresent() ? caseloads.get().cells().get(i)
                        : caseloads.get().total();
                subjects = count;
                base = Cell.shown(r.base());
            } else if (r.measure().countsSubjects() && r.measure().partition().isPresent()) {
                SmallCells.Margin<Integer> margin = partitions.get(partitionKey(r));
                count = margin.cells().get(i);
                base = margin.total();
            } else if (r.measure().countsSubjects() || r.measure() == Measure.TIME_TO_REARREST) {
                // TIME_TO_REARREST counts people too (members re-arrested of those followed), and its value is a
                // statistic of those few: published as a share is, or the row would show what ARREST_ANY withholds
                SmallCells.Margin<Integer> margin = SmallCells.publish(Map.of(0, r.count()), r.base(), false, min);
                count = margin.cells().get(0);
                base = margin.total();
            } else {
                count = subjects.isSuppressed() ? Cell.SUPPRESSED : Cell.shown(r.count());
                base = subjects.isSuppressed() ? Cell.SUPPRESSED : Cell.shown(r.base());
            }
            if (subjects.isSuppressed()) {
                count = Cell.SUPPRESSED;
                base = Cell.SUPPRESSED;
            }
            boolean valueShown = !subjects.isSuppressed() && !count.isSuppressed() && !base.isSuppressed();
            out.add(new PublishedMeasure(r.measure(), r.stratum(), subjects, count, base,
                    valueShown ? r.value() : Optional.empty(), r.currency()));
        }
        return List.copyOf(out);
    }

    /**
     * A participants-vs-comparison comparison as published under the policy's minimum cell size: each cohort's row is
     * published as {@link #publish(List, EquityPolicy)} publishes a yes/no row (the count and the size, and by
     * complement the count without the outcome), and the odds ratio is shown only when all four counts are — otherwise
     * it and the shown counts would give a suppressed count back.
     */
    public static PublishedComparison publish(CohortComparison comparison, EquityPolicy policy) {
        Require.present(comparison, "comparison");
        Require.present(policy, "policy");
        List<PublishedMeasure> rows = publish(List.of(
                MeasureResult.proportion(comparison.measure(), comparison.stratum().and("cohort", Cohort.PARTICIPANTS),
                        comparison.participantsWith(), comparison.participants()),
                MeasureResult.proportion(comparison.measure(), comparison.stratum().and("cohort", Cohort.COMPARISON),
                        comparison.comparisonWith(), comparison.comparison())), policy);
        PublishedMeasure p = rows.get(0);
        PublishedMeasure c = rows.get(1);
        boolean allShown = !p.count().isSuppressed() && !p.base().isSuppressed() && !c.count().isSuppressed()
                && !c.base().isSuppressed();
        return new PublishedComparison(comparison.measure(), comparison.stratum(), p.count(), p.base(), c.count(),
                c.base(), p.value(), c.value(), allShown ? comparison.oddsRatio() : Optional.empty());
    }

    /** Every comparison published, in order ({@link #publish(CohortComparison, EquityPolicy)}). */
    public static List<PublishedComparison> publishComparisons(List<CohortComparison> comparisons,
                                                               EquityPolicy policy) {
        Require.noNulls(comparisons, "comparisons");
        return comparisons.stream().map(c -> publish(c, policy)).toList();
    }

    private static final String CASE_MANAGER = "caseManager";

    /**
     * The case managers' caseloads as one margin whose total is the mean row's count (all caseloads), when the rows
     * hold caseload rows; the total is the parts' sum when there is no mean row.
     */
    private static Optional<SmallCells.Margin<Integer>> caseloadMargin(List<MeasureResult> rows, int min) {
        var parts = new LinkedHashMap<Integer, Long>();
        Long total = null;
        for (int i = 0; i < rows.size(); i++) {
            MeasureResult r = rows.get(i);
            if (r.measure() != Measure.CASELOAD_PER_CASE_MANAGER) {
                continue;
            }
            if (r.stratum().get(CASE_MANAGER).isPresent()) {
                parts.put(i, r.count());
            } else {
                total = r.count();
            }
        }
        if (parts.isEmpty() && total == null) {
            return Optional.empty();
        }
        long sum = parts.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of(SmallCells.publish(parts, total == null ? sum : total, true, min));
    }

    private static Map<String, SmallCells.Margin<Integer>> partitionMargins(List<MeasureResult> rows, int min) {
        Map<String, LinkedHashMap<Integer, Long>> parts = new LinkedHashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MeasureResult r = rows.get(i);
            if (!r.measure().countsSubjects() || r.measure().partition().isEmpty()) {
                continue;
            }
            String key = partitionKey(r);
            parts.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(i, r.count());
            Long previous = totals.put(key, r.base());
            if (previous != null && previous != r.base()) {
                throw new InvalidValueException("rows", "the rows of one " + r.measure() + " split need one base");
            }
        }
        Map<String, SmallCells.Margin<Integer>> out = new HashMap<>();
        parts.forEach((key, p) -> {
            long total = totals.get(key);
            long sum = p.values().stream().mapToLong(Long::longValue).sum();
            // a split published whole is complete; one with rows left out keeps the rest as a hidden remainder
            out.put(key, SmallCells.publish(p, total, sum == total, min));
        });
        return out;
    }

    private static String partitionKey(MeasureResult r) {
        Stratum rest = r.stratum().without(r.measure().partition().orElseThrow());
        return r.measure().id() + "|" + rest;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.CohortComparison;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.OutcomeMeasures;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.ReportScope;

/**
 * The outcome report of a site's period (SPEC §8.2–8.4): every outcome measure for the participants who entered in the
 * period and for the comparison cohort, each list exactly what {@link OutcomeMeasures#all} gives for that cohort, and
 * the participants-vs-comparison {@link CohortComparison} (odds ratios) of every yes/no measure, window by window.
 *
 * @param scope        the site and period the cohorts entered in
 * @param window       the pre/post design
 * @param currency     the currency of the cost rows
 * @param participants the rows of the participant cohort ({@code cohort=LEAD})
 * @param comparison   the rows of the comparison cohort ({@code cohort=COMPARISON})
 * @param comparisons  one comparison per yes/no measure and window, in the order of the rows
 */
public record OutcomeReport(ReportScope scope, OutcomeWindow window, Currency currency,
                            List<MeasureResult> participants, List<MeasureResult> comparison,
                            List<CohortComparison> comparisons) {

    /** Validates and copies the parts. */
    public OutcomeReport {
        Require.present(scope, "outcomeReport.scope");
        Require.present(window, "outcomeReport.window");
        Require.present(currency, "outcomeReport.currency");
        participants = List.copyOf(Require.noNulls(participants, "outcomeReport.participants"));
        comparison = List.copyOf(Require.noNulls(comparison, "outcomeReport.comparison"));
        comparisons = List.copyOf(Require.noNulls(comparisons, "outcomeReport.comparisons"));
    }

    /**
     * The report of two cohorts' rows (as {@link OutcomeMeasures#all} gives them, e.g. computed in memory), with the
     * comparisons derived from their yes/no rows.
     */
    public static OutcomeReport of(ReportScope scope, OutcomeWindow window, Currency currency,
                                   List<MeasureResult> participants, List<MeasureResult> comparison) {
        Require.noNulls(participants, "participants");
        Require.noNulls(comparison, "comparison");
        if (participants.size() != comparison.size()) {
            throw new InvalidValueException("comparison", "must have a row for every participant row");
        }
        var comparisons = new ArrayList<CohortComparison>();
        for (int i = 0; i < participants.size(); i++) {
            MeasureResult p = participants.get(i);
            if (p.measure().countsSubjects()) {
                comparisons.add(CohortComparison.of(p, comparison.get(i)));
            }
        }
        return new OutcomeReport(scope, window, currency, participants, comparison, comparisons);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Participants against a comparison cohort on one yes/no outcome (SPEC §8.2, §8.3 "60% lower odds of arrest"): both
 * cohorts' counts and rates, and the {@link OddsRatio} with its 95% confidence interval. Counts and rates are exact;
 * the interval is derived deterministically from the counts.
 *
 * <p>This is the unadjusted comparison a site can reproduce from its own data. The Seattle evaluation's published odds
 * ratios were adjusted (propensity-score weighting, GEE models); a site's unadjusted figure is a sanity check, not a
 * replication.
 *
 * @param measure          the outcome measure
 * @param stratum          the slice compared (e.g. {@code window=POST}), without the cohort
 * @param participantsWith participants with the outcome
 * @param participants     participants measured
 * @param comparisonWith   comparison people with the outcome
 * @param comparison       comparison people measured
 * @param participantRate  participantsWith / participants; empty when nobody was measured
 * @param comparisonRate   comparisonWith / comparison; empty when nobody was measured
 * @param oddsRatio        the odds ratio of participants against comparison; empty unless both cohorts have someone
 */
public record CohortComparison(Measure measure, Stratum stratum, long participantsWith, long participants,
                               long comparisonWith, long comparison, Optional<Fraction> participantRate,
                               Optional<Fraction> comparisonRate, Optional<OddsRatio> oddsRatio) {

    /** Validates every part. */
    public CohortComparison {
        Require.present(measure, "comparison.measure");
        Require.present(stratum, "comparison.stratum");
        if (participantsWith < 0 || comparisonWith < 0 || participantsWith > participants
                || comparisonWith > comparison) {
            throw new InvalidValueException("comparison", "counts with the outcome must be between 0 and the cohort");
        }
        Require.present(participantRate, "comparison.participantRate");
        Require.present(comparisonRate, "comparison.comparisonRate");
        Require.present(oddsRatio, "comparison.oddsRatio");
    }

    /** The comparison of the four counts. */
    public static CohortComparison of(Measure measure, Stratum stratum, long participantsWith, long participants,
                                      long comparisonWith, long comparison) {
        if (participantsWith < 0 || comparisonWith < 0 || participantsWith > participants
                || comparisonWith > comparison) {
            throw new InvalidValueException("comparison", "counts with the outcome must be between 0 and the cohort");
        }
        Optional<OddsRatio> or = participants > 0 && comparison > 0
                ? Optional.of(OddsRatio.of(participantsWith, participants - participantsWith, comparisonWith,
                comparison - comparisonWith))
                : Optional.empty();
        return new CohortComparison(measure, stratum, participantsWith, participants, comparisonWith, comparison,
                participants == 0 ? Optional.empty() : Optional.of(Fraction.of(participantsWith, participants)),
                comparison == 0 ? Optional.empty() : Optional.of(Fraction.of(comparisonWith, comparison)), or);
    }

    /**
     * The comparison of two rows of the same yes/no measure and stratum, one per cohort (e.g. the POST rows of
     * {@link OutcomeMeasures#arrestAny} for the participants and for the comparison cohort).
     */
    public static CohortComparison of(MeasureResult participants, MeasureResult comparison) {
        Require.present(participants, "participants");
        Require.present(comparison, "comparison");
        if (participants.measure() != comparison.measure() || !participants.measure().countsSubjects()) {
            throw new InvalidValueException("comparison", "needs two rows of the same yes/no measure");
        }
        Stratum stratum = participants.stratum().without("cohort");
        if (!stratum.equals(comparison.stratum().without("cohort"))) {
            throw new InvalidValueException("comparison", "needs two rows of the same stratum");
        }
        return of(participants.measure(), stratum, participants.count(), participants.base(), comparison.count(),
                comparison.base());
    }
}

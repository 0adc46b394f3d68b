/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.CohortComparison;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.OddsRatio;
import org.leaddiversion.domain.evaluation.Stratum;

/**
 * A {@link CohortComparison} as a public or aggregate report may show it ({@link Publication#publish(CohortComparison,
 * EquityPolicy)}): each cohort's count with the outcome and size published as its own margin, a rate only when both are
 * shown, and the odds ratio only when all four counts are.
 *
 * @param measure          the yes/no measure
 * @param stratum          the slice, without the cohort
 * @param participantsWith participants with the outcome
 * @param participants     participants followed
 * @param comparisonWith   comparison members with the outcome
 * @param comparison       comparison members followed
 * @param participantRate  participantsWith / participants, when both are shown
 * @param comparisonRate   comparisonWith / comparison, when both are shown
 * @param oddsRatio        the odds ratio with its interval, when all four counts are shown
 */
public record PublishedComparison(Measure measure, Stratum stratum, Cell participantsWith, Cell participants,
                                  Cell comparisonWith, Cell comparison, Optional<Fraction> participantRate,
                                  Optional<Fraction> comparisonRate, Optional<OddsRatio> oddsRatio) {

    /** Validates the parts: an odds ratio is shown only over shown counts. */
    public PublishedComparison {
        Require.present(measure, "publishedComparison.measure");
        Require.present(stratum, "publishedComparison.stratum");
        Require.present(participantsWith, "publishedComparison.participantsWith");
        Require.present(participants, "publishedComparison.participants");
        Require.present(comparisonWith, "publishedComparison.comparisonWith");
        Require.present(comparison, "publishedComparison.comparison");
        Require.present(participantRate, "publishedComparison.participantRate");
        Require.present(comparisonRate, "publishedComparison.comparisonRate");
        Require.present(oddsRatio, "publishedComparison.oddsRatio");
        boolean anySuppressed = participantsWith.isSuppressed() || participants.isSuppressed()
                || comparisonWith.isSuppressed() || comparison.isSuppressed();
        if (oddsRatio.isPresent() && anySuppressed) {
            throw new InvalidValueException("publishedComparison.oddsRatio", "is shown only when every count is");
        }
    }

    /** Whether any of the four counts is withheld. */
    public boolean isSuppressed() {
        return participantsWith.isSuppressed() || participants.isSuppressed() || comparisonWith.isSuppressed()
                || comparison.isSuppressed();
    }
}

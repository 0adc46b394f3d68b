/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.evaluation.CohortComparison;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.Stratum;
import org.quicktheories.core.Gen;

/**
 * Participants-vs-comparison comparisons leaving the programme (rule R39, "public/aggregate exports apply minCellSize
 * to every published count"): each cohort's count and size are published like any yes/no row, and the odds ratio is
 * shown exactly when all four counts are.
 */
class PublishedComparisonTest {

    private static final EquityPolicy TEN = EquityPolicy.defaults();

    @Test
    void a_comparison_over_enough_people_is_shown_whole() {
        CohortComparison c = CohortComparison.of(Measure.ARREST_ANY, Stratum.of("window", "POST"), 40, 200, 30, 100);
        PublishedComparison p = Publication.publish(c, TEN);
        assertEquals(List.of(Cell.shown(40), Cell.shown(200), Cell.shown(30), Cell.shown(100)),
                List.of(p.participantsWith(), p.participants(), p.comparisonWith(), p.comparison()));
        assertEquals(Optional.of(Fraction.of(1, 5)), p.participantRate());
        assertEquals(Optional.of(Fraction.of(3, 10)), p.comparisonRate());
        assertEquals(c.oddsRatio(), p.oddsRatio());
        assertFalse(p.isSuppressed());
    }

    @Test
    void a_small_cell_withholds_its_count_its_rate_and_the_odds_ratio() {
        CohortComparison c = CohortComparison.of(Measure.PRISON_ADMISSION_ANY, Stratum.of("window", "POST"), 3, 200,
                30, 100);
        PublishedComparison p = Publication.publish(c, TEN);
        assertEquals(Cell.SUPPRESSED, p.participantsWith());
        assertEquals(Cell.shown(200), p.participants());
        assertEquals(Optional.empty(), p.participantRate());
        assertEquals(Optional.of(Fraction.of(3, 10)), p.comparisonRate(), "the comparison cohort's row is fine");
        assertEquals(Optional.empty(), p.oddsRatio(), "an odds ratio and three counts would give the fourth back");
        assertTrue(p.isSuppressed());

        PublishedComparison nearlyAll = Publication.publish(CohortComparison.of(Measure.ARREST_ANY, Stratum.ALL, 95,
                100, 50, 100), TEN);
        assertEquals(Cell.SUPPRESSED, nearlyAll.participantsWith(), "95 of 100 reveals the 5 without the outcome");
        assertEquals(Optional.empty(), nearlyAll.oddsRatio());
    }

    @Test
    void the_odds_ratio_is_shown_exactly_when_no_published_or_derivable_count_is_small() {
        qt().withExamples(3000).forAll(comparisons()).checkAssert(c -> {
            PublishedComparison p = Publication.publish(c, TEN);
            long[] cells = {c.participantsWith(), c.participants() - c.participantsWith(), c.comparisonWith(),
                    c.comparison() - c.comparisonWith()};
            boolean anySmall = false;
            for (long n : cells) {
                anySmall |= SmallCells.isSmall(n, 10);
            }
            boolean empty = c.participants() == 0 || c.comparison() == 0;
            assertEquals(!anySmall && !empty, p.oddsRatio().isPresent(), c::toString);
            for (Cell cell : List.of(p.participantsWith(), p.participants(), p.comparisonWith(), p.comparison())) {
                cell.number().ifPresent(n -> assertFalse(SmallCells.isSmall(n, 10), c::toString));
            }
            p.oddsRatio().ifPresent(or -> assertEquals(c.oddsRatio(), Optional.of(or)));
        });
    }

    private static Gen<CohortComparison> comparisons() {
        return in -> {
            int n = between(in, 0, 40);
            int m = between(in, 0, 40);
            return CohortComparison.of(Measure.ARREST_ANY, Stratum.ALL, between(in, 0, n), n, between(in, 0, m), m);
        };
    }
}

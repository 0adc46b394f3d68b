/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Participants against a comparison cohort: exact odds ratios with Woolf 95% intervals, the Haldane–Anscombe
 * correction for zero cells, and a data set shaped like the Seattle evaluation (SPEC §8.3: 203 LEAD, 115 control,
 * 58% lower odds of arrest).
 */
@DisplayName("Cohort comparison: odds ratios and their 95% confidence intervals")
class CohortComparisonTest {

    /**
     * A worked example: 20 of 100 exposed and 10 of 100 unexposed with the outcome. OR = (20·90)/(80·10) = 2.25;
     * SE(ln OR) = √(1/20 + 1/80 + 1/10 + 1/90) = √(25/144) = 5/12; ln 2.25 = 0.810930;
     * 1.959964 · 5/12 = 0.816652; bounds exp(−0.005722) = 0.9943 and exp(1.627582) = 5.0915.
     */
    @Test
    void woolf_interval_of_a_worked_example() {
        OddsRatio or = OddsRatio.of(20, 80, 10, 90);
        assertEquals(Fraction.of(9, 4), or.estimate());
        assertFalse(or.corrected());
        assertEquals(new BigDecimal("2.2500"), or.rounded());
        assertEquals(new BigDecimal("0.9943"), or.lower());
        assertEquals(new BigDecimal("5.0915"), or.upper());
        assertFalse(or.excludesOne(), "the interval just includes 1");
    }

    /**
     * A zero cell: none of 10 participants and 5 of 10 comparison people with the outcome. Haldane–Anscombe adds 0.5 to
     * every cell: OR = (0.5 · 5.5) / (10.5 · 5.5) = 1/21; SE = √(2/1 + 2/21 + 2/11 + 2/11) = 1.568087; bounds
     * exp(−3.044522 ∓ 3.073395) = 0.0022 and 1.0293.
     */
    @Test
    void a_zero_cell_gets_the_haldane_anscombe_correction_on_every_cell() {
        OddsRatio or = OddsRatio.of(0, 10, 5, 5);
        assertTrue(or.corrected());
        assertEquals(Fraction.of(1, 21), or.estimate());
        assertEquals(new BigDecimal("0.0022"), or.lower());
        assertEquals(new BigDecimal("1.0293"), or.upper());
        OddsRatio mirrored = OddsRatio.of(5, 5, 0, 10);
        assertEquals(Fraction.of(21), mirrored.estimate());
        assertEquals(new BigDecimal("0.9716"), mirrored.lower());
        assertEquals(new BigDecimal("453.9116"), mirrored.upper());
        assertThrows(InvalidValueException.class, () -> OddsRatio.of(0, 0, 1, 1));
        assertThrows(InvalidValueException.class, () -> OddsRatio.of(-1, 2, 1, 1));
    }

    /**
     * Seattle-shaped: 203 participants and 115 controls followed six months; 64 participants and 60 controls arrested
     * in the post window. OR = (64·55)/(139·60) = 3520/8340 = 176/417 = 0.4221, i.e. 58% lower odds of arrest (the
     * published long-term figure); Woolf 95% CI 0.2636–0.6757.
     */
    @Test
    void a_seattle_shaped_evaluation_reproduces_58_percent_lower_odds_of_arrest() {
        LocalDate entry = LocalDate.of(2012, 6, 1);
        var window = new OutcomeWindow(Period.ofMonths(6), LocalDate.of(2014, 7, 31));
        var lead = new ArrayList<CohortMember>();
        var control = new ArrayList<CohortMember>();
        var events = new ArrayList<LegalEvent>();
        for (int i = 0; i < 203; i++) {
            PersonId p = new PersonId("lead-" + i);
            lead.add(new CohortMember(p, entry.plusDays(i % 90), new EquityGroup(i % 100 < 55 ? "BLACK" : "WHITE")));
            if (i < 64) {
                events.add(new LegalEvent.Arrest(p, entry.plusDays(i % 90 + 30), LegalEvent.ArrestKind.NEW_OFFENCE));
            }
        }
        for (int i = 0; i < 115; i++) {
            PersonId p = new PersonId("control-" + i);
            control.add(new CohortMember(p, entry.plusDays(i % 90), new EquityGroup(i % 100 < 55 ? "BLACK" : "WHITE")));
            if (i < 60) {
                events.add(new LegalEvent.Arrest(p, entry.plusDays(i % 90 + 100), LegalEvent.ArrestKind.WARRANT));
            }
        }
        List<MeasureResult> participants = OutcomeMeasures.arrestAny(new Cohort(Cohort.PARTICIPANTS, lead), events,
                window);
        List<MeasureResult> comparison = OutcomeMeasures.arrestAny(new Cohort(Cohort.COMPARISON, control), events,
                window);
        CohortComparison post = CohortComparison.of(participants.get(1), comparison.get(1));
        assertEquals(Stratum.of("window", "POST"), post.stratum());
        assertEquals(64, post.participantsWith());
        assertEquals(203, post.participants());
        assertEquals(60, post.comparisonWith());
        assertEquals(115, post.comparison());
        assertEquals(Optional.of(Fraction.of(64, 203)), post.participantRate());
        assertEquals(Optional.of(Fraction.of(12, 23)), post.comparisonRate());
        OddsRatio or = post.oddsRatio().orElseThrow();
        assertEquals(Fraction.of(176, 417), or.estimate());
        assertEquals(new BigDecimal("0.4221"), or.rounded());
        assertEquals(new BigDecimal("0.58"), or.oddsReduction().toDecimal(2));
        assertEquals(new BigDecimal("0.2636"), or.lower());
        assertEquals(new BigDecimal("0.6757"), or.upper());
        assertTrue(or.excludesOne());
        CohortComparison pre = CohortComparison.of(participants.get(0), comparison.get(0));
        assertEquals(0, pre.participantsWith());
        assertTrue(pre.oddsRatio().orElseThrow().corrected(), "no arrests before entry: both cells zero");
    }

    @Test
    void an_empty_cohort_has_rates_but_no_odds_ratio_and_rows_of_different_measures_do_not_compare() {
        CohortComparison c = CohortComparison.of(Measure.ARREST_ANY, Stratum.ALL, 3, 10, 0, 0);
        assertEquals(Optional.of(Fraction.of(3, 10)), c.participantRate());
        assertEquals(Optional.empty(), c.comparisonRate());
        assertEquals(Optional.empty(), c.oddsRatio());
        assertThrows(InvalidValueException.class, () -> CohortComparison.of(
                MeasureResult.proportion(Measure.ARREST_ANY, Stratum.ALL, 1, 2),
                MeasureResult.proportion(Measure.PRISON_ADMISSION_ANY, Stratum.ALL, 1, 2)));
        assertThrows(InvalidValueException.class, () -> CohortComparison.of(Measure.ARREST_ANY, Stratum.ALL, 11, 10,
                0, 1));
    }

    @Test
    void the_interval_always_contains_the_estimate_and_the_estimate_is_the_exact_cross_product_ratio() {
        qt().withExamples(2000).forAll(integers().between(0, 400), integers().between(0, 400),
                integers().between(0, 400), integers().between(0, 400)).assuming((a, b, c, d) -> a + b > 0 && c + d > 0)
                .checkAssert((a, b, c, d) -> {
                    OddsRatio or = OddsRatio.of(a, b, c, d);
                    assertTrue(or.containsEstimate(), () -> or + " for " + a + "," + b + "," + c + "," + d);
                    assertTrue(or.lower().signum() >= 0);
                    boolean zero = a == 0 || b == 0 || c == 0 || d == 0;
                    assertEquals(zero, or.corrected());
                    Fraction expected = zero ? Fraction.of((2L * a + 1) * (2L * d + 1), (2L * b + 1) * (2L * c + 1))
                            : Fraction.of((long) a * d, (long) b * c);
                    assertEquals(expected, or.estimate());
                    // computing again gives bit-for-bit the same bounds
                    assertEquals(or, OddsRatio.of(a, b, c, d));
                });
    }

    @Test
    void swapping_the_cohorts_inverts_the_odds_ratio() {
        qt().withExamples(500).forAll(integers().between(0, 300), integers().between(0, 300),
                integers().between(0, 300), integers().between(0, 300)).assuming((a, b, c, d) -> a + b > 0 && c + d > 0)
                .checkAssert((a, b, c, d) -> assertEquals(Fraction.ONE,
                        OddsRatio.of(a, b, c, d).estimate().times(OddsRatio.of(c, d, a, b).estimate())));
    }
}

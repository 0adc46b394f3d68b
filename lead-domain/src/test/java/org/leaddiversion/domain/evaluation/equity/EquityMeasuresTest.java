/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leaddiversion.domain.evaluation.EvaluationFixtures.group;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.CohortMember;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.LegalEvent;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.OutcomeMeasures;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.evaluation.SantaFeQuarter;
import org.leaddiversion.domain.evaluation.Stratum;

/**
 * The equity measures of SPEC §8.5 besides the RRI, on the Santa Fe quarter ({@link SantaFeQuarter}), by group in
 * report order: WHITE (the reference), HISPANIC, NATIVE, UNKNOWN.
 */
@DisplayName("Equity measures by group: diversion share, stage conversion, exclusions, decisions, outcome parity")
class EquityMeasuresTest {

    private static final EquityPolicy POLICY = EquityPolicy.defaults();
    private static SantaFeQuarter santaFe;

    @BeforeAll
    static void aSantaFeQuarter() {
        santaFe = new SantaFeQuarter();
    }

    private static Stratum g(String group) {
        return Stratum.of("group", group);
    }

    /** Diversions (accepted arrest diversions) against bookings of pool arrests: 18/30, 23/50, 4/10 and none. */
    @Test
    void diversion_share() {
        assertEquals(List.of(
                MeasureResult.proportion(Measure.DIVERSION_SHARE, g("WHITE"), 18, 30),
                MeasureResult.proportion(Measure.DIVERSION_SHARE, g("HISPANIC"), 23, 50),
                MeasureResult.proportion(Measure.DIVERSION_SHARE, g("NATIVE"), 4, 10),
                MeasureResult.proportion(Measure.DIVERSION_SHARE, g("UNKNOWN"), 0, 0)),
                EquityMeasures.diversionShare(santaFe.referrals(), santaFe.encounters, SantaFeQuarter.SCOPE, POLICY));
    }

    @Test
    void stage_conversion() {
        List<MeasureResult> rows = EquityMeasures.stageConversion(santaFe.referrals(),
                santaFe.programme.enrollments().all(), santaFe.programme.events(), SantaFeQuarter.SCOPE,
                santaFe.clock.instant(), POLICY);
        long[][] expected = {
                // eligible→offered, offered→accepted, accepted→on time, lapsed→filed, enrolled→active at 6 months
                {38, 38, 38, 38, 35, 38, 2, 3, 28, 35},   // WHITE
                {48, 48, 48, 48, 45, 48, 1, 3, 30, 45},   // HISPANIC
                {6, 6, 4, 6, 4, 4, 0, 0, 4, 4},           // NATIVE: two declined
                {4, 4, 3, 4, 3, 3, 0, 0, 2, 3}};          // UNKNOWN: one declined
        String[] groups = {"WHITE", "HISPANIC", "NATIVE", "UNKNOWN"};
        var want = new ArrayList<MeasureResult>();
        for (int i = 0; i < groups.length; i++) {
            for (EquityMeasures.Stage s : EquityMeasures.Stage.values()) {
                want.add(MeasureResult.proportion(Measure.STAGE_CONVERSION, g(groups[i]).and("stage", s.name()),
                        expected[i][2 * s.ordinal()], expected[i][2 * s.ordinal() + 1]));
            }
        }
        assertEquals(want, rows);
        // six months after the start is still ahead for a report made in March: no enrollment counts yet
        List<MeasureResult> early = EquityMeasures.stageConversion(santaFe.referrals(),
                santaFe.programme.enrollments().all(), santaFe.programme.events(), SantaFeQuarter.SCOPE,
                SantaFeQuarter.START.plus(java.time.Duration.ofDays(80)), POLICY);
        assertEquals(0, early.stream().filter(r -> r.stratum().get("stage").orElseThrow()
                .equals("ENROLLED_TO_ACTIVE_AT_SIX_MONTHS")).mapToLong(MeasureResult::base).sum());
    }

    /** Only the minimum-age criterion (E4) excluded anyone: 4 of 42 WHITE and 5 of 53 HISPANIC referrals. */
    @Test
    void exclusion_reasons() {
        assertEquals(List.of(
                MeasureResult.proportion(Measure.EXCLUSION_REASONS, g("WHITE").and("exclusion", "UNDER_MIN_AGE"), 4, 42),
                MeasureResult.proportion(Measure.EXCLUSION_REASONS, g("HISPANIC").and("exclusion", "UNDER_MIN_AGE"), 5,
                        53),
                MeasureResult.proportion(Measure.EXCLUSION_REASONS, g("NATIVE").and("exclusion", "UNDER_MIN_AGE"), 0, 6),
                MeasureResult.proportion(Measure.EXCLUSION_REASONS, g("UNKNOWN").and("exclusion", "UNDER_MIN_AGE"), 0,
                        4)),
                EquityMeasures.exclusionReasons(santaFe.referrals(), SantaFeQuarter.SCOPE, POLICY));
    }

    @Test
    void post_enrollment_decisions() {
        var year = new ReportScope(SantaFeQuarter.SCOPE.site(), new ReportingPeriod(LocalDate.of(2016, 1, 1),
                LocalDate.of(2017, 1, 1), SantaFeQuarter.ZONE));
        List<MeasureResult> rows = EquityMeasures.postEnrollmentDecisions(santaFe.programme.cases().all(),
                santaFe.referrals(), year, POLICY);
        assertEquals(20, rows.size(), "five decisions for each of four groups");
        assertEquals(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                g("WHITE").and("decision", "FILE_STANDARD"), 1, 1), rows.get(0));
        assertEquals(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                g("HISPANIC").and("decision", "FILE_WITH_COORDINATED_RESOLUTION"), 1, 2), rows.get(6));
        assertEquals(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                g("HISPANIC").and("decision", "DECLINE"), 1, 2), rows.get(8));
        assertEquals(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                g("NATIVE").and("decision", "DECLINE"), 1, 1), rows.get(13));
        assertEquals(0, rows.stream().filter(r -> r.stratum().get("group").orElseThrow().equals("UNKNOWN"))
                .mapToLong(MeasureResult::base).sum());
        assertEquals(0, EquityMeasures.postEnrollmentDecisions(santaFe.programme.cases().all(), santaFe.referrals(),
                SantaFeQuarter.SCOPE, POLICY).stream().mapToLong(MeasureResult::count).sum(),
                "the decisions were made in August, outside the first quarter");
    }

    /** Ten HISPANIC and five WHITE participants re-arrested a month after entry; nobody else. */
    @Test
    void outcome_parity_stratifies_any_outcome_measure_by_group() {
        Cohort lead = Cohort.participants(santaFe.referrals(), SantaFeQuarter.SCOPE);
        var events = new ArrayList<LegalEvent>();
        int hispanic = 0;
        int white = 0;
        for (CohortMember m : lead.members()) {
            boolean arrested = m.group().equals(group("HISPANIC")) ? hispanic++ < 10
                    : m.group().equals(group("WHITE")) && white++ < 5;
            if (arrested) {
                events.add(new LegalEvent.Arrest(m.person(), m.entryDate().plusDays(30),
                        LegalEvent.ArrestKind.NEW_OFFENCE));
            }
        }
        var window = new OutcomeWindow(Period.ofMonths(6), LocalDate.of(2016, 12, 31));
        List<MeasureResult> rows = EquityMeasures.outcomeParity(lead, POLICY,
                c -> OutcomeMeasures.arrestAny(c, events, window));
        Stratum post = Stratum.of("cohort", "LEAD").and("window", "POST");
        assertEquals(List.of(
                MeasureResult.proportion(Measure.ARREST_ANY, post.and("group", "WHITE"), 5, 35),
                MeasureResult.proportion(Measure.ARREST_ANY, post.and("group", "HISPANIC"), 10, 45),
                MeasureResult.proportion(Measure.ARREST_ANY, post.and("group", "NATIVE"), 0, 4),
                MeasureResult.proportion(Measure.ARREST_ANY, post.and("group", "UNKNOWN"), 0, 3)),
                rows.stream().filter(r -> r.stratum().get("window").orElseThrow().equals("POST")).toList());
    }

    @Test
    void every_equity_measure_is_independent_of_input_order_and_keeps_unknown() {
        var referrals = new ArrayList<>(santaFe.referrals());
        Collections.reverse(referrals);
        var encounters = new ArrayList<>(santaFe.encounters);
        Collections.reverse(encounters);
        var enrollments = new ArrayList<>(santaFe.programme.enrollments().all());
        Collections.reverse(enrollments);
        assertEquals(EquityMeasures.diversionShare(santaFe.referrals(), santaFe.encounters, SantaFeQuarter.SCOPE,
                POLICY), EquityMeasures.diversionShare(referrals, encounters, SantaFeQuarter.SCOPE, POLICY));
        assertEquals(EquityMeasures.stageConversion(santaFe.referrals(), santaFe.programme.enrollments().all(),
                        santaFe.programme.events(), SantaFeQuarter.SCOPE, santaFe.clock.instant(), POLICY),
                EquityMeasures.stageConversion(referrals, enrollments, santaFe.programme.events(),
                        SantaFeQuarter.SCOPE, santaFe.clock.instant(), POLICY));
        assertEquals(EquityMeasures.exclusionReasons(santaFe.referrals(), SantaFeQuarter.SCOPE, POLICY),
                EquityMeasures.exclusionReasons(referrals, SantaFeQuarter.SCOPE, POLICY));
        var noUnknown = referrals.stream().filter(r -> !EquityGroup.of(r).isUnknown()).toList();
        assertEquals(List.of("WHITE", "HISPANIC", "NATIVE", "UNKNOWN"),
                EquityMeasures.diversionShare(noUnknown, List.of(), SantaFeQuarter.SCOPE, POLICY).stream()
                        .map(r -> r.stratum().get("group").orElseThrow()).toList());
    }
}

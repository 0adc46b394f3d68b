/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.evaluation.CohortComparison;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;
import org.leaddiversion.domain.evaluation.equity.RriFlag;
import org.leaddiversion.domain.evaluation.equity.RriRow;
import org.leaddiversion.domain.evaluation.equity.RriStatus;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.OutcomeReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo's evaluation data as the library's reports read them, on the server its own loader seeded
 * ({@link EvaluationDemo}: 800 people, a fixed day): the outcomes of Seattle's participants against the comparison
 * cohort land near the Seattle evaluation's published odds ratios (SPEC §8.3), and the referral RRI shows a reference
 * group, an UNKNOWN group, groups flagged on either side and the small group suppressed. The figures are those of a
 * fixed seed and day, so nothing here is left to chance.
 */
@SpringBootTest(classes = {DemoServer.class, EvaluationDemo.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {EvaluationDemo.DATABASE, EvaluationDemo.PARTICIPANTS, EvaluationDemo.SEED})
@DisplayName("The demo evaluation data: published odds ratios and an RRI with every flag")
class DemoEvaluationDataTest {

    private static final DemoData.Settings SETTINGS = EvaluationDemo.SETTINGS;
    private static final SiteId SEATTLE = new SiteId("seattle-king-county");
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    LeadDatabase db;

    /** Seattle's participants who entered in the first half of the data year, followed for six months. */
    private OutcomeReport seattleHalfYearReport() {
        var period = new ReportingPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 5, 1), PACIFIC);
        return db.evaluationReports().outcomes(new ReportScope(SEATTLE, period),
                new OutcomeWindow(Period.ofMonths(6), SETTINGS.today().minusDays(1)), Currency.getInstance("USD"));
    }

    private Map<Measure, CohortComparison> seattleHalfYear() {
        return seattleHalfYearReport().comparisons().stream()
                .filter(c -> "POST".equals(c.stratum().parts().get("window")))
                .collect(Collectors.toMap(CohortComparison::measure, c -> c));
    }

    /** The change in legal-system cost per person-year, after entry against before, in dollars. */
    private static double costChange(java.util.List<org.leaddiversion.domain.evaluation.MeasureResult> rows) {
        return rows.stream().filter(r -> r.measure() == Measure.LEGAL_COST_DELTA)
                .filter(r -> "TOTAL".equals(r.stratum().parts().get("component")))
                .filter(r -> "CHANGE".equals(r.stratum().parts().get("window"))).findFirst().orElseThrow()
                .value().orElseThrow().toDecimal(2).doubleValue() / 100;
    }

    @Test
    void theParticipantsLegalCostFallsAndTheComparisonCohortsRises() {
        OutcomeReport report = seattleHalfYearReport();
        // published: -$2,100 for participants, +$5,961 for the comparison group
        assertThat(costChange(report.participants())).isBetween(-4_000.0, 0.0);
        assertThat(costChange(report.comparison())).isBetween(2_000.0, 9_000.0);
    }

    @Test
    void everyPartOfTheMinimumDataSetIsThereAndTheSameSeedGivesTheSameRows() {
        DemoEvaluationData.Rows rows = DemoEvaluationData.generate(db, SETTINGS);
        assertThat(rows.participants()).isGreaterThan(500);
        assertThat(rows.comparison()).isBetween(rows.participants() / 3, rows.participants());
        assertThat(rows.encounters()).hasSizeGreaterThan(rows.participants());
        assertThat(rows.legalEvents()).hasSizeGreaterThan(rows.participants() * 4);
        assertThat(rows.legalCosts()).isNotEmpty();
        assertThat(rows.monthlyStatuses()).hasSizeGreaterThan(rows.participants() * 3);
        assertThat(rows.programmeCosts()).hasSize(3 * 13);
        assertThat(DemoEvaluationData.generate(db, SETTINGS)).isEqualTo(rows);
        var summary = new DemoEvaluationData.Summary(rows.encounters().size(), rows.comparison(), rows.participants(),
                rows.legalEvents().size(), rows.legalCosts().size(), rows.monthlyStatuses().size(),
                rows.programmeCosts().size(), java.time.Duration.ZERO);
        assertThat(summary.describe()).doesNotContain("demo-").doesNotContain("rms-");
    }

    @Test
    void theOddsRatiosLandNearTheSeattleEvaluations() {
        Map<Measure, CohortComparison> post = seattleHalfYear();
        assertThat(post.get(Measure.ARREST_ANY).participants()).isGreaterThan(80);
        assertThat(post.get(Measure.ARREST_ANY).comparison()).isGreaterThan(40);
        // published: 58% lower odds of arrest, 39% lower of a felony charge, no effect on misdemeanours, 87% lower
        // odds of prison
        double arrest = post.get(Measure.ARREST_ANY).oddsRatio().orElseThrow().rounded().doubleValue();
        double felony = post.get(Measure.CHARGE_FILED_FELONY).oddsRatio().orElseThrow().rounded().doubleValue();
        double misdemeanour = post.get(Measure.CHARGE_FILED_MISD).oddsRatio().orElseThrow().rounded().doubleValue();
        double prison = post.get(Measure.PRISON_ADMISSION_ANY).oddsRatio().orElseThrow().rounded().doubleValue();
        assertThat(arrest).as("arrest OR").isBetween(0.25, 0.65);
        assertThat(post.get(Measure.ARREST_ANY).oddsRatio().orElseThrow().excludesOne()).isTrue();
        assertThat(felony).as("felony OR").isBetween(0.35, 0.95);
        assertThat(misdemeanour).as("misdemeanour OR").isBetween(0.6, 1.5);
        assertThat(prison).as("prison OR").isLessThan(0.5);
    }

    @Test
    void theRriShowsTheReferenceGroupUnknownFlagsOnBothSidesAndTheSmallGroupSuppressed() {
        var period = ReportingPeriod.months(java.time.YearMonth.of(2026, 1), java.time.YearMonth.of(2026, 6),
                PACIFIC);
        EquityPolicy policy = EquityPolicy.of(ReferenceProfiles.load("seattle-king-county").latest());
        var table = db.evaluationReports().referralRateIndex(new ReportScope(SEATTLE, period), policy);
        Map<String, RriRow> rows = table.rows().stream().collect(Collectors.toMap(r -> r.group().code(), r -> r));
        assertThat(rows).containsKeys("WHITE", "BLACK", "NATIVE", "UNKNOWN", DemoEvaluationData.SMALL_GROUP);
        assertThat(rows.get("WHITE").reference()).isTrue();
        assertThat(rows.get("NATIVE").flag()).isEqualTo(RriFlag.ABOVE_UPPER_BOUND);
        assertThat(rows.get("UNKNOWN").flag()).isEqualTo(RriFlag.BELOW_LOWER_BOUND);
        assertThat(rows.get("BLACK").flag()).isEqualTo(RriFlag.WITHIN_BOUNDS);
        assertThat(rows.get(DemoEvaluationData.SMALL_GROUP).pool()).isBetween(1L, 9L);
        assertThat(rows.get(DemoEvaluationData.SMALL_GROUP).status()).isEqualTo(RriStatus.SUPPRESSED);

        var albany = db.evaluationReports().referralRateIndex(new ReportScope(new SiteId("albany"),
                ReportingPeriod.months(java.time.YearMonth.of(2026, 1), java.time.YearMonth.of(2026, 6),
                        ZoneId.of("America/New_York"))), EquityPolicy.of(ReferenceProfiles.load("albany").latest()));
        RriRow black = albany.rows().stream().filter(r -> r.group().code().equals("BLACK")).findFirst().orElseThrow();
        assertThat(black.flag()).as("Albany's Black arrestees are referred far less often").isEqualTo(
                RriFlag.BELOW_LOWER_BOUND);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexExpenditureId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Programme cost per participant-month, shaped like the Seattle cost study's $899 (SPEC §8.3). In the first quarter of
 * 2016 Ana is enrolled from 10 January (3 participant-months) and Ben from 20 February to 5 March (2): 5
 * participant-months. The programme spent $1,798 in January and February and $899 in March: $4,495 / 5 = $899.00.
 */
@DisplayName("Cost measures: programme cost and flexible funds per participant-month")
class CostMeasuresTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final SiteId SEATTLE = new SiteId("seattle-king-county");
    private static final Currency USD = Currency.getInstance("USD");
    private static final ReportScope Q1 = new ReportScope(SEATTLE, ReportingPeriod.quarter(2016, 1, ZONE));

    private final Enrollment ana = enrollment(1, SEATTLE, LocalDate.of(2016, 1, 10), null);
    private final Enrollment ben = enrollment(2, SEATTLE, LocalDate.of(2016, 2, 20), LocalDate.of(2016, 3, 5));
    private final Enrollment later = enrollment(3, SEATTLE, LocalDate.of(2016, 4, 1), null);
    private final Enrollment before = enrollment(4, SEATTLE, LocalDate.of(2015, 12, 1), LocalDate.of(2015, 12, 31));
    private final Enrollment elsewhere = enrollment(5, new SiteId("santa-fe"), LocalDate.of(2016, 1, 1), null);
    private final List<Enrollment> enrollments = List.of(ana, ben, later, before, elsewhere);

    @Test
    void participant_months_count_each_month_an_enrollment_was_open_on_at_least_one_day() {
        assertEquals(5, CostMeasures.participantMonths(enrollments, Q1));
    }

    @Test
    void programme_cost_per_participant_month_is_899_dollars() {
        var costs = List.of(new ProgrammeCost(SEATTLE, YearMonth.of(2016, 1), Money.of("1798.00", "USD")),
                new ProgrammeCost(SEATTLE, YearMonth.of(2016, 2), Money.of("1798.00", "USD")),
                new ProgrammeCost(SEATTLE, YearMonth.of(2016, 3), Money.of("899.00", "USD")),
                new ProgrammeCost(SEATTLE, YearMonth.of(2016, 4), Money.of("532.00", "USD")),
                new ProgrammeCost(new SiteId("santa-fe"), YearMonth.of(2016, 1), Money.of("7541.00", "USD")));
        MeasureResult r = CostMeasures.programmeCostPerParticipantMonth(costs, enrollments, Q1, USD);
        assertEquals(new MeasureResult(Measure.PROGRAM_COST_PER_PARTICIPANT_MONTH, Stratum.ALL, 2, 449_500, 5,
                Optional.of(Fraction.of(89_900)), Optional.of(USD)), r);
        assertThrows(InvalidValueException.class, () -> CostMeasures.programmeCostPerParticipantMonth(
                List.of(new ProgrammeCost(SEATTLE, YearMonth.of(2016, 1), Money.of("1.00", "EUR"))), enrollments, Q1,
                USD));
        assertThrows(InvalidValueException.class, () -> CostMeasures.programmeCostPerParticipantMonth(costs,
                enrollments, new ReportScope(SEATTLE, new ReportingPeriod(LocalDate.of(2016, 1, 15),
                        LocalDate.of(2016, 2, 15), ZONE)), USD));
    }

    @Test
    void flexible_fund_spend_per_participant_month() {
        var fund = FlexFund.restore(ana.id(), 2, List.of(spend(1, ana, "2016-02-03T18:00:00Z", "50.00"),
                spend(2, ana, "2016-03-30T20:00:00Z", "25.50"), spend(3, ana, "2016-04-02T20:00:00Z", "99.00")));
        var other = FlexFund.restore(elsewhere.id(), 1, List.of(spend(4, elsewhere, "2016-02-03T18:00:00Z", "10.00")));
        assertEquals(new MeasureResult(Measure.FLEX_SPEND_PER_PARTICIPANT_MONTH, Stratum.ALL, 2, 7_550, 5,
                Optional.of(Fraction.of(1_510)), Optional.of(USD)),
                CostMeasures.flexSpendPerParticipantMonth(List.of(fund, other), enrollments, Q1, USD));
    }

    private static FlexExpenditure spend(long id, Enrollment e, String at, String amount) {
        return new FlexExpenditure(new FlexExpenditureId(new UUID(9, id)), e.id(), java.time.Instant.parse(at),
                Money.of(amount, "USD"), PlanDomain.BASIC_NEEDS, "Motel 6", "a room for the night", Optional.empty(),
                Optional.empty());
    }

    static Enrollment enrollment(long id, SiteId site, LocalDate start, LocalDate closed) {
        return Enrollment.restore(new EnrollmentId(new UUID(1, id)), 0, new PersonId("p" + id), site,
                start.atTime(10, 0).atZone(ZONE).toInstant(),
                closed == null ? EnrollmentStatus.ACTIVE : EnrollmentStatus.CLOSED, List.of(), List.of(),
                Optional.ofNullable(closed).map(c -> c.atTime(16, 0).atZone(ZONE).toInstant()),
                Optional.ofNullable(closed).map(c -> ClosureReason.VOLUNTARY_WITHDRAWAL));
    }
}

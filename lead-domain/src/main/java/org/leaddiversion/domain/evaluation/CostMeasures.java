/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexFund;

/**
 * Programme cost measures of SPEC §8.4: {@code PROGRAM_COST_PER_PARTICIPANT_MONTH} (the Seattle study's $899 falling
 * to $532) and flexible-fund spend per participant-month. The period must be whole calendar months.
 *
 * <p>A <em>participant-month</em> is a pair (enrollment, calendar month of the period) such that the enrollment was
 * open on at least one day of the month: it started on or before the month's last day and was not closed before the
 * month's first day (local dates in the site zone). Money is summed exactly in the currency's minor units; every
 * amount must be in the report currency.
 */
public final class CostMeasures {

    private CostMeasures() {
    }

    /** The participant-months of the site's enrollments in the period. */
    public static long participantMonths(Collection<Enrollment> enrollments, ReportScope scope) {
        Require.noNulls(enrollments, "enrollments");
        Require.present(scope, "scope");
        List<YearMonth> months = scope.period().months();
        long n = 0;
        for (Enrollment e : enrollments) {
            if (e.site().equals(scope.site())) {
                n += monthsOpen(e, months, scope.period());
            }
        }
        return n;
    }

    /**
     * {@link Measure#PROGRAM_COST_PER_PARTICIPANT_MONTH}: the site's programme spend in the period's months divided
     * by its participant-months; {@code subjects} = enrollments with at least one participant-month.
     */
    public static MeasureResult programmeCostPerParticipantMonth(Collection<ProgrammeCost> costs,
                                                                 Collection<Enrollment> enrollments,
                                                                 ReportScope scope, Currency currency) {
        Require.noNulls(costs, "costs");
        Require.present(currency, "currency");
        List<YearMonth> months = scope.period().months();
        long spend = 0;
        for (ProgrammeCost c : costs) {
            if (c.site().equals(scope.site()) && months.contains(c.month())) {
                spend = Math.addExact(spend, minorUnits(c.amount(), currency));
            }
        }
        return perParticipantMonth(Measure.PROGRAM_COST_PER_PARTICIPANT_MONTH, spend, enrollments, scope, currency);
    }

    /**
     * {@link Measure#FLEX_SPEND_PER_PARTICIPANT_MONTH}: flexible-fund expenditures of the site's enrollments spent in
     * the period, divided by its participant-months.
     */
    public static MeasureResult flexSpendPerParticipantMonth(Collection<FlexFund> funds,
                                                             Collection<Enrollment> enrollments, ReportScope scope,
                                                             Currency currency) {
        Require.noNulls(funds, "funds");
        Require.noNulls(enrollments, "enrollments");
        Require.present(currency, "currency");
        scope.period().months();
        Map<EnrollmentId, Enrollment> atSite = new HashMap<>();
        enrollments.stream().filter(e -> e.site().equals(scope.site())).forEach(e -> atSite.put(e.id(), e));
        long spend = 0;
        for (FlexFund f : funds) {
            if (!atSite.containsKey(f.enrollment())) {
                continue;
            }
            for (FlexExpenditure x : f.expenditures()) {
                if (scope.period().contains(x.spentAt())) {
                    spend = Math.addExact(spend, minorUnits(x.amount(), currency));
                }
            }
        }
        return perParticipantMonth(Measure.FLEX_SPEND_PER_PARTICIPANT_MONTH, spend, enrollments, scope, currency);
    }

    private static MeasureResult perParticipantMonth(Measure measure, long spend, Collection<Enrollment> enrollments,
                                                     ReportScope scope, Currency currency) {
        Require.noNulls(enrollments, "enrollments");
        List<YearMonth> months = scope.period().months();
        long participantMonths = 0;
        long participants = 0;
        for (Enrollment e : enrollments) {
            if (e.site().equals(scope.site())) {
                long m = monthsOpen(e, months, scope.period());
                participantMonths += m;
                participants += m > 0 ? 1 : 0;
            }
        }
        return MeasureResult.ratio(measure, Stratum.ALL, participants, spend, participantMonths, 1,
                Optional.of(currency));
    }

    private static long monthsOpen(Enrollment e, List<YearMonth> months, ReportingPeriod p) {
        LocalDate started = p.localDate(e.startedAt());
        Optional<LocalDate> closed = e.closedAt().map(p::localDate);
        return months.stream().filter(m -> !started.isAfter(m.atEndOfMonth())
                && closed.map(c -> !c.isBefore(m.atDay(1))).orElse(true)).count();
    }

    private static long minorUnits(Money amount, Currency currency) {
        if (!amount.currency().equals(currency)) {
            throw new InvalidValueException("amount", "is not in the report currency " + currency);
        }
        return OutcomeMeasures.minorUnits(amount);
    }
}

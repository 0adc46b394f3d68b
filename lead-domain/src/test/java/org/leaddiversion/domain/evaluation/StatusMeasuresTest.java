/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Monthly housing, employment and income in the design of the Seattle housing study: the month before referral
 * against the follow-up months. Ana enters in March 2016 (baseline February), Ben in April (baseline March), three
 * follow-up months each.
 */
@DisplayName("Monthly status: sheltered, permanent housing, employment continuum, income")
class StatusMeasuresTest {

    private static final PersonId ANA = new PersonId("ana");
    private static final PersonId BEN = new PersonId("ben");
    private final Cohort cohort = new Cohort("LEAD", List.of(
            new CohortMember(ANA, LocalDate.of(2016, 3, 20), EquityGroup.UNKNOWN),
            new CohortMember(BEN, LocalDate.of(2016, 4, 2), EquityGroup.UNKNOWN)));

    private static MonthlyStatus status(PersonId p, String month, HousingStatus h, EmploymentStatus e,
                                        Set<IncomeSource> income) {
        return new MonthlyStatus(p, YearMonth.parse(month), h, e, income,
                month.endsWith("02") || p.equals(BEN) && month.endsWith("03") ? MonthlyStatus.Source.INTAKE_SELF_REPORT
                        : MonthlyStatus.Source.CASE_MANAGER_RECORD);
    }

    /**
     * Ana: Feb unsheltered, no work, no income; Apr shelter; May temporary, training, food benefits; Jun permanent,
     * employed part time, wages. The March record (her entry month) is in neither period.
     * Ben: Mar unsheltered, retired, pension; Apr entry month; May unsheltered; Jun missing; Jul permanent.
     */
    private final List<MonthlyStatus> statuses = List.of(
            status(ANA, "2016-02", HousingStatus.UNSHELTERED, EmploymentStatus.NONE, Set.of()),
            status(ANA, "2016-03", HousingStatus.PERMANENT, EmploymentStatus.NONE, Set.of()),
            status(ANA, "2016-04", HousingStatus.EMERGENCY_SHELTER, EmploymentStatus.NONE, Set.of()),
            status(ANA, "2016-05", HousingStatus.TEMPORARY, EmploymentStatus.TRAINING,
                    EnumSet.of(IncomeSource.FOOD_BENEFITS)),
            status(ANA, "2016-06", HousingStatus.PERMANENT, EmploymentStatus.EMPLOYED_PART_TIME,
                    EnumSet.of(IncomeSource.EMPLOYMENT)),
            status(BEN, "2016-03", HousingStatus.UNSHELTERED, EmploymentStatus.RETIRED,
                    EnumSet.of(IncomeSource.PENSION)),
            status(BEN, "2016-05", HousingStatus.UNSHELTERED, EmploymentStatus.RETIRED,
                    EnumSet.of(IncomeSource.PENSION)),
            status(BEN, "2016-07", HousingStatus.PERMANENT, EmploymentStatus.RETIRED, EnumSet.of(IncomeSource.PENSION)));

    @Test
    void baseline_month_against_follow_up_person_months() {
        List<MeasureResult> rows = StatusMeasures.monthlyStatus(cohort, statuses, 3);
        Stratum base = Stratum.of("cohort", "LEAD").and("period", "BASELINE");
        Stratum follow = Stratum.of("cohort", "LEAD").and("period", "FOLLOW_UP");
        // follow-up: Ana Apr, May, Jun; Ben May, Jul (Jun missing) = 5 person-months over 2 people
        assertEquals(List.of(
                MeasureResult.proportion(Measure.SHELTERED_MONTH, base, 0, 2),
                months(Measure.SHELTERED_MONTH, follow, 4, 5),
                MeasureResult.proportion(Measure.PERMANENT_HOUSING_MONTH, base, 0, 2),
                months(Measure.PERMANENT_HOUSING_MONTH, follow, 2, 5),
                MeasureResult.proportion(Measure.EMPLOYMENT_CONTINUUM_MONTH, base, 1, 2),
                months(Measure.EMPLOYMENT_CONTINUUM_MONTH, follow, 4, 5),
                MeasureResult.proportion(Measure.INCOME_BENEFITS_MONTH, base, 1, 2),
                months(Measure.INCOME_BENEFITS_MONTH, follow, 4, 5)),
                StatusMeasures.monthlyStatus(cohort, statuses, 3));
        assertEquals(8, rows.size());
    }

    @Test
    void two_statuses_for_one_month_are_invalid() {
        var twice = new java.util.ArrayList<>(statuses);
        twice.add(status(ANA, "2016-04", HousingStatus.PERMANENT, EmploymentStatus.NONE, Set.of()));
        assertThrows(InvalidValueException.class, () -> StatusMeasures.monthlyStatus(cohort, twice, 3));
        assertThrows(InvalidValueException.class, () -> StatusMeasures.monthlyStatus(cohort, statuses, 0));
    }

    private static MeasureResult months(Measure m, Stratum s, long with, long months) {
        return new MeasureResult(m, s, 2, with, months, Optional.of(Fraction.of(with, months)), Optional.empty());
    }
}

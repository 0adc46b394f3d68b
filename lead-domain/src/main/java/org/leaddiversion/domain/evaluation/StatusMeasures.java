/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The monthly housing, employment and income measures of SPEC §8.4 ({@code SHELTERED_MONTH},
 * {@code PERMANENT_HOUSING_MONTH}, {@code EMPLOYMENT_CONTINUUM_MONTH}, {@code INCOME_BENEFITS_MONTH}) in the design of
 * the Seattle housing study: the baseline month against the follow-up months, within the same people.
 *
 * <ul>
 *   <li>The <em>baseline</em> month of a member is the calendar month before the month of entry. The BASELINE row
 *       counts members with a status for that month ({@code base}) and those with the condition ({@code count}).</li>
 *   <li>The <em>follow-up</em> months are the {@code followUpMonths} calendar months after the month of entry. The
 *       FOLLOW_UP row counts person-months: {@code base} = months with a recorded status, {@code count} = months with
 *       the condition; {@code subjects} = members with at least one such month.</li>
 * </ul>
 * A month without a record is missing, not "no": it is left out of the base.
 */
public final class StatusMeasures {

    private StatusMeasures() {
    }

    /**
     * The four monthly measures over the cohort, BASELINE and FOLLOW_UP rows each (stratum {@code cohort=<name>,
     * period=BASELINE|FOLLOW_UP}). Two statuses for the same person and month are invalid.
     */
    public static List<MeasureResult> monthlyStatus(Cohort cohort, Collection<MonthlyStatus> statuses,
                                                    int followUpMonths) {
        Require.present(cohort, "cohort");
        Require.noNulls(statuses, "statuses");
        Require.atLeast(followUpMonths, 1, "followUpMonths");
        Map<PersonId, Map<YearMonth, MonthlyStatus>> byPerson = new HashMap<>();
        for (MonthlyStatus s : statuses) {
            if (byPerson.computeIfAbsent(s.person(), k -> new HashMap<>()).put(s.month(), s) != null) {
                throw new InvalidValueException("statuses", "two statuses for the same person and month");
            }
        }
        var out = new ArrayList<MeasureResult>();
        out.addAll(rows(Measure.SHELTERED_MONTH, cohort, byPerson, followUpMonths, s -> s.housing().isSheltered()));
        out.addAll(rows(Measure.PERMANENT_HOUSING_MONTH, cohort, byPerson, followUpMonths,
                s -> s.housing().isPermanent()));
        out.addAll(rows(Measure.EMPLOYMENT_CONTINUUM_MONTH, cohort, byPerson, followUpMonths,
                s -> s.employment().isOnContinuum()));
        out.addAll(rows(Measure.INCOME_BENEFITS_MONTH, cohort, byPerson, followUpMonths,
                MonthlyStatus::hasIncomeOrBenefits));
        return List.copyOf(out);
    }

    private static List<MeasureResult> rows(Measure measure, Cohort cohort,
                                            Map<PersonId, Map<YearMonth, MonthlyStatus>> byPerson, int followUpMonths,
                                            Predicate<MonthlyStatus> condition) {
        long baseMembers = 0;
        long baseWith = 0;
        long followMembers = 0;
        long months = 0;
        long monthsWith = 0;
        for (CohortMember m : cohort.members()) {
            Map<YearMonth, MonthlyStatus> own = byPerson.getOrDefault(m.person(), Map.of());
            YearMonth entry = YearMonth.from(m.entryDate());
            MonthlyStatus baseline = own.get(entry.minusMonths(1));
            if (baseline != null) {
                baseMembers++;
                baseWith += condition.test(baseline) ? 1 : 0;
            }
            boolean any = false;
            for (int i = 1; i <= followUpMonths; i++) {
                MonthlyStatus s = own.get(entry.plusMonths(i));
                if (s != null) {
                    any = true;
                    months++;
                    monthsWith += condition.test(s) ? 1 : 0;
                }
            }
            followMembers += any ? 1 : 0;
        }
        Stratum s = Stratum.of("cohort", cohort.name());
        return List.of(MeasureResult.proportion(measure, s.and("period", "BASELINE"), baseWith, baseMembers),
                new MeasureResult(measure, s.and("period", "FOLLOW_UP"), followMembers, monthsWith, months,
                        months == 0 ? Optional.empty() : Optional.of(Fraction.of(monthsWith, months)),
                        Optional.empty()));
    }
}

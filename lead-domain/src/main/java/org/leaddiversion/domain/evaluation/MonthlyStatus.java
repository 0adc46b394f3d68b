/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A person's housing, employment and income in one calendar month (SPEC §8.1 "Monthly status"). The baseline is the
 * month before referral, from the intake self-report; later months come from the case manager's records.
 *
 * @param person        who
 * @param month         the calendar month
 * @param housing       where the person lived
 * @param employment    the person's place on the employment continuum
 * @param incomeSources the legitimate income or benefits received; empty means none
 * @param source        where the status comes from
 */
public record MonthlyStatus(PersonId person, YearMonth month, HousingStatus housing, EmploymentStatus employment,
                            Set<IncomeSource> incomeSources, Source source) {

    /** Where a monthly status comes from. */
    public enum Source {
        /** The participant's own report at intake (the baseline month). */
        INTAKE_SELF_REPORT,
        /** The case manager's monthly record. */
        CASE_MANAGER_RECORD
    }

    /** Validates every part and copies the income sources. */
    public MonthlyStatus {
        Require.present(person, "monthlyStatus.person");
        Require.present(month, "monthlyStatus.month");
        Require.present(housing, "monthlyStatus.housing");
        Require.present(employment, "monthlyStatus.employment");
        Require.noNulls(incomeSources, "monthlyStatus.incomeSources");
        incomeSources = Collections.unmodifiableSet(incomeSources.isEmpty() ? EnumSet.noneOf(IncomeSource.class)
                : EnumSet.copyOf(incomeSources));
        Require.present(source, "monthlyStatus.source");
    }

    /** Whether the person had any legitimate income or benefits ({@code INCOME_BENEFITS_MONTH}). */
    public boolean hasIncomeOrBenefits() {
        return !incomeSources.isEmpty();
    }
}

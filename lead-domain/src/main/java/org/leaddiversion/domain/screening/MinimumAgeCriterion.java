/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * E4 (rule R12): younger than the minimum age on the local referral date. A missing date of birth is a missing
 * precondition, checked before the criteria run.
 */
final class MinimumAgeCriterion extends ConfiguredCriterion {

    private final int minAge;

    MinimumAgeCriterion(ExclusionSetting setting, int minAge) {
        super(setting);
        this.minAge = minAge;
    }

    /**
     * Age in whole years on {@code date}: the same count as {@code Period.between(dateOfBirth, date).getYears()}, so a
     * person born on 29 February comes of age on 1 March in common years.
     */
    static int ageOn(LocalDate dateOfBirth, LocalDate date) {
        int years = date.getYear() - dateOfBirth.getYear();
        if (date.getMonthValue() < dateOfBirth.getMonthValue()
                || (date.getMonthValue() == dateOfBirth.getMonthValue() && date.getDayOfMonth() < dateOfBirth.getDayOfMonth())) {
            years--;
        }
        return years;
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        if (referral.person().dateOfBirth().isPresent()) {
            LocalDate dob = referral.person().dateOfBirth().get();
            int age = ageOn(dob, referralDate);
            if (age < minAge) {
                hit(out, "person.dateOfBirth", () -> "age " + age + " is under the minimum age " + minAge);
            }
        }
    }
}

package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.time.Period;
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

    /** Age in whole years on {@code date}. */
    static int ageOn(LocalDate dateOfBirth, LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        if (referral.person().dateOfBirth().isPresent()) {
            LocalDate dob = referral.person().dateOfBirth().get();
            if (dob.plusYears(minAge).isAfter(referralDate)) {
                hit(out, "person.dateOfBirth", () -> "age " + ageOn(dob, referralDate) + " is under the minimum age " + minAge);
            }
        }
    }
}

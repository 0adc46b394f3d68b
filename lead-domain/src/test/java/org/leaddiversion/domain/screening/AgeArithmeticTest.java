/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Rule R12 counts age in whole years on the local referral date exactly as {@link Period#between} does — including
 * for people born on 29 February, who come of age on 1 March in common years.
 */
class AgeArithmeticTest {

    @Test
    void age_is_the_whole_years_of_the_period_between_birth_and_referral() {
        qt().forAll(Generate.longRange(LocalDate.of(1930, 1, 1).toEpochDay(), LocalDate.of(2026, 12, 31).toEpochDay()),
                Generate.range(0, 90 * 366)).checkAssert((birth, days) -> {
                    LocalDate dob = LocalDate.ofEpochDay(birth);
                    LocalDate on = dob.plusDays(days);
                    assertEquals(Period.between(dob, on).getYears(), MinimumAgeCriterion.ageOn(dob, on));
                });
    }

    @Test
    void a_leapling_comes_of_age_on_the_first_of_march_in_common_years() {
        LocalDate dob = LocalDate.of(2008, 2, 29);
        assertEquals(17, MinimumAgeCriterion.ageOn(dob, LocalDate.of(2026, 2, 28)));
        assertEquals(18, MinimumAgeCriterion.ageOn(dob, LocalDate.of(2026, 3, 1)));
        assertEquals(18, MinimumAgeCriterion.ageOn(LocalDate.of(2006, 2, 28), LocalDate.of(2024, 2, 28)));
        assertEquals(20, MinimumAgeCriterion.ageOn(LocalDate.of(2004, 2, 29), LocalDate.of(2024, 2, 29)));
    }
}

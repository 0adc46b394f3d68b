/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leaddiversion.domain.evaluation.EvaluationFixtures.group;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The two cohort designs the library knows: the participants (everyone whose intake completed, entering on the
 * referral date) and the comparison cohort (people arrested in the eligible pool when diversion was not allowed —
 * Seattle's red-light shifts).
 */
@DisplayName("Cohorts: participants and the red-light comparison")
class CohortTest {

    private final SantaFeQuarter santaFe = new SantaFeQuarter();

    @Test
    void participants_are_the_people_enrolled_with_the_race_their_referral_recorded() {
        Cohort lead = Cohort.participants(santaFe.referrals(), SantaFeQuarter.SCOPE);
        assertEquals(Cohort.PARTICIPANTS, lead.name());
        assertEquals(87, lead.size());
        Map<EquityGroup, Long> byGroup = lead.members().stream()
                .collect(Collectors.groupingBy(CohortMember::group, Collectors.counting()));
        assertEquals(Map.of(group("HISPANIC"), 45L, group("WHITE"), 35L, group("NATIVE"), 4L, EquityGroup.UNKNOWN, 3L),
                byGroup);
        assertEquals(Set.of(LocalDate.of(2016, 1, 4), LocalDate.of(2016, 1, 5)),
                lead.members().stream().map(CohortMember::entryDate).collect(Collectors.toSet()));
        var reversed = new ArrayList<>(santaFe.referrals());
        Collections.reverse(reversed);
        assertEquals(lead, Cohort.participants(reversed, SantaFeQuarter.SCOPE));
    }

    @Test
    void comparison_people_are_pool_arrests_outside_diversion_windows_never_participants() {
        Cohort lead = Cohort.participants(santaFe.referrals(), SantaFeQuarter.SCOPE);
        PersonId participant = lead.members().get(0).person();
        List<Encounter> encounters = List.of(
                red("c1", LocalDate.of(2016, 2, 1), "BLACK", true, true),
                red("c1", LocalDate.of(2016, 1, 20), "BLACK", true, true),   // earlier: c1 enters on 20 January
                red("c2", LocalDate.of(2016, 2, 2), "WHITE", false, true),   // not divertible: not in the pool
                red("c3", LocalDate.of(2016, 2, 3), "WHITE", true, false),   // outside the catchment
                red("c4", LocalDate.of(2016, 4, 3), "WHITE", true, true),    // outside the period
                red(participant.value(), LocalDate.of(2016, 2, 4), "WHITE", true, true),
                new Encounter(new PersonId("c5"), LocalDate.of(2016, 2, 5), EvaluationFixtures.SANTA_FE,
                        EquityGroup.UNKNOWN, Encounter.Kind.ARREST, OffenceCode.of("OPIATE_POSSESSION"), true, true,
                        Encounter.Window.DIVERSION_ALLOWED, Encounter.Disposition.DIVERTED_TO_LEAD),
                red("c6", LocalDate.of(2016, 3, 31), null, true, true));
        Cohort comparison = Cohort.comparison(encounters, SantaFeQuarter.SCOPE, lead);
        assertEquals(new Cohort(Cohort.COMPARISON, List.of(
                new CohortMember(new PersonId("c1"), LocalDate.of(2016, 1, 20), group("BLACK")),
                new CohortMember(new PersonId("c6"), LocalDate.of(2016, 3, 31), EquityGroup.UNKNOWN))), comparison);
        assertEquals(Set.of(group("BLACK"), EquityGroup.UNKNOWN), comparison.groups());
        assertEquals(1, comparison.only(EquityGroup.UNKNOWN).size());
    }

    private static Encounter red(String person, LocalDate date, String race, boolean divertible, boolean inCatchment) {
        return new Encounter(new PersonId(person), date, EvaluationFixtures.SANTA_FE,
                race == null ? EquityGroup.UNKNOWN : group(race), Encounter.Kind.ARREST,
                OffenceCode.of("OPIATE_POSSESSION"), divertible, inCatchment, Encounter.Window.DIVERSION_NOT_ALLOWED,
                Encounter.Disposition.BOOKED);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.NORTH;
import static org.leaddiversion.domain.screening.ScreeningCases.OUTSIDE;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.cleanReferral;
import static org.leaddiversion.domain.screening.ScreeningCases.of;
import static org.leaddiversion.domain.screening.ScreeningCases.plainPolicy;
import static org.leaddiversion.domain.screening.ScreeningCases.refusedFor;
import static org.leaddiversion.domain.screening.ScreeningCases.screen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Catchment;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;

/**
 * E15 — outside the catchment: an arrest or social-contact encounter outside the site's areas is HARD-excluded
 * (community and prosecutor referrals have no encounter to place); at a site with a residency rule a person living
 * elsewhere is excluded through every door the criterion covers, and a missing residence is a missing precondition
 * ({@code person.residence}) — but only for those doors.
 */
class CatchmentAndResidenceTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate DAY = LocalDate.of(2022, 2, 2);
    private static final Instant AT = at(DAY, LocalTime.NOON, ZONE);
    private static final AreaId COUNTY = AreaId.of("MARION_COUNTY");

    private static Person livingIn(Optional<AreaId> residence) {
        return new Person(new PersonId("P1"), Optional.of(LocalDate.of(1980, 1, 1)), Demographics.unknown(), residence,
                false);
    }

    @Test
    void an_encounter_outside_the_areas_is_a_hard_exclusion_for_the_doors_with_an_encounter() {
        SitePolicy site = plainPolicy(ZONE).catchment(new Catchment(Set.of(NORTH), Map.of(), Optional.empty())).build();
        for (Door door : Door.values()) {
            ScreeningDecision inside = screen(site, cleanReferral(door, DAY).location(Location.in(NORTH)).build(), AT);
            ScreeningDecision outside = screen(site, cleanReferral(door, DAY).location(Location.in(OUTSIDE)).build(), AT);
            assertEquals(EligibilityResult.ELIGIBLE, inside.result(), door::toString);
            boolean located = door == Door.ARREST_DIVERSION || door == Door.SOCIAL_CONTACT;
            assertEquals(located ? EligibilityResult.INELIGIBLE : EligibilityResult.ELIGIBLE, outside.result(),
                    door::toString);
            if (located) {
                assertEquals(RuleStrength.HARD, of(outside, ExclusionKind.OUTSIDE_CATCHMENT).get(0).strength());
            }
        }
    }

    @Test
    void at_a_site_with_a_residency_rule_people_living_elsewhere_are_excluded_and_an_unknown_residence_is_refused() {
        SitePolicy site = plainPolicy(ZONE).catchment(new Catchment(Set.of(), Map.of(), Optional.of(COUNTY))).build();
        for (Door door : Door.values()) {
            assertEquals(EligibilityResult.ELIGIBLE,
                    screen(site, cleanReferral(door, DAY).person(livingIn(Optional.of(COUNTY))).build(), AT).result());
            ScreeningDecision elsewhere = screen(site, cleanReferral(door, DAY)
                    .person(livingIn(Optional.of(AreaId.of("POLK_COUNTY")))).build(), AT);
            assertEquals(EligibilityResult.INELIGIBLE, elsewhere.result(), door::toString);
            assertEquals("person.residence", of(elsewhere, ExclusionKind.OUTSIDE_CATCHMENT).get(0).field());
            ScreeningDecision unknown = screen(site, cleanReferral(door, DAY).person(livingIn(Optional.empty())).build(),
                    AT);
            assertTrue(refusedFor(unknown, ErrorCode.PRECONDITION_MISSING, "person.residence", RuleId.R09),
                    door::toString);
        }
    }

    @Test
    void a_residency_rule_limited_to_some_doors_needs_the_residence_only_there() {
        SitePolicy site = plainPolicy(ZONE).catchment(new Catchment(Set.of(), Map.of(), Optional.of(COUNTY)))
                .exclusion(ExclusionKind.OUTSIDE_CATCHMENT, RuleStrength.HARD, Set.of(Door.SOCIAL_CONTACT), Set.of())
                .build();
        ScreeningDecision social = screen(site, cleanReferral(Door.SOCIAL_CONTACT, DAY)
                .person(livingIn(Optional.empty())).build(), AT);
        assertTrue(refusedFor(social, ErrorCode.PRECONDITION_MISSING, "person.residence", RuleId.R09));
        for (Door door : EnumSet.complementOf(EnumSet.of(Door.SOCIAL_CONTACT))) {
            ScreeningDecision d = screen(site, cleanReferral(door, DAY).person(livingIn(Optional.empty())).build(), AT);
            assertFalse(d.refusedAtTheDoor(), () -> door + ": " + d.rejections());
            assertEquals(EligibilityResult.ELIGIBLE, d.result());
        }
    }
}

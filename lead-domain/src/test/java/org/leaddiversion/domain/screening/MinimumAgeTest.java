/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.between;
import static org.leaddiversion.domain.screening.ScreeningCases.cleanReferral;
import static org.leaddiversion.domain.screening.ScreeningCases.of;
import static org.leaddiversion.domain.screening.ScreeningCases.pick;
import static org.leaddiversion.domain.screening.ScreeningCases.plainPolicy;
import static org.leaddiversion.domain.screening.ScreeningCases.refusedFor;
import static org.leaddiversion.domain.screening.ScreeningCases.screen;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;

/**
 * Rule R12 — minimum age (E4): a person younger than the site's minimum age on the <em>local</em> referral date
 * (the date of {@code referredAt} in the site zone, not in UTC) is excluded, and E4 is HARD, so the referral is
 * INELIGIBLE. Someone whose birthday is the day after the referral date is still under age; on the birthday itself
 * and the day after it they are of age. A site with a minimum age cannot screen without a date of birth:
 * {@code PRECONDITION_MISSING} on {@code person.dateOfBirth}, rule R12.
 */
class MinimumAgeTest {

    /** A referral made at a local date and time in a zone, by someone whose birthday is {@code offset} days away. */
    record Birthday(ZoneId zone, int minAge, LocalDate referralDate, LocalTime time, int offset, Door door) {
        /** The date on which the person reaches the minimum age. */
        LocalDate comingOfAge() {
            return referralDate.plusDays(offset);
        }

        LocalDate dateOfBirth() {
            return comingOfAge().minusYears(minAge);
        }

        Instant referredAt() {
            return at(referralDate, time, zone);
        }
    }

    private static boolean leapDay(LocalDate d) {
        return d.getMonth() == Month.FEBRUARY && d.getDayOfMonth() == 29;
    }

    private static Gen<Birthday> birthdays() {
        Gen<LocalDate> dates = ScreeningCases.referralDates();
        Gen<LocalTime> times = ScreeningCases.localTimes();
        return in -> new Birthday(pick(in, LeadGenerators.ZONES), between(in, 14, 25), dates.generate(in),
                times.generate(in), pick(in, List.of(-1, 0, 1)), pick(in, List.of(Door.values())));
    }

    private static ReferralSubmission referralOf(Birthday b) {
        var person = new Person(new PersonId("P1"), Optional.of(b.dateOfBirth()), Demographics.unknown(),
                Optional.empty(), false);
        return cleanReferral(b.door(), b.referralDate()).person(person).build();
    }

    @Test
    void a_person_is_under_age_until_the_local_day_of_the_birthday() {
        // A birthday on 29 February has no agreed anniversary in common years; those are left out.
        Gen<Birthday> cases = birthdays().assuming(b -> !leapDay(b.comingOfAge()) && !leapDay(b.dateOfBirth()));
        qt().withExamples(2000).forAll(cases).checkAssert(b -> {
            SitePolicy policy = plainPolicy(b.zone()).minAge(OptionalInt.of(b.minAge())).build();
            assertEquals(b.referralDate(), LocalDate.ofInstant(b.referredAt(), b.zone()), "test set-up: local date");
            ScreeningDecision d = screen(policy, referralOf(b), b.referredAt());
            boolean underAge = b.offset() > 0;
            var e4 = of(d, ExclusionKind.UNDER_MIN_AGE);
            assertEquals(underAge, !e4.isEmpty(), () -> "born " + b.dateOfBirth() + ", referred " + b.referralDate()
                    + " local: " + d);
            if (underAge) {
                assertEquals(EligibilityResult.INELIGIBLE, d.result());
                assertEquals(RuleStrength.HARD, e4.get(0).strength());
                assertEquals(RuleId.R12, e4.get(0).rule());
                assertEquals("person.dateOfBirth", e4.get(0).field());
            } else {
                assertEquals(EligibilityResult.ELIGIBLE, d.result());
            }
        });
    }

    @Test
    void the_age_is_taken_on_the_local_date_not_the_utc_date() {
        ZoneId seattle = ZoneId.of("America/Los_Angeles");
        SitePolicy policy = plainPolicy(seattle).minAge(OptionalInt.of(18)).build();
        var person = Person.of("P1", LocalDate.of(2006, 6, 15));
        var referral = cleanReferral(Door.ARREST_DIVERSION, LocalDate.of(2024, 6, 14)).person(person).build();
        // 23:30 on 14 June in Seattle is already 15 June in UTC, the 18th birthday: still 17 locally.
        ScreeningDecision eve = screen(policy, referral, at(LocalDate.of(2024, 6, 14), LocalTime.of(23, 30), seattle));
        ScreeningDecision midnight = screen(policy, referral, at(LocalDate.of(2024, 6, 15), LocalTime.MIDNIGHT, seattle));
        assertEquals(EligibilityResult.INELIGIBLE, eve.result());
        assertEquals(EligibilityResult.ELIGIBLE, midnight.result());

        ZoneId sydneyish = ZoneId.of("Australia/Lord_Howe");
        SitePolicy east = plainPolicy(sydneyish).minAge(OptionalInt.of(18)).build();
        // 00:15 on 15 June at Lord Howe is still 14 June in UTC: already 18 locally.
        Instant early = at(LocalDate.of(2024, 6, 15), LocalTime.of(0, 15), sydneyish);
        assertEquals(LocalDate.of(2024, 6, 14), LocalDate.ofInstant(early, ZoneId.of("UTC")));
        assertEquals(EligibilityResult.ELIGIBLE, screen(east, referral, early).result());
    }

    @Test
    void without_a_date_of_birth_a_site_with_a_minimum_age_refuses_the_referral() {
        qt().withExamples(500).forAll(birthdays()).checkAssert(b -> {
            SitePolicy policy = plainPolicy(b.zone()).minAge(OptionalInt.of(b.minAge())).build();
            var unknownAge = new Person(new PersonId("P1"), Optional.empty(), Demographics.unknown(), Optional.empty(),
                    false);
            ScreeningDecision d = screen(policy, cleanReferral(b.door(), b.referralDate()).person(unknownAge).build(),
                    b.referredAt());
            assertEquals(EligibilityResult.REJECTED, d.result());
            assertTrue(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "person.dateOfBirth", RuleId.R12),
                    d.rejections()::toString);
        });
    }

    @Test
    void without_a_minimum_age_the_date_of_birth_is_not_needed() {
        for (Door door : Door.values()) {
            var unknownAge = new Person(new PersonId("P1"), Optional.empty(), Demographics.unknown(), Optional.empty(),
                    false);
            LocalDate day = LocalDate.of(2024, 1, 10);
            ScreeningDecision d = screen(plainPolicy(ZoneId.of("UTC")).build(),
                    cleanReferral(door, day).person(unknownAge).build(), at(day, LocalTime.NOON, ZoneId.of("UTC")));
            assertEquals(EligibilityResult.ELIGIBLE, d.result(), door::toString);
        }
    }

    @Test
    void a_minimum_age_for_the_arrest_door_only_does_not_need_a_date_of_birth_at_the_other_doors() {
        ZoneId zone = ZoneId.of("America/New_York");
        SitePolicy policy = plainPolicy(zone).minAge(OptionalInt.of(18))
                .exclusion(ExclusionKind.UNDER_MIN_AGE, RuleStrength.HARD, Set.of(Door.ARREST_DIVERSION), Set.of())
                .build();
        var unknownAge = new Person(new PersonId("P1"), Optional.empty(), Demographics.unknown(), Optional.empty(), false);
        LocalDate day = LocalDate.of(2024, 1, 10);
        Instant at = at(day, LocalTime.NOON, zone);
        assertTrue(refusedFor(screen(policy, cleanReferral(Door.ARREST_DIVERSION, day).person(unknownAge).build(), at),
                ErrorCode.PRECONDITION_MISSING, "person.dateOfBirth", RuleId.R12));
        for (Door door : EnumSet.complementOf(EnumSet.of(Door.ARREST_DIVERSION))) {
            ScreeningDecision d = screen(policy, cleanReferral(door, day).person(unknownAge).build(), at);
            assertFalse(d.refusedAtTheDoor(), () -> door + ": " + d.rejections());
        }
    }

    @Test
    void E4_applies_exactly_to_people_under_the_minimum_age_at_generated_sites() {
        Gen<LeadGenerators.ScreeningCase> cases = admittedCases(Door.values())
                .assuming(c -> c.submission().person().dateOfBirth().map(d -> !leapDay(d)).orElse(true));
        qt().withExamples(2000).forAll(cases).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            LocalDate local = LocalDate.ofInstant(c.referredAt(), c.policy().zone());
            boolean active = c.policy().exclusion(ExclusionKind.UNDER_MIN_AGE)
                    .map(s -> s.appliesTo(c.submission().door())).orElse(false);
            boolean expected = active && c.submission().person().dateOfBirth()
                    .map(dob -> dob.plusYears(c.policy().minAge().getAsInt()).isAfter(local)).orElse(false);
            assertEquals(expected, !of(d, ExclusionKind.UNDER_MIN_AGE).isEmpty(), d::toString);
        });
    }
}

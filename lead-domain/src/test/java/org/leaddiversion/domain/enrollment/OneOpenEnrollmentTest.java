/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.ensureDoor;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.events;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R23: a person has at most one open enrollment per site. A new arrest-door referral of an enrolled person attaches
 * to the open enrollment; the social-contact and community doors refuse with ALREADY_ENROLLED; two referrals pending
 * at once both end in the one enrollment. After leaving, a new referral starts a new enrollment linked to the old
 * one (R28).
 */
@DisplayName("R23 one open enrollment per person and site")
class OneOpenEnrollmentTest {

    /** A site with every door, a first referral of a person through any door, and the same person again. */
    record Twice(SitePolicy policy, Instant at, ReferralSubmission first, ReferralSubmission arrest,
                 ReferralSubmission social, ReferralSubmission community) {
    }

    static Gen<Twice> twice() {
        return in -> {
            ScreeningCase c = LeadGenerators.admissibleCases().generate(in);
            SitePolicy p = c.policy();
            for (Door d : Door.values()) {
                p = ensureDoor(p, d);
            }
            LocalDate day = LocalDate.ofInstant(c.referredAt(), p.zone());
            ReferralSubmission first = LeadGenerators.admissibleSubmission(in, p, day);
            ReferralSubmission arrest = samePerson(LeadGenerators.admissibleSubmission(in, p, Door.ARREST_DIVERSION, day), first);
            ReferralSubmission social = samePerson(LeadGenerators.admissibleSubmission(in, p, Door.SOCIAL_CONTACT, day), first);
            ReferralSubmission community = samePerson(LeadGenerators.admissibleSubmission(in, p, Door.COMMUNITY, day), first);
            return new Twice(p, c.referredAt(), first, arrest, social, community);
        };
    }

    private static ReferralSubmission samePerson(ReferralSubmission s, ReferralSubmission as) {
        return s.toBuilder().person(as.person()).build();
    }

    @Test
    void an_enrolled_person_arrested_again_and_diverted_joins_the_open_enrollment() {
        qt().forAll(twice(), Generate.range(1, 20 * 24)).checkAssert((t, hours) -> {
            var clock = new MutableClock(t.at());
            var programme = programme(clock, history(t.policy()));
            var desk = programme.desk();
            // Given a participant enrolled through any door
            Referral first = completeIntake(desk, t.policy(), pendingIntake(desk, t.policy(), t.first()).id());
            EnrollmentId enrollment = first.enrollment().orElseThrow();

            // When they are arrested and diverted again, and intake runs for the new referral
            clock.advance(Duration.ofHours(hours));
            Referral second = completeIntake(desk, t.policy(), pendingIntake(desk, t.policy(), t.arrest()).id());

            // Then the new referral (and its held charge) attaches to the same enrollment: no second one
            assertEquals(enrollment, second.enrollment().orElseThrow());
            assertEquals(1, programme.enrollments().all().size());
            Enrollment e = programme.enrollments().find(enrollment).orElseThrow();
            assertEquals(List.of(first.id(), second.id()), e.referrals());
            assertFalse(eventsOf(programme, second.id(), ReferralEvent.IntakeCompleted.class).get(0).newEnrollment());
            assertEquals(1, events(programme, EnrollmentEvent.ReferralAttached.class).size());
            assertEquals(1, events(programme, EnrollmentEvent.EnrollmentStarted.class).size());
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void an_enrolled_person_cannot_be_referred_through_the_social_contact_or_community_door() {
        qt().forAll(twice(), Generate.booleans()).checkAssert((t, social) -> {
            var clock = new MutableClock(t.at());
            var programme = programme(clock, history(t.policy()));
            var desk = programme.desk();
            completeIntake(desk, t.policy(), pendingIntake(desk, t.policy(), t.first()).id());
            int referrals = programme.referrals().all().size();
            int events = programme.events().size();

            Outcome<Referral> out = desk.submit(social ? t.social() : t.community());

            assertTrue(out.hasError(ErrorCode.ALREADY_ENROLLED), () -> out.errors().toString());
            assertEquals(referrals, programme.referrals().all().size());
            assertEquals(events, programme.events().size());
            assertEquals(1, programme.enrollments().all().size());
        });
    }

    @Test
    void two_referrals_pending_at_once_for_one_person_end_in_one_enrollment() {
        qt().forAll(twice(), Generate.pick(List.of(Door.values()))).checkAssert((t, door) -> {
            var clock = new MutableClock(t.at());
            var programme = programme(clock, history(t.policy()));
            var desk = programme.desk();
            ReferralSubmission other = switch (door) {
                case ARREST_DIVERSION, PROSECUTOR -> t.arrest();
                case SOCIAL_CONTACT -> t.social();
                case COMMUNITY -> t.community();
            };
            // Given two referrals of the same person, both pending intake
            Referral a = pendingIntake(desk, t.policy(), t.first());
            Referral b = pendingIntake(desk, t.policy(), other);

            // When intake completes for both
            Referral doneA = completeIntake(desk, t.policy(), a.id());
            clock.advance(Duration.ofMinutes(5));
            Referral doneB = completeIntake(desk, t.policy(), b.id());

            // Then one enrollment holds both referrals
            assertEquals(1, programme.enrollments().all().size());
            assertEquals(doneA.enrollment(), doneB.enrollment());
            assertEquals(List.of(a.id(), b.id()), programme.enrollments().all().get(0).referrals());
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void after_leaving_a_new_referral_starts_a_new_enrollment_linked_to_the_old_one() {
        qt().forAll(twice(), Generate.booleans()).checkAssert((t, social) -> {
            var clock = new MutableClock(t.at());
            var programme = programme(clock, history(t.policy()));
            var desk = programme.desk();
            Referral first = completeIntake(desk, t.policy(), pendingIntake(desk, t.policy(), t.first()).id());
            EnrollmentId old = first.enrollment().orElseThrow();
            clock.advance(Duration.ofDays(3));
            expect(desk.withdrawFromEnrollment(old, Fixtures.self(first.submission().person().id())), "leaving");
            clock.advance(Duration.ofDays(3));

            Referral again = pendingIntake(desk, t.policy(), social ? t.social() : t.community());
            assertEquals(List.of(old), again.priorEnrollments());
            Referral done = completeIntake(desk, t.policy(), again.id());

            assertEquals(ReferralStatus.INTAKE_COMPLETED, done.status());
            Enrollment fresh = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
            assertTrue(fresh.isOpen());
            assertEquals(List.of(old), fresh.priorEnrollments());
            assertEquals(2, programme.enrollments().all().size());
            assertRulesHold(programme, clock.instant());
        });
    }
}

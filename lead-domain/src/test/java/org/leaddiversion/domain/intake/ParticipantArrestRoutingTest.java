/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.toPendingIntake;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.prosecution.CaseFlag;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.quicktheories.generators.Generate;

/**
 * R23: a participant arrested again is never enrolled twice. If the new arrest is diverted, its referral attaches to
 * the open enrollment at intake, and needs no capacity: it takes no new place. If it is not — screened ineligible, declined at the offer,
 * rejected by the eligibility authority, withdrawn or lapsed — the charge goes to prosecution coordination as one
 * post-enrollment case flagged LEAD_PARTICIPANT, naming the referral and the enrollment; the enrollment does not move
 * (R25). A person without an open enrollment (never enrolled, or enrolled before and closed) gets no such case.
 */
@DisplayName("R23 a participant's new arrest: attached if diverted, coordinated if not")
class ParticipantArrestRoutingTest {

    /** How the new arrest referral ends. */
    enum Ending {
        CAPACITY_REJECTED(ReferralStatus.REJECTED),
        SCREENED_INELIGIBLE(ReferralStatus.INELIGIBLE),
        DECLINED_AT_THE_OFFER(ReferralStatus.DECLINED_BY_PERSON),
        AUTHORITY_REJECTED(ReferralStatus.INELIGIBLE),
        WITHDRAWN_BEFORE_INTAKE(ReferralStatus.WITHDRAWN),
        WITHDRAWN_AT_THE_OFFER(ReferralStatus.WITHDRAWN),
        INTAKE_LAPSED(ReferralStatus.INTAKE_LAPSED),
        DIVERTED(ReferralStatus.INTAKE_COMPLETED);

        final ReferralStatus status;

        Ending(ReferralStatus status) {
            this.status = status;
        }
    }

    /** Where the person stands with LEAD when arrested again. */
    enum Standing {
        ACTIVE_PARTICIPANT, INACTIVE_PARTICIPANT, FORMER_PARTICIPANT, NEVER_ENROLLED;

        boolean isOpen() {
            return this == ACTIVE_PARTICIPANT || this == INACTIVE_PARTICIPANT;
        }
    }

    private static final Instant FIRST_ARREST = Instant.parse("2026-01-12T18:00:00Z");

    /** A Seattle programme whose capacity the test can close just before the new arrest. */
    private static final class World {
        final MutableClock clock = new MutableClock(FIRST_ARREST);
        final AtomicInteger capacity = new AtomicInteger(100);
        final InMemoryProgramme programme = programme(clock,
                (CaseloadCapacity) site -> OptionalInt.of(capacity.get()), Fixtures.seattle());
        final ReferralDesk desk = programme.desk();
        final PersonId person = new PersonId("ana");

        SitePolicy policy() {
            return programme.policies().inForceAt(Fixtures.SEATTLE, clock.instant()).orElseThrow();
        }

        /** Ana's standing before the new arrest, {@code days} after the first. Returns her enrollment, if any. */
        Optional<Enrollment> standing(Standing standing, int days) {
            if (standing == Standing.NEVER_ENROLLED) {
                clock.advance(Duration.ofDays(days));
                return Optional.empty();
            }
            Referral first = pendingIntake(desk, policy(), Fixtures.anArrestDiversion("ana").build());
            clock.advance(Duration.ofHours(20));
            EnrollmentId id = completeIntake(desk, policy(), first.id()).enrollment().orElseThrow();
            int threshold = policy().enrollment().inactivityThresholdDays();
            clock.advance(Duration.ofDays(standing == Standing.INACTIVE_PARTICIPANT ? threshold + days : days));
            if (standing == Standing.ACTIVE_PARTICIPANT) {
                expect(desk.recordContact(id, CASE_MANAGER, ContactType.PHONE,
                        clock.instant()), "a recent contact");
            } else if (standing == Standing.INACTIVE_PARTICIPANT) {
                assertEquals(List.of(id), desk.sweepInactivity());
            } else {
                expect(desk.withdrawFromEnrollment(id, Fixtures.self(person)), "she left");
            }
            clock.advance(Duration.ofHours(1));
            return programme.enrollments().find(id);
        }

        /** The new arrest, taken to the given ending. */
        Referral newArrest(Ending ending) {
            ReferralSubmission.Builder arrest = Fixtures.anArrestDiversion("ana");
            if (ending == Ending.CAPACITY_REJECTED) {
                capacity.set(0);
            }
            if (ending == Ending.SCREENED_INELIGIBLE) {
                arrest.location(Location.in(AreaId.of("TACOMA_DOWNTOWN")));
            }
            if (ending == Ending.DECLINED_AT_THE_OFFER) {
                arrest.personConsents(false);
            }
            Referral r = expect(desk.submit(arrest.build()), "the new arrest");
            switch (ending) {
                case DECLINED_AT_THE_OFFER:
                    return expect(desk.recordDecline(r.id(), Fixtures.OFFICER), "decline");
                case WITHDRAWN_AT_THE_OFFER:
                    return expect(desk.withdraw(r.id(), Fixtures.self(person), "not now"), "withdrawal at the offer");
                case AUTHORITY_REJECTED:
                    toPendingIntake(desk, policy(), r.id());
                    return expect(desk.decideEligibility(r.id(), Fixtures.SERGEANT, false, "not amenable now"),
                            "authority rejection");
                case WITHDRAWN_BEFORE_INTAKE:
                    toPendingIntake(desk, policy(), r.id());
                    clock.advance(Duration.ofDays(3));
                    return expect(desk.withdraw(r.id(), CASE_MANAGER, "she changed her mind"), "withdrawal");
                case INTAKE_LAPSED:
                    Referral pending = toPendingIntake(desk, policy(), r.id());
                    clock.set(pending.intakeDeadline().firstLateInstant());
                    assertEquals(List.of(r.id()), desk.sweepDeadlines().lapsed());
                    return programme.referrals().find(r.id()).orElseThrow();
                case DIVERTED:
                    toPendingIntake(desk, policy(), r.id());
                    clock.advance(Duration.ofDays(2));
                    return completeIntake(desk, policy(), r.id());
                default:
                    return r;
            }
        }

        void rulesHold(String context) {
            var violations = RuleCatalogue.checkAll(programme.record());
            assertTrue(violations.isEmpty(), () -> context + ": " + violations);
        }
    }

    @Test
    void a_participants_arrest_that_is_not_diverted_becomes_one_flagged_case_and_the_enrollment_does_not_move() {
        qt().withExamples(120).forAll(Generate.enumValues(Ending.class), Generate.range(1, 300),
                Generate.pick(List.of(Standing.ACTIVE_PARTICIPANT, Standing.INACTIVE_PARTICIPANT)))
                .assuming((ending, days, standing) -> ending != Ending.DIVERTED && ending != Ending.CAPACITY_REJECTED)
                .checkAssert((ending, days, standing) -> {
                    var w = new World();
                    Enrollment before = w.standing(standing, days).orElseThrow();
                    Referral r = w.newArrest(ending);
                    String context = ending + " of a " + standing + " after " + days + " days";

                    assertEquals(ending.status, r.status(), context);
                    List<PostEnrollmentCase> cases = w.programme.cases().all();
                    assertEquals(1, cases.size(), context);
                    PostEnrollmentCase routed = cases.get(0);
                    assertEquals(Optional.of(r.id()), routed.referral(), context);
                    assertEquals(Optional.of(before.id()), routed.openEnrollment(), context);
                    assertEquals(Set.of(CaseFlag.LEAD_PARTICIPANT), routed.flags(), context);
                    assertEquals(w.person, routed.person(), context);
                    assertEquals(r.submission().offences(), routed.offences(), context);
                    assertEquals(r.referredAt(), routed.filedOrArrestedAt(), context);
                    assertTrue(routed.consultation().isEmpty() && routed.decision().isEmpty(), context);

                    Enrollment after = w.programme.enrollments().find(before.id()).orElseThrow();
                    assertEquals(before.status(), after.status(), context);
                    assertEquals(before.version(), after.version(), context);
                    assertEquals(1, w.programme.enrollments().of(w.person, Fixtures.SEATTLE).size(), context);
                    w.rulesHold(context);
                });
    }

    @Test
    void a_diverted_arrest_of_a_participant_attaches_to_her_enrollment_and_goes_to_no_prosecutor() {
        for (Standing standing : List.of(Standing.ACTIVE_PARTICIPANT, Standing.INACTIVE_PARTICIPANT)) {
            var w = new World();
            Enrollment before = w.standing(standing, 40).orElseThrow();
            Referral r = w.newArrest(Ending.DIVERTED);

            assertEquals(ReferralStatus.INTAKE_COMPLETED, r.status());
            assertEquals(Optional.of(before.id()), r.enrollment(), standing::toString);
            assertEquals(DivertedCaseStatus.NOT_FILED, r.divertedCase().orElseThrow().status());
            assertTrue(w.programme.cases().all().isEmpty(), standing::toString);
            List<Enrollment> hers = w.programme.enrollments().of(w.person, Fixtures.SEATTLE);
            assertEquals(1, hers.size(), standing::toString);
            assertEquals(2, hers.get(0).referrals().size());
            assertEquals(r.id(), hers.get(0).referrals().get(1));
            assertEquals(before.status(), hers.get(0).status(), "attaching does not move the enrollment");
            w.rulesHold(standing.toString());
        }
    }

    @Test
    void a_full_site_still_diverts_a_participants_arrest_because_it_takes_no_new_place() {
        for (Standing standing : List.of(Standing.ACTIVE_PARTICIPANT, Standing.INACTIVE_PARTICIPANT)) {
            var w = new World();
            Enrollment before = w.standing(standing, 30).orElseThrow();
            w.capacity.set(0);
            Referral r = w.newArrest(Ending.DIVERTED);
            assertEquals(ReferralStatus.INTAKE_COMPLETED, r.status(), standing::toString);
            assertEquals(Optional.of(before.id()), r.enrollment(), standing::toString);
            assertTrue(w.programme.cases().all().isEmpty(), standing::toString);
            w.rulesHold(standing.toString());
        }
        // someone not enrolled is still refused at a full site
        var w = new World();
        w.standing(Standing.FORMER_PARTICIPANT, 30);
        assertEquals(ReferralStatus.REJECTED, w.newArrest(Ending.CAPACITY_REJECTED).status());
    }

    @Test
    void the_arrest_of_someone_without_an_open_enrollment_is_not_routed_to_coordination() {
        qt().withExamples(60).forAll(Generate.enumValues(Ending.class), Generate.range(1, 300),
                Generate.pick(List.of(Standing.FORMER_PARTICIPANT, Standing.NEVER_ENROLLED)))
                .checkAssert((ending, days, standing) -> {
                    var w = new World();
                    w.standing(standing, days);
                    Referral r = w.newArrest(ending);
                    String context = ending + " of a " + standing + " after " + days + " days";

                    assertEquals(ending.status, r.status(), context);
                    assertTrue(w.programme.cases().all().isEmpty(), context);
                    assertTrue(w.programme.enrollments().openFor(w.person, Fixtures.SEATTLE).isPresent()
                            == (ending == Ending.DIVERTED), context);
                    w.rulesHold(context);
                });
    }

    @Test
    void the_ordinary_review_of_the_released_charge_does_not_route_it_a_second_time() {
        var w = new World();
        w.standing(Standing.ACTIVE_PARTICIPANT, 20);
        Referral lapsed = w.newArrest(Ending.INTAKE_LAPSED);
        w.clock.advance(Duration.ofDays(5));
        expect(w.desk.recordOrdinaryReview(lapsed.id(), Fixtures.PROSECUTOR, DivertedCaseStatus.DECLINED),
                "the prosecutor declines");
        w.desk.sweepDeadlines();

        assertEquals(1, w.programme.cases().all().size());
        assertEquals(1, w.programme.events().stream()
                .filter(ProsecutionEvent.PostEnrollmentCaseFlagged.class::isInstance)
                .count());
        w.rulesHold("after the ordinary review");
    }

    @Test
    void a_participant_cannot_be_referred_through_a_door_without_a_charge() {
        var w = new World();
        w.standing(Standing.ACTIVE_PARTICIPANT, 10);
        var again = w.desk.submit(Fixtures.aCommunityReferral("ana").build());
        assertTrue(again.hasError(ErrorCode.ALREADY_ENROLLED));
        assertTrue(w.programme.cases().all().isEmpty());
    }
}

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
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.events;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.withEnrollment;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.EnrollmentPolicy;
import org.leaddiversion.domain.policy.SitePolicy;
import org.quicktheories.generators.Generate;

/**
 * R24, R26, R27 and R32: forbidden closure reasons are rejected under every site policy and change nothing; other
 * reasons close only when the policy in force allows them (VOLUNTARY_WITHDRAWAL always); inactivity is computed from
 * the last participant contact at exactly the threshold, is undone by the next participant contact, is never caused
 * or postponed by collateral contacts and never closes an enrollment by itself; contacts cannot be in the future or
 * before the enrollment started.
 */
@DisplayName("R24 R26 R27 R32 closure, inactivity and contacts")
class ClosureAndInactivityTest {

    private static final List<ClosureReason> FORBIDDEN = Arrays.stream(ClosureReason.values())
            .filter(ClosureReason::isForbidden).toList();
    private static final List<ClosureReason> NOT_FORBIDDEN = Arrays.stream(ClosureReason.values())
            .filter(r -> !r.isForbidden()).toList();
    private static final List<ContactType> PARTICIPANT_CONTACTS = Arrays.stream(ContactType.values())
            .filter(ContactType::isParticipantContact).toList();

    /** A programme whose one participant was enrolled after timely intake under the policy. */
    private record Enrolled(MutableClock clock, InMemoryProgramme programme, Referral referral, Enrollment enrollment) {
        Enrollment now() {
            return programme.enrollments().find(enrollment.id()).orElseThrow();
        }
    }

    private static Enrolled enrolled(SitePolicy policy, org.leaddiversion.domain.referral.ReferralSubmission submission,
                                     Instant referredAt) {
        var clock = new MutableClock(referredAt);
        var programme = programme(clock, history(policy));
        var desk = programme.desk();
        Referral pending = pendingIntake(desk, policy, submission);
        Referral done = completeIntake(desk, policy, pending.id());
        Enrollment e = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
        return new Enrolled(clock, programme, done, e);
    }

    private static DomainError only(Outcome<?> out) {
        assertFalse(out.isSuccess(), () -> "expected a rejection, got " + out);
        assertEquals(1, out.errors().size(), out.errors()::toString);
        return out.errors().get(0);
    }

    private static void assertChargeStillNotFiled(Enrolled x) {
        x.programme().referrals().find(x.referral().id()).orElseThrow().divertedCase().ifPresent(held ->
                assertEquals(DivertedCaseStatus.NOT_FILED, held.status()));
        assertTrue(eventsOf(x.programme(), x.referral().id(), ReferralEvent.DivertedCaseReleased.class).isEmpty());
    }

    @Test
    void a_forbidden_reason_never_closes_an_enrollment_under_any_policy() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.pick(FORBIDDEN), Generate.range(0, 2 * 365),
                Generate.booleans()).checkAssert((c, reason, days, inactive) -> {
            var x = enrolled(c.policy(), c.submission(), c.referredAt());
            // Given an open enrollment, perhaps INACTIVE after the threshold
            x.clock().advance(Duration.ofDays(days));
            if (inactive) {
                x.clock().advance(Duration.ofDays(c.policy().enrollment().inactivityThresholdDays()));
                assertEquals(List.of(x.enrollment().id()), x.programme().desk().sweepInactivity());
            }
            Enrollment before = x.now();

            // When someone tries to close it for use, relapse, non-compliance or a new arrest
            for (var actor : List.of(Fixtures.CASE_MANAGER, Fixtures.PROJECT_MANAGER, Fixtures.PARTICIPANT)) {
                DomainError e = only(x.programme().desk().closeEnrollment(before.id(), actor, reason));

                // Then it is rejected under R24 and nothing changes
                assertEquals(ErrorCode.FORBIDDEN_CLOSURE_REASON, e.code());
                assertEquals(RuleId.R24, e.rule());
                assertEquals("reason", e.field());
            }
            // even if a caller passes the reason as "allowed"
            var everything = EnumSet.allOf(ClosureReason.class);
            assertEquals(RuleId.R24, only(before.close(reason, Fixtures.CASE_MANAGER, x.clock().instant(), everything))
                    .rule());
            Enrollment after = x.now();
            assertEquals(before.version(), after.version());
            assertEquals(before.status(), after.status());
            assertTrue(events(x.programme(), EnrollmentEvent.EnrollmentClosed.class).isEmpty());
            assertChargeStillNotFiled(x);
            assertRulesHold(x.programme(), x.clock().instant());
        });
    }

    @Test
    void an_allowed_reason_closes_and_any_other_is_rejected_under_r27() {
        qt().forAll(LeadGenerators.admissibleCases(), LeadGenerators.enrollmentPolicies(), Generate.pick(NOT_FORBIDDEN))
                .checkAssert((c, enrollmentPolicy, reason) -> {
                    SitePolicy policy = withEnrollment(c.policy(), enrollmentPolicy);
                    var x = enrolled(policy, c.submission(), c.referredAt());
                    x.clock().advance(Duration.ofDays(3));

                    Outcome<Enrollment> out = x.programme().desk().closeEnrollment(x.enrollment().id(),
                            Fixtures.CASE_MANAGER, reason);

                    boolean allowed = reason == ClosureReason.VOLUNTARY_WITHDRAWAL
                            || enrollmentPolicy.allowedClosureReasons().contains(reason);
                    if (!allowed) {
                        DomainError e = only(out);
                        assertEquals(ErrorCode.FORBIDDEN_CLOSURE_REASON, e.code());
                        assertEquals(RuleId.R27, e.rule());
                        assertEquals(EnrollmentStatus.ACTIVE, x.now().status());
                    } else if (reason == ClosureReason.ADMINISTRATIVE_INACTIVITY) {
                        // an ACTIVE enrollment is not inactive: administrative closure needs INACTIVE (R26)
                        assertEquals(RuleId.R26, only(out).rule());
                        assertEquals(EnrollmentStatus.ACTIVE, x.now().status());
                    } else {
                        Enrollment closed = expect(out, "closure for " + reason);
                        assertEquals(EnrollmentStatus.CLOSED, closed.status());
                        assertEquals(reason, closed.closureReason().orElseThrow());
                        assertEquals(x.clock().instant(), closed.closedAt().orElseThrow());
                        assertEquals(List.of(new EnrollmentEvent.EnrollmentClosed(closed.id(), reason,
                                x.clock().instant())), out.events());
                    }
                    assertChargeStillNotFiled(x);
                    assertRulesHold(x.programme(), x.clock().instant());
                });
    }

    @Test
    void administrative_inactivity_closes_only_an_inactive_enrollment_where_the_site_enabled_it() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(1, 365)).checkAssert((c, threshold) -> {
            var allowed = EnumSet.of(ClosureReason.ADMINISTRATIVE_INACTIVITY);
            SitePolicy policy = withEnrollment(c.policy(), new EnrollmentPolicy(threshold, allowed));
            var x = enrolled(policy, c.submission(), c.referredAt());
            var desk = x.programme().desk();
            x.clock().advance(Duration.ofDays(threshold));
            assertEquals(List.of(x.enrollment().id()), desk.sweepInactivity());

            Enrollment closed = expect(desk.closeEnrollment(x.enrollment().id(), Fixtures.CASE_MANAGER,
                    ClosureReason.ADMINISTRATIVE_INACTIVITY), "administrative closure");

            assertEquals(ClosureReason.ADMINISTRATIVE_INACTIVITY, closed.closureReason().orElseThrow());
            assertChargeStillNotFiled(x);
            assertRulesHold(x.programme(), x.clock().instant());
        });
    }

    @Test
    void an_enrollment_becomes_inactive_exactly_threshold_days_after_the_last_participant_contact() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(0, 24 * 200), Generate.pick(PARTICIPANT_CONTACTS))
                .checkAssert((c, hours, type) -> {
                    var x = enrolled(c.policy(), c.submission(), c.referredAt());
                    var desk = x.programme().desk();
                    Duration threshold = Duration.ofDays(c.policy().enrollment().inactivityThresholdDays());
                    // Given a participant contact some hours after the start (or none)
                    Instant last = x.enrollment().startedAt();
                    if (hours > 0) {
                        x.clock().advance(Duration.ofHours(hours));
                        last = x.clock().instant();
                        expect(desk.recordContact(x.enrollment().id(), Fixtures.CASE_MANAGER, type, last), "contact");
                    }
                    assertEquals(last, x.now().lastEngagementAt());

                    // When the sweep runs one nanosecond before the threshold, nothing happens
                    x.clock().set(last.plus(threshold).minusNanos(1));
                    assertTrue(desk.sweepInactivity().isEmpty());
                    assertEquals(EnrollmentStatus.ACTIVE, x.now().status());

                    // and at exactly the threshold the enrollment becomes INACTIVE, once
                    x.clock().set(last.plus(threshold));
                    assertEquals(List.of(x.enrollment().id()), desk.sweepInactivity());
                    assertTrue(desk.sweepInactivity().isEmpty());
                    assertEquals(EnrollmentStatus.INACTIVE, x.now().status());
                    var inactive = events(x.programme(), EnrollmentEvent.ParticipantBecameInactive.class);
                    assertEquals(1, inactive.size());
                    assertEquals(last, inactive.get(0).lastEngagementAt());
                    assertRulesHold(x.programme(), x.clock().instant());
                });
    }

    @Test
    void collateral_contacts_never_postpone_inactivity_or_re_engage_and_a_participant_contact_does() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(1, 5), Generate.pick(PARTICIPANT_CONTACTS))
                .checkAssert((c, collaterals, type) -> {
                    var x = enrolled(c.policy(), c.submission(), c.referredAt());
                    var desk = x.programme().desk();
                    var id = x.enrollment().id();
                    Instant start = x.enrollment().startedAt();
                    Duration threshold = Duration.ofDays(c.policy().enrollment().inactivityThresholdDays());
                    // Given only collateral contacts up to just before the threshold
                    for (int i = 1; i <= collaterals; i++) {
                        x.clock().set(start.plus(threshold.multipliedBy(i).dividedBy(collaterals + 1)));
                        expect(desk.recordContact(id, Fixtures.CASE_MANAGER, ContactType.COLLATERAL,
                                x.clock().instant()), "collateral contact");
                        assertEquals(start, x.now().lastEngagementAt());
                    }
                    // Then the enrollment still becomes INACTIVE at the threshold counted from the start
                    x.clock().set(start.plus(threshold));
                    assertEquals(List.of(id), desk.sweepInactivity());

                    // and a further collateral contact does not re-engage it
                    x.clock().advance(Duration.ofDays(1));
                    var collateral = expect(desk.recordContact(id, Fixtures.CASE_MANAGER, ContactType.COLLATERAL,
                            x.clock().instant()), "collateral contact while inactive");
                    assertEquals(EnrollmentStatus.INACTIVE, collateral.status());
                    assertTrue(events(x.programme(), EnrollmentEvent.ParticipantReengaged.class).isEmpty());

                    // When the participant is met again, the enrollment is ACTIVE (T11)
                    x.clock().advance(Duration.ofHours(1));
                    Instant met = x.clock().instant().minusSeconds(60);
                    Enrollment back = expect(desk.recordContact(id, Fixtures.CASE_MANAGER, type, met), "participant contact");
                    assertEquals(EnrollmentStatus.ACTIVE, back.status());
                    assertEquals(met, back.lastEngagementAt());
                    assertEquals(1, events(x.programme(), EnrollmentEvent.ParticipantReengaged.class).size());
                    assertRulesHold(x.programme(), x.clock().instant());
                });
    }

    @Test
    void an_inactive_enrollment_never_closes_by_itself_however_often_the_sweep_runs() {
        qt().forAll(LeadGenerators.admissibleCases(), LeadGenerators.enrollmentPolicies(), Generate.range(1, 20))
                .checkAssert((c, enrollmentPolicy, sweeps) -> {
                    SitePolicy policy = withEnrollment(c.policy(), enrollmentPolicy);
                    var x = enrolled(policy, c.submission(), c.referredAt());
                    var desk = x.programme().desk();
                    x.clock().advance(Duration.ofDays(enrollmentPolicy.inactivityThresholdDays()));
                    assertEquals(1, desk.sweepInactivity().size());
                    for (int i = 0; i < sweeps; i++) {
                        x.clock().advance(Duration.ofDays(37));
                        assertTrue(desk.sweepInactivity().isEmpty());
                        desk.sweepDeadlines();
                    }
                    Enrollment e = x.now();
                    assertEquals(EnrollmentStatus.INACTIVE, e.status());
                    assertTrue(e.isOpen());
                    assertTrue(events(x.programme(), EnrollmentEvent.EnrollmentClosed.class).isEmpty());
                    assertChargeStillNotFiled(x);
                    assertRulesHold(x.programme(), x.clock().instant());
                });
    }

    @Test
    void a_contact_cannot_be_dated_in_the_future_or_before_the_enrollment_started() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.longRange(1, Duration.ofDays(400).toNanos()),
                Generate.pick(Arrays.asList(ContactType.values()))).checkAssert((c, nanos, type) -> {
            var x = enrolled(c.policy(), c.submission(), c.referredAt());
            var desk = x.programme().desk();
            x.clock().advance(Duration.ofDays(2));
            Enrollment before = x.now();

            DomainError future = only(desk.recordContact(before.id(), Fixtures.CASE_MANAGER, type,
                    x.clock().instant().plusNanos(nanos)));
            DomainError early = only(desk.recordContact(before.id(), Fixtures.CASE_MANAGER, type,
                    before.startedAt().minusNanos(nanos)));

            for (DomainError e : List.of(future, early)) {
                assertEquals(ErrorCode.INVALID_TIMESTAMP, e.code());
                assertEquals(RuleId.R32, e.rule());
                assertEquals("at", e.field());
            }
            assertEquals(before.version(), x.now().version());
            assertTrue(events(x.programme(), EnrollmentEvent.ContactRecorded.class).isEmpty());
            // the boundaries themselves are fine
            expect(desk.recordContact(before.id(), Fixtures.CASE_MANAGER, type, before.startedAt()), "contact at start");
            expect(desk.recordContact(before.id(), Fixtures.CASE_MANAGER, type, x.clock().instant()), "contact now");
            assertRulesHold(x.programme(), x.clock().instant());
        });
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.quicktheories.generators.Generate;

/**
 * R03 (core): from PENDING_INTAKE, ACTIVE or INACTIVE a participant-initiated withdrawal always succeeds, for every
 * site policy — including after the intake deadline has passed but before the sweep has lapsed the referral.
 */
@DisplayName("R03 withdrawal always possible")
class WithdrawalAlwaysPossibleTest {

    private static final List<Actor> ON_THE_PERSONS_BEHALF = List.of(Fixtures.PARTICIPANT, Fixtures.CASE_MANAGER,
            Actor.of("outreach-1", Role.OUTREACH_WORKER), Fixtures.PROJECT_MANAGER);

    @Test
    void a_person_pending_intake_can_always_withdraw_even_once_the_deadline_has_passed_unswept() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(0, 45 * 24), Generate.range(0, 3))
                .checkAssert((c, hours, who) -> {
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(c.policy()));
                    var desk = programme.desk();
                    // Given a referral pending intake, and time passing — perhaps beyond the deadline, before any sweep
                    Referral pending = pendingIntake(desk, c.policy(), c.submission());
                    clock.advance(Duration.ofHours(hours));

                    // When the person (or someone on their behalf) withdraws
                    Outcome<Referral> out = desk.withdraw(pending.id(), who == 0 ? Fixtures.self(pending.submission().person().id()) : ON_THE_PERSONS_BEHALF.get(who), null);

                    // Then the withdrawal succeeds, and a held charge goes back to ordinary review once
                    Referral withdrawn = expect(out, "withdrawal at " + clock.instant() + " (deadline "
                            + pending.intakeDeadline().date() + ")");
                    assertEquals(ReferralStatus.WITHDRAWN, withdrawn.status());
                    if (pending.door().holdsCharge()) {
                        DivertedCase held = withdrawn.divertedCase().orElseThrow();
                        assertEquals(DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, held.status());
                        assertEquals(ReleaseReason.WITHDRAWN_BEFORE_INTAKE, held.releaseReason().orElseThrow());
                        assertEquals(1, eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class).size());
                    } else {
                        assertTrue(withdrawn.divertedCase().isEmpty());
                    }
                    // and a later sweep leaves it withdrawn
                    clock.advance(Duration.ofDays(40));
                    assertTrue(desk.sweepDeadlines().lapsed().isEmpty());
                    assertEquals(ReferralStatus.WITHDRAWN, programme.referrals().find(pending.id()).orElseThrow().status());
                    assertRulesHold(programme, clock.instant());
                });
    }

    @Test
    void a_participant_can_always_leave_an_open_enrollment_and_a_charge_not_filed_stays_not_filed() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(0, 3 * 365)).checkAssert((c, days) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            // Given a participant enrolled after timely intake
            Referral pending = pendingIntake(desk, c.policy(), c.submission());
            Referral done = completeIntake(desk, c.policy(), pending.id());
            Enrollment enrolled = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
            assertTrue(enrolled.isOpen());

            // When, any time later, they choose to leave
            clock.advance(Duration.ofDays(days));
            Enrollment closed = expect(desk.withdrawFromEnrollment(enrolled.id(), Fixtures.self(enrolled.person())), "leaving");

            // Then the enrollment closes as a voluntary withdrawal; the diverted charge stays not filed
            assertEquals(EnrollmentStatus.CLOSED, closed.status());
            assertEquals(Enrollment.VOLUNTARY_WITHDRAWAL, closed.closureReason().orElseThrow());
            assertEquals(clock.instant(), closed.closedAt().orElseThrow());
            programme.referrals().find(pending.id()).orElseThrow().divertedCase().ifPresent(held ->
                    assertEquals(DivertedCaseStatus.NOT_FILED, held.status()));
            assertTrue(eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class).isEmpty());
            assertRulesHold(programme, clock.instant());
        });
    }
}

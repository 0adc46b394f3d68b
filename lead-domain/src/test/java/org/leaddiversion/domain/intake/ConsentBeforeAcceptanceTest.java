/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.submitted;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.quicktheories.generators.Generate;

/** R01 (core): no referral reaches PENDING_INTAKE, and no enrollment exists, without a recorded consent to LEAD. */
@DisplayName("R01 consent before acceptance")
class ConsentBeforeAcceptanceTest {

    @Test
    void a_referral_without_consent_is_not_accepted_until_the_person_consents() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(1, 600)).checkAssert((c, minutes) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            // Given a referral whose person has not said yes yet, with every other precondition in place
            Referral r = submitted(desk, c.submission().toBuilder().personConsents(false).build());
            assertTrue(r.consent().isEmpty());
            if (r.door() == Door.ARREST_DIVERSION) {
                expect(desk.recordHandoff(r.id(), CASE_MANAGER, c.referredAt(), c.referredAt()), "hand-off");
            }
            DoorPolicy door = c.policy().door(r.door()).orElseThrow();
            if (door.needsApproval()) {
                Role role = door.approvalRoles().iterator().next();
                expect(desk.approve(r.id(), Actor.of("approver", role)), "approval");
            }
            long versionBefore = programme.referrals().find(r.id()).orElseThrow().version();
            int eventsBefore = programme.events().size();

            // When the case manager tries to accept it
            Outcome<Referral> refused = desk.accept(r.id(), CASE_MANAGER);

            // Then it is refused for the missing consent, and nothing changes
            assertTrue(refused.hasError(ErrorCode.CONSENT_REQUIRED), () -> "CONSENT_REQUIRED, got " + refused.errors());
            Referral still = programme.referrals().find(r.id()).orElseThrow();
            assertEquals(ReferralStatus.SUBMITTED, still.status());
            assertEquals(versionBefore, still.version());
            assertEquals(eventsBefore, programme.events().size());
            assertTrue(still.acceptedAt().isEmpty() && still.divertedCase().isEmpty());
            // and intake cannot run on it: no enrollment without consent
            assertFalse(desk.completeIntake(r.id(), CASE_MANAGER).isSuccess());
            assertTrue(programme.enrollments().all().isEmpty());
            assertRulesHold(programme, clock.instant());

            // When the person consents a little later
            clock.advance(Duration.ofMinutes(minutes / 2));
            expect(desk.recordConsent(r.id(), CASE_MANAGER), "consent");
            clock.advance(Duration.ofMinutes(minutes - minutes / 2));
            Outcome<Referral> accepted = desk.accept(r.id(), CASE_MANAGER);

            // Then acceptance succeeds, after the consent, and intake can lead to an enrollment
            if (r.intakeDeadline().isMetBy(clock.instant())) {
                Referral pending = expect(accepted, "acceptance after consent");
                assertEquals(ReferralStatus.PENDING_INTAKE, pending.status());
                assertFalse(pending.consent().orElseThrow().at().isAfter(pending.acceptedAt().orElseThrow()));
                assertEquals(1, eventsOf(programme, r.id(), ReferralEvent.ReferralAccepted.class).size());
                Referral done = completeIntake(desk, c.policy(), r.id());
                Enrollment e = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
                assertEquals(r.id(), e.referrals().get(0));
            } else {
                assertTrue(accepted.hasError(ErrorCode.REFERRAL_LAPSED), () -> "too late: " + accepted.errors());
            }
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void a_consent_given_at_the_offer_is_recorded_with_the_referral_and_witnessed_by_the_referrer() {
        qt().forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            Referral r = submitted(programme.desk(), c.submission().toBuilder().personConsents(true).build());
            Referral.Consent consent = r.consent().orElseThrow();
            assertEquals(c.submission().referrer().actor().id(), consent.witness());
            assertEquals(c.referredAt(), consent.at());
            assertEquals(1, eventsOf(programme, r.id(), ReferralEvent.ConsentRecorded.class).size());
        });
    }
}

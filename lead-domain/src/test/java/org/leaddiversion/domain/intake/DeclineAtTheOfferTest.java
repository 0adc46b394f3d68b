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
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.events;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.submitted;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.quicktheories.generators.Generate;

/**
 * R02 (core): a person who declines at the offer yields DECLINED_BY_PERSON; for the arrest door no diverted case is
 * ever created, so no LEAD hold can exist — whatever is attempted afterwards.
 */
@DisplayName("R02 decline means ordinary processing")
class DeclineAtTheOfferTest {

    @Test
    void a_declined_referral_never_holds_a_charge_and_never_moves_again() {
        qt().forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION), Generate.range(0, 2)).checkAssert((c, when) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            // Given an arrest diversion offered to the person — before or after consent and hand-off
            Referral r = submitted(desk, c.submission());
            if (when >= 1) {
                expect(desk.recordConsent(r.id(), CASE_MANAGER), "consent");
            }
            if (when >= 2) {
                expect(desk.recordHandoff(r.id(), CASE_MANAGER, c.referredAt(), c.referredAt()), "hand-off");
            }

            // When the person declines
            Referral declined = expect(desk.recordDecline(r.id(), Fixtures.OFFICER), "decline");

            // Then the referral is DECLINED_BY_PERSON with no held charge
            assertEquals(ReferralStatus.DECLINED_BY_PERSON, declined.status());
            assertTrue(declined.divertedCase().isEmpty());

            // and nothing anyone tries afterwards creates a hold, an acceptance or an enrollment
            List<Supplier<Outcome<Referral>>> attempts = List.of(
                    () -> desk.recordConsent(r.id(), CASE_MANAGER),
                    () -> desk.recordHandoff(r.id(), CASE_MANAGER, c.referredAt(), clock.instant()),
                    () -> desk.accept(r.id(), CASE_MANAGER),
                    () -> desk.override(r.id(), Actor.of("pros", Role.PROSECUTOR), "override"),
                    () -> desk.completeIntake(r.id(), CASE_MANAGER),
                    () -> desk.recordRoiSignature(r.id(), CASE_MANAGER),
                    () -> desk.withdraw(r.id(), Fixtures.self(r.submission().person().id()), "changed my mind"),
                    () -> desk.recordDecline(r.id(), Fixtures.OFFICER));
            for (var attempt : attempts) {
                clock.advance(Duration.ofHours(7));
                int before = programme.events().size();
                assertFalse(attempt.get().isSuccess());
                assertEquals(before, programme.events().size());
            }
            clock.set(declined.intakeDeadline().firstLateInstant().plus(Duration.ofDays(3)));
            assertTrue(desk.sweepDeadlines().lapsed().isEmpty());
            Referral after = programme.referrals().find(r.id()).orElseThrow();
            assertEquals(ReferralStatus.DECLINED_BY_PERSON, after.status());
            assertTrue(after.divertedCase().isEmpty() && after.acceptedAt().isEmpty());
            assertTrue(events(programme, ReferralEvent.DivertedCaseHeld.class).isEmpty());
            assertTrue(events(programme, ReferralEvent.DivertedCaseReleased.class).isEmpty());
            assertTrue(programme.enrollments().all().isEmpty());
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void once_accepted_the_person_withdraws_rather_than_declines() {
        qt().forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            Referral pending = pendingIntake(desk, c.policy(), c.submission());
            Outcome<Referral> decline = desk.recordDecline(pending.id(), Fixtures.OFFICER);
            assertTrue(decline.hasError(ErrorCode.REFERRAL_NOT_PENDING), () -> "refused: " + decline.errors());
            assertEquals(ReferralStatus.PENDING_INTAKE, programme.referrals().find(pending.id()).orElseThrow().status());
            assertEquals(ReferralStatus.WITHDRAWN,
                    expect(desk.withdraw(pending.id(), Fixtures.self(pending.submission().person().id()), null), "withdrawal").status());
        });
    }
}

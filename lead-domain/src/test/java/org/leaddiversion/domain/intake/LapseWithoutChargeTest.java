/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.events;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R21: for the social-contact and community doors there is no held charge, so a lapse closes the referral as not
 * enrolled with no legal effect: no diverted case, no release notification; the person may be referred again.
 */
@DisplayName("R21 lapse without a held charge")
class LapseWithoutChargeTest {

    static Gen<LeadGenerators.ScreeningCase> doorsWithoutCharge() {
        return Generate.pick(List.of(Door.SOCIAL_CONTACT, Door.COMMUNITY))
                .flatMap(LeadGenerators::admissibleCases);
    }

    @Test
    void a_social_contact_or_community_referral_lapses_without_any_prosecution_notice() {
        qt().forAll(doorsWithoutCharge(), Generate.range(0, 30 * 24)).checkAssert((c, hoursLate) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            // Given a social-contact or community referral pending intake
            Referral pending = pendingIntake(desk, c.policy(), c.submission());
            assertTrue(pending.divertedCase().isEmpty());

            // When the deadline passes and the sweep runs (twice)
            clock.set(pending.intakeDeadline().firstLateInstant().plus(Duration.ofHours(hoursLate)));
            assertEquals(List.of(pending.id()), desk.sweepDeadlines().lapsed());
            assertTrue(desk.sweepDeadlines().lapsed().isEmpty());

            // Then it lapsed with no diverted case, no hold and no release notification, and nobody enrolled
            Referral lapsed = programme.referrals().find(pending.id()).orElseThrow();
            assertEquals(ReferralStatus.INTAKE_LAPSED, lapsed.status());
            assertTrue(lapsed.divertedCase().isEmpty());
            assertTrue(events(programme, ReferralEvent.DivertedCaseHeld.class).isEmpty());
            assertTrue(events(programme, ReferralEvent.DivertedCaseReleased.class).isEmpty());
            assertTrue(programme.enrollments().all().isEmpty());

            // and the person can simply be referred again, with a fresh deadline
            Referral again = pendingIntake(desk, c.policy(), c.submission());
            assertTrue(again.intakeDeadline().date().isAfter(pending.intakeDeadline().date()));
            assertRulesHold(programme, clock.instant());
        });
    }
}

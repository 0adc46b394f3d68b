/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.fixtures.ProgrammeFixtures;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SitePolicy;

/**
 * A referral stored as its {@link Referral.State} and restored is the same referral: same state, and the same answer
 * to the next command. (The in-memory adapter stores states and restores them on every read, so every test through
 * it exercises this too.)
 */
@DisplayName("Referral state round trip")
class ReferralStateTest {

    @Test
    void a_restored_referral_has_the_same_state_and_answers_the_next_command_the_same_way() {
        qt().withExamples(150).forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION)).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = ProgrammeFixtures.programme(clock, ProgrammeFixtures.history(c.policy()));
            SitePolicy p = c.policy();
            Outcome<Referral> submitted = programme.desk().submit(c.submission());
            if (!submitted.isSuccess()) {
                return;
            }
            Referral r = submitted.value();
            assertEquals(r.state(), Referral.restore(r.state()).state());
            if (r.status() == ReferralStatus.SUBMITTED) {
                r = ProgrammeFixtures.toPendingIntake(programme.desk(), p, r.id());
                assertEquals(r.state(), Referral.restore(r.state()).state());
            }
            clock.advance(Duration.ofMinutes(45));
            Referral restored = Referral.restore(r.state());
            Outcome<Referral> original = r.completeIntake(Fixtures.CASE_MANAGER, clock.instant(), p,
                    new org.leaddiversion.domain.enrollment.EnrollmentId(new java.util.UUID(1, 1)), true);
            Outcome<Referral> again = restored.completeIntake(Fixtures.CASE_MANAGER, clock.instant(), p,
                    new org.leaddiversion.domain.enrollment.EnrollmentId(new java.util.UUID(1, 1)), true);
            assertEquals(original.isSuccess(), again.isSuccess());
            assertEquals(original.errors(), again.errors());
            assertEquals(original.events(), again.events());
            if (original.isSuccess()) {
                assertEquals(original.value().state(), again.value().state());
            }
        });
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.submitted;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.toPendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.withIntake;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.IntakePolicy;
import org.leaddiversion.domain.policy.SitePolicy;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R22: where the site requires a signed multi-party ROI, intake cannot complete without it, and the completion
 * timestamp is the later of assessment and signature — whichever order they come in.
 */
@DisplayName("R22 required artefacts")
class ReleaseOfInformationTest {

    /** Generated sites that require a signed ROI (Clackamas-like), with a deadline of at least two days. */
    static Gen<ScreeningCase> roiSites() {
        return LeadGenerators.admissibleCases().map(c -> {
            IntakePolicy i = c.policy().intake();
            SitePolicy p = withIntake(c.policy(), new IntakePolicy(Math.max(2, i.deadlineDays()), i.statutoryMaxDays(),
                    true, i.extensionsAllowed(), i.extensionAuthority()));
            return new ScreeningCase(p, c.referredAt(), c.submission());
        });
    }

    @Test
    void assessment_first_then_the_roi_completes_intake_at_the_signature() {
        qt().forAll(roiSites(), Generate.range(1, 23 * 60), Generate.range(1, 23 * 60)).checkAssert((c, m1, m2) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            Referral pending = pendingIntake(desk, c.policy(), c.submission());
            // When the assessment is recorded, intake waits for the ROI, with a warning saying so
            clock.advance(Duration.ofMinutes(m1));
            Outcome<Referral> assessed = desk.completeIntake(pending.id(), CASE_MANAGER);
            Referral waiting = expect(assessed, "assessment");
            assertEquals(ReferralStatus.PENDING_INTAKE, waiting.status());
            assertTrue(assessed.warnings().stream().anyMatch(w -> w.code() == ErrorCode.ROI_REQUIRED));
            assertTrue(programme.enrollments().all().isEmpty());
            waiting.divertedCase().ifPresent(held -> assertEquals(DivertedCaseStatus.HELD, held.status()));
            // and when the ROI is signed later, intake completes at the signature
            clock.advance(Duration.ofMinutes(m2));
            Instant signedAt = clock.instant();
            Referral done = expect(desk.recordRoiSignature(pending.id(), CASE_MANAGER), "ROI");
            assertEquals(ReferralStatus.INTAKE_COMPLETED, done.status());
            assertEquals(signedAt, done.intakeCompletedAt().orElseThrow());
            assertEquals(signedAt, done.roiSignedAt().orElseThrow());
            Enrollment e = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
            assertEquals(signedAt, e.startedAt());
            assertEquals(signedAt, eventsOf(programme, pending.id(), ReferralEvent.IntakeCompleted.class).get(0).occurredAt());
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void roi_first_even_before_acceptance_then_the_assessment_completes_intake_at_the_assessment() {
        qt().forAll(roiSites(), Generate.booleans(), Generate.range(1, 23 * 60)).checkAssert((c, beforeAcceptance, m) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            Referral r = submitted(desk, c.submission());
            if (beforeAcceptance) {
                expect(desk.recordRoiSignature(r.id(), CASE_MANAGER), "ROI at the offer");
                toPendingIntake(desk, c.policy(), r.id());
            } else {
                toPendingIntake(desk, c.policy(), r.id());
                Referral signed = expect(desk.recordRoiSignature(r.id(), CASE_MANAGER), "ROI");
                assertEquals(ReferralStatus.PENDING_INTAKE, signed.status(), "a signature alone is not intake");
            }
            clock.advance(Duration.ofMinutes(m));
            Instant assessedAt = clock.instant();
            Referral done = expect(desk.completeIntake(r.id(), CASE_MANAGER), "assessment");
            assertEquals(ReferralStatus.INTAKE_COMPLETED, done.status());
            assertEquals(assessedAt, done.intakeCompletedAt().orElseThrow());
            assertTrue(done.roiSignedAt().orElseThrow().isBefore(assessedAt));
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void without_the_roi_intake_never_completes_and_the_referral_lapses() {
        qt().forAll(roiSites()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            Referral pending = pendingIntake(desk, c.policy(), c.submission());
            expect(desk.completeIntake(pending.id(), CASE_MANAGER), "assessment");
            clock.advance(Duration.ofHours(1));
            expect(desk.completeIntake(pending.id(), CASE_MANAGER), "a second assessment");
            assertEquals(ReferralStatus.PENDING_INTAKE, programme.referrals().find(pending.id()).orElseThrow().status());
            clock.set(pending.intakeDeadline().firstLateInstant());
            assertTrue(desk.recordRoiSignature(pending.id(), CASE_MANAGER).hasError(ErrorCode.REFERRAL_LAPSED));
            desk.sweepDeadlines();
            Referral lapsed = programme.referrals().find(pending.id()).orElseThrow();
            assertEquals(ReferralStatus.INTAKE_LAPSED, lapsed.status());
            assertTrue(lapsed.intakeCompletedAt().isEmpty() && programme.enrollments().all().isEmpty());
            assertRulesHold(programme, clock.instant());
        });
    }
}

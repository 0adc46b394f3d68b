/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;

/**
 * Door C in Clackamas County: a shelter worker refers Sam; Sam thinks it over and consents the next day; the
 * eligibility committee confirms; the assessment is done but intake waits for the signed release of information,
 * which Sam signs on the last-but-one day — across the 9 March spring-forward. Intake completes at the signature.
 */
@DisplayName("Scenario: a community referral in Clackamas with a release of information")
class CommunityReferralScenarioTest {

    private static final ZoneId CLACKAMAS = ZoneId.of("America/Los_Angeles");
    private static final Actor SHELTER = Actor.of("shelter-oregon-city", Role.COMMUNITY_REFERRER);

    private static Instant clackamas(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CLACKAMAS).toInstant();
    }

    private static ReferralSubmission sam(boolean consents) {
        return ReferralSubmission.builder(new SiteId("clackamas"), Door.COMMUNITY, Referrer.trained(SHELTER),
                        Person.of("sam", LocalDate.of(1990, 2, 11)))
                .attestedCriteria(Set.of("AFFECTED_BY_DRUGS_OR_ALCOHOL", "HOMELESS_OR_AT_RISK", "CJ_INVOLVED"))
                .personConsents(consents)
                .build();
    }

    @Test
    void sams_intake_completes_when_he_signs_the_release_of_information() {
        // Given Clackamas' policy (version 2, 2019): 14 days to intake, and intake needs a signed multi-party ROI
        var clock = new MutableClock(clackamas("2025-03-01T10:00"));
        InMemoryProgramme programme = programme(clock, ReferenceProfiles.load("clackamas"));
        ReferralDesk desk = programme.desk();

        // When a shelter worker refers Sam, attesting the three partner criteria, before Sam has decided
        Referral referral = expect(desk.submit(sam(false)), "Sam's referral");
        // Then the deadline is 15 March, ending at midnight Pacific Daylight Time
        assertEquals(LocalDate.of(2025, 3, 15), referral.intakeDeadline().date());
        assertEquals(Instant.parse("2025-03-16T07:00:00Z"), referral.intakeDeadline().firstLateInstant());

        // When the case manager tries to accept before Sam has said yes, it is refused (no consent, no LEAD)
        clock.set(clackamas("2025-03-01T15:00"));
        Outcome<Referral> tooSoon = desk.accept(referral.id(), Fixtures.CASE_MANAGER);
        assertTrue(tooSoon.hasError(ErrorCode.CONSENT_REQUIRED));

        // When Sam agrees the next day, the committee's project manager confirms, and the case manager accepts
        clock.set(clackamas("2025-03-02T11:00"));
        expect(desk.recordConsent(referral.id(), Fixtures.CASE_MANAGER), "Sam's consent");
        clock.set(clackamas("2025-03-03T09:00"));
        expect(desk.decideEligibility(referral.id(), Fixtures.PROJECT_MANAGER, true, null), "committee");
        Referral pending = expect(desk.accept(referral.id(), Fixtures.CASE_MANAGER), "acceptance");
        assertEquals(ReferralStatus.PENDING_INTAKE, pending.status());
        assertTrue(pending.divertedCase().isEmpty(), "a community referral holds no charge");

        // When the assessment is done on 10 March, the day after the clocks went forward
        clock.set(clackamas("2025-03-10T13:00"));
        Outcome<Referral> assessed = desk.completeIntake(referral.id(), Fixtures.CASE_MANAGER);

        // Then intake is not complete yet: it waits for the ROI, and says so
        assertEquals(ReferralStatus.PENDING_INTAKE, expect(assessed, "assessment").status());
        assertEquals(List.of(ErrorCode.ROI_REQUIRED), assessed.warnings().stream().map(w -> w.code()).toList());
        assertTrue(programme.enrollments().all().isEmpty());

        // When Sam signs the release of information on 14 March at 17:30
        clock.set(clackamas("2025-03-14T17:30"));
        Referral done = expect(desk.recordRoiSignature(referral.id(), Fixtures.CASE_MANAGER), "ROI");

        // Then intake completed at the signature — the later of the two — and Sam's enrollment starts then
        assertEquals(ReferralStatus.INTAKE_COMPLETED, done.status());
        assertEquals(clackamas("2025-03-14T17:30"), done.intakeCompletedAt().orElseThrow());
        assertEquals(clackamas("2025-03-10T13:00"), done.assessmentAt().orElseThrow());
        Enrollment enrollment = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
        assertEquals(clackamas("2025-03-14T17:30"), enrollment.startedAt());

        // When, a month on, another shelter worker refers Sam again
        clock.set(clackamas("2025-04-15T10:00"));
        Outcome<Referral> again = desk.submit(sam(true));

        // Then there is no second enrollment: Sam is already a participant
        assertTrue(again.hasError(ErrorCode.ALREADY_ENROLLED));
        assertEquals(List.of("ReferralSubmitted", "ReferralScreened", "ConsentRecorded", "EligibilityConfirmed",
                        "ReferralAccepted", "IntakeAssessmentRecorded", "RoiSigned", "IntakeCompleted"),
                eventsOf(programme, referral.id(), ReferralEvent.class).stream().map(e -> e.type()).toList());
        assertRulesHold(programme, clock.instant());
    }
}

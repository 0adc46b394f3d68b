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
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.LapseRecipient;
import org.leaddiversion.domain.screening.EligibilityResult;

/**
 * Door A in Seattle: two people are diverted on the same October morning; the 30-day intake window runs across the
 * 2 November fall-back. Maria completes intake in the last nanosecond of 19 November and her charge is not filed, for
 * good; Dee never comes, and at the first instant of 20 November her charge goes back to the prosecutor, once.
 */
@DisplayName("Scenario: an arrest diversion in Seattle across the fall-back")
class ArrestDiversionScenarioTest {

    private static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");

    private static Instant seattle(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SEATTLE).toInstant();
    }

    @Test
    void maria_completes_intake_on_the_last_day_and_dees_charge_is_released_when_hers_lapses() {
        // Given Seattle / King County's policy (version 2, in force since June 2016): 30 days to intake
        var clock = new MutableClock(seattle("2025-10-20T09:15"));
        InMemoryProgramme programme = programme(clock, Fixtures.seattle());
        ReferralDesk desk = programme.desk();

        // When an officer in the West Precinct offers LEAD to Maria, arrested for 1.2 g of heroin, and she agrees
        Referral maria = expect(desk.submit(Fixtures.anArrestDiversion("maria").build()), "Maria's referral");
        // and, a little later, to Dee, arrested on the next corner
        clock.set(seattle("2025-10-20T09:40"));
        Referral dee = expect(desk.submit(Fixtures.anArrestDiversion("dee").build()), "Dee's referral");

        // Then both are screened eligible under version 2, with consent witnessed by the officer at the offer
        assertEquals(ReferralStatus.SUBMITTED, maria.status());
        assertEquals(EligibilityResult.ELIGIBLE, maria.screening().result());
        assertEquals(2, maria.policyVersion());
        assertEquals(Fixtures.OFFICER.id(), maria.consent().orElseThrow().witness());
        // and each intake deadline is 30 local days on: Wednesday 19 November, ending at midnight Pacific *Standard*
        // Time — the clocks fell back on 2 November, so that is 08:00 UTC, not 07:00
        assertEquals(LocalDate.of(2025, 11, 19), maria.intakeDeadline().date());
        assertEquals(Instant.parse("2025-11-20T08:00:00Z"), maria.intakeDeadline().firstLateInstant());
        assertEquals(seattle("2025-11-20T00:00"), maria.intakeDeadline().firstLateInstant());

        // When the case manager, called at 09:20, meets Maria at the precinct at 09:45 and accepts her referral
        clock.set(seattle("2025-10-20T09:50"));
        expect(desk.recordHandoff(maria.id(), Fixtures.CASE_MANAGER, seattle("2025-10-20T09:20"),
                seattle("2025-10-20T09:45")), "Maria's hand-off");
        Referral pending = expect(desk.accept(maria.id(), Fixtures.CASE_MANAGER), "Maria accepted");
        // and does the same for Dee
        clock.set(seattle("2025-10-20T10:30"));
        expect(desk.recordHandoff(dee.id(), Fixtures.CASE_MANAGER, seattle("2025-10-20T09:50"),
                seattle("2025-10-20T10:25")), "Dee's hand-off");
        expect(desk.accept(dee.id(), Fixtures.CASE_MANAGER), "Dee accepted");

        // Then both wait for intake and both charges are held, for the City Attorney's ordinary review if need be
        assertEquals(ReferralStatus.PENDING_INTAKE, pending.status());
        DivertedCase held = pending.divertedCase().orElseThrow();
        assertEquals(DivertedCaseStatus.HELD, held.status());
        assertEquals(Optional.of("Seattle City Attorney"), held.reviewingOffice());
        assertTrue(eventsOf(programme, maria.id(), ReferralEvent.HandoffCompleted.class).get(0).withinTarget());

        // When a sergeant, for the approvers with the final say, confirms Maria's eligibility
        clock.set(seattle("2025-10-21T08:00"));
        expect(desk.decideEligibility(maria.id(), Fixtures.SERGEANT, true, null), "confirmation");

        // and the clocks fall back, and the nightly sweep runs on 10 November and at 23:59 on 19 November
        clock.set(seattle("2025-11-10T02:00"));
        assertTrue(desk.sweepDeadlines().lapsed().isEmpty());
        clock.set(seattle("2025-11-19T23:59"));
        assertTrue(desk.sweepDeadlines().lapsed().isEmpty());

        // When Maria's intake assessment is recorded in the last nanosecond of 19 November
        clock.set(maria.intakeDeadline().firstLateInstant().minusNanos(1));
        Referral enrolled = expect(desk.completeIntake(maria.id(), Fixtures.CASE_MANAGER), "Maria's intake");

        // Then her intake is timely, she is enrolled, and her charge will not be filed
        assertEquals(ReferralStatus.INTAKE_COMPLETED, enrolled.status());
        assertEquals(DivertedCaseStatus.NOT_FILED, enrolled.divertedCase().orElseThrow().status());
        Enrollment enrollment = programme.enrollments().find(enrolled.enrollment().orElseThrow()).orElseThrow();
        assertEquals(EnrollmentStatus.ACTIVE, enrollment.status());

        // When midnight strikes, Dee has not come, and the sweep runs — twice, as two nodes might
        clock.set(seattle("2025-11-20T00:00"));
        SweepReport night = desk.sweepDeadlines();
        SweepReport again = desk.sweepDeadlines();

        // Then Dee's referral lapses and her charge goes back to the prosecutor's ordinary discretion, exactly once
        assertEquals(List.of(dee.id()), night.lapsed());
        assertTrue(again.lapsed().isEmpty());
        Referral lapsed = programme.referrals().find(dee.id()).orElseThrow();
        assertEquals(ReferralStatus.INTAKE_LAPSED, lapsed.status());
        assertEquals(DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, lapsed.divertedCase().orElseThrow().status());
        var notices = eventsOf(programme, dee.id(), ReferralEvent.DivertedCaseReleased.class);
        assertEquals(1, notices.size());
        assertEquals(LapseRecipient.PROSECUTOR, notices.get(0).recipient());
        assertEquals(ReleaseReason.INTAKE_LAPSED, notices.get(0).reason());
        assertEquals(Optional.of("Seattle City Attorney"), notices.get(0).reviewingOffice());
        assertEquals(seattle("2025-11-20T00:00"), notices.get(0).occurredAt());

        // When, in February, Maria decides to leave the programme
        clock.set(seattle("2026-02-14T11:00"));
        expect(desk.withdrawFromEnrollment(enrollment.id(), Fixtures.self(enrollment.person())), "Maria leaves");

        // Then her enrollment closes, and her charge stays not filed
        assertEquals(EnrollmentStatus.CLOSED, programme.enrollments().find(enrollment.id()).orElseThrow().status());
        assertEquals(DivertedCaseStatus.NOT_FILED, programme.referrals().find(maria.id()).orElseThrow().divertedCase().orElseThrow().status());
        assertEquals(List.of("ReferralSubmitted", "ReferralScreened", "ConsentRecorded", "HandoffCompleted",
                        "ReferralAccepted", "DivertedCaseHeld", "EligibilityConfirmed", "IntakeAssessmentRecorded",
                        "IntakeCompleted", "DivertedCaseNotFiled"),
                eventsOf(programme, maria.id(), ReferralEvent.class).stream().map(DomainEvent::type).toList());
        assertRulesHold(programme, clock.instant());
    }
}

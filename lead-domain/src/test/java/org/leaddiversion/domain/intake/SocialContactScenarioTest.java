/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.events;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EvidenceKind;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.VerificationEvidence;

/**
 * Door B in Santa Fe: an officer who saw Rosa in the catchment in January refers her in March without an arrest.
 * Santa Fe gives 7 days; the window runs across the 9 March spring-forward. Rosa does not come, the referral lapses
 * at local midnight with no legal effect at all, and in April she is simply referred again and enrolls.
 */
@DisplayName("Scenario: a social-contact referral in Santa Fe across the spring-forward")
class SocialContactScenarioTest {

    private static final ZoneId SANTA_FE = ZoneId.of("America/Denver");
    private static final Actor OFFICER = Actor.of("sfpd-214", Role.OFFICER);
    private static final Location CATCHMENT = Location.in(AreaId.of("SANTA_FE_CATCHMENT"));

    private static Instant santaFe(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SANTA_FE).toInstant();
    }

    private static ReferralSubmission rosa(LocalDate seenOn) {
        return ReferralSubmission.builder(new SiteId("santa-fe"), Door.SOCIAL_CONTACT, Referrer.trained(OFFICER),
                        Person.of("rosa", LocalDate.of(1979, 8, 2)))
                .location(CATCHMENT)
                .evidence(new VerificationEvidence(EvidenceKind.DIRECT_OBSERVATION, seenOn, CATCHMENT))
                .personConsents(true)
                .build();
    }

    @Test
    void rosas_first_referral_lapses_without_consequence_and_her_second_leads_to_enrollment() {
        // Given Santa Fe's policy: officers only, trained; 7 days to intake; the prosecutor has the final say
        var clock = new MutableClock(santaFe("2025-03-05T16:00"));
        InMemoryProgramme programme = programme(clock, ReferenceProfiles.load("santa-fe"));
        ReferralDesk desk = programme.desk();

        // When a LEAD-trained officer, who saw Rosa using in the catchment in January, refers her, and she agrees
        Referral first = expect(desk.submit(rosa(LocalDate.of(2025, 1, 20))), "Rosa's referral");

        // Then the deadline is Wednesday 12 March: seven local days, one of them only 23 hours long, ending at
        // midnight Mountain *Daylight* Time (06:00 UTC rather than 07:00)
        assertEquals(LocalDate.of(2025, 3, 12), first.intakeDeadline().date());
        assertEquals(Instant.parse("2025-03-13T06:00:00Z"), first.intakeDeadline().firstLateInstant());
        assertEquals(Duration.ofHours(7 * 24 + 8 - 1), Duration.between(first.referredAt(),
                first.intakeDeadline().firstLateInstant()));

        // When the prosecutor confirms her eligibility and the case manager accepts her the next morning
        clock.set(santaFe("2025-03-06T09:00"));
        expect(desk.decideEligibility(first.id(), Fixtures.PROSECUTOR, true, null), "prosecutor's confirmation");
        Referral pending = expect(desk.accept(first.id(), Fixtures.CASE_MANAGER), "acceptance");

        // Then she waits for intake, with no charge held — there is none
        assertEquals(ReferralStatus.PENDING_INTAKE, pending.status());
        assertTrue(pending.divertedCase().isEmpty());

        // When Rosa does not come, and the sweep runs in the last minute of 12 March and again at midnight
        clock.set(santaFe("2025-03-12T23:59"));
        assertTrue(desk.sweepDeadlines().lapsed().isEmpty());
        clock.set(santaFe("2025-03-13T00:00"));
        assertEquals(List.of(first.id()), desk.sweepDeadlines().lapsed());

        // Then the referral has lapsed, and that is all: no diverted case, no notice to anyone, no enrollment
        assertEquals(ReferralStatus.INTAKE_LAPSED, programme.referrals().find(first.id()).orElseThrow().status());
        assertTrue(events(programme, ReferralEvent.DivertedCaseReleased.class).isEmpty());
        assertTrue(events(programme, ReferralEvent.DivertedCaseHeld.class).isEmpty());
        assertTrue(programme.enrollments().all().isEmpty());

        // When, three weeks later, the officer sees her again and refers her again
        clock.set(santaFe("2025-04-01T10:00"));
        Referral second = expect(desk.submit(rosa(LocalDate.of(2025, 3, 30))), "Rosa's second referral");
        clock.set(santaFe("2025-04-01T10:30"));
        expect(desk.decideEligibility(second.id(), Fixtures.PROSECUTOR, true, null), "confirmation");
        expect(desk.accept(second.id(), Fixtures.CASE_MANAGER), "acceptance");
        clock.set(santaFe("2025-04-03T14:00"));
        Referral enrolled = expect(desk.completeIntake(second.id(), Fixtures.CASE_MANAGER), "intake");

        // Then a fresh 7-day clock ran, and she is enrolled
        assertEquals(LocalDate.of(2025, 4, 8), second.intakeDeadline().date());
        assertEquals(ReferralStatus.INTAKE_COMPLETED, enrolled.status());
        assertEquals(1, programme.enrollments().all().size());
        assertEquals(List.of("ReferralSubmitted", "ReferralScreened", "ConsentRecorded", "EligibilityConfirmed",
                        "ReferralAccepted", "IntakeLapsed"),
                eventsOf(programme, first.id(), ReferralEvent.class).stream().map(e -> e.type()).toList());
        assertRulesHold(programme, clock.instant());
    }
}

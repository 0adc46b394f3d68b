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
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.IntakePolicy;
import org.leaddiversion.domain.policy.LapsePolicy;
import org.leaddiversion.domain.policy.LapseRecipient;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;

/**
 * The prosecutor door (the Snohomish extension) at a site on Eastern time: a deputy prosecutor refers Jordan's
 * pre-filing shoplifting case and holds it. Jordan is in hospital when the 14-day deadline nears, so the prosecutor
 * extends it — within the 30-day statute, and only the prosecutor may — and intake after the original deadline is
 * timely. The window runs across the 2 November fall-back.
 */
@DisplayName("Scenario: a prosecutor referral with a deadline extension")
class ProsecutorReferralScenarioTest {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final SiteId HARBOR = new SiteId("harbor-county");
    private static final Actor DEPUTY_PROSECUTOR = Actor.of("dpa-7", Role.PROSECUTOR);

    private static Instant eastern(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(EASTERN).toInstant();
    }

    /** A pre-filing diversion site: prosecutor referrals only, 14 days under a 30-day statute, extensions allowed. */
    private static SitePolicy harborCounty() {
        return SitePolicy.builder(HARBOR, EASTERN)
                .name("LEAD Harbor County pre-filing diversion")
                .version(1, LocalDate.of(2024, 1, 1))
                .door(new DoorPolicy(Door.PROSECUTOR, Set.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR), Set.of(), Set.of(),
                        EligibilityAuthority.OFFICER_ONLY, Set.of()))
                .divertible("SHOPLIFTING", "DRUG_POSSESSION", "TRESPASS")
                .intake(new IntakePolicy(14, OptionalInt.of(30), false, true, Set.of(Role.PROSECUTOR)))
                .lapse(new LapsePolicy(LapseRecipient.PROSECUTOR, false, Optional.empty()))
                .chargeRouting(Map.of(OffenceLevel.MISDEMEANOR, "Harbor County District Attorney"))
                .build();
    }

    @Test
    void jordans_deadline_is_extended_while_in_hospital_and_intake_after_the_original_deadline_is_timely() {
        // Given Harbor County's pre-filing diversion
        SitePolicy harbor = harborCounty();
        var clock = new MutableClock(eastern("2025-10-28T11:00"));
        InMemoryProgramme programme = programme(clock, history(harbor));
        ReferralDesk desk = programme.desk();

        // When a deputy prosecutor refers Jordan's shoplifting case before filing, and Jordan agrees
        ReferralSubmission submission = ReferralSubmission.builder(HARBOR, Door.PROSECUTOR,
                        Referrer.trained(DEPUTY_PROSECUTOR), Person.of("jordan", LocalDate.of(1996, 6, 30)))
                .offence(Offence.of("SHOPLIFTING", OffenceLevel.MISDEMEANOR))
                .personConsents(true)
                .build();
        Referral referral = expect(desk.submit(submission), "Jordan's referral");
        // and the case manager accepts it that afternoon — no hand-off at the scene for this door
        clock.set(eastern("2025-10-28T15:00"));
        Referral pending = expect(desk.accept(referral.id(), Fixtures.CASE_MANAGER), "acceptance");

        // Then the case is held for the District Attorney, and intake is due by Tuesday 11 November
        DivertedCase held = pending.divertedCase().orElseThrow();
        assertEquals(DivertedCaseStatus.HELD, held.status());
        assertEquals(Optional.of("Harbor County District Attorney"), held.reviewingOffice());
        assertEquals(LocalDate.of(2025, 11, 11), pending.intakeDeadline().date());
        assertEquals(Instant.parse("2025-11-12T05:00:00Z"), pending.intakeDeadline().firstLateInstant());

        // When, on 10 November, Jordan is in hospital: the case manager cannot extend the deadline,
        clock.set(eastern("2025-11-10T09:00"));
        assertTrue(desk.extendDeadline(referral.id(), Fixtures.CASE_MANAGER, LocalDate.of(2025, 11, 25), "in hospital")
                .hasError(ErrorCode.NOT_AUTHORISED));
        // the prosecutor cannot go past the statute (referral date + 30 days = 27 November),
        assertTrue(desk.extendDeadline(referral.id(), DEPUTY_PROSECUTOR, LocalDate.of(2025, 11, 28), "in hospital")
                .hasError(ErrorCode.DEADLINE_EXCEEDS_STATUTORY_MAX));
        // but can extend it to 25 November, with the reason
        Referral extended = expect(desk.extendDeadline(referral.id(), DEPUTY_PROSECUTOR, LocalDate.of(2025, 11, 25),
                "admitted to hospital on 8 November"), "extension");

        // Then the deadline is 25 November, ending at midnight Eastern Standard Time
        assertEquals(LocalDate.of(2025, 11, 25), extended.intakeDeadline().date());
        assertEquals(eastern("2025-11-26T00:00"), extended.intakeDeadline().firstLateInstant());
        var extension = eventsOf(programme, referral.id(), ReferralEvent.IntakeDeadlineExtended.class).get(0);
        assertEquals(LocalDate.of(2025, 11, 11), extension.from());
        assertEquals(LocalDate.of(2025, 11, 25), extension.to());

        // When the original deadline passes and the sweep runs
        clock.set(eastern("2025-11-12T00:00"));
        assertTrue(desk.sweepDeadlines().lapsed().isEmpty());

        // and Jordan, out of hospital, completes intake on 20 November
        clock.set(eastern("2025-11-20T14:00"));
        Referral done = expect(desk.completeIntake(referral.id(), Fixtures.CASE_MANAGER), "intake");

        // Then the intake is timely and the held case will not be filed
        assertEquals(ReferralStatus.INTAKE_COMPLETED, done.status());
        assertEquals(DivertedCaseStatus.NOT_FILED, done.divertedCase().orElseThrow().status());
        assertEquals(List.of("ReferralSubmitted", "ReferralScreened", "ConsentRecorded", "ReferralAccepted",
                        "DivertedCaseHeld", "IntakeDeadlineExtended", "IntakeAssessmentRecorded", "IntakeCompleted",
                        "DivertedCaseNotFiled"),
                eventsOf(programme, referral.id(), ReferralEvent.class).stream().map(e -> e.type()).toList());
        assertRulesHold(programme, clock.instant());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Seattle's programme for the list, timeline and deadline scenarios, seeded once per Spring context (the three
 * scenario classes share this configuration, so each database's context is started and seeded once). From
 * 2026-01-12 21:00, ten seconds apart: Rosa (arrest door), {@value #WAITING} people diverted at arrest and waiting,
 * Cat and Dan through the community door, Ana (arrest door). Rosa is taken in on 26 January and held by case manager
 * cm-1, signs an ROI letting prosecutors and the court hear of her enrollment, plan and legal coordination, sets a
 * goal and has a contact; Ana is taken in on 28 January and held by cm-2. The clock then stands at 3 February 09:00.
 */
@TestConfiguration
class ParticipantListFixture {

    static final int WAITING = 55;
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    /** The people of the programme and what the scenarios need to know of them. */
    record Seattle(String rosa, String ana, List<String> everyone, List<String> waiting, List<String> community,
                   LocalDate openDeadline) {
    }

    static Instant seattle(String local) {
        return ApiClients.seattle(local);
    }

    @Bean
    Clock clock() {
        return new MutableClock(seattle("2026-01-12T21:00"));
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    Seattle seattleProgramme(PersistentProgramme programme, Clock clock) {
        var time = (MutableClock) clock;
        programme.policies().put(Fixtures.seattle());
        var desk = programme.desk();
        List<String> everyone = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> community = new ArrayList<>();

        time.advance(Duration.ofSeconds(10));
        var rosa = expect(desk.submit(Fixtures.anArrestDiversion("rosa").build()), "Rosa's diversion");
        everyone.add("rosa");
        for (int i = 0; i < WAITING; i++) {
            time.advance(Duration.ofSeconds(10));
            String id = String.format("waiting-%02d", i);
            expect(desk.submit(Fixtures.anArrestDiversion(id).build()), id);
            everyone.add(id);
            waiting.add(id);
        }
        for (String id : List.of("cat", "dan")) {
            time.advance(Duration.ofSeconds(10));
            expect(desk.submit(Fixtures.aCommunityReferral(id).build()), id);
            everyone.add(id);
            community.add(id);
        }
        time.advance(Duration.ofSeconds(10));
        var ana = expect(desk.submit(Fixtures.anArrestDiversion("ana").build()), "Ana's diversion");
        everyone.add("ana");

        time.set(seattle("2026-01-12T21:45"));
        EnrollmentId rosas = takeIn(programme, time, rosa.id(), Fixtures.CASE_MANAGER, seattle("2026-01-26T10:00"));
        expect(programme.disclosure().recordConsent(Fixtures.CASE_MANAGER, new PersonId("rosa"),
                ConsentType.MULTI_PARTY_ROI, Set.of(Role.COURT, Role.PROSECUTOR), Set.of(),
                Set.of(Purpose.LEGAL_COORDINATION, Purpose.COURT_PROGRESS),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY, DataClass.LEGAL_COORDINATION),
                Optional.empty()), "Rosa's ROI");
        time.set(seattle("2026-01-27T09:00"));
        takeIn(programme, time, ana.id(), Actor.of("cm-2", Role.CASE_MANAGER), seattle("2026-01-28T10:00"));

        time.set(seattle("2026-02-02T11:00"));
        expect(programme.caseManagement().addGoal(rosas, Fixtures.CASE_MANAGER, PlanDomain.HOUSING,
                GoalKind.GENERAL, "a room of her own", true), "Rosa's goal");
        expect(desk.recordContact(rosas, Fixtures.CASE_MANAGER, ContactType.IN_PERSON_FIELD,
                seattle("2026-02-01T15:00")), "a contact with Rosa");
        time.set(seattle("2026-02-03T09:00"));
        return new Seattle("rosa", "ana", List.copyOf(everyone), List.copyOf(waiting), List.copyOf(community),
                rosa.intakeDeadline().date());
    }

    /** Hand-off, acceptance, the sergeant's confirmation, then ROI and intake at {@code at}; the case manager holds her. */
    private static EnrollmentId takeIn(PersistentProgramme programme, MutableClock time, ReferralId referral,
                                       Actor cm, Instant at) {
        var desk = programme.desk();
        Instant now = time.instant();
        expect(desk.recordHandoff(referral, cm, now.minusSeconds(1200), now.minusSeconds(300)), "hand-off");
        expect(desk.accept(referral, cm), "acceptance");
        expect(desk.decideEligibility(referral, Fixtures.SERGEANT, true, null), "confirmation");
        time.set(at);
        expect(desk.recordRoiSignature(referral, cm), "ROI at intake");
        EnrollmentId enrollment = expect(desk.completeIntake(referral, cm), "intake").enrollment().orElseThrow();
        expect(programme.caseManagement().assignCaseManager(enrollment, CaseManagerId.of(cm.id()), cm), "assigned");
        return enrollment;
    }
}

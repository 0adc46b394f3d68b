/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Seattle with {@value #PEOPLE} participants, every one of them diverted at arrest, taken in, held by a case manager
 * ({@value #PER_CASE_MANAGER} to each), with a goal and a contact; every tenth has three goals and seven contacts, so
 * "her last five" cuts something. Played through the desks, one referral an hour from 2026-01-05.
 */
@TestConfiguration
class NestedPageFixture {

    static final int PEOPLE = 1_000;
    static final int PER_CASE_MANAGER = 20;

    /** Who was seeded. */
    record Caseloads(int people) {
    }

    @Bean
    Clock clock() {
        return new MutableClock(ApiClients.seattle("2026-01-05T08:00"));
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    Caseloads caseloads(PersistentProgramme programme, Clock clock) {
        var time = (MutableClock) clock;
        programme.policies().put(Fixtures.seattle());
        var desk = programme.desk();
        for (int i = 0; i < PEOPLE; i++) {
            Instant referred = time.instant();
            String person = String.format("person-%04d", i);
            var referral = expect(desk.submit(Fixtures.anArrestDiversion(person).build()), person).id();
            Actor cm = Actor.of(String.format("cm-%03d", i / PER_CASE_MANAGER), Role.CASE_MANAGER);
            time.advance(Duration.ofMinutes(15));
            expect(desk.recordHandoff(referral, cm, referred, referred.plusSeconds(600)), "hand-off");
            expect(desk.accept(referral, cm), "acceptance");
            expect(desk.decideEligibility(referral, Fixtures.SERGEANT, true, null), "confirmation");
            expect(desk.recordRoiSignature(referral, cm), "ROI at intake");
            EnrollmentId enrollment = expect(desk.completeIntake(referral, cm), "intake").enrollment().orElseThrow();
            expect(programme.caseManagement().assignCaseManager(enrollment, CaseManagerId.of(cm.id()), cm),
                    "assigned");
            boolean busy = i % 10 == 0;
            for (int g = 0; g < (busy ? 3 : 1); g++) {
                expect(programme.caseManagement().addGoal(enrollment, cm, PlanDomain.values()[g], GoalKind.GENERAL,
                        "goal " + g, true), "a goal");
            }
            time.advance(Duration.ofMinutes(15));
            for (int c = 0; c < (busy ? 7 : 1); c++) {
                expect(desk.recordContact(enrollment, cm, ContactType.values()[c % ContactType.values().length],
                        referred.plusSeconds(60L * (16 + c))), "a contact");
            }
            time.advance(Duration.ofMinutes(30));
        }
        return new Caseloads(PEOPLE);
    }
}

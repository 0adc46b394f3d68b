/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.submitted;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;

/**
 * Who may record the person's answer, the hand-off and a withdrawal: the people who take part in them. A court,
 * an evaluator or a prosecutor cannot put words in the person's mouth, and a rejected attempt changes nothing.
 */
class WhoMayActTest {

    private static final Instant REFERRED = Instant.parse("2025-06-03T18:00:00Z");

    @Test
    void consent_decline_and_hand_off_are_recorded_only_by_those_who_take_part_in_the_offer() {
        var clock = new MutableClock(REFERRED);
        var programme = programme(clock, Fixtures.seattle());
        var desk = programme.desk();
        Referral r = submitted(desk, Fixtures.anArrestDiversion("person-7").personConsents(false).build());
        clock.advance(Duration.ofMinutes(20));

        assertRefused(desk.recordConsent(r.id(), Actor.of("court-1", Role.COURT)), "witness.role");
        assertRefused(desk.recordDecline(r.id(), Actor.of("eval-1", Role.EVALUATOR)), "actor.role");
        assertRefused(desk.recordHandoff(r.id(), Fixtures.PROSECUTOR, REFERRED, clock.instant()), "actor.role");
        assertEquals(r.version(), programme.referrals().find(r.id()).orElseThrow().version(), "a refused command changes nothing");

        Referral consented = expect(desk.recordConsent(r.id(), Fixtures.OFFICER), "consent");
        assertTrue(consented.consent().isPresent());
        expect(desk.recordHandoff(r.id(), Fixtures.CASE_MANAGER, REFERRED, clock.instant()), "hand-off");
    }

    @Test
    void a_withdrawal_from_an_enrollment_is_the_participants_own() {
        var clock = new MutableClock(REFERRED);
        var programme = programme(clock, Fixtures.seattle());
        var desk = programme.desk();
        Referral r = submitted(desk, Fixtures.anArrestDiversion("person-8").build());
        expect(desk.recordHandoff(r.id(), Fixtures.CASE_MANAGER, REFERRED, REFERRED), "hand-off");
        expect(desk.accept(r.id(), Fixtures.CASE_MANAGER), "accept");
        Referral done = expect(desk.completeIntake(r.id(), Fixtures.CASE_MANAGER), "intake");

        var enrollment = done.enrollment().orElseThrow();
        assertRefused(desk.withdrawFromEnrollment(enrollment, Fixtures.PROSECUTOR), "actor.role");
        assertRefused(desk.withdrawFromEnrollment(enrollment, Fixtures.PARTICIPANT), "actor.id");
        expect(desk.withdrawFromEnrollment(enrollment, Fixtures.self(done.submission().person().id())), "withdrawal");
    }

    private static void assertRefused(Outcome<?> out, String field) {
        assertTrue(out.hasError(ErrorCode.NOT_AUTHORISED), () -> "expected NOT_AUTHORISED, got " + out);
        assertEquals(field, out.errors().get(0).field());
    }
}

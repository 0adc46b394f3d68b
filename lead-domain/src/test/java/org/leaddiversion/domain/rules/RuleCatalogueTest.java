/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.recordOf;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.intake.ReleaseReason;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.LapseRecipient;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * The catalogue is not vacuous: over a programme that kept every rule it finds nothing, and over the same data with
 * one fact tampered it names the rule that fact breaks.
 */
@DisplayName("Rule catalogue")
class RuleCatalogueTest {

    private MutableClock clock;
    private InMemoryProgramme programme;
    private Referral maria;
    private Referral dee;

    /** Seattle, October 2025: Maria completes intake in time; Dee never comes and her referral lapses. */
    @BeforeEach
    void aSeattleMonth() {
        clock = new MutableClock(LocalDateTime.parse("2025-10-20T09:15").atZone(ZoneId.of("America/Los_Angeles"))
                .toInstant());
        programme = programme(clock, Fixtures.seattle());
        var desk = programme.desk();
        var policy = Fixtures.seattle().latest();
        maria = pendingIntake(desk, policy, Fixtures.anArrestDiversion("maria").build());
        dee = pendingIntake(desk, policy, Fixtures.anArrestDiversion("dee").build());
        clock.advance(Duration.ofDays(3));
        completeIntake(desk, policy, maria.id());
        clock.set(dee.intakeDeadline().firstLateInstant());
        assertEquals(List.of(dee.id()), desk.sweepDeadlines().lapsed());
        maria = programme.referrals().find(maria.id()).orElseThrow();
        dee = programme.referrals().find(dee.id()).orElseThrow();
    }

    @Test
    void covers_every_rule_but_the_equity_measure() {
        assertEquals(EnumSet.complementOf(EnumSet.of(RuleId.R39)),
                RuleCatalogue.statements().keySet());
        RuleCatalogue.invariants().forEach(i -> assertTrue(RuleCatalogue.invariant(i.id()).isPresent()));
    }

    @Test
    void a_programme_that_kept_the_rules_has_no_violation() {
        assertEquals(List.of(), RuleCatalogue.checkAll(recordOf(programme, clock.instant())));
    }

    @Test
    void a_second_release_notice_for_a_lapsed_charge_breaks_r20() {
        var release = only(ReferralEvent.DivertedCaseReleased.class);
        assertBroken(RuleId.R20, withEvents(append(release)));
    }

    @Test
    void a_release_of_a_charge_not_filed_breaks_r19() {
        var caseId = maria.divertedCase().orElseThrow().id();
        var release = new ReferralEvent.DivertedCaseReleased(maria.id(), caseId, ReleaseReason.LATER_NON_ENGAGEMENT,
                LapseRecipient.PROSECUTOR, Optional.empty(), clock.instant());
        assertBroken(RuleId.R19, withEvents(append(release)));
    }

    @Test
    void an_event_dated_in_the_future_or_before_its_referral_breaks_r29() {
        var future = new ReferralEvent.ConsentRecorded(maria.id(), Fixtures.CASE_MANAGER.id(),
                clock.instant().plusSeconds(1));
        assertBroken(RuleId.R29, withEvents(append(future)));
        var early = new ReferralEvent.ConsentRecorded(maria.id(), Fixtures.CASE_MANAGER.id(),
                maria.referredAt().minusNanos(1));
        assertBroken(RuleId.R29, withEvents(append(early)));
    }

    @Test
    void a_second_open_enrollment_of_maria_breaks_r23() {
        Enrollment mine = programme.enrollments().all().get(0);
        var second = Enrollment.restore(new EnrollmentId(new UUID(3, 3)), 0, mine.person(), mine.site(),
                clock.instant(), EnrollmentStatus.ACTIVE, List.of(maria.id()), List.of(), Optional.empty(),
                Optional.empty());
        var enrollments = new ArrayList<>(programme.enrollments().all());
        enrollments.add(second);
        assertBroken(RuleId.R23, new ProgrammeRecord(programme.policies(), programme.referrals().all(), enrollments,
                programme.events(), clock.instant()));
    }

    @Test
    void an_enrollment_without_a_consented_referral_behind_it_breaks_r01() {
        Enrollment mine = programme.enrollments().all().get(0);
        var stray = Enrollment.restore(new EnrollmentId(new UUID(4, 4)), 0, dee.submission().person().id(), mine.site(),
                clock.instant(), EnrollmentStatus.ACTIVE, List.of(new ReferralId(new UUID(5, 5))), List.of(),
                Optional.empty(), Optional.empty());
        var enrollments = new ArrayList<>(programme.enrollments().all());
        enrollments.add(stray);
        assertBroken(RuleId.R01, new ProgrammeRecord(programme.policies(), programme.referrals().all(), enrollments,
                programme.events(), clock.instant()));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    @Test
    void an_enrollment_closed_for_relapse_breaks_r24_and_one_closed_for_a_reason_the_site_did_not_allow_breaks_r27() {
        Enrollment mine = programme.enrollments().all().get(0);
        for (var reason : List.of(ClosureReason.RELAPSE, ClosureReason.TERMINATED_BY_SITE_CRITERIA,
                ClosureReason.ADMINISTRATIVE_INACTIVITY)) {
            var closed = Enrollment.restore(mine.id(), mine.version() + 1, mine.person(), mine.site(), mine.startedAt(),
                    EnrollmentStatus.CLOSED, mine.referrals(), List.of(), Optional.of(clock.instant()),
                    Optional.of(reason));
            var record = new ProgrammeRecord(programme.policies(), programme.referrals().all(), List.of(closed),
                    programme.events(), clock.instant());
            assertBroken(reason.isForbidden() ? RuleId.R24 : RuleId.R27, record);
            if (reason == ClosureReason.ADMINISTRATIVE_INACTIVITY) {
                assertBroken(RuleId.R26, record);
            }
        }
    }

    @Test
    void a_contact_before_the_enrollment_or_after_as_of_breaks_r32_and_early_inactivity_breaks_r26() {
        Enrollment mine = programme.enrollments().all().get(0);
        for (var at : List.of(mine.startedAt().minusSeconds(1), clock.instant().plusSeconds(1))) {
            var events = new ArrayList<>(programme.events());
            events.add(new EnrollmentEvent.ContactRecorded(mine.id(), ContactType.COLLATERAL, at, clock.instant()));
            assertBroken(RuleId.R32, new ProgrammeRecord(programme.policies(), programme.referrals().all(),
                    programme.enrollments().all(), events, clock.instant()));
        }
        var events = new ArrayList<>(programme.events());
        events.add(new EnrollmentEvent.ParticipantBecameInactive(mine.id(), mine.startedAt(), 1, clock.instant()));
        assertBroken(RuleId.R26, new ProgrammeRecord(programme.policies(), programme.referrals().all(),
                programme.enrollments().all(), events, clock.instant()));
    }

    private <E extends DomainEvent> E only(Class<E> type) {
        return programme.events().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private List<DomainEvent> append(DomainEvent e) {
        var events = new ArrayList<>(programme.events());
        events.add(e);
        return events;
    }

    private ProgrammeRecord withEvents(List<DomainEvent> events) {
        return new ProgrammeRecord(programme.policies(), programme.referrals().all(), programme.enrollments().all(),
                events, clock.instant());
    }

    private static void assertBroken(RuleId rule, ProgrammeRecord record) {
        List<Violation> found = RuleCatalogue.checkAll(record);
        Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
        found.forEach(v -> rules.add(v.rule()));
        assertTrue(rules.contains(rule), () -> rule + " not reported; found " + found);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.withLapse;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.LapsePolicy;
import org.leaddiversion.domain.policy.SitePolicy;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R19: when intake completes on time the diverted case becomes NOT_FILED and, under the default
 * {@code releaseOnLaterNonEngagement = false}, nothing afterwards — leaving the enrollment, sweeps, ordinary-review
 * attempts, release requests, a new referral — moves it to RELEASED_FOR_ORDINARY_REVIEW. Only the fidelity variant,
 * recorded with its warning, lets the prosecutor release it.
 */
@DisplayName("R19 timely intake: never released")
class TimelyIntakeNeverReleasedTest {

    /** What may happen to a participant after timely intake. */
    enum Later { LEAVES_ENROLLMENT, TIME_PASSES, SWEEP, ORDINARY_REVIEW, RELEASE_REQUEST, WITHDRAW_REFERRAL,
        AUTHORITY_REJECTS, REFERRED_AGAIN }

    static Gen<List<Later>> laterEvents() {
        return in -> {
            int n = Generate.range(1, 12).generate(in);
            var out = new ArrayList<Later>();
            for (int i = 0; i < n; i++) {
                out.add(Generate.enumValues(Later.class).generate(in));
            }
            return out;
        };
    }

    @Test
    void a_charge_not_filed_after_timely_intake_stays_not_filed_whatever_happens_later() {
        qt().forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION), laterEvents(), Generate.pick(List.of(Role.values())))
                .checkAssert((c, later, role) -> {
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(c.policy()));
                    var desk = programme.desk();
                    // Given an arrest diversion whose intake was completed in time
                    Referral pending = pendingIntake(desk, c.policy(), c.submission());
                    Referral done = completeIntake(desk, c.policy(), pending.id());
                    assertEquals(DivertedCaseStatus.NOT_FILED, done.divertedCase().orElseThrow().status());
                    assertEquals(1, eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseNotFiled.class).size());

                    // When any of the later events happens, in any order
                    Actor anyone = Actor.of("anyone", role);
                    int step = 0;
                    for (Later e : later) {
                        boolean byProsecutor = step++ % 2 == 0;
                        switch (e) {
                            case LEAVES_ENROLLMENT -> desk.withdrawFromEnrollment(done.enrollment().orElseThrow(),
                                    Fixtures.self(done.submission().person().id()));
                            case TIME_PASSES -> clock.advance(Duration.ofDays(45));
                            case SWEEP -> desk.sweepDeadlines();
                            case ORDINARY_REVIEW -> assertFalse(desk.recordOrdinaryReview(pending.id(), Fixtures.PROSECUTOR,
                                    DivertedCaseStatus.FILED).isSuccess());
                            case RELEASE_REQUEST -> {
                                Outcome<Referral> out = desk.releaseForLaterNonEngagement(pending.id(),
                                        byProsecutor ? Fixtures.PROSECUTOR : anyone, "stopped engaging");
                                assertTrue(out.hasError(ErrorCode.POLICY_FORBIDS), () -> out.errors().toString());
                            }
                            case WITHDRAW_REFERRAL -> assertFalse(desk.withdraw(pending.id(), Fixtures.self(pending.submission().person().id()), null)
                                    .isSuccess());
                            case AUTHORITY_REJECTS -> assertFalse(desk.decideEligibility(pending.id(), anyone, false,
                                    "reconsidered").isSuccess());
                            case REFERRED_AGAIN -> desk.submit(c.submission());
                            default -> throw new IllegalStateException();
                        }
                        // Then the charge is still not filed, and was never released
                        assertEquals(DivertedCaseStatus.NOT_FILED,
                                programme.referrals().find(pending.id()).orElseThrow().divertedCase().orElseThrow().status(), e::name);
                        assertTrue(eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class).isEmpty());
                        assertRulesHold(programme, clock.instant());
                    }
                });
    }

    @Test
    void with_the_fidelity_variant_recorded_the_prosecutor_and_only_the_prosecutor_can_release_it() {
        qt().forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION), Generate.pick(List.of(Role.values())))
                .checkAssert((c, role) -> {
                    SitePolicy variant = withLapse(c.policy(), new LapsePolicy(c.policy().lapse().recipient(), true,
                            Optional.of("PCG 2014: refiling on deviation from the plan departs from harm reduction")));
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(variant));
                    var desk = programme.desk();
                    Referral pending = pendingIntake(desk, variant, c.submission());
                    completeIntake(desk, variant, pending.id());
                    clock.advance(Duration.ofDays(60));

                    Outcome<Referral> out = desk.releaseForLaterNonEngagement(pending.id(), Actor.of("someone", role),
                            "no contact for two months");
                    if (role != Role.PROSECUTOR && role != Role.LIAISON_PROSECUTOR) {
                        assertTrue(out.hasError(ErrorCode.NOT_AUTHORISED), () -> role + ": " + out.errors());
                        assertEquals(DivertedCaseStatus.NOT_FILED,
                                programme.referrals().find(pending.id()).orElseThrow().divertedCase().orElseThrow().status());
                        return;
                    }
                    DivertedCase released = expect(out, "release by " + role).divertedCase().orElseThrow();
                    assertEquals(DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, released.status());
                    assertEquals(ReleaseReason.LATER_NON_ENGAGEMENT, released.releaseReason().orElseThrow());
                    assertEquals(variant.lapse().recipient(), released.notified().orElseThrow());
                    assertEquals(1, eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class).size());
                    // a second request finds nothing left to release
                    assertFalse(desk.releaseForLaterNonEngagement(pending.id(), Fixtures.PROSECUTOR, "again").isSuccess());
                    assertEquals(1, eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class).size());
                    assertRulesHold(programme, clock.instant());
                });
    }

    @Test
    void even_under_the_variant_a_release_needs_a_written_reason() {
        qt().forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION)).checkAssert(c -> {
            SitePolicy variant = withLapse(c.policy(), new LapsePolicy(c.policy().lapse().recipient(), true,
                    Optional.of("fidelity warning recorded by the PCG")));
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(variant));
            var desk = programme.desk();
            Referral pending = pendingIntake(desk, variant, c.submission());
            completeIntake(desk, variant, pending.id());
            Outcome<Referral> out = desk.releaseForLaterNonEngagement(pending.id(), Fixtures.PROSECUTOR, "  ");
            assertTrue(out.hasError(ErrorCode.REASON_REQUIRED), () -> out.errors().toString());
            assertEquals(DivertedCaseStatus.NOT_FILED,
                    programme.referrals().find(pending.id()).orElseThrow().divertedCase().orElseThrow().status());
            assertTrue(eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class).isEmpty());
        });
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.toPendingIntake;
import static org.quicktheories.QuickTheory.qt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.SitePolicy;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R29: every state-changing event is dated by the injected clock, never before its referral's {@code referredAt} and
 * never in the future; a command at an instant before {@code referredAt} is refused with INVALID_TIMESTAMP, whatever
 * state the referral is in — also when the host's clock is corrected backwards.
 */
@DisplayName("R29 time is monotonic")
class EventTimeTest {

    /** Where the referral is when the command arrives. */
    enum Stage { SUBMITTED, CONSENTED, PENDING_INTAKE, COMPLETED, WITHDRAWN, LAPSED, DECLINED }

    /** A clock the host can correct backwards (NTP), unlike the test's MutableClock. */
    static final class HostClock extends Clock {
        private volatile Instant now;

        HostClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Referrals of random facts (some screened ineligible, some presumptively) and admissible ones. */
    static Gen<ScreeningCase> anyReferrals() {
        return LeadGenerators.admissibleCases().mix(LeadGenerators.screeningCases(), 40);
    }

    @Test
    void every_command_dated_before_the_referral_is_refused_with_invalid_timestamp_in_every_stage() {
        qt().withExamples(300).forAll(anyReferrals(), Generate.enumValues(Stage.class), Generate.range(1, 4 * 24 * 60))
                .checkAssert((c, stage, minutesEarly) -> {
                    var clock = new HostClock(c.referredAt());
                    var programme = new InMemoryProgramme(clock, IdGenerator.sequential(29),
                            CaseloadCapacity.notTracked());
                    programme.policies().put(history(c.policy()));
                    var desk = programme.desk();
                    Outcome<Referral> submitted = desk.submit(c.submission());
                    if (!submitted.isSuccess()) {
                        return; // refused at the door: no referral to date anything against
                    }
                    Referral r = reach(programme, c.policy(), submitted.value(), stage, clock);
                    SitePolicy p = c.policy();
                    Instant before = r.referredAt().minus(Duration.ofMinutes(minutesEarly)).plusNanos(minutesEarly % 2);

                    for (var command : commands(r, p, before).entrySet()) {
                        Outcome<Referral> out = command.getValue().get();
                        assertTrue(out.hasError(ErrorCode.INVALID_TIMESTAMP),
                                () -> command.getKey() + " in " + r.status() + " at " + before + ": "
                                        + (out.isSuccess() ? "accepted" : out.errors()));
                    }

                    // through the desk as well, when the host's clock is corrected backwards: refused, nothing stored
                    clock.set(before);
                    int events = programme.events().size();
                    for (Outcome<Referral> out : List.of(desk.recordConsent(r.id(), CASE_MANAGER),
                            desk.accept(r.id(), CASE_MANAGER), desk.completeIntake(r.id(), CASE_MANAGER),
                            desk.withdraw(r.id(), Fixtures.self(r.submission().person().id()), null))) {
                        assertFalse(out.isSuccess());
                    }
                    desk.sweepDeadlines();
                    assertEquals(events, programme.events().size());
                    assertEquals(r.version(), programme.referrals().find(r.id()).orElseThrow().version());
                });
    }

    @Test
    void every_event_of_a_lifecycle_lies_between_its_referral_and_now() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.enumValues(Stage.class)).checkAssert((c, stage) -> {
            var clock = new HostClock(c.referredAt());
            var programme = new InMemoryProgramme(clock, IdGenerator.sequential(29),
                    CaseloadCapacity.notTracked());
            programme.policies().put(history(c.policy()));
            Referral r = reach(programme, c.policy(), expect(programme.desk().submit(c.submission()), "submit"),
                    stage, clock);
            for (DomainEvent e : programme.events()) {
                assertFalse(e.occurredAt().isAfter(clock.instant()), e::type);
                if (e instanceof ReferralEvent re) {
                    assertFalse(re.occurredAt().isBefore(r.referredAt()), e::type);
                }
            }
            assertRulesHold(programme, clock.instant());
        });
    }

    /** Takes the referral to the stage, moving the clock forward as life would. */
    private static Referral reach(InMemoryProgramme programme, SitePolicy p, Referral r, Stage stage,
                                  HostClock clock) {
        ReferralDesk desk = programme.desk();
        if (stage == Stage.SUBMITTED || r.status() != ReferralStatus.SUBMITTED) {
            return r;
        }
        clock.set(r.referredAt().plus(Duration.ofMinutes(10)));
        switch (stage) {
            case CONSENTED -> expect(desk.recordConsent(r.id(), CASE_MANAGER), "consent");
            case DECLINED -> expect(desk.recordDecline(r.id(), Fixtures.OFFICER), "decline");
            default -> {
                toPendingIntake(desk, p, r.id());
                clock.set(r.referredAt().plus(Duration.ofMinutes(20)));
                if (stage == Stage.COMPLETED && r.intakeDeadline().isMetBy(clock.instant())) {
                    completeIntake(desk, p, r.id());
                } else if (stage == Stage.WITHDRAWN) {
                    expect(desk.withdraw(r.id(), Fixtures.self(r.submission().person().id()), null), "withdraw");
                } else if (stage == Stage.LAPSED) {
                    clock.set(r.intakeDeadline().firstLateInstant());
                    desk.sweepDeadlines();
                }
            }
        }
        return programme.referrals().find(r.id()).orElseThrow();
    }

    /** Every command of a referral, at {@code at}, by an actor who could otherwise do it. */
    private static Map<String, Supplier<Outcome<Referral>>> commands(Referral r, SitePolicy p, Instant at) {
        var cases = new DivertedCaseId(new UUID(9, 9));
        var enrollment = new EnrollmentId(new UUID(8, 8));
        Actor authority = Actor.of("authority", p.door(r.door()).orElseThrow().authorityRoles().stream().findFirst()
                .orElse(Role.PROSECUTOR));
        Actor overrider = Actor.of("overrider", p.overrideAuthority().stream().findFirst().orElse(Role.PROSECUTOR));
        var m = new LinkedHashMap<String, Supplier<Outcome<Referral>>>();
        m.put("recordConsent", () -> r.recordConsent(CASE_MANAGER, at));
        m.put("recordDecline", () -> r.recordDecline(Fixtures.OFFICER, at));
        m.put("recordHandoff", () -> r.recordHandoff(CASE_MANAGER, at.minusSeconds(60), at, at, p));
        m.put("approve", () -> r.approve(Fixtures.PROJECT_MANAGER, at, p));
        m.put("override", () -> r.override(overrider, "reason", at, p, cases));
        m.put("confirmExclusion", () -> r.confirmExclusion(overrider, "reason", at, p));
        m.put("accept", () -> r.accept(CASE_MANAGER, at, p, cases, true));
        m.put("decideEligibility(confirm)", () -> r.decideEligibility(authority, true, "ok", at, p));
        m.put("decideEligibility(reject)", () -> r.decideEligibility(authority, false, "reason", at, p));
        m.put("completeIntake", () -> r.completeIntake(CASE_MANAGER, at, p, enrollment, true));
        m.put("recordRoiSignature", () -> r.recordRoiSignature(CASE_MANAGER, at, p, enrollment, true));
        m.put("lapse", () -> r.lapse(at, p));
        m.put("extendDeadline", () -> r.extendDeadline(Fixtures.PROSECUTOR, r.intakeDeadline().date().plusDays(1),
                "reason", at, p));
        m.put("withdraw", () -> r.withdraw(Fixtures.self(r.submission().person().id()), null, at, p));
        m.put("recordOrdinaryReview", () -> r.recordOrdinaryReview(Fixtures.PROSECUTOR, DivertedCaseStatus.DECLINED, at));
        m.put("releaseForLaterNonEngagement", () -> r.releaseForLaterNonEngagement(Fixtures.PROSECUTOR, "reason", at, p));
        return m;
    }
}

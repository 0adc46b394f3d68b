/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.events;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.generators.Generate;

/**
 * R20: when the clock passes the deadline with no intake, the referral becomes INTAKE_LAPSED, its held charge is
 * released for ordinary review exactly once — one notification to the configured {@code lapse.recipient} — however
 * often the sweep runs and on however many threads; no enrollment is created, and intake after the deadline is
 * refused.
 */
@DisplayName("R20 missed deadline: released exactly once")
class MissedDeadlineTest {

    private static ExecutorService sweepers;

    @BeforeAll
    static void startSweepers() {
        sweepers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopSweepers() throws InterruptedException {
        sweepers.shutdown();
        sweepers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void the_sweep_lapses_the_referral_and_releases_the_held_charge_once_to_the_lapse_recipient() {
        qt().forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION), Generate.range(0, 40 * 24 * 60),
                Generate.range(1, 4)).checkAssert((c, minutesLate, sweeps) -> {
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(c.policy()));
                    var desk = programme.desk();
                    // Given an arrest diversion pending intake, whose person never comes to the assessment
                    Referral pending = pendingIntake(desk, c.policy(), c.submission());

                    // When the deadline passes — intake is refused even before any sweep has run
                    clock.set(pending.intakeDeadline().firstLateInstant().plus(Duration.ofMinutes(minutesLate)));
                    Outcome<Referral> late = desk.completeIntake(pending.id(), CASE_MANAGER);
                    assertTrue(late.hasError(ErrorCode.REFERRAL_LAPSED), () -> late.errors().toString());
                    assertEquals(pending.version(), programme.referrals().find(pending.id()).orElseThrow().version());

                    // and the sweep runs, perhaps several times, with time passing in between
                    for (int i = 0; i < sweeps; i++) {
                        desk.sweepDeadlines();
                        clock.advance(Duration.ofHours(i * 13L));
                    }

                    // Then the referral lapsed once, and the charge was released once, to the configured recipient
                    Referral lapsed = programme.referrals().find(pending.id()).orElseThrow();
                    assertEquals(ReferralStatus.INTAKE_LAPSED, lapsed.status());
                    assertEquals(1, eventsOf(programme, pending.id(), ReferralEvent.IntakeLapsed.class).size());
                    var releases = eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class);
                    assertEquals(1, releases.size());
                    var release = releases.get(0);
                    assertEquals(ReleaseReason.INTAKE_LAPSED, release.reason());
                    assertEquals(c.policy().lapse().recipient(), release.recipient());
                    OffenceLevel level = c.submission().offences().get(0).level();
                    assertEquals(Optional.ofNullable(c.policy().chargeRouting().get(level)), release.reviewingOffice());
                    DivertedCase held = lapsed.divertedCase().orElseThrow();
                    assertEquals(DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, held.status());
                    assertEquals(c.policy().lapse().recipient(), held.notified().orElseThrow());
                    // and no enrollment exists, and intake stays refused
                    assertTrue(programme.enrollments().all().isEmpty());
                    assertTrue(desk.completeIntake(pending.id(), CASE_MANAGER).hasError(ErrorCode.REFERRAL_LAPSED));
                    assertTrue(desk.recordRoiSignature(pending.id(), CASE_MANAGER).hasError(ErrorCode.REFERRAL_LAPSED));
                    assertRulesHold(programme, clock.instant());
                });
    }

    @Test
    void two_sweeps_running_at_once_release_each_held_charge_exactly_once() {
        qt().withExamples(60).forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION), Generate.range(1, 6))
                .checkAssert((c, people) -> {
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(c.policy()));
                    var desk = programme.desk();
                    // Given several arrest diversions pending intake, none of whose people come
                    var ids = new ArrayList<ReferralId>();
                    for (int i = 0; i < people; i++) {
                        ReferralSubmission s = c.submission().toBuilder().person(someone(c.submission(), "LATE-" + i)).build();
                        ids.add(pendingIntake(desk, c.policy(), s).id());
                    }
                    clock.set(programme.referrals().find(ids.get(0)).orElseThrow().intakeDeadline().firstLateInstant());

                    // When two schedulers sweep at the same moment
                    var start = new CountDownLatch(1);
                    CompletableFuture<SweepReport> a = CompletableFuture.supplyAsync(() -> sweepAfter(start, desk), sweepers);
                    CompletableFuture<SweepReport> b = CompletableFuture.supplyAsync(() -> sweepAfter(start, desk), sweepers);
                    start.countDown();
                    SweepReport first = a.join();
                    SweepReport second = b.join();

                    // Then between them every referral lapsed exactly once and every charge was released exactly once
                    Set<ReferralId> lapsed = new HashSet<>(first.lapsed());
                    second.lapsed().forEach(id -> assertTrue(lapsed.add(id), "lapsed by both sweeps"));
                    assertEquals(new HashSet<>(ids), lapsed);
                    assertEquals(people, events(programme, ReferralEvent.DivertedCaseReleased.class).size());
                    assertEquals(people, events(programme, ReferralEvent.IntakeLapsed.class).size());
                    for (ReferralId id : ids) {
                        assertEquals(1, eventsOf(programme, id, ReferralEvent.DivertedCaseReleased.class).size());
                    }
                    // and later sweeps find nothing
                    assertTrue(desk.sweepDeadlines().lapsed().isEmpty());
                    assertRulesHold(programme, clock.instant());
                });
    }

    @Test
    void on_the_last_nanosecond_of_the_deadline_day_the_sweep_lapses_nothing() {
        qt().forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION)).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            Referral pending = pendingIntake(desk, c.policy(), c.submission());
            clock.set(pending.intakeDeadline().firstLateInstant().minusNanos(1));
            SweepReport report = desk.sweepDeadlines();
            assertTrue(report.lapsed().isEmpty() && report.skipped().isEmpty());
            assertEquals(ReferralStatus.PENDING_INTAKE, programme.referrals().find(pending.id()).orElseThrow().status());
            assertEquals(DivertedCaseStatus.HELD, programme.referrals().find(pending.id()).orElseThrow().divertedCase().orElseThrow().status());
        });
    }

    private static SweepReport sweepAfter(CountDownLatch start, ReferralDesk desk) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return desk.sweepDeadlines();
    }

    private static Person someone(ReferralSubmission s, String id) {
        Person p = s.person();
        return new Person(new PersonId(id), p.dateOfBirth(), p.demographics(), p.residence(), false);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.submitted;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;

/**
 * The in-memory adapters keep the guarantees of a persistence adapter: a write based on a stale version is refused
 * with a {@link ConcurrentUpdateException} naming the aggregate, its id and both versions, and nothing of it — state or
 * events — is stored; a second open enrollment of one person at a site is refused the same way; a transaction is all
 * or nothing.
 */
@DisplayName("In-memory adapters: optimistic locking")
class OptimisticLockingTest {

    private static ExecutorService writers;

    @BeforeAll
    static void startWriters() {
        writers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopWriters() throws InterruptedException {
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void a_stale_referral_write_is_refused_naming_the_aggregate_and_versions_and_nothing_of_it_is_stored() {
        qt().forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            Referral v0 = submitted(desk, c.submission());
            clock.advance(Duration.ofMinutes(3));
            // someone else records the hand-off first: the stored referral is now at version 1
            expect(desk.recordHandoff(v0.id(), CASE_MANAGER, c.referredAt(), clock.instant()), "hand-off");
            int events = programme.events().size();

            // a withdrawal computed from version 0 is written with expected version 0
            Outcome<Referral> stale = v0.withdraw(Fixtures.self(v0.submission().person().id()), null, clock.instant(), c.policy());
            var e = assertThrows(ConcurrentUpdateException.class,
                    () -> programme.referrals().save(stale.value(), 0, stale.events()));

            assertEquals("Referral", e.aggregate());
            assertEquals(v0.id().toString(), e.id());
            assertEquals(0, e.expectedVersion());
            assertEquals(1, e.actualVersion());
            assertTrue(e.getMessage().contains("Referral " + v0.id()) && e.getMessage().contains("expected version 0")
                    && e.getMessage().contains("found 1"), e.getMessage());
            Referral stored = programme.referrals().find(v0.id()).orElseThrow();
            assertEquals(1, stored.version());
            assertEquals(ReferralStatus.SUBMITTED, stored.status());
            assertEquals(events, programme.events().size());
            // a "new" referral with an id already taken is refused too
            assertThrows(ConcurrentUpdateException.class, () -> programme.referrals().save(v0, -1, List.of()));
        });
    }

    @Test
    void of_two_writers_saving_successors_of_one_version_exactly_one_wins() {
        qt().withExamples(80).forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            Referral pending = pendingIntake(programme.desk(), c.policy(), c.submission());
            clock.advance(Duration.ofMinutes(1));
            Instant now = clock.instant();
            Outcome<Referral> withdrawn = pending.withdraw(Fixtures.self(pending.submission().person().id()), null, now, c.policy());
            Outcome<Referral> handedOff = pending.recordHandoff(CASE_MANAGER, now, now, now, c.policy());
            int events = programme.events().size();

            var start = new CountDownLatch(1);
            var a = CompletableFuture.supplyAsync(() -> save(start, programme, withdrawn), writers);
            var b = CompletableFuture.supplyAsync(() -> save(start, programme, handedOff), writers);
            start.countDown();
            boolean aWon = a.join();
            boolean bWon = b.join();

            assertTrue(aWon ^ bWon, "exactly one writer wins");
            Outcome<Referral> winner = aWon ? withdrawn : handedOff;
            Referral stored = programme.referrals().find(pending.id()).orElseThrow();
            assertEquals(pending.version() + 1, stored.version());
            assertEquals(winner.value().status(), stored.status());
            assertEquals(winner.events(), programme.events().subList(events, programme.events().size()));
        });
    }

    @Test
    void a_second_open_enrollment_of_a_person_at_a_site_is_refused_and_a_stale_enrollment_write_too() {
        qt().forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            Referral done = completeIntake(desk, c.policy(), pendingIntake(desk, c.policy(), c.submission()).id());
            Enrollment open = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
            int events = programme.events().size();

            Outcome<Enrollment> second = Enrollment.start(new EnrollmentId(new UUID(7, 7)), open.person(), open.site(),
                    done.id(), List.of(), clock.instant());
            var e = assertThrows(ConcurrentUpdateException.class,
                    () -> programme.enrollments().save(second.value(), -1, second.events()));
            assertEquals("Enrollment", e.aggregate());

            Outcome<Enrollment> left = open.withdraw(Fixtures.self(open.person()), clock.instant());
            expect(desk.withdrawFromEnrollment(open.id(), Fixtures.self(open.person())), "leaving");
            var stale = assertThrows(ConcurrentUpdateException.class,
                    () -> programme.enrollments().save(left.value(), open.version(), left.events()));
            assertEquals(open.version(), stale.expectedVersion());
            assertEquals(open.version() + 1, stale.actualVersion());
            assertEquals(events + 1, programme.events().size());
            assertEquals(1, programme.enrollments().all().size());
        });
    }

    @Test
    void a_failing_transaction_undoes_every_write_and_event_made_inside_it() {
        qt().forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            Referral pending = pendingIntake(programme.desk(), c.policy(), c.submission());
            int events = programme.events().size();
            Outcome<Referral> withdrawn = pending.withdraw(Fixtures.self(pending.submission().person().id()), null, clock.instant(), c.policy());

            assertThrows(ConcurrentUpdateException.class, () -> programme.store().inTransaction(() -> {
                programme.referrals().save(withdrawn.value(), pending.version(), withdrawn.events());
                programme.referrals().save(withdrawn.value(), pending.version(), withdrawn.events()); // now stale
                return null;
            }));

            Referral stored = programme.referrals().find(pending.id()).orElseThrow();
            assertEquals(pending.version(), stored.version());
            assertEquals(ReferralStatus.PENDING_INTAKE, stored.status());
            assertEquals(events, programme.events().size());
        });
    }

    private static boolean save(CountDownLatch start, InMemoryProgramme programme, Outcome<Referral> out) {
        try {
            start.await();
            programme.referrals().save(out.value(), out.value().version() - 1, out.events());
            return true;
        } catch (ConcurrentUpdateException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

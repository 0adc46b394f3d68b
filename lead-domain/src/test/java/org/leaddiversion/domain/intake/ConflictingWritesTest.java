/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.recordOf;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryEnrollments;
import org.leaddiversion.domain.memory.InMemoryPostEnrollmentCases;
import org.leaddiversion.domain.memory.InMemoryReferrals;
import org.leaddiversion.domain.memory.InMemorySiteCaseloads;
import org.leaddiversion.domain.memory.InMemorySitePolicies;
import org.leaddiversion.domain.memory.InMemoryStore;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.rules.ProgrammeRecord;
import org.leaddiversion.domain.rules.RuleCatalogue;

/**
 * Two people act on one referral at once — the case manager records the intake while the person withdraws — both
 * having read the same version. Exactly one command takes effect; the other is refused with CONCURRENT_UPDATE and
 * nothing of it is stored: no enrollment, no event, no half-written state.
 */
@DisplayName("Conflicting writes to one referral")
class ConflictingWritesTest {

    private static ExecutorService people;

    @BeforeAll
    static void start() {
        people = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        people.shutdown();
        people.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Referrals whose reads can be pinned to a version already read — as two application servers would each have
     * loaded it before either wrote.
     */
    static final class PinnedReads implements Referrals {
        private final Referrals stored;
        private final Map<ReferralId, Referral> pinned = new ConcurrentHashMap<>();

        PinnedReads(Referrals stored) {
            this.stored = stored;
        }

        void pin(Referral r) {
            pinned.put(r.id(), r);
        }

        @Override
        public Optional<Referral> find(ReferralId id) {
            Referral p = pinned.get(id);
            return p != null ? Optional.of(p) : stored.find(id);
        }

        @Override
        public List<ReferralId> dueForLapse(Instant now) {
            return stored.dueForLapse(now);
        }

        @Override
        public int countPendingIntake(SiteId site) {
            return stored.countPendingIntake(site);
        }

        @Override
        public void save(Referral referral, long expectedVersion, List<DomainEvent> events) {
            stored.save(referral, expectedVersion, events);
        }

        @Override
        public List<Referral> all() {
            return stored.all();
        }
    }

    @Test
    void intake_and_withdrawal_on_the_same_version_one_wins_the_other_is_a_concurrent_update_and_leaves_no_trace() {
        qt().withExamples(150).forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var store = new InMemoryStore();
            var referrals = new InMemoryReferrals(store);
            var enrollments = new InMemoryEnrollments(store);
            var policies = new InMemorySitePolicies(clock).put(history(c.policy()));
            var reads = new PinnedReads(referrals);
            var desk = new ReferralDesk(clock, IdGenerator.sequential(5), policies, reads, enrollments,
                    CaseloadCapacity.notTracked(), new InMemorySiteCaseloads(store),
                    new InMemoryPostEnrollmentCases(store), store);
            SitePolicy p = c.policy();
            // Given a referral pending intake (ROI already signed where the site needs it)
            Referral pending = pendingIntake(desk, p, c.submission());
            if (p.intake().requiresRoi()) {
                pending = expect(desk.recordRoiSignature(pending.id(), CASE_MANAGER), "ROI");
            }
            clock.advance(Duration.ofMinutes(30));
            ReferralId id = pending.id();
            org.leaddiversion.domain.common.Actor herself = Fixtures.self(pending.submission().person().id());
            reads.pin(pending);
            int events = store.events().size();

            // When the intake and the withdrawal are recorded at the same moment, from the same version
            var go = new CountDownLatch(1);
            var intake = CompletableFuture.supplyAsync(after(go, () -> desk.completeIntake(id, CASE_MANAGER)), people);
            var withdrawal = CompletableFuture.supplyAsync(after(go, () -> desk.withdraw(id, herself, null)),
                    people);
            go.countDown();
            Outcome<Referral> i = intake.join();
            Outcome<Referral> w = withdrawal.join();

            // Then exactly one took effect; the other was refused as a concurrent update
            assertTrue(i.isSuccess() ^ w.isSuccess(), () -> "intake " + i.errors() + ", withdrawal " + w.errors());
            Outcome<Referral> winner = i.isSuccess() ? i : w;
            Outcome<Referral> loser = i.isSuccess() ? w : i;
            assertTrue(loser.hasError(ErrorCode.CONCURRENT_UPDATE), () -> loser.errors().toString());

            // and only the winner's state and events are stored
            Referral stored = referrals.find(id).orElseThrow();
            assertEquals(pending.version() + 1, stored.version());
            assertEquals(winner.events(), store.events().subList(events, store.events().size()));
            if (winner == i) {
                assertEquals(ReferralStatus.INTAKE_COMPLETED, stored.status());
                assertEquals(1, enrollments.all().size());
                assertTrue(stored.withdrawal().isEmpty());
            } else {
                assertEquals(ReferralStatus.WITHDRAWN, stored.status());
                assertTrue(enrollments.all().isEmpty(), "the losing intake left an enrollment behind");
                assertTrue(store.events().stream().noneMatch(e -> e instanceof EnrollmentEvent.EnrollmentStarted
                        || e instanceof ReferralEvent.IntakeCompleted));
                stored.divertedCase().ifPresent(held ->
                        assertEquals(DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, held.status()));
            }
            var record = new ProgrammeRecord(policies, referrals.all(), enrollments.all(),
                    store.events(), clock.instant());
            assertEquals(List.of(), RuleCatalogue.checkAll(record));
        });
    }

    @Test
    void two_referrals_of_one_person_completing_at_the_same_moment_end_in_one_enrollment() {
        qt().withExamples(100).forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            SitePolicy p = c.policy();
            Referral a = pendingIntake(desk, p, c.submission());
            Referral b = pendingIntake(desk, p, c.submission());
            if (p.intake().requiresRoi()) {
                expect(desk.recordRoiSignature(a.id(), CASE_MANAGER), "ROI");
                expect(desk.recordRoiSignature(b.id(), CASE_MANAGER), "ROI");
            }
            var go = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(after(go, () -> desk.completeIntake(a.id(), CASE_MANAGER)), people);
            var second = CompletableFuture.supplyAsync(after(go, () -> desk.completeIntake(b.id(), CASE_MANAGER)), people);
            go.countDown();
            expect(first.join(), "intake of the first referral");
            expect(second.join(), "intake of the second referral");
            assertEquals(1, programme.enrollments().all().size());
            assertEquals(2, programme.enrollments().all().get(0).referrals().size());
            assertEquals(List.of(), RuleCatalogue.checkAll(recordOf(programme, clock.instant())));
        });
    }

    private static <T> Supplier<T> after(CountDownLatch go, Supplier<T> work) {
        return () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return work.get();
        };
    }
}

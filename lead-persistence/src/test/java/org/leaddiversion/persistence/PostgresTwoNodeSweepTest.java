/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.fixtures.ProgrammeFixtures;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.intake.SweepReport;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * Two application nodes run the deadline sweep at the same moment on one PostgreSQL database: every lapsed referral
 * lapses once, its held charge is released exactly once, and one notification event exists per release (rule R20
 * on a real database). Each node has its own connection pool, as two servers would.
 */
@DisplayName("R20 and R26 on PostgreSQL: two nodes sweeping at once lapse each referral and mark each idle enrollment exactly once")
class PostgresTwoNodeSweepTest {

    @Test
    void two_nodes_sweeping_in_parallel_release_each_lapsed_charge_exactly_once() throws Exception {
        DatabaseSettings settings = TestDatabases.postgresSettings();
        var clock = new MutableClock(java.time.Instant.parse("2026-04-06T17:00:00Z"));
        try (LeadDatabase a = LeadDatabase.connect(settings); LeadDatabase b = LeadDatabase.connect(settings)) {
            a.sitePolicies(clock).put(Fixtures.seattle());
            ReferralDesk nodeA = desk(a, clock, 1);
            ReferralDesk nodeB = desk(b, clock, 2);
            SitePolicy policy = Fixtures.seattle().latest();

            // forty arrest diversions pending intake, all with the same deadline day
            int n = 40;
            List<ReferralId> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Referral r = ProgrammeFixtures.pendingIntake(nodeA, policy,
                        Fixtures.anArrestDiversion("person-" + i).build());
                pending.add(r.id());
            }
            Referral first = a.referrals().find(pending.get(0)).orElseThrow();
            clock.set(first.intakeDeadline().firstLateInstant().plus(Duration.ofMinutes(5)));

            // both nodes sweep at once, three times each
            Set<ReferralId> lapsed = new HashSet<>();
            int lapses = 0;
            for (SweepReport report : threeSweepsOnEach(nodeA, nodeB, ReferralDesk::sweepDeadlines)) {
                lapses += report.lapsed().size();
                lapsed.addAll(report.lapsed());
            }

            assertEquals(n, lapses, "each referral was lapsed by exactly one sweep of one node");
            assertEquals(Set.copyOf(pending), lapsed);
            for (ReferralId id : pending) {
                assertEquals(ReferralStatus.INTAKE_LAPSED, a.referrals().find(id).orElseThrow().status());
            }
            var releases = a.events().events().stream().filter(ReferralEvent.DivertedCaseReleased.class::isInstance)
                    .map(ReferralEvent.DivertedCaseReleased.class::cast).toList();
            assertEquals(n, releases.size(), "one release notice per lapsed charge");
            assertEquals(n, releases.stream().map(ReferralEvent.DivertedCaseReleased::referralId).distinct().count());
            assertTrue(nodeA.sweepDeadlines().lapsed().isEmpty() && nodeB.sweepDeadlines().lapsed().isEmpty(),
                    "a later sweep finds nothing left");
        }
    }

    @Test
    void two_nodes_sweeping_inactivity_in_parallel_mark_each_idle_enrollment_exactly_once() throws Exception {
        DatabaseSettings settings = TestDatabases.postgresSettings();
        var clock = new MutableClock(java.time.Instant.parse("2026-04-06T17:00:00Z"));
        try (LeadDatabase a = LeadDatabase.connect(settings); LeadDatabase b = LeadDatabase.connect(settings)) {
            a.sitePolicies(clock).put(Fixtures.seattle());
            ReferralDesk nodeA = desk(a, clock, 3);
            ReferralDesk nodeB = desk(b, clock, 4);
            SitePolicy policy = Fixtures.seattle().latest();

            // twenty people taken in today, none contacted again
            int n = 20;
            Set<EnrollmentId> enrolled = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Referral r = ProgrammeFixtures.pendingIntake(nodeA, policy,
                        Fixtures.anArrestDiversion("idle-" + i).build());
                ProgrammeFixtures.completeIntake(nodeA, policy, r.id());
                enrolled.add(a.referrals().find(r.id()).orElseThrow().enrollment().orElseThrow());
            }
            assertEquals(List.of(), nodeB.sweepInactivity(), "nobody is idle yet");
            clock.set(clock.instant().plus(Duration.ofDays(
                    policy.enrollment().inactivityThresholdDays() + 1L)));

            List<EnrollmentId> marked = new ArrayList<>();
            threeSweepsOnEach(nodeA, nodeB, ReferralDesk::sweepInactivity).forEach(marked::addAll);

            assertEquals(n, marked.size(), "each enrollment was marked by exactly one sweep of one node");
            assertEquals(enrolled, Set.copyOf(marked));
            for (EnrollmentId id : enrolled) {
                assertEquals(EnrollmentStatus.INACTIVE, a.enrollments().find(id).orElseThrow().status());
            }
            var inactive = a.events().events().stream()
                    .filter(EnrollmentEvent.ParticipantBecameInactive.class::isInstance)
                    .map(EnrollmentEvent.ParticipantBecameInactive.class::cast)
                    .filter(e -> enrolled.contains(e.enrollmentId())).toList();
            assertEquals(n, inactive.size(), "one event per enrollment");
            assertTrue(nodeA.sweepInactivity().isEmpty() && nodeB.sweepInactivity().isEmpty(),
                    "a later sweep finds nothing left");
        }
    }

    /** Both nodes sweep at once, three times each, released together; every sweep's result. */
    private static <T> List<T> threeSweepsOnEach(ReferralDesk a, ReferralDesk b, Function<ReferralDesk, T> sweep)
            throws Exception {
        var go = new CountDownLatch(1);
        List<CompletableFuture<List<T>>> nodes = new ArrayList<>();
        for (ReferralDesk node : List.of(a, b)) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                List<T> results = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    results.add(sweep.apply(node));
                }
                return results;
            }));
        }
        go.countDown();
        List<T> all = new ArrayList<>();
        for (var node : nodes) {
            all.addAll(node.get());
        }
        return all;
    }

    private static ReferralDesk desk(LeadDatabase db, MutableClock clock, long node) {
        return new ReferralDesk(clock, IdGenerator.sequential(node), db.sitePolicies(clock), db.referrals(),
                db.enrollments(), CaseloadCapacity.notTracked(), db.siteCaseloads(), db.postEnrollmentCases(),
                db.transactions());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Provenance;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyFile;
import org.leaddiversion.domain.policy.SitePolicyHistory;

/**
 * The behaviour every store of site policies must have (in-memory, H2, PostgreSQL): a history as read from its policy
 * file comes back equal, versions are appended only under the history's rules (numbered in order, never retroactive),
 * a stale or concurrent append of a version number already taken is a conflict, and a failed transaction appends
 * nothing.
 */
abstract class SitePoliciesContract {

    /** Today is 2026-03-02 in every site zone used here. */
    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");

    CaseStore store;

    abstract CaseStore open(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = open(new MutableClock(NOW));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The history as its policy file states it (a policy built in code gains the provenance of the keys written). */
    static SitePolicyHistory asRead(SitePolicyHistory h) {
        return SitePolicyFile.parse(h.siteId() + ".policy", SitePolicyFile.format(h));
    }

    /** The next version of the history, effective from {@code from}, with a longer consultation window. */
    static SitePolicy next(SitePolicyHistory h, LocalDate from, int consultationWindowDays) {
        SitePolicy latest = h.latest();
        SitePolicy next = latest.toBuilder().version(latest.version() + 1, from)
                .consultationWindowDays(consultationWindowDays).decision("PCG meeting " + consultationWindowDays)
                .build();
        var all = new ArrayList<>(h.versions());
        all.add(next);
        return asRead(new SitePolicyHistory(h.siteId(), h.zone(), all)).latest();
    }

    /** The same policy at another site. */
    static SitePolicy at(SiteId site, SitePolicy p) {
        return new SitePolicy(site, p.siteName(), p.zone(), p.version(), p.effectiveFrom(), p.decision(), p.doors(),
                p.officerTrainingRequired(), p.diversionWindows(), p.divertibleOffences(), p.drug(), p.salesPolicy(),
                p.minAge(), p.exclusions(), p.historyRules(), p.neverDisqualifying(), p.countAttempts(),
                p.overrideAuthority(), p.socialContact(), p.communityCriteria(), p.capacity(), p.catchment(),
                p.handoffTargetMinutes(), p.intake(), p.lapse(), p.enrollment(), p.caseload(), p.flex(),
                p.consultationWindowDays(), p.owg(), p.chargeRouting(), p.equity(), Map.copyOf(p.provenance()));
    }

    @Test
    void every_reference_profile_comes_back_equal_with_its_provenance() {
        for (SitePolicyHistory h : ReferenceProfiles.all()) {
            store.sitePolicies().put(h);
        }
        for (SitePolicyHistory h : ReferenceProfiles.all()) {
            assertEquals(Optional.of(h), store.sitePolicies().history(h.siteId()));
        }
        assertEquals(ReferenceProfiles.NAMES.stream().sorted().map(SiteId::new).toList(), store.sitePolicies().sites());
        assertEquals(Optional.empty(), store.sitePolicies().history(new SiteId("nowhere")));
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        assertEquals(seattle.inForceAt(NOW), store.sitePolicies().inForceAt(seattle.siteId(), NOW));
        assertEquals(seattle.version(1), store.sitePolicies().version(seattle.siteId(), 1));
        assertTrue(store.sitePolicies().history(seattle.siteId()).orElseThrow().latest().derivedKeys()
                .contains("minAge"));
    }

    @Test
    void any_generated_policy_comes_back_as_its_file_states_it() {
        var n = new AtomicInteger();
        qt().withExamples(40).forAll(LeadGenerators.sitePolicies()).checkAssert(p -> {
            SitePolicyHistory h = asRead(SitePolicyHistory.of(at(new SiteId("gen-" + n.incrementAndGet()), p)));
            store.sitePolicies().put(h);
            assertEquals(Optional.of(h), store.sitePolicies().history(h.siteId()));
        });
    }

    @Test
    void a_new_version_is_appended_and_every_earlier_version_is_kept() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        store.sitePolicies().put(seattle);
        SitePolicy v3 = next(seattle, LocalDate.of(2026, 3, 3), 21);
        SitePolicyHistory appended = store.sitePolicies().append(v3);
        assertEquals(v3, appended.latest());
        assertEquals(Optional.of(appended), store.sitePolicies().history(seattle.siteId()));
        assertEquals(seattle.versions(), appended.versions().subList(0, 2));
        assertEquals(Provenance.DERIVED, appended.latest().provenanceOf("minAge"));
        SitePolicy v4 = next(appended, LocalDate.of(2027, 1, 1), 28);
        assertEquals(List.of(1, 2, 3, 4), store.sitePolicies().append(v4).versions().stream()
                .map(SitePolicy::version).toList());
        assertEquals(28, store.sitePolicies().inForceAt(seattle.siteId(), Instant.parse("2027-01-02T12:00:00Z"))
                .orElseThrow().consultationWindowDays());
    }

    @Test
    void a_retroactive_version_is_refused_naming_the_field_and_nothing_is_stored() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        store.sitePolicies().put(seattle);
        for (LocalDate day : List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 1, 1))) {
            SitePolicy retroactive = next(seattle, day, 21);
            var refused = assertThrows(InvalidValueException.class, () -> store.sitePolicies().append(retroactive));
            assertEquals("effectiveFrom", refused.field());
            assertTrue(refused.getMessage().contains("future day"), refused.getMessage());
        }
        assertEquals(Optional.of(seattle), store.sitePolicies().history(seattle.siteId()));
    }

    @Test
    void a_version_number_already_taken_and_a_known_site_are_conflicts() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        store.sitePolicies().put(seattle);
        SitePolicy first = next(seattle, LocalDate.of(2026, 4, 1), 21);
        SitePolicy second = next(seattle, LocalDate.of(2026, 5, 1), 28);
        store.sitePolicies().append(first);
        var conflict = assertThrows(ConcurrentUpdateException.class, () -> store.sitePolicies().append(second));
        assertTrue(conflict.getMessage().contains("SitePolicy") && conflict.getMessage().contains(seattle.siteId().value())
                && conflict.getMessage().contains("expected version 2") && conflict.getMessage().contains("found 3"),
                conflict.getMessage());
        assertEquals(first, store.sitePolicies().history(seattle.siteId()).orElseThrow().latest());
        assertThrows(ConcurrentUpdateException.class, () -> store.sitePolicies().put(seattle));
    }

    @Test
    void concurrent_appends_of_the_same_version_one_wins_the_rest_conflict() throws Exception {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        store.sitePolicies().put(seattle);
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            var go = new CountDownLatch(1);
            var outcomes = new ArrayList<CompletableFuture<Optional<SitePolicy>>>();
            for (int i = 0; i < writers; i++) {
                SitePolicy candidate = next(seattle, LocalDate.of(2026, 4, 1 + i), 15 + i);
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        store.sitePolicies().append(candidate);
                        return Optional.of(candidate);
                    } catch (ConcurrentUpdateException e) {
                        return Optional.empty();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            go.countDown();
            var winners = new ArrayList<SitePolicy>();
            for (var o : outcomes) {
                o.get().ifPresent(winners::add);
            }
            assertEquals(1, winners.size(), "exactly one version 3 is stored");
            SitePolicyHistory stored = store.sitePolicies().history(seattle.siteId()).orElseThrow();
            assertEquals(3, stored.versions().size());
            assertEquals(winners.get(0), stored.latest());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_append_racing_an_uncommitted_append_of_the_same_version_is_a_conflict() throws Exception {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        store.sitePolicies().put(seattle);
        SitePolicy first = next(seattle, LocalDate.of(2026, 4, 1), 21);
        SitePolicy second = next(seattle, LocalDate.of(2026, 5, 1), 28);
        var appended = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the first writer appends version 3 and holds its transaction open
            var winner = CompletableFuture.runAsync(() -> store.transactions().inTransaction(() -> {
                store.sitePolicies().append(first);
                appended.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }), pool);
            appended.await();
            // the second writer read the same latest version and appends its own version 3
            var loser = CompletableFuture.supplyAsync(() -> {
                try {
                    store.sitePolicies().append(second);
                    return "stored";
                } catch (ConcurrentUpdateException e) {
                    return e.getMessage();
                }
            }, pool);
            Thread.sleep(300);
            commit.countDown();
            winner.get();
            String outcome = loser.get();
            assertTrue(outcome.contains("SitePolicy") && outcome.contains(seattle.siteId().value()), outcome);
            assertEquals(first, store.sitePolicies().history(seattle.siteId()).orElseThrow().latest());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failed_transaction_appends_nothing() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        store.sitePolicies().put(seattle);
        SitePolicy v3 = next(seattle, LocalDate.of(2026, 6, 1), 21);
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.sitePolicies().append(v3);
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(Optional.of(seattle), store.sitePolicies().history(seattle.siteId()));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.SitePolicyStore;

/**
 * Two nodes on one database: this node reads site policies through its {@link PolicyCache} (time to live 30 seconds,
 * on a ticker the test moves), the other writes straight to the store. What this node publishes it sees at once;
 * what the other publishes it sees once its cached entry has lived 30 seconds.
 */
@DisplayName("The site policy cache: another node's version is seen within the time to live, this node's at once")
class SitePolicyCacheTest {

    private static final SiteId WATAUGA = new SiteId("watauga-nc");
    private static final Duration TTL = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-03T14:00:00Z"));
    private LeadDatabase db;
    private SitePolicyStore otherNode;

    @BeforeEach
    void watauga_is_known() {
        db = LeadDatabase.h2InMemory("policy_cache_" + System.nanoTime());
        otherNode = db.sitePolicies(clock);
        otherNode.put(ReferenceProfiles.load("watauga-nc"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PolicyCache cache(Duration ttl) {
        return new PolicyCache(db.sitePolicies(clock), ttl, nanos::get);
    }

    private static SitePolicy next(SitePolicy latest, LocalDate from, int cap) {
        return latest.toBuilder().version(latest.version() + 1, from).caseload(new CaseloadPolicy(cap, cap - 3))
                .build();
    }

    private int versions(PolicyCache cache) {
        return cache.history(WATAUGA).orElseThrow().versions().size();
    }

    private void elapse(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void another_nodes_version_and_site_are_seen_once_the_entry_has_lived_its_time() {
        PolicyCache cache = cache(TTL);
        assertEquals(1, versions(cache));
        assertEquals(List.of(WATAUGA), cache.sites());

        otherNode.append(next(otherNode.history(WATAUGA).orElseThrow().latest(), LocalDate.of(2026, 6, 1), 15));
        otherNode.put(ReferenceProfiles.load("denver"));
        elapse(TTL.minusSeconds(1));
        assertEquals(1, versions(cache), "within the time to live this node still serves what it read");
        assertEquals(List.of(WATAUGA), cache.sites());

        elapse(Duration.ofSeconds(2));
        assertEquals(2, versions(cache));
        assertEquals(List.of(new SiteId("denver"), WATAUGA), cache.sites());
    }

    @Test
    void a_version_published_through_the_cache_is_seen_at_once_and_a_refused_one_drops_the_entry_too() {
        PolicyCache cache = cache(TTL);
        SitePolicy first = cache.history(WATAUGA).orElseThrow().latest();
        cache.append(next(first, LocalDate.of(2026, 6, 1), 15));
        assertEquals(2, versions(cache), "published here: seen at once");

        // the other node publishes version 3; this node, built from its version 2, races and loses
        SitePolicy second = cache.history(WATAUGA).orElseThrow().latest();
        otherNode.append(next(second, LocalDate.of(2026, 9, 1), 12));
        assertEquals(2, versions(cache));
        assertThrows(ConcurrentUpdateException.class, () -> cache.append(next(second, LocalDate.of(2026, 8, 1), 10)));
        assertEquals(3, versions(cache), "the refused write dropped the stale entry");
    }

    @Test
    void a_time_to_live_of_zero_reads_the_store_every_time() {
        PolicyCache cache = cache(Duration.ZERO);
        assertEquals(1, versions(cache));
        otherNode.append(next(otherNode.history(WATAUGA).orElseThrow().latest(), LocalDate.of(2026, 6, 1), 15));
        assertEquals(2, versions(cache));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;

/**
 * Two nodes on one database, each with its own pool and its own parsed-policy cache, as two servers would run: a
 * version published on either node is read by both at once, never a stale history, and a version written in a
 * transaction that rolled back is never served, even after another node publishes its own version with that number.
 */
abstract class SitePolicyNodesContract {

    static final Instant NOW = SitePoliciesContract.NOW;
    /** When the versions published here are in force. */
    static final Instant LATER = Instant.parse("2027-01-02T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private LeadDatabase a;
    private LeadDatabase b;

    /** Opens one more node on the test's database (the first call creates and migrates it). */
    abstract LeadDatabase node();

    @BeforeEach
    void openNodes() {
        a = node();
        b = node();
    }

    @AfterEach
    void closeNodes() {
        a.close();
        b.close();
    }

    @Test
    void a_history_read_twice_is_parsed_once() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        a.sitePolicies(clock).put(seattle);
        SitePolicyHistory first = a.sitePolicies(clock).history(seattle.siteId()).orElseThrow();
        assertEquals(seattle, first);
        assertSame(first, a.sitePolicies(clock).history(seattle.siteId()).orElseThrow());
    }

    @Test
    void a_version_published_on_one_node_is_read_at_once_on_both() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        a.sitePolicies(clock).put(seattle);
        // both nodes have read (and cached) the history of two versions
        assertEquals(Optional.of(seattle), a.sitePolicies(clock).history(seattle.siteId()));
        assertEquals(Optional.of(seattle), b.sitePolicies(clock).history(seattle.siteId()));

        SitePolicy v3 = SitePoliciesContract.next(seattle, LocalDate.of(2026, 3, 3), 21);
        SitePolicyHistory published = b.sitePolicies(clock).append(v3);
        assertEquals(Optional.of(published), a.sitePolicies(clock).history(seattle.siteId()));
        assertEquals(Optional.of(published), b.sitePolicies(clock).history(seattle.siteId()));
        assertEquals(21, a.sitePolicies(clock).inForceAt(seattle.siteId(), LATER).orElseThrow()
                .consultationWindowDays());

        SitePolicy v4 = SitePoliciesContract.next(published, LocalDate.of(2026, 12, 1), 28);
        a.sitePolicies(clock).append(v4);
        assertEquals(v4, b.sitePolicies(clock).history(seattle.siteId()).orElseThrow().latest());
        assertEquals(28, b.sitePolicies(clock).inForceAt(seattle.siteId(), LATER).orElseThrow()
                .consultationWindowDays());
    }

    @Test
    void a_version_rolled_back_is_never_served_after_another_node_publishes_its_number() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        a.sitePolicies(clock).put(seattle);
        SitePolicy abandoned = SitePoliciesContract.next(seattle, LocalDate.of(2026, 4, 1), 21);
        assertThrows(IllegalStateException.class, () -> a.transactions().inTransaction(() -> {
            a.sitePolicies(clock).append(abandoned);
            // the writing transaction reads its own version 3
            assertEquals(abandoned, a.sitePolicies(clock).history(seattle.siteId()).orElseThrow().latest());
            throw new IllegalStateException("the publication failed after writing");
        }));
        assertEquals(Optional.of(seattle), a.sitePolicies(clock).history(seattle.siteId()));

        SitePolicy published = SitePoliciesContract.next(seattle, LocalDate.of(2026, 5, 1), 28);
        b.sitePolicies(clock).append(published);
        // compared by the fields that differ, so that a failure says which version was served
        SitePolicy served = a.sitePolicies(clock).history(seattle.siteId()).orElseThrow().latest();
        assertEquals(LocalDate.of(2026, 5, 1), served.effectiveFrom());
        assertEquals(published, served);
        assertEquals(28, a.sitePolicies(clock).inForceAt(seattle.siteId(), LATER).orElseThrow()
                .consultationWindowDays());
    }

    @Test
    void a_transaction_runs_under_the_history_it_first_read_and_the_next_one_reads_the_version_published_meanwhile() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        a.sitePolicies(clock).put(seattle);
        SitePolicy published = SitePoliciesContract.next(seattle, LocalDate.of(2026, 4, 1), 21);
        SitePolicy stale = SitePoliciesContract.next(seattle, LocalDate.of(2026, 5, 1), 28);
        a.transactions().inTransaction(() -> {
            assertEquals(Optional.of(seattle), a.sitePolicies(clock).history(seattle.siteId()));
            b.transactions().inTransaction(() -> b.sitePolicies(clock).append(published));
            assertEquals(Optional.of(seattle), a.sitePolicies(clock).history(seattle.siteId()));
            // a version built from the history read before is checked against what is stored now
            assertThrows(ConcurrentUpdateException.class, () -> a.sitePolicies(clock).append(stale));
            return null;
        });
        assertEquals(published, a.sitePolicies(clock).history(seattle.siteId()).orElseThrow().latest());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.persistence.SitePolicyStore;

/**
 * The site policies as this node serves them: a bounded cache in front of the stored policies, by site. Policies are
 * reference data — the same for every viewer, never participant data, never a consent or disclosure decision — so
 * they are safe to share between requests. A version published through this cache is seen by this node at once (the
 * site's entry is dropped on every write, successful or not); one published through another node, or straight
 * through the {@link SitePolicyStore}, is seen here once the entry has lived for {@code lead.graphql.policy-cache-ttl}.
 * Since a new version only ever takes effect from a future day (rule R40), that delay never changes a screening.
 *
 * <p>It is the domain's {@link org.leaddiversion.domain.policy.SitePolicies} port, so any reader of policies can take
 * it; the desks of the persistence module keep reading the store itself, inside their transactions.
 */
final class PolicyCache implements SitePolicyStore {

    /** At most this many sites are cached; the least recently used leave first. */
    static final int MAX_SITES = 1_000;

    private static final String ALL_SITES = "sites";

    private final SitePolicyStore store;
    private final LoadingCache<SiteId, Optional<SitePolicyHistory>> histories;
    private final LoadingCache<String, List<SiteId>> sites;

    PolicyCache(SitePolicyStore store, Duration timeToLive, Ticker ticker) {
        this.store = store;
        this.histories = Caffeine.newBuilder().maximumSize(MAX_SITES).expireAfterWrite(timeToLive).ticker(ticker)
                .build(store::history);
        this.sites = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(timeToLive).ticker(ticker)
                .build(key -> store.sites());
    }

    @Override
    public Optional<SitePolicyHistory> history(SiteId site) {
        return histories.get(site);
    }

    @Override
    public List<SiteId> sites() {
        return sites.get(ALL_SITES);
    }

    /** Stores a new site's whole history through the store, then drops what this node cached of it. */
    @Override
    public void put(SitePolicyHistory history) {
        try {
            store.put(history);
        } finally {
            invalidate(history.siteId());
        }
    }

    /** Appends a site's next version through the store, then drops what this node cached of it. */
    @Override
    public SitePolicyHistory append(SitePolicy next) {
        try {
            return store.append(next);
        } finally {
            invalidate(next.siteId());
        }
    }

    /** The site's versions as stored now, bypassing the cache: what a write must be checked against. */
    Optional<SitePolicyHistory> stored(SiteId site) {
        return store.history(site);
    }

    private void invalidate(SiteId site) {
        histories.invalidate(site);
        sites.invalidate(ALL_SITES);
    }
}

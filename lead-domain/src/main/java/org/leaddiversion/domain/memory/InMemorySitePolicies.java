/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;

/**
 * In-memory {@link SitePolicies}: histories loaded whole, and new versions appended, never retroactively. Built on an
 * {@link InMemoryStore}, its writes take part in the store's transactions (a failed transaction undoes them).
 */
public final class InMemorySitePolicies implements SitePolicies {

    private final Map<SiteId, SitePolicyHistory> histories = new ConcurrentHashMap<>();
    private final Clock clock;
    private final InMemoryStore store;

    /** Policies outside any transaction (for tests and tools that only read them). */
    public InMemorySitePolicies(Clock clock) {
        this(clock, new InMemoryStore());
    }

    /** Policies whose writes take part in {@code store}'s transactions. */
    public InMemorySitePolicies(Clock clock, InMemoryStore store) {
        this.clock = clock;
        this.store = store;
    }

    /** Adds (or replaces) a whole site history, e.g. loaded from a policy file. */
    public InMemorySitePolicies put(SitePolicyHistory history) {
        replace(history.siteId(), history);
        return this;
    }

    /** Adds every history. */
    public InMemorySitePolicies putAll(List<SitePolicyHistory> all) {
        all.forEach(this::put);
        return this;
    }

    /** Appends a new version to a site's history; it cannot take effect before today (rule R40). */
    public SitePolicyHistory append(SitePolicy next) {
        return store.inTransaction(() -> {
            SitePolicyHistory h = histories.get(next.siteId());
            SitePolicyHistory appended = h == null ? SitePolicyHistory.of(next)
                    : h.append(next, LocalDate.ofInstant(clock.instant(), h.zone()));
            replace(next.siteId(), appended);
            return appended;
        });
    }

    private void replace(SiteId site, SitePolicyHistory history) {
        store.inTransaction(() -> {
            SitePolicyHistory before = histories.get(site);
            store.write(() -> histories.put(site, history), () -> {
                if (before == null) {
                    histories.remove(site);
                } else {
                    histories.put(site, before);
                }
            });
            return null;
        });
    }

    @Override
    public Optional<SitePolicyHistory> history(SiteId site) {
        return Optional.ofNullable(histories.get(site));
    }
}

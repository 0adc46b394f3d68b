/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.SiteCaseloads;
import org.leaddiversion.domain.policy.SiteId;

/** In-memory {@link SiteCaseloads} with optimistic locking per site. */
public final class InMemorySiteCaseloads implements SiteCaseloads {

    private final VersionedMap<SiteId, Caseloads> sites;

    public InMemorySiteCaseloads(InMemoryStore store) {
        this.sites = new VersionedMap<>(store, "Caseloads", Caseloads::version, 0);
    }

    @Override
    public Caseloads of(SiteId site) {
        return sites.find(site).orElse(Caseloads.empty());
    }

    @Override
    public void save(SiteId site, Caseloads caseloads, long expectedVersion, List<DomainEvent> events) {
        sites.save(site, caseloads, expectedVersion, events, c -> false);
    }

    @Override
    public Map<SiteId, Caseloads> all() {
        return sites.snapshot();
}
}

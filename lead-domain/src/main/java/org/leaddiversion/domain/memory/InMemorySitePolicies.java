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

/** In-memory {@link SitePolicies}: histories loaded whole, and new versions appended, never retroactively. */
public final class InMemorySitePolicies implements SitePolicies {

    private final Map<SiteId, SitePolicyHistory> histories = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySitePolicies(Clock clock) {
        this.clock = clock;
    }

    /** Adds (or replaces) a whole site history, e.g. loaded from a policy file. */
    public InMemorySitePolicies put(SitePolicyHistory history) {
        histories.put(history.siteId(), history);
        return this;
    }

    /** Adds every history. */
    public InMemorySitePolicies putAll(List<SitePolicyHistory> all) {
        all.forEach(this::put);
        return this;
    }

    /** Appends a new version to a site's history; it cannot take effect before today (rule R40). */
    public SitePolicyHistory append(SitePolicy next) {
        return histories.compute(next.siteId(), (id, h) -> {
            if (h == null) {
                return SitePolicyHistory.of(next);
            }
            return h.append(next, LocalDate.ofInstant(clock.instant(), h.zone()));
        });
    }

    @Override
    public Optional<SitePolicyHistory> history(SiteId site) {
        return Optional.ofNullable(histories.get(site));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicyHistory;

/**
 * The site policy histories this node has parsed, by site and latest version: a bounded map, least recently used
 * first out. A published version is never changed, so the versions 1…n of a site read the same on every node for
 * ever, and a history cached under (site, n) never goes stale: once version n + 1 is published — on this node or
 * another sharing the database — the store finds n + 1 as the site's latest and parses the new history. Only
 * committed versions are cached (see {@link JooqSitePolicies}).
 */
final class ParsedPolicies {

    /** At most this many histories are kept: a few per site is plenty, as only the newest is ever read. */
    static final int MAX_ENTRIES = 256;

    /** A site's history up to and including {@code latest}. */
    private record Key(SiteId site, int latest) {
    }

    private final Map<Key, SitePolicyHistory> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SitePolicyHistory> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The history of {@code site} whose latest version is {@code latest}, if this node parsed it. */
    synchronized Optional<SitePolicyHistory> get(SiteId site, int latest) {
        return Optional.ofNullable(parsed.get(new Key(site, latest)));
    }

    /** Remembers a history read from committed versions. */
    synchronized void put(SitePolicyHistory history) {
        parsed.put(new Key(history.siteId(), history.latest().version()), history);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.time.Instant;
import java.util.Optional;

/** Port: the site policies a programme runs under, by site. Implemented in memory or by a persistence adapter. */
public interface SitePolicies {

    /** Every version of a site's policy, if the site is known. */
    Optional<SitePolicyHistory> history(SiteId site);

    /** The version of a site's policy in force at an instant (rule R40). */
    default Optional<SitePolicy> inForceAt(SiteId site, Instant instant) {
        return history(site).flatMap(h -> h.inForceAt(instant));
    }

    /** A specific version. */
    default Optional<SitePolicy> version(SiteId site, int version) {
        return history(site).flatMap(h -> h.version(version));
    }
}

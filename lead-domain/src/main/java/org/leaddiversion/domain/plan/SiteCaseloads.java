/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.policy.SiteId;

/**
 * Port: the case-manager assignments of each site, one {@link Caseloads} aggregate per site. Assignments of one site
 * are written under one version, so two concurrent assignments can never together take a case manager over the cap
 * (rule R30): the second writer gets a conflict.
 */
public interface SiteCaseloads {

    /** The site's assignments; {@link Caseloads#empty()} when none were ever stored. */
    Caseloads of(SiteId site);

    /**
     * Stores the site's assignments with their events, if the stored version is still {@code expectedVersion}
     * (0 for a site without stored assignments).
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if someone else changed them first
     */
    void save(SiteId site, Caseloads caseloads, long expectedVersion, List<DomainEvent> events);

    /** Every site's assignments (for invariant checks over a programme's data). */
    Map<SiteId, Caseloads> all();
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.List;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;

/**
 * The site policies a programme runs under, stored: the domain's {@link SitePolicies} port plus the two ways a
 * history grows. A new site arrives whole (its policy file, past versions included); a known site only gains versions
 * at the end, under the rules of {@link SitePolicyHistory#append}: numbered one higher, and never retroactive (a new
 * version takes effect from a day after today in the site zone, rule R40). Each version is kept as its part of the
 * site's policy file (see {@link org.leaddiversion.domain.policy.SitePolicyFile#format}), so what is stored is the
 * text people edit. A history is read back as that text parses: a version built in code (which carries no provenance)
 * comes back with the keys written for it marked {@link org.leaddiversion.domain.policy.Provenance#SOURCED}.
 */
public interface SitePolicyStore extends SitePolicies {

    /**
     * Stores the whole history of a site not yet known.
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if the site already has a policy
     */
    void put(SitePolicyHistory history);

    /**
     * Appends the next version of a site's policy (a site not yet known starts with it as version 1) and returns the
     * history with it.
     *
     * @throws org.leaddiversion.domain.common.InvalidValueException naming the field when the version breaks the
     *         history's rules (e.g. {@code effectiveFrom} not after today)
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException when the version number is already taken,
     *         e.g. by a concurrent append built from the same latest version
     */
    SitePolicyHistory append(SitePolicy next);

    /** The sites with a stored policy, by id. */
    List<SiteId> sites();
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import org.leaddiversion.domain.common.Require;

/**
 * How a site's Operational Work Group meets (SPEC §7.4, §9.2).
 *
 * @param cadenceDays {@code owg.cadenceDays}: days between meetings; at least 1; default 14 (Santa Fe's every other
 *                    week [SF-PART])
 * @param scope       {@code owg.scope}: one OWG for the site, or one per precinct (Seattle [KC-LEGAL]); default SITE
 */
public record OwgPolicy(int cadenceDays, OwgScope scope) {

    /** The library default cadence: every other week. */
    public static final int DEFAULT_CADENCE_DAYS = 14;

    public OwgPolicy {
        Require.atLeast(cadenceDays, 1, "owg.cadenceDays");
        Require.present(scope, "owg.scope");
    }

    /** Every 14 days, one OWG for the whole site. */
    public static OwgPolicy defaults() {
        return new OwgPolicy(DEFAULT_CADENCE_DAYS, OwgScope.SITE);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.SiteId;

/**
 * What a report is about: one site and one period. Every process and equity measure counts only the referrals,
 * encounters, enrollments and costs of that site whose date falls in that period.
 *
 * @param site   the site
 * @param period the period, in the site's local dates
 */
public record ReportScope(SiteId site, ReportingPeriod period) {

    /** Validates both parts. */
    public ReportScope {
        Require.present(site, "scope.site");
        Require.present(period, "scope.period");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.time.LocalDate;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;

/**
 * The scope of a report or extract as a request names it — a site and a period of days, {@code from} and {@code to}
 * both included — checked and named by argument: the site must be known, the period must not run backwards.
 */
final class ReportInputs {

    /** Longest period a report or extract covers, in days (a decade). */
    static final long MAX_PERIOD_DAYS = 3_660;

    private ReportInputs() {
    }

    /** A checked scope and the site policy version whose equity settings apply to it. */
    record Scope(ReportScope scope, SitePolicy policy) {
    }

    /**
     * The scope of {@code site} from {@code from} to {@code to} (both included) in the site's zone, with the policy
     * version in force on the period's last day (the first version, for a period before the site's first).
     */
    static Scope scope(PolicyCache policies, String site, LocalDate from, LocalDate to) {
        String id = Commands.required(site, "site").trim();
        SiteId siteId;
        try {
            siteId = new SiteId(id);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("site", e.reason());
        }
        if (from == null) {
            throw new InvalidValueException("from", "is required");
        }
        if (to == null) {
            throw new InvalidValueException("to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", "must not be before from");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw new InvalidValueException("to", "a period covers at most " + MAX_PERIOD_DAYS + " days");
        }
        Optional<SitePolicyHistory> history = policies.history(siteId);
        if (history.isEmpty()) {
            throw new InvalidValueException("site", "is not a site of this programme");
        }
        SitePolicyHistory h = history.get();
        ReportingPeriod period = new ReportingPeriod(from, to.plusDays(1), h.zone());
        SitePolicy policy = h.inForceAt(to.atStartOfDay(h.zone()).toInstant()).orElse(h.versions().get(0));
        return new Scope(new ReportScope(siteId, period), policy);
    }
}

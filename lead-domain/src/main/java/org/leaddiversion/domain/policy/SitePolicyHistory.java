/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Every version of one site's policy, in order. Versions are numbered 1, 2, 3… with strictly increasing
 * effective dates; the version in force at an instant is the last one whose effective date (start of that local
 * day in the site zone) is not after it (rule R40).
 *
 * @param siteId   the site
 * @param zone     the site zone (the same for every version)
 * @param versions the versions, oldest first
 */
public record SitePolicyHistory(SiteId siteId, ZoneId zone, List<SitePolicy> versions) {

    public SitePolicyHistory {
        Require.present(siteId, "site.id");
        Require.present(zone, "site.zone");
        versions = List.copyOf(Require.noNulls(versions, "versions"));
        if (versions.isEmpty()) {
            throw new InvalidValueException("versions", "a site needs at least one policy version");
        }
        SitePolicy previous = null;
        for (SitePolicy v : versions) {
            if (!v.siteId().equals(siteId)) {
                throw new InvalidValueException("version " + v.version(), "belongs to another site");
            }
            if (!v.zone().equals(zone)) {
                throw new InvalidValueException("version " + v.version() + ".site.zone", "must not change between versions");
            }
            int expected = previous == null ? 1 : previous.version() + 1;
            if (v.version() != expected) {
                throw new InvalidValueException("version", "versions must be numbered 1, 2, 3… in order; expected "
                        + expected + " but found " + v.version());
            }
            if (previous != null && !v.effectiveFrom().isAfter(previous.effectiveFrom())) {
                throw new InvalidValueException("version " + v.version() + ".effectiveFrom",
                        "must be after the effective date of version " + previous.version());
            }
            previous = v;
        }
    }

    /** A history of a single version. */
    public static SitePolicyHistory of(SitePolicy first) {
        return new SitePolicyHistory(first.siteId(), first.zone(), List.of(first));
    }

    /** The version in force at this instant, if any version is. */
    public Optional<SitePolicy> inForceAt(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        SitePolicy found = null;
        for (SitePolicy v : versions) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            } else {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The version with this number. */
    public Optional<SitePolicy> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /** The newest version. */
    public SitePolicy latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * A new history with {@code next} appended. The next version must be numbered one higher, take effect after
     * the latest, and take effect after {@code today} (in the site zone): policy changes are never retroactive,
     * so past referrals keep the outcome of the version they were screened under.
     */
    public SitePolicyHistory append(SitePolicy next, LocalDate today) {
        if (!next.effectiveFrom().isAfter(today)) {
            throw new InvalidValueException("effectiveFrom",
                    "a new policy version takes effect from a future day: referrals made today keep today's version");
        }
        var all = new ArrayList<>(versions);
        all.add(next);
        return new SitePolicyHistory(siteId, zone, all);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.OwgPolicy;
import org.leaddiversion.domain.policy.SiteId;

/**
 * One OWG meeting of a site (SPEC §7.4), with its window resolved: "since the last meeting" means the half-open
 * interval {@code (previousAt, at]}; "before the next meeting" means before {@code nextAt}.
 *
 * <p>A site with {@code owg.scope = SITE} holds one meeting for the whole site (no precinct). A site with
 * {@code owg.scope = PRECINCT} (Seattle [KC-LEGAL]) holds one meeting per precinct, and that meeting covers only the
 * items located in its precinct (see {@link AgendaScope}).
 *
 * @param site       the site whose OWG meets
 * @param zone       the site's zone, for calendar days (court dates, intake deadline days)
 * @param at         the meeting instant
 * @param previousAt the previous meeting instant; before {@code at}
 * @param nextAt     the next meeting instant; after {@code at}
 * @param precinct   the precinct a precinct-based OWG meets for; empty for the whole site
 */
public record Meeting(SiteId site, ZoneId zone, Instant at, Instant previousAt, Instant nextAt,
                      Optional<AreaId> precinct) {

    /** Default cadence ({@code owg.cadenceDays}): every other week, as in Santa Fe. */
    public static final int DEFAULT_CADENCE_DAYS = OwgPolicy.DEFAULT_CADENCE_DAYS;

    public Meeting {
        Require.present(site, "meeting.site");
        Require.present(zone, "meeting.zone");
        Require.present(at, "meeting.at");
        Require.present(previousAt, "meeting.previousAt");
        Require.present(nextAt, "meeting.nextAt");
        Require.present(precinct, "meeting.precinct");
        if (!previousAt.isBefore(at)) {
            throw new InvalidValueException("meeting.previousAt", "must be before the meeting");
        }
        if (!nextAt.isAfter(at)) {
            throw new InvalidValueException("meeting.nextAt", "must be after the meeting");
        }
    }

    /** A meeting for the whole site. */
    public Meeting(SiteId site, ZoneId zone, Instant at, Instant previousAt, Instant nextAt) {
        this(site, zone, at, previousAt, nextAt, Optional.empty());
    }

    /**
     * A meeting for the whole site whose missing neighbours are derived from the cadence: previous = this − cadence,
     * next = this + cadence ({@code owg.cadenceDays}, default 14).
     */
    public static Meeting of(SiteId site, ZoneId zone, Instant at, Optional<Instant> previousAt,
                             Optional<Instant> nextAt, int cadenceDays) {
        return of(site, zone, at, previousAt, nextAt, cadenceDays, Optional.empty());
    }

    /**
     * A meeting for {@code precinct} (empty: the whole site) whose missing neighbours are derived from the cadence,
     * as in {@link #of(SiteId, ZoneId, Instant, Optional, Optional, int)}.
     */
    public static Meeting of(SiteId site, ZoneId zone, Instant at, Optional<Instant> previousAt,
                             Optional<Instant> nextAt, int cadenceDays, Optional<AreaId> precinct) {
        Require.present(at, "meeting.at");
        Require.present(previousAt, "meeting.previousAt");
        Require.present(nextAt, "meeting.nextAt");
        if (cadenceDays < 1) {
            throw new InvalidValueException("owg.cadenceDays", "must be at least 1");
        }
        Duration cadence = Duration.ofDays(cadenceDays);
        return new Meeting(site, zone, at, previousAt.orElse(at.minus(cadence)), nextAt.orElse(at.plus(cadence)),
                precinct);
    }

    /** Whether {@code t} is since the last meeting: after {@code previousAt}, not after {@code at}. */
    public boolean isSinceLast(Instant t) {
        return t.isAfter(previousAt) && !t.isAfter(at);
    }

    /**
     * Whether an item located in {@code area} belongs to this meeting: always for a whole-site meeting; for a
     * precinct meeting only when the area is that precinct (an item whose area is unknown belongs to no precinct).
     */
    public boolean covers(Optional<AreaId> area) {
        return precinct.isEmpty() || precinct.equals(area);
    }
}

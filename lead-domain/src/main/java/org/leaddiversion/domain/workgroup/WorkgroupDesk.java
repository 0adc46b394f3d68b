/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Consents;
import org.leaddiversion.domain.enrollment.Enrollments;
import org.leaddiversion.domain.intake.Referrals;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.OwgPolicy;
import org.leaddiversion.domain.policy.OwgScope;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.prosecution.PostEnrollmentCases;

/**
 * The Operational Work Group desk (SPEC §7.4, rule R38): builds a meeting's agenda from the programme's current data
 * and lists the reminders due now. Read-only: it changes nothing and stores nothing.
 */
public final class WorkgroupDesk {

    private final Clock clock;
    private final SitePolicies policies;
    private final Referrals referrals;
    private final Enrollments enrollments;
    private final PostEnrollmentCases cases;
    private final Consents consents;
    private final EventLog events;

    public WorkgroupDesk(Clock clock, SitePolicies policies, Referrals referrals, Enrollments enrollments,
                         PostEnrollmentCases cases, Consents consents, EventLog events) {
        this.clock = Require.present(clock, "clock");
        this.policies = Require.present(policies, "policies");
        this.referrals = Require.present(referrals, "referrals");
        this.enrollments = Require.present(enrollments, "enrollments");
        this.cases = Require.present(cases, "cases");
        this.consents = Require.present(consents, "consents");
        this.events = Require.present(events, "events");
    }

    /**
     * The agenda of the site-wide meeting at {@code at}, for a site with {@code owg.scope = SITE}. The previous and
     * next meetings default to {@code owg.cadenceDays} of the policy in force at {@code at} before and after it;
     * items flagged by members are listed as given (free text without personal data).
     *
     * @throws InvalidValueException on field {@code precinct} when the site holds precinct-based meetings
     */
    public Agenda agenda(SiteId site, Instant at, Optional<Instant> previousAt, Optional<Instant> nextAt,
                         List<String> flagged) {
        return meetingAgenda(site, Optional.empty(), at, previousAt, nextAt, flagged);
    }

    /**
     * The agenda of {@code precinct}'s meeting at {@code at}, for a site with {@code owg.scope = PRECINCT}: only
     * items located in that precinct are listed (see {@link AgendaScope}). Otherwise as
     * {@link #agenda(SiteId, Instant, Optional, Optional, List)}.
     *
     * @throws InvalidValueException on field {@code precinct} when the site holds one site-wide meeting
     */
    public Agenda agenda(SiteId site, AreaId precinct, Instant at, Optional<Instant> previousAt,
                         Optional<Instant> nextAt, List<String> flagged) {
        return meetingAgenda(site, Optional.of(Require.present(precinct, "precinct")), at, previousAt, nextAt,
                flagged);
    }

    private Agenda meetingAgenda(SiteId site, Optional<AreaId> precinct, Instant at, Optional<Instant> previousAt,
                                 Optional<Instant> nextAt, List<String> flagged) {
        Require.present(site, "site");
        Require.present(at, "meeting.at");
        SitePolicy policy = policies.inForceAt(site, at).orElseThrow(() ->
                new InvalidValueException("site", "no policy version of site " + site + " is in force at " + at));
        OwgPolicy owg = policy.owg();
        if (owg.scope() == OwgScope.PRECINCT && precinct.isEmpty()) {
            throw new InvalidValueException("precinct", "site " + site
                    + " holds precinct-based OWG meetings (owg.scope = PRECINCT); name the precinct of the meeting");
        }
        if (owg.scope() == OwgScope.SITE && precinct.isPresent()) {
            throw new InvalidValueException("precinct", "site " + site
                    + " holds one site-wide OWG meeting (owg.scope = SITE); a meeting has no precinct");
        }
        Meeting meeting = Meeting.of(site, policy.zone(), at, previousAt, nextAt, owg.cadenceDays(), precinct);
        return OwgAgenda.build(meeting, inputs(flagged));
    }

    /**
     * Reminders due now: intake deadlines and consultation windows ending within {@code horizon}. A pure read; the
     * host de-duplicates what it has already sent (see {@link Reminders}).
     */
    public List<WorkgroupEvent> reminders(Duration horizon) {
        return Reminders.due(clock.instant(), horizon, referrals.all(), cases.all());
    }

    /** The inputs of an agenda: the programme's data as it is now. */
    private OwgInputs inputs(List<String> flagged) {
        return OwgInputs.of(referrals.all(), enrollments.all(), cases.all(), consents.all(), events.events(),
                Require.noNulls(flagged, "flagged"));
    }
}

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
     * The agenda of the site's meeting at {@code at}. The previous and next meetings default to the site's cadence
     * before and after it; items flagged by members are listed as given (free text without personal data).
     */
    public Agenda agenda(SiteId site, Instant at, Optional<Instant> previousAt, Optional<Instant> nextAt,
                         List<String> flagged) {
        Require.present(site, "site");
        Require.present(at, "meeting.at");
        SitePolicy policy = policies.inForceAt(site, at).orElseThrow(() ->
                new InvalidValueException("site", "no policy version of site " + site + " is in force at " + at));
        Meeting meeting = Meeting.of(site, policy.zone(), at, previousAt, nextAt, cadenceDays(policy));
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

    private static int cadenceDays(SitePolicy policy) {
        return Meeting.DEFAULT_CADENCE_DAYS;
    }
}

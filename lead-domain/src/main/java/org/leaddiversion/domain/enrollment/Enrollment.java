/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * One participation episode of a person at a site. Immutable: each command returns a new version.
 *
 * <p>This part of the library covers the start of an enrollment at intake, attaching later referrals while it is
 * open (rule R23), voluntary withdrawal (rule R03), contacts and computed inactivity (T10, T11, rules R26, R32) and
 * closure with an allowed reason (T12, rules R24, R27). Nothing here ever touches a referral's held charge (R19).
 */
public final class Enrollment {

    /** Closure reason of a participant-initiated withdrawal. */
    public static final ClosureReason VOLUNTARY_WITHDRAWAL = ClosureReason.VOLUNTARY_WITHDRAWAL;

    /** Roles that record a participant's withdrawal: the participant, or staff on the participant's word. */
    public static final java.util.Set<Role> WITHDRAWAL_ROLES = java.util.EnumSet.of(
            Role.PARTICIPANT, Role.CASE_MANAGER,
            Role.OUTREACH_WORKER, Role.PROJECT_MANAGER);

    /** Roles that close an enrollment for a reason other than the participant's withdrawal (T12). */
    public static final java.util.Set<Role> CLOSURE_ROLES = java.util.EnumSet.of(Role.CASE_MANAGER, Role.PROJECT_MANAGER);

    /** Roles that record contacts (T11, rule R32). */
    public static final java.util.Set<Role> CONTACT_ROLES = java.util.EnumSet.of(Role.CASE_MANAGER,
            Role.OUTREACH_WORKER, Role.PROJECT_MANAGER);

    private final EnrollmentId id;
    private final long version;
    private final PersonId person;
    private final SiteId site;
    private final Instant startedAt;
    private final Instant lastEngagementAt;
    private final EnrollmentStatus status;
    private final List<ReferralId> referrals;
    private final List<EnrollmentId> priorEnrollments;
    private final Instant closedAt;
    private final ClosureReason closureReason;

    private Enrollment(EnrollmentId id, long version, PersonId person, SiteId site, Instant startedAt,
                       Instant lastEngagementAt, EnrollmentStatus status, List<ReferralId> referrals,
                       List<EnrollmentId> priorEnrollments, Instant closedAt, ClosureReason closureReason) {
        this.id = Require.present(id, "enrollmentId");
        this.version = version;
        this.person = Require.present(person, "person");
        this.site = Require.present(site, "site");
        this.startedAt = Require.present(startedAt, "startedAt");
        this.lastEngagementAt = Require.present(lastEngagementAt, "lastEngagementAt");
        this.status = Require.present(status, "status");
        this.referrals = List.copyOf(referrals);
        this.priorEnrollments = List.copyOf(priorEnrollments);
        this.closedAt = closedAt;
        this.closureReason = closureReason;
    }

    /** Starts an enrollment for the referral whose intake completed. */
    public static Outcome<Enrollment> start(EnrollmentId id, PersonId person, SiteId site, ReferralId referral,
                                            List<EnrollmentId> priorEnrollments, Instant now) {
        var e = new Enrollment(id, 0, person, site, now, now, EnrollmentStatus.ACTIVE, List.of(referral),
                priorEnrollments, null, null);
        return Outcome.success(e, List.of(new EnrollmentEvent.EnrollmentStarted(id, person, site, referral,
                priorEnrollments, now)));
    }

    /** Restores a stored enrollment whose last engagement is its start (for adapters). */
    public static Enrollment restore(EnrollmentId id, long version, PersonId person, SiteId site, Instant startedAt,
                                     EnrollmentStatus status, List<ReferralId> referrals,
                                     List<EnrollmentId> priorEnrollments, Optional<Instant> closedAt,
                                     Optional<ClosureReason> closureReason) {
        return restore(id, version, person, site, startedAt, startedAt, status, referrals, priorEnrollments, closedAt,
                closureReason);
    }

    /** Restores a stored enrollment (for adapters). */
    public static Enrollment restore(EnrollmentId id, long version, PersonId person, SiteId site, Instant startedAt,
                                     Instant lastEngagementAt, EnrollmentStatus status, List<ReferralId> referrals,
                                     List<EnrollmentId> priorEnrollments, Optional<Instant> closedAt,
                                     Optional<ClosureReason> closureReason) {
        return new Enrollment(id, version, person, site, startedAt, lastEngagementAt, status, referrals,
                priorEnrollments, closedAt.orElse(null), closureReason.orElse(null));
    }

    /** Attaches another referral of the same person while the enrollment is open (rule R23). */
    public Outcome<Enrollment> attach(ReferralId referral, Instant now) {
        if (!status.isOpen()) {
            return Outcome.rejected(ErrorCode.REFERRAL_NOT_PENDING, "enrollment", RuleId.R23,
                    "the enrollment is " + status + "; a referral can only attach to an open enrollment");
        }
        var all = new ArrayList<>(referrals);
        all.add(referral);
        var next = new Enrollment(id, version + 1, person, site, startedAt, lastEngagementAt, status, all,
                priorEnrollments, null, null);
        return Outcome.success(next, List.of(new EnrollmentEvent.ReferralAttached(id, referral, now)));
    }

    /**
     * The participant leaves (rule R03). Always succeeds while the enrollment is open, whatever the site policy;
     * it never touches a diverted case that was not filed (rule R19).
     */
    public Outcome<Enrollment> withdraw(Actor actor, Instant now) {
        Require.present(actor, "actor");
        if (!WITHDRAWAL_ROLES.contains(actor.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R03,
                    "a withdrawal is recorded by the participant or their case manager " + WITHDRAWAL_ROLES);
        }
        if (!person.mayBeActedForBy(actor)) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.id", RuleId.R03,
                    "a participant withdraws only herself; staff record a withdrawal on the participant's word");
        }
        if (!status.isOpen()) {
            return Outcome.rejected(ErrorCode.ENROLLMENT_CLOSED, "enrollment", RuleId.R03,
                    "the enrollment is already CLOSED");
        }
        return closed(VOLUNTARY_WITHDRAWAL, now);
    }

    /**
     * T12: closes the enrollment with a reason. A forbidden reason (use, relapse, non-compliance, new arrest...) is
     * rejected whatever the policy (rule R24); any other reason must be in {@code allowed}, the
     * {@code closure.allowedReasons} of the policy in force, except {@code VOLUNTARY_WITHDRAWAL}, which is always
     * allowed (rules R03, R27). {@code ADMINISTRATIVE_INACTIVITY} closes only an INACTIVE enrollment (rule R26).
     * Closure never touches a held charge (rule R19).
     */
    public Outcome<Enrollment> close(ClosureReason reason, Actor actor, Instant now,
                                     java.util.Set<ClosureReason> allowed) {
        Require.present(reason, "reason");
        Require.present(actor, "actor");
        Require.present(now, "now");
        Require.present(allowed, "allowed");
        if (reason.isForbidden()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN_CLOSURE_REASON, "reason", RuleId.R24,
                    reason + " is never a reason to close an enrollment: people cannot fail out of LEAD");
        }
        if (reason == VOLUNTARY_WITHDRAWAL) {
            return withdraw(actor, now);
        }
        if (!allowed.contains(reason)) {
            return Outcome.rejected(ErrorCode.FORBIDDEN_CLOSURE_REASON, "reason", RuleId.R27,
                    reason + " is not in the site's closure.allowedReasons");
        }
        if (!CLOSURE_ROLES.contains(actor.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R27,
                    "an enrollment is closed by " + CLOSURE_ROLES);
        }
        if (!status.isOpen()) {
            return Outcome.rejected(ErrorCode.ENROLLMENT_CLOSED, "enrollment", RuleId.R27,
                    "the enrollment is already CLOSED");
        }
        if (reason == ClosureReason.ADMINISTRATIVE_INACTIVITY && status != EnrollmentStatus.INACTIVE) {
            return Outcome.rejected(ErrorCode.REFERRAL_NOT_PENDING, "enrollment", RuleId.R26,
                    "only an INACTIVE enrollment can be closed for ADMINISTRATIVE_INACTIVITY; it is " + status);
        }
        return closed(reason, now);
    }

    private Outcome<Enrollment> closed(ClosureReason reason, Instant now) {
        var next = new Enrollment(id, version + 1, person, site, startedAt, lastEngagementAt, EnrollmentStatus.CLOSED,
                referrals, priorEnrollments, now, reason);
        return Outcome.success(next, List.of(new EnrollmentEvent.EnrollmentClosed(id, reason, now)));
    }

    /**
     * Records a contact that took place at {@code at} (rule R32): not in the future, not before the enrollment
     * started. A participant contact (anything but COLLATERAL) moves {@code lastEngagementAt} forward and makes an
     * INACTIVE enrollment ACTIVE again (T11, rule R26); a collateral contact changes neither.
     */
    public Outcome<Enrollment> recordContact(ContactType type, Instant at, Instant now) {
        Require.present(type, "type");
        Require.present(at, "at");
        Require.present(now, "now");
        if (at.isAfter(now)) {
            return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "at", RuleId.R32, "a contact cannot be in the future");
        }
        if (at.isBefore(startedAt)) {
            return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "at", RuleId.R32,
                    "a contact cannot precede the start of the enrollment");
        }
        if (!status.isOpen()) {
            return Outcome.rejected(ErrorCode.ENROLLMENT_CLOSED, "enrollment", RuleId.R32,
                    "the enrollment is CLOSED; contacts are recorded on open enrollments");
        }
        var events = new ArrayList<EnrollmentEvent>();
        events.add(new EnrollmentEvent.ContactRecorded(id, type, at, now));
        Instant last = lastEngagementAt;
        EnrollmentStatus next = status;
        if (type.isParticipantContact()) {
            if (at.isAfter(last)) {
                last = at;
            }
            if (status == EnrollmentStatus.INACTIVE) {
                next = EnrollmentStatus.ACTIVE;
                events.add(new EnrollmentEvent.ParticipantReengaged(id, at, now));
            }
        }
        return Outcome.success(new Enrollment(id, version + 1, person, site, startedAt, last, next, referrals,
                priorEnrollments, null, null), List.copyOf(events));
    }

    /** Whether an ACTIVE enrollment has had no participant contact for {@code thresholdDays} at {@code now}. */
    public boolean isInactivityDue(Instant now, int thresholdDays) {
        return status == EnrollmentStatus.ACTIVE
                && !now.isBefore(lastEngagementAt.plus(Duration.ofDays(thresholdDays)));
    }

    /**
     * T10: an ACTIVE enrollment without a participant contact for at least {@code thresholdDays} becomes INACTIVE
     * (rule R26). Otherwise rejected, nothing changes. Never closes the enrollment.
     */
    public Outcome<Enrollment> markInactiveIfDue(Instant now, int thresholdDays) {
        Require.present(now, "now");
        Require.atLeast(thresholdDays, 1, "inactivityThresholdDays");
        if (status != EnrollmentStatus.ACTIVE) {
            return Outcome.rejected(ErrorCode.REFERRAL_NOT_PENDING, "enrollment", RuleId.R26,
                    "the enrollment is " + status + "; only an ACTIVE one becomes INACTIVE");
        }
        if (!isInactivityDue(now, thresholdDays)) {
            return Outcome.rejected(ErrorCode.REFERRAL_NOT_PENDING, "enrollment", RuleId.R26,
                    "the last participant contact was less than " + thresholdDays + " days ago");
        }
        var next = new Enrollment(id, version + 1, person, site, startedAt, lastEngagementAt,
                EnrollmentStatus.INACTIVE, referrals, priorEnrollments, null, null);
        return Outcome.success(next, List.of(new EnrollmentEvent.ParticipantBecameInactive(id, lastEngagementAt,
                thresholdDays, now)));
    }

    public EnrollmentId id() {
        return id;
    }

    /** Optimistic-locking version: 0 for a new enrollment, +1 per change. */
    public long version() {
        return version;
    }

    public PersonId person() {
        return person;
    }

    public SiteId site() {
        return site;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public EnrollmentStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** The referrals that led to or were attached to this enrollment, oldest first. */
    public List<ReferralId> referrals() {
        return referrals;
    }

    /** Earlier, closed enrollments of the same person at the site (rule R28). */
    public List<EnrollmentId> priorEnrollments() {
        return priorEnrollments;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** The latest participant contact, or the start; collateral contacts do not count (rule R32). */
    public Instant lastEngagementAt() {
        return lastEngagementAt;
    }

    public Optional<ClosureReason> closureReason() {
        return Optional.ofNullable(closureReason);
    }
}

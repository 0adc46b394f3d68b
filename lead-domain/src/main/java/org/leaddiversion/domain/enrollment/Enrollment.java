package org.leaddiversion.domain.enrollment;

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
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * One participation episode of a person at a site. Immutable: each command returns a new version.
 *
 * <p>This part of the library covers the start of an enrollment at intake, attaching later referrals while it is
 * open (rule R23) and voluntary withdrawal (rule R03). Engagement status, plans and closure reasons build on it.
 */
public final class Enrollment {

    /** Closure reason of a participant-initiated withdrawal. */
    public static final String VOLUNTARY_WITHDRAWAL = "VOLUNTARY_WITHDRAWAL";

    /** Roles that record a participant's withdrawal: the participant, or staff on the participant's word. */
    public static final java.util.Set<Role> WITHDRAWAL_ROLES = java.util.EnumSet.of(
            Role.PARTICIPANT, Role.CASE_MANAGER,
            Role.OUTREACH_WORKER, Role.PROJECT_MANAGER);

    private final EnrollmentId id;
    private final long version;
    private final PersonId person;
    private final SiteId site;
    private final Instant startedAt;
    private final EnrollmentStatus status;
    private final List<ReferralId> referrals;
    private final List<EnrollmentId> priorEnrollments;
    private final Instant closedAt;
    private final String closureReason;

    private Enrollment(EnrollmentId id, long version, PersonId person, SiteId site, Instant startedAt,
                       EnrollmentStatus status, List<ReferralId> referrals, List<EnrollmentId> priorEnrollments,
                       Instant closedAt, String closureReason) {
        this.id = Require.present(id, "enrollmentId");
        this.version = version;
        this.person = Require.present(person, "person");
        this.site = Require.present(site, "site");
        this.startedAt = Require.present(startedAt, "startedAt");
        this.status = Require.present(status, "status");
        this.referrals = List.copyOf(referrals);
        this.priorEnrollments = List.copyOf(priorEnrollments);
        this.closedAt = closedAt;
        this.closureReason = closureReason;
    }

    /** Starts an enrollment for the referral whose intake completed. */
    public static Outcome<Enrollment> start(EnrollmentId id, PersonId person, SiteId site, ReferralId referral,
                                            List<EnrollmentId> priorEnrollments, Instant now) {
        var e = new Enrollment(id, 0, person, site, now, EnrollmentStatus.ACTIVE, List.of(referral), priorEnrollments,
                null, null);
        return Outcome.success(e, List.of(new EnrollmentEvent.EnrollmentStarted(id, person, site, referral,
                priorEnrollments, now)));
    }

    /** Restores a stored enrollment (for adapters). */
    public static Enrollment restore(EnrollmentId id, long version, PersonId person, SiteId site, Instant startedAt,
                                     EnrollmentStatus status, List<ReferralId> referrals,
                                     List<EnrollmentId> priorEnrollments, Optional<Instant> closedAt,
                                     Optional<String> closureReason) {
        return new Enrollment(id, version, person, site, startedAt, status, referrals, priorEnrollments,
                closedAt.orElse(null), closureReason.orElse(null));
    }

    /** Attaches another referral of the same person while the enrollment is open (rule R23). */
    public Outcome<Enrollment> attach(ReferralId referral, Instant now) {
        if (!status.isOpen()) {
            return Outcome.rejected(ErrorCode.REFERRAL_NOT_PENDING, "enrollment", RuleId.R23,
                    "the enrollment is " + status + "; a referral can only attach to an open enrollment");
        }
        var all = new ArrayList<>(referrals);
        all.add(referral);
        var next = new Enrollment(id, version + 1, person, site, startedAt, status, all, priorEnrollments, null, null);
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
        if (!status.isOpen()) {
            return Outcome.rejected(ErrorCode.REFERRAL_NOT_PENDING, "enrollment", RuleId.R03,
                    "the enrollment is already CLOSED");
        }
        var next = new Enrollment(id, version + 1, person, site, startedAt, EnrollmentStatus.CLOSED, referrals,
                priorEnrollments, now, VOLUNTARY_WITHDRAWAL);
        return Outcome.success(next, List.of(new EnrollmentEvent.EnrollmentClosed(id, VOLUNTARY_WITHDRAWAL, now)));
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

    public Optional<String> closureReason() {
        return Optional.ofNullable(closureReason);
    }
}

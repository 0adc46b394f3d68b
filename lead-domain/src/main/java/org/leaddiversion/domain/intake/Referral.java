/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.ReferralEvent.ConsentRecorded;
import org.leaddiversion.domain.intake.ReferralEvent.DivertedCaseHeld;
import org.leaddiversion.domain.intake.ReferralEvent.DivertedCaseNotFiled;
import org.leaddiversion.domain.intake.ReferralEvent.DivertedCaseReleased;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.screening.EligibilityResult;
import org.leaddiversion.domain.screening.ScreeningDecision;

/**
 * A referral through one door (SPEC §5.1) with its held charge (SPEC §5.6). Immutable: every command returns an
 * {@link Outcome} holding a new version of the referral and the events it produced, or a rejection naming the
 * code, field and rule. Commands receive the current instant and the referral's own policy version (the one in force
 * at {@code referredAt}, rule R40); {@link ReferralDesk} supplies both.
 *
 * <p>Guarantees, whatever the site configures: no acceptance without recorded consent (R01); a decline creates no
 * held charge (R02); withdrawal before intake always succeeds (R03); HARD findings are never overridden (R09);
 * intake after the deadline is refused (R20); a charge not filed stays not filed (R19); every event is dated between
 * {@code referredAt} and now (R29).
 */
public final class Referral {

    /** Roles that run intake: accept referrals and record intake assessments. */
    public static final Set<Role> INTAKE_ROLES = EnumSet.of(Role.CASE_MANAGER, Role.OUTREACH_WORKER, Role.PROJECT_MANAGER);
    private static final Set<Role> WITHDRAWAL_ROLES = EnumSet.of(Role.PARTICIPANT, Role.CASE_MANAGER,
            Role.OUTREACH_WORKER, Role.PROJECT_MANAGER);
    private static final Set<Role> PROSECUTION_ROLES = EnumSet.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR);
    /** Roles that make the offer and may witness the person's answer (consent or decline). */
    public static final Set<Role> OFFER_ROLES = EnumSet.of(Role.OFFICER, Role.SERGEANT, Role.CASE_MANAGER,
            Role.OUTREACH_WORKER, Role.PROJECT_MANAGER, Role.COMMUNITY_REFERRER, Role.PROSECUTOR, Role.LIAISON_PROSECUTOR);
    /** Roles that take part in the warm hand-off and may record it. */
    public static final Set<Role> HANDOFF_ROLES = EnumSet.of(Role.OFFICER, Role.SERGEANT, Role.CASE_MANAGER,
            Role.OUTREACH_WORKER, Role.PROJECT_MANAGER);

    /** The person's consent to LEAD, witnessed. */
    public record Consent(ActorId witness, Instant at) {
    }

    /** The warm hand-off: when the case manager was called and arrived. */
    public record Handoff(Instant calledAt, Instant arrivedAt, ActorId recordedBy) {
        /** Minutes from call to arrival. */
        public long minutes() {
            return Duration.between(calledAt, arrivedAt).toMinutes();
        }
    }

    /** A decision by an actor, with its reason where one is required. */
    public record Decision(ActorId by, Role role, String reason, Instant at) {
    }

    private final ReferralId id;
    private long version;
    private final ReferralSubmission submission;
    private final Instant referredAt;
    private final int policyVersion;
    private final ZoneId zone;
    private final ScreeningDecision screening;
    private final List<EnrollmentId> priorEnrollments;
    private ReferralStatus status;
    private IntakeDeadline deadline;
    private Consent consent;
    private Handoff handoff;
    private Decision approval;
    private Decision override;
    private Decision exclusionConfirmation;
    private List<Decision> authorityConfirmations = List.of();
    private Decision authorityRejection;
    private Decision withdrawal;
    private Decision extension;
    private Instant acceptedAt;
    private Instant assessmentAt;
    private Instant roiSignedAt;
    private Instant intakeCompletedAt;
    private Instant endedAt;
    private DivertedCase divertedCase;
    private EnrollmentId enrollment;

    private Referral(ReferralId id, ReferralSubmission submission, Instant referredAt, SitePolicy policy,
                     ScreeningDecision screening, List<EnrollmentId> priorEnrollments) {
        this(id, submission, referredAt, policy.version(), policy.zone(), screening, priorEnrollments);
    }

    private Referral(ReferralId id, ReferralSubmission submission, Instant referredAt, int policyVersion, ZoneId zone,
                     ScreeningDecision screening, List<EnrollmentId> priorEnrollments) {
        this.id = id;
        this.version = 0;
        this.submission = submission;
        this.referredAt = referredAt;
        this.policyVersion = policyVersion;
        this.zone = zone;
        this.screening = screening;
        this.priorEnrollments = List.copyOf(priorEnrollments);
    }

    private Referral(Referral r) {
        this.id = r.id;
        this.version = r.version + 1;
        this.submission = r.submission;
        this.referredAt = r.referredAt;
        this.policyVersion = r.policyVersion;
        this.zone = r.zone;
        this.screening = r.screening;
        this.priorEnrollments = r.priorEnrollments;
        this.status = r.status;
        this.deadline = r.deadline;
        this.consent = r.consent;
        this.handoff = r.handoff;
        this.approval = r.approval;
        this.override = r.override;
        this.exclusionConfirmation = r.exclusionConfirmation;
        this.authorityConfirmations = r.authorityConfirmations;
        this.authorityRejection = r.authorityRejection;
        this.withdrawal = r.withdrawal;
        this.extension = r.extension;
        this.acceptedAt = r.acceptedAt;
        this.assessmentAt = r.assessmentAt;
        this.roiSignedAt = r.roiSignedAt;
        this.intakeCompletedAt = r.intakeCompletedAt;
        this.endedAt = r.endedAt;
        this.divertedCase = r.divertedCase;
        this.enrollment = r.enrollment;
    }

    // ---- storage -------------------------------------------------------------------------------------------

    /**
     * Everything a referral is, as plain values: what an adapter stores and gives back to {@link #restore}. Absent
     * facts are empty optionals; {@code deadline} is empty for a referral that never had an intake clock.
     */
    public record State(ReferralId id, long version, ReferralSubmission submission, Instant referredAt,
                        int policyVersion, ZoneId zone, ScreeningDecision screening,
                        List<EnrollmentId> priorEnrollments, ReferralStatus status, Optional<IntakeDeadline> deadline,
                        Optional<Consent> consent, Optional<Handoff> handoff, Optional<Decision> approval,
                        Optional<Decision> override, Optional<Decision> exclusionConfirmation,
                        List<Decision> authorityConfirmations, Optional<Decision> authorityRejection,
                        Optional<Decision> withdrawal, Optional<Decision> extension, Optional<Instant> acceptedAt,
                        Optional<Instant> assessmentAt, Optional<Instant> roiSignedAt,
                        Optional<Instant> intakeCompletedAt, Optional<Instant> endedAt,
                        Optional<DivertedCase> divertedCase, Optional<EnrollmentId> enrollment) {
        public State {
            Require.present(id, "referral.id");
            Require.present(submission, "referral.submission");
            Require.present(referredAt, "referral.referredAt");
            Require.atLeast(policyVersion, 1, "referral.policyVersion");
            Require.present(zone, "referral.zone");
            Require.present(screening, "referral.screening");
            priorEnrollments = Require.immutableList(priorEnrollments, "referral.priorEnrollments");
            Require.present(status, "referral.status");
            for (Optional<?> o : java.util.Arrays.asList(deadline, consent, handoff, approval, override,
                    exclusionConfirmation, authorityRejection, withdrawal, extension, acceptedAt, assessmentAt,
                    roiSignedAt, intakeCompletedAt, endedAt, divertedCase, enrollment)) {
                Require.present(o, "referral.state");
            }
            authorityConfirmations = Require.immutableList(authorityConfirmations, "referral.authorityConfirmations");
            if (version < 0) {
                throw new org.leaddiversion.domain.common.InvalidValueException("referral.version",
                        "must not be negative");
            }
        }
    }

    /** This referral as plain values, for storage. */
    public State state() {
        return new State(id, version, submission, referredAt, policyVersion, zone, screening, priorEnrollments,
                status, Optional.ofNullable(deadline), Optional.ofNullable(consent), Optional.ofNullable(handoff),
                Optional.ofNullable(approval), Optional.ofNullable(override), Optional.ofNullable(exclusionConfirmation),
                authorityConfirmations, Optional.ofNullable(authorityRejection), Optional.ofNullable(withdrawal),
                Optional.ofNullable(extension), Optional.ofNullable(acceptedAt), Optional.ofNullable(assessmentAt),
                Optional.ofNullable(roiSignedAt), Optional.ofNullable(intakeCompletedAt), Optional.ofNullable(endedAt),
                Optional.ofNullable(divertedCase), Optional.ofNullable(enrollment));
    }

    /** The referral a stored {@link State} describes (for adapters); it behaves exactly as the one stored. */
    public static Referral restore(State s) {
        Require.present(s, "state");
        var r = new Referral(s.id(), s.submission(), s.referredAt(), s.policyVersion(), s.zone(), s.screening(),
                s.priorEnrollments());
        r.version = s.version();
        r.status = s.status();
        r.deadline = s.deadline().orElse(null);
        r.consent = s.consent().orElse(null);
        r.handoff = s.handoff().orElse(null);
        r.approval = s.approval().orElse(null);
        r.override = s.override().orElse(null);
        r.exclusionConfirmation = s.exclusionConfirmation().orElse(null);
        r.authorityConfirmations = s.authorityConfirmations();
        r.authorityRejection = s.authorityRejection().orElse(null);
        r.withdrawal = s.withdrawal().orElse(null);
        r.extension = s.extension().orElse(null);
        r.acceptedAt = s.acceptedAt().orElse(null);
        r.assessmentAt = s.assessmentAt().orElse(null);
        r.roiSignedAt = s.roiSignedAt().orElse(null);
        r.intakeCompletedAt = s.intakeCompletedAt().orElse(null);
        r.endedAt = s.endedAt().orElse(null);
        r.divertedCase = s.divertedCase().orElse(null);
        r.enrollment = s.enrollment().orElse(null);
        return r;
    }

    // ---- T1 + T3: submission and screening -----------------------------------------------------------------

    /**
     * Creates a referral from a submission screened against the policy in force at {@code now} (its
     * {@code referredAt}). A referral refused at the door (door disabled, referrer not allowed, precondition missing)
     * is not created: the outcome is a rejection with every reason. Otherwise the state follows the screening result
     * and the intake deadline is fixed once (rule R18).
     */
    public static Outcome<Referral> submit(ReferralId id, ReferralSubmission submission, Instant now, SitePolicy policy,
                                           ScreeningDecision decision, List<EnrollmentId> priorEnrollments) {
        Require.present(id, "referralId");
        Require.present(submission, "submission");
        Require.present(now, "now");
        Require.present(policy, "policy");
        Require.present(decision, "decision");
        if (!policy.siteId().equals(submission.site()) || decision.policyVersion() != policy.version()) {
            throw new InvalidValueException("policy", "the decision and the policy must be of the referral's site and version");
        }
        if (decision.refusedAtTheDoor()) {
            return Outcome.rejected(decision.rejections());
        }
        var r = new Referral(id, submission, now, policy, decision, priorEnrollments);
        r.deadline = IntakeDeadline.of(now, policy.zone(), policy.intake().deadlineDays());
        r.status = switch (decision.result()) {
            case ELIGIBLE -> ReferralStatus.SUBMITTED;
            case PRESUMPTIVELY_INELIGIBLE -> ReferralStatus.PRESUMPTIVELY_INELIGIBLE;
            case INELIGIBLE -> ReferralStatus.INELIGIBLE;
            case DEFERRED_CAPACITY -> ReferralStatus.DEFERRED_CAPACITY;
            case REJECTED -> ReferralStatus.REJECTED;
        };
        if (r.status.isTerminal()) {
            r.endedAt = now;
        }
        var events = new ArrayList<DomainEvent>();
        events.add(new ReferralEvent.ReferralSubmitted(id, submission.site(), submission.door(),
                submission.person().id(), policy.version(), r.deadline.date(), priorEnrollments, now));
        events.add(new ReferralEvent.ReferralScreened(id, decision.result(), decision.findings(), decision.notes(),
                decision.rejections(), policy.version(), now));
        if (submission.personConsents()) {
            r.consent = new Consent(submission.referrer().actor().id(), now);
            events.add(new ConsentRecorded(id, submission.referrer().actor().id(), now));
        }
        return Outcome.success(r, events);
    }

    // ---- consent, decline, hand-off, approval ----------------------------------------------------------------

    /** Records the person's consent to LEAD (rule R01). Idempotent once recorded. */
    public Outcome<Referral> recordConsent(Actor witness, Instant now) {
        Optional<DomainError> problem = open("consent", RuleId.R01, now, false);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (!OFFER_ROLES.contains(witness.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "witness.role", RuleId.R01,
                    "consent to LEAD is witnessed by " + OFFER_ROLES);
        }
        if (consent != null) {
            return Outcome.success(this, List.of());
        }
        Referral next = new Referral(this);
        next.consent = new Consent(witness.id(), now);
        return Outcome.success(next, List.of(new ConsentRecorded(id, witness.id(), now)));
    }

    /** T2: the person declines at the offer; ordinary processing, and no held charge ever exists (rule R02). */
    public Outcome<Referral> recordDecline(Actor recordedBy, Instant now) {
        Optional<DomainError> problem = open("status", RuleId.R02, now, false);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (status == ReferralStatus.PENDING_INTAKE) {
            return notPending("status", RuleId.R02, "the referral was already accepted; the person can withdraw instead");
        }
        if (!OFFER_ROLES.contains(recordedBy.role()) && recordedBy.role() != Role.PARTICIPANT) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R02,
                    "a decline is recorded by the person or by " + OFFER_ROLES);
        }
        Referral next = new Referral(this);
        next.status = ReferralStatus.DECLINED_BY_PERSON;
        next.endedAt = now;
        return Outcome.success(next, List.of(new ReferralEvent.ReferralDeclined(id, recordedBy.id(), now)));
    }

    /**
     * Records the warm hand-off. The site's target (30 minutes by default) is a KPI: a longer hand-off is recorded
     * with a {@link ErrorCode#HANDOFF_TARGET_MISSED} warning, never blocked.
     */
    public Outcome<Referral> recordHandoff(Actor recordedBy, Instant calledAt, Instant arrivedAt, Instant now,
                                           SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> problem = open("handoff", RuleId.R01, now, false);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (!HANDOFF_ROLES.contains(recordedBy.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R01,
                    "the warm hand-off is recorded by " + HANDOFF_ROLES);
        }
        Require.present(calledAt, "handoffCalledAt");
        Require.present(arrivedAt, "handoffArrivedAt");
        if (arrivedAt.isBefore(calledAt)) {
            return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "handoffArrivedAt", RuleId.R29,
                    "the case manager cannot arrive before being called");
        }
        if (arrivedAt.isAfter(now)) {
            return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "handoffArrivedAt", RuleId.R29,
                    "the hand-off cannot be in the future");
        }
        Referral next = new Referral(this);
        next.handoff = new Handoff(calledAt, arrivedAt, recordedBy.id());
        long minutes = next.handoff.minutes();
        boolean within = minutes <= policy.handoffTargetMinutes();
        var event = new ReferralEvent.HandoffCompleted(id, calledAt, arrivedAt, minutes, within, now);
        if (within) {
            return Outcome.success(next, List.of(event));
        }
        return Outcome.success(next, List.of(event), List.of(DomainError.of(ErrorCode.HANDOFF_TARGET_MISSED,
                "handoffArrivedAt", RuleId.R04, "the hand-off took " + minutes + " minutes; the site target is "
                        + policy.handoffTargetMinutes())));
    }

    /** Approves a submission through a door that needs approval; never by its submitter (rule R07). */
    public Outcome<Referral> approve(Actor approver, Instant now, SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> problem = open("status", RuleId.R07, now, false);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        DoorPolicy door = policy.door(submission.door()).orElseThrow();
        if (!door.needsApproval()) {
            return Outcome.rejected(ErrorCode.POLICY_FORBIDS, "door", RuleId.R07,
                    "the " + submission.door() + " door needs no approval at this site");
        }
        var errors = new ArrayList<DomainError>();
        if (approver.isSamePersonAs(submission.referrer().actor())) {
            errors.add(DomainError.of(ErrorCode.SUBMITTER_CANNOT_APPROVE, "approver", RuleId.R07,
                    "the person who submitted a referral cannot approve it"));
        }
        if (!door.approvalRoles().contains(approver.role())) {
            errors.add(DomainError.of(ErrorCode.NOT_AUTHORISED, "approver.role", RuleId.R07,
                    "only " + door.approvalRoles() + " may approve " + submission.door() + " referrals"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        Referral next = new Referral(this);
        next.approval = new Decision(approver.id(), approver.role(), "", now);
        return Outcome.success(next, List.of(new ReferralEvent.ReferralApproved(id, approver.id(), approver.role(), now)));
    }

    // ---- T4: overrides and confirmations of presumptive findings -------------------------------------------

    /**
     * T4: lifts PRESUMPTIVE findings (rule R09). Only an actor in the site's override authority, only with a
     * non-blank reason; HARD findings can never be overridden. If consent, hand-off and approval are already recorded
     * the referral is accepted at once (the override's actor must then be able to accept); otherwise it waits for
     * {@link #accept}.
     */
    public Outcome<Referral> override(Actor actor, String reason, Instant now, SitePolicy policy,
                                      DivertedCaseId caseId) {
        checkPolicy(policy);
        Optional<DomainError> problem = timeProblem(now);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (status == ReferralStatus.INELIGIBLE && screening.hasHardFinding()) {
            return Outcome.rejected(ErrorCode.HARD_EXCLUSION, "findings", RuleId.R09,
                    "a HARD exclusion can never be overridden");
        }
        if (status != ReferralStatus.PRESUMPTIVELY_INELIGIBLE) {
            return notPending("status", RuleId.R09, "only a PRESUMPTIVELY_INELIGIBLE referral can be overridden; it is "
                    + status);
        }
        var errors = authorityErrors(actor, reason, policy.overrideAuthority(), RuleId.R09);
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        Referral next = new Referral(this);
        next.status = ReferralStatus.SUBMITTED;
        next.override = new Decision(actor.id(), actor.role(), reason.strip(), now);
        DomainEvent overridden = new ReferralEvent.ExclusionOverridden(id, actor.id(), actor.role(), reason.strip(),
                screening.findings(), now);
        if (INTAKE_ROLES.contains(actor.role()) && next.acceptanceErrors(actor, now, policy, true).isEmpty()) {
            Outcome<Referral> accepted = next.doAccept(actor, now, policy, caseId);
            var events = new ArrayList<DomainEvent>();
            events.add(overridden);
            events.addAll(accepted.events());
            return Outcome.success(accepted.value().squash(version + 1), events);
        }
        return Outcome.success(next, List.of(overridden));
    }

    /** Confirms PRESUMPTIVE findings: the referral becomes INELIGIBLE (same authority and reason rules as override). */
    public Outcome<Referral> confirmExclusion(Actor actor, String reason, Instant now, SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> problem = timeProblem(now);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (status != ReferralStatus.PRESUMPTIVELY_INELIGIBLE) {
            return notPending("status", RuleId.R09, "only a PRESUMPTIVELY_INELIGIBLE referral can be confirmed; it is "
                    + status);
        }
        var errors = authorityErrors(actor, reason, policy.overrideAuthority(), RuleId.R09);
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        Referral next = new Referral(this);
        next.status = ReferralStatus.INELIGIBLE;
        next.endedAt = now;
        next.exclusionConfirmation = new Decision(actor.id(), actor.role(), reason.strip(), now);
        return Outcome.success(next, List.of(new ReferralEvent.ExclusionConfirmed(id, actor.id(), actor.role(),
                reason.strip(), now)));
    }

    // ---- T5: acceptance ------------------------------------------------------------------------------------

    /**
     * T5: accepts an eligible referral; the intake clock is running. Needs recorded consent dated no later than now
     * (rule R01), the hand-off for the arrest door, the approval where the door needs one, and a deadline not yet
     * passed. A referral queued for capacity is accepted only when {@code capacityAvailable}. An active confidential
     * informant is never accepted, even where the site's E16 criterion does not cover the door (rule R37).
     * Charge-holding doors create the held diverted case.
     */
    public Outcome<Referral> accept(Actor actor, Instant now, SitePolicy policy, DivertedCaseId caseId,
                                    boolean capacityAvailable) {
        checkPolicy(policy);
        Optional<DomainError> problem = timeProblem(now);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (status != ReferralStatus.SUBMITTED && status != ReferralStatus.DEFERRED_CAPACITY) {
            if (status == ReferralStatus.PRESUMPTIVELY_INELIGIBLE || status == ReferralStatus.INELIGIBLE) {
                return Outcome.rejected(ErrorCode.NOT_ELIGIBLE, "status", RuleId.R09,
                        "the referral is " + status + "; it cannot be accepted");
            }
            return notPending("status", RuleId.R01, "only a SUBMITTED or DEFERRED_CAPACITY referral can be accepted; it is "
                    + status);
        }
        var errors = acceptanceErrors(actor, now, policy, capacityAvailable);
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        return doAccept(actor, now, policy, caseId);
    }

    private List<DomainError> acceptanceErrors(Actor actor, Instant now, SitePolicy policy, boolean capacityAvailable) {
        var errors = new ArrayList<DomainError>();
        if (!deadline.isMetBy(now)) {
            errors.add(DomainError.of(ErrorCode.REFERRAL_LAPSED, "intakeDeadline", RuleId.R18,
                    "the intake deadline " + deadline.date() + " has passed"));
            return errors;
        }
        if (submission.person().activeConfidentialInformant()) {
            // rule R37 holds whatever the site configured for E16: never accepted, never held, never enrolled
            errors.add(DomainError.of(ErrorCode.INFORMANT_NOT_ENROLLABLE, "person.activeConfidentialInformant",
                    RuleId.R37, "an active confidential informant can never be accepted into LEAD"));
        }
        if (!INTAKE_ROLES.contains(actor.role())) {
            errors.add(DomainError.of(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R01,
                    "only " + INTAKE_ROLES + " accept referrals"));
        }
        if (status == ReferralStatus.DEFERRED_CAPACITY && !capacityAvailable) {
            errors.add(DomainError.of(ErrorCode.CAPACITY_EXHAUSTED, "capacity", RuleId.R17,
                    "the referral stays queued until capacity frees up"));
        }
        if (consent == null || consent.at().isAfter(now)) {
            errors.add(DomainError.of(ErrorCode.CONSENT_REQUIRED, "consent", RuleId.R01,
                    "the person's consent to LEAD must be recorded before acceptance"));
        }
        if (submission.door() == Door.ARREST_DIVERSION && handoff == null) {
            errors.add(DomainError.of(ErrorCode.HANDOFF_REQUIRED, "handoff", RuleId.R01,
                    "an arrest diversion is accepted after the warm hand-off to a case manager"));
        }
        if (policy.door(submission.door()).map(DoorPolicy::needsApproval).orElse(false) && approval == null) {
            errors.add(DomainError.of(ErrorCode.APPROVAL_REQUIRED, "approval", RuleId.R07,
                    "a " + submission.door() + " referral needs approval before acceptance"));
        }
        return errors;
    }

    private Outcome<Referral> doAccept(Actor actor, Instant now, SitePolicy policy, DivertedCaseId caseId) {
        Referral next = new Referral(this);
        next.status = ReferralStatus.PENDING_INTAKE;
        next.acceptedAt = now;
        var events = new ArrayList<DomainEvent>();
        events.add(new ReferralEvent.ReferralAccepted(id, actor.id(), now));
        if (submission.door().holdsCharge()) {
            Require.present(caseId, "divertedCaseId");
            Optional<String> office = reviewingOffice(policy);
            next.divertedCase = DivertedCase.held(caseId, submission.offences(), office, now);
            events.add(new DivertedCaseHeld(id, caseId, office, now));
        }
        return Outcome.success(next, events);
    }

    private Optional<String> reviewingOffice(SitePolicy policy) {
        OffenceLevel highest = null;
        for (Offence o : submission.offences()) {
            if (highest == null || o.level().compareTo(highest) > 0) {
                highest = o.level();
            }
        }
        return highest == null ? Optional.empty() : Optional.ofNullable(policy.chargeRouting().get(highest));
    }

    // ---- T8: the eligibility authority ---------------------------------------------------------------------

    /**
     * The door's eligibility authority confirms or rejects the referral. A rejection (with a reason) makes the
     * referral INELIGIBLE and releases a held charge for ordinary review even if intake was scheduled (rule R16).
     */
    public Outcome<Referral> decideEligibility(Actor actor, boolean confirm, String reason, Instant now,
                                               SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> problem = open("status", RuleId.R16, now, false);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        DoorPolicy door = policy.door(submission.door()).orElseThrow();
        if (door.authority() == EligibilityAuthority.OFFICER_ONLY) {
            return Outcome.rejected(ErrorCode.POLICY_FORBIDS, "door", RuleId.R16,
                    "the " + submission.door() + " door has no eligibility authority at this site");
        }
        if (!door.authorityRoles().contains(actor.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R16,
                    "only " + door.authorityRoles() + " decide eligibility for " + submission.door() + " referrals");
        }
        Referral next = new Referral(this);
        if (confirm) {
            var all = new ArrayList<>(authorityConfirmations);
            all.add(new Decision(actor.id(), actor.role(), reason == null ? "" : reason.strip(), now));
            next.authorityConfirmations = List.copyOf(all);
            return Outcome.success(next, List.of(new ReferralEvent.EligibilityConfirmed(id, actor.id(), actor.role(), now)));
        }
        if (reason == null || reason.isBlank()) {
            return Outcome.rejected(ErrorCode.REASON_REQUIRED, "reason", RuleId.R16,
                    "a rejection by the eligibility authority needs a written reason");
        }
        next.status = ReferralStatus.INELIGIBLE;
        next.endedAt = now;
        next.authorityRejection = new Decision(actor.id(), actor.role(), reason.strip(), now);
        var events = new ArrayList<DomainEvent>();
        events.add(new ReferralEvent.EligibilityRejectedByAuthority(id, actor.id(), actor.role(), reason.strip(), now));
        next.release(ReleaseReason.AUTHORITY_REJECTED, now, policy, events);
        return Outcome.success(next, events);
    }

    /** Whether the door's eligibility authority has confirmed (every authority role, for ALL_PARTNERS). */
    public boolean isConfirmedByAuthority(SitePolicy policy) {
        checkPolicy(policy);
        DoorPolicy door = policy.door(submission.door()).orElseThrow();
        if (door.authority() == EligibilityAuthority.OFFICER_ONLY) {
            return true;
        }
        if (door.authority() == EligibilityAuthority.ALL_PARTNERS) {
            return authorityConfirmations.stream().map(Decision::role).collect(java.util.stream.Collectors.toSet())
                    .containsAll(door.authorityRoles());
        }
        return !authorityConfirmations.isEmpty();
    }

    // ---- T6: intake ------------------------------------------------------------------------------------------

    /**
     * Records the full intake assessment. Intake completes now unless the site requires a signed ROI that is still
     * missing (rule R22): then the referral stays PENDING_INTAKE with a {@link ErrorCode#ROI_REQUIRED} warning and
     * completes when the ROI is signed. Refused after the deadline (rule R20) and for an active confidential informant
     * (rule R37). On completion a charge not filed stays so for good (rule R19).
     *
     * @param enrollment    the enrollment the referral joins on completion (new, or the person's open one, R23)
     * @param newEnrollment whether that enrollment is created by this intake
     */
    public Outcome<Referral> completeIntake(Actor actor, Instant now, SitePolicy policy, EnrollmentId enrollment,
                                            boolean newEnrollment) {
        checkPolicy(policy);
        var errors = intakeErrors(actor, now, RuleId.R20);
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        if (!INTAKE_ROLES.contains(actor.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R20,
                    "only " + INTAKE_ROLES + " record intake assessments");
        }
        Referral next = new Referral(this);
        next.assessmentAt = now;
        var events = new ArrayList<DomainEvent>();
        events.add(new ReferralEvent.IntakeAssessmentRecorded(id, actor.id(), now));
        if (policy.intake().requiresRoi() && roiSignedAt == null) {
            return Outcome.success(next, events, List.of(DomainError.of(ErrorCode.ROI_REQUIRED, "roiSignedAt", RuleId.R22,
                    "intake completes when the multi-party release of information is signed")));
        }
        next.complete(now, enrollment, newEnrollment, events);
        return Outcome.success(next, events);
    }

    /**
     * Records the signature of the multi-party ROI. If the assessment is already recorded and the referral is
     * pending intake, intake completes now: the completion time is the later of assessment and signature (R22).
     */
    public Outcome<Referral> recordRoiSignature(Actor witness, Instant now, SitePolicy policy, EnrollmentId enrollment,
                                                boolean newEnrollment) {
        checkPolicy(policy);
        var errors = status == ReferralStatus.PENDING_INTAKE ? intakeErrors(witness, now, RuleId.R22)
                : open("roiSignedAt", RuleId.R22, now, true).map(List::of).orElse(List.of());
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        Referral next = new Referral(this);
        next.roiSignedAt = now;
        var events = new ArrayList<DomainEvent>();
        events.add(new ReferralEvent.RoiSigned(id, witness.id(), now));
        if (status == ReferralStatus.PENDING_INTAKE && assessmentAt != null) {
            next.complete(now, enrollment, newEnrollment, events);
        }
        return Outcome.success(next, events);
    }

    private List<DomainError> intakeErrors(Actor actor, Instant now, RuleId rule) {
        Optional<DomainError> time = timeProblem(now);
        if (time.isPresent()) {
            return List.of(time.get());
        }
        if (status == ReferralStatus.INTAKE_LAPSED || (status == ReferralStatus.PENDING_INTAKE && !deadline.isMetBy(now))) {
            return List.of(DomainError.of(ErrorCode.REFERRAL_LAPSED, "intakeDeadline", RuleId.R20,
                    "the intake deadline " + deadline.date() + " has passed; intake can no longer complete"));
        }
        if (status != ReferralStatus.PENDING_INTAKE) {
            return List.of(DomainError.of(ErrorCode.REFERRAL_NOT_PENDING, "status", rule,
                    "intake needs a PENDING_INTAKE referral; it is " + status));
        }
        if (submission.person().activeConfidentialInformant()) {
            return List.of(DomainError.of(ErrorCode.INFORMANT_NOT_ENROLLABLE, "person.activeConfidentialInformant",
                    RuleId.R37, "an active confidential informant can never be enrolled"));
        }
        return List.of();
    }

    private void complete(Instant now, EnrollmentId enrollmentId, boolean newEnrollment, List<DomainEvent> events) {
        Require.present(enrollmentId, "enrollmentId");
        status = ReferralStatus.INTAKE_COMPLETED;
        intakeCompletedAt = now;
        endedAt = now;
        enrollment = enrollmentId;
        events.add(new ReferralEvent.IntakeCompleted(id, enrollmentId, newEnrollment, now));
        if (divertedCase != null && divertedCase.status() == DivertedCaseStatus.HELD) {
            divertedCase = divertedCase.notFiled(now);
            events.add(new DivertedCaseNotFiled(id, divertedCase.id(), now));
        }
    }

    // ---- T7: the deadline ------------------------------------------------------------------------------------

    /** Whether the deadline has passed at {@code now} while the referral is still open (a lapse is due). */
    public boolean isLapseDue(Instant now) {
        return !status.isTerminal() && !deadline.isMetBy(now);
    }

    /**
     * T7: the deadline passed without intake. The referral becomes INTAKE_LAPSED; a held charge is released for
     * ordinary review and its one notification goes to the site's lapse recipient (rule R20). For doors without a
     * held charge the lapse has no legal effect (rule R21). Refused when no lapse is due, so a repeated sweep never
     * releases twice.
     */
    public Outcome<Referral> lapse(Instant now, SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> time = timeProblem(now);
        if (time.isPresent()) {
            return Outcome.rejected(List.of(time.get()));
        }
        if (!isLapseDue(now)) {
            return notPending("status", RuleId.R20, status.isTerminal() ? "the referral is already " + status
                    : "the deadline " + deadline.date() + " has not passed");
        }
        Referral next = new Referral(this);
        next.status = ReferralStatus.INTAKE_LAPSED;
        next.endedAt = now;
        var events = new ArrayList<DomainEvent>();
        events.add(new ReferralEvent.IntakeLapsed(id, deadline.date(), now));
        next.release(ReleaseReason.INTAKE_LAPSED, now, policy, events);
        return Outcome.success(next, events);
    }

    /** Extends the deadline with a reason, where the site allows extensions (SPEC §3.5). */
    public Outcome<Referral> extendDeadline(Actor actor, LocalDate newDeadline, String reason, Instant now,
                                            SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> problem = open("intakeDeadline", RuleId.R18, now, false);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (!policy.intake().extensionsAllowed()) {
            return Outcome.rejected(ErrorCode.EXTENSIONS_DISABLED, "intakeDeadline", RuleId.R18,
                    "this site does not allow intake-deadline extensions");
        }
        var errors = authorityErrors(actor, reason, policy.intake().extensionAuthority(), RuleId.R18);
        Require.present(newDeadline, "intakeDeadline");
        if (!deadline.isMetBy(now)) {
            errors.add(DomainError.of(ErrorCode.REFERRAL_LAPSED, "intakeDeadline", RuleId.R18,
                    "the deadline " + deadline.date() + " has already passed"));
        }
        if (!newDeadline.isAfter(deadline.date())) {
            errors.add(DomainError.of(ErrorCode.INVALID_TIMESTAMP, "intakeDeadline", RuleId.R18,
                    "an extension must move the deadline later than " + deadline.date()));
        }
        if (policy.intake().statutoryMaxDays().isPresent()) {
            LocalDate max = LocalDate.ofInstant(referredAt, zone).plusDays(policy.intake().statutoryMaxDays().getAsInt());
            if (newDeadline.isAfter(max)) {
                errors.add(DomainError.of(ErrorCode.DEADLINE_EXCEEDS_STATUTORY_MAX, "intakeDeadline", RuleId.R18,
                        "the statutory maximum allows no deadline after " + max));
            }
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        Referral next = new Referral(this);
        next.deadline = new IntakeDeadline(newDeadline, zone);
        next.extension = new Decision(actor.id(), actor.role(), reason.strip(), now);
        return Outcome.success(next, List.of(new ReferralEvent.IntakeDeadlineExtended(id, deadline.date(), newDeadline,
                actor.id(), reason.strip(), now)));
    }

    // ---- T9: withdrawal --------------------------------------------------------------------------------------

    /**
     * T9: the person (or their case manager, or the referrer, on their behalf) withdraws before intake. Always
     * possible from an open referral (rule R03); a held charge is released for ordinary review.
     */
    public Outcome<Referral> withdraw(Actor actor, String reason, Instant now, SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> problem = open("status", RuleId.R03, now, true);
        if (problem.isPresent()) {
            return Outcome.rejected(List.of(problem.get()));
        }
        if (!WITHDRAWAL_ROLES.contains(actor.role()) && !actor.isSamePersonAs(submission.referrer().actor())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R03,
                    "a withdrawal is recorded by the person, their case manager or the referrer");
        }
        if (!submission.person().id().mayBeActedForBy(actor)) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.id", RuleId.R03,
                    "a participant withdraws only herself; staff record a withdrawal on the person's word");
        }
        String why = reason == null || reason.isBlank() ? "participant's choice" : reason.strip();
        Referral next = new Referral(this);
        next.status = ReferralStatus.WITHDRAWN;
        next.endedAt = now;
        next.withdrawal = new Decision(actor.id(), actor.role(), why, now);
        var events = new ArrayList<DomainEvent>();
        events.add(new ReferralEvent.ReferralWithdrawn(id, actor.id(), actor.role(), why, now));
        next.release(ReleaseReason.WITHDRAWN_BEFORE_INTAKE, now, policy, events);
        return Outcome.success(next, events);
    }

    // ---- the held charge after LEAD -------------------------------------------------------------------------

    /** The prosecutor records the outcome of the ordinary review of a released case (for evaluation). */
    public Outcome<Referral> recordOrdinaryReview(Actor actor, DivertedCaseStatus outcome, Instant now) {
        Optional<DomainError> time = timeProblem(now);
        if (time.isPresent()) {
            return Outcome.rejected(List.of(time.get()));
        }
        if (outcome != DivertedCaseStatus.FILED && outcome != DivertedCaseStatus.DECLINED) {
            throw new InvalidValueException("outcome", "must be FILED or DECLINED");
        }
        if (!PROSECUTION_ROLES.contains(actor.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R19,
                    "only prosecutors record the outcome of an ordinary review");
        }
        if (divertedCase == null || divertedCase.status() != DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW) {
            return notPending("divertedCase.status", RuleId.R19,
                    "only a case RELEASED_FOR_ORDINARY_REVIEW has an ordinary review to record");
        }
        Referral next = new Referral(this);
        next.divertedCase = divertedCase.reviewed(outcome);
        return Outcome.success(next, List.of(new ReferralEvent.OrdinaryReviewRecorded(id, divertedCase.id(), outcome,
                actor.id(), now)));
    }

    /**
     * Fidelity variant only (SPEC §3.6): releases a NOT_FILED case for later non-engagement. Refused unless the site
     * enabled {@code lapse.releaseOnLaterNonEngagement} with a fidelity warning; by default NOT_FILED is absorbing (R19).
     */
    public Outcome<Referral> releaseForLaterNonEngagement(Actor actor, String reason, Instant now, SitePolicy policy) {
        checkPolicy(policy);
        Optional<DomainError> time = timeProblem(now);
        if (time.isPresent()) {
            return Outcome.rejected(List.of(time.get()));
        }
        if (!policy.lapse().releaseOnLaterNonEngagement()) {
            return Outcome.rejected(ErrorCode.POLICY_FORBIDS, "divertedCase.status", RuleId.R19,
                    "a charge not filed after timely intake is never released at this site");
        }
        var errors = authorityErrors(actor, reason, PROSECUTION_ROLES, RuleId.R19);
        if (divertedCase == null || divertedCase.status() != DivertedCaseStatus.NOT_FILED) {
            errors.add(DomainError.of(ErrorCode.REFERRAL_NOT_PENDING, "divertedCase.status", RuleId.R19,
                    "only a NOT_FILED case can be released under this variant"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        Referral next = new Referral(this);
        var events = new ArrayList<DomainEvent>();
        next.divertedCase = divertedCase.released(ReleaseReason.LATER_NON_ENGAGEMENT, policy.lapse().recipient(), now);
        events.add(new DivertedCaseReleased(id, divertedCase.id(), ReleaseReason.LATER_NON_ENGAGEMENT,
                policy.lapse().recipient(), divertedCase.reviewingOffice(), now));
        return Outcome.success(next, events);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void release(ReleaseReason reason, Instant now, SitePolicy policy, List<DomainEvent> events) {
        if (divertedCase != null && divertedCase.status() == DivertedCaseStatus.HELD) {
            divertedCase = divertedCase.released(reason, policy.lapse().recipient(), now);
            events.add(new DivertedCaseReleased(id, divertedCase.id(), reason, policy.lapse().recipient(),
                    divertedCase.reviewingOffice(), now));
        }
    }

    private List<DomainError> authorityErrors(Actor actor, String reason, Set<Role> roles, RuleId rule) {
        var errors = new ArrayList<DomainError>();
        if (!roles.contains(actor.role())) {
            errors.add(DomainError.of(ErrorCode.NOT_AUTHORISED, "actor.role", rule,
                    "only " + roles + " may do this at this site"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(DomainError.of(ErrorCode.REASON_REQUIRED, "reason", rule, "a written reason is required"));
        }
        return errors;
    }

    /** Problems with a command on an open (non-terminal) referral at {@code now}. */
    private Optional<DomainError> open(String field, RuleId rule, Instant now, boolean allowPending) {
        Optional<DomainError> time = timeProblem(now);
        if (time.isPresent()) {
            return time;
        }
        if (status.isTerminal()) {
            ErrorCode code = status == ReferralStatus.INTAKE_LAPSED ? ErrorCode.REFERRAL_LAPSED : ErrorCode.REFERRAL_NOT_PENDING;
            return Optional.of(DomainError.of(code, field, rule, "the referral is " + status + "; nothing more can change"));
        }
        if (!allowPending && status == ReferralStatus.PENDING_INTAKE && !deadline.isMetBy(now)) {
            return Optional.of(DomainError.of(ErrorCode.REFERRAL_LAPSED, field, RuleId.R20,
                    "the intake deadline " + deadline.date() + " has passed"));
        }
        return Optional.empty();
    }

    private Optional<DomainError> timeProblem(Instant now) {
        Require.present(now, "now");
        if (now.isBefore(referredAt)) {
            return Optional.of(DomainError.of(ErrorCode.INVALID_TIMESTAMP, "now", RuleId.R29,
                    "an event cannot be dated before the referral"));
        }
        return Optional.empty();
    }

    private static <T> Outcome<T> notPending(String field, RuleId rule, String message) {
        return Outcome.rejected(ErrorCode.REFERRAL_NOT_PENDING, field, rule, message);
    }

    private void checkPolicy(SitePolicy policy) {
        Require.present(policy, "policy");
        if (!policy.siteId().equals(submission.site()) || policy.version() != policyVersion) {
            throw new InvalidValueException("policy", "commands on a referral use the policy version it was screened "
                    + "under (version " + policyVersion + ")");
        }
    }

    private Referral squash(long newVersion) {
        this.version = newVersion;
        return this;
    }

    // ---- state -----------------------------------------------------------------------------------------------

    public ReferralId id() {
        return id;
    }

    /** Optimistic-locking version: 0 when created, +1 per successful command. */
    public long version() {
        return version;
    }

    public ReferralSubmission submission() {
        return submission;
    }

    public Door door() {
        return submission.door();
    }

    public Instant referredAt() {
        return referredAt;
    }

    /** The policy version the referral was screened and timed under (rule R40). */
    public int policyVersion() {
        return policyVersion;
    }

    public ZoneId zone() {
        return zone;
    }

    public ReferralStatus status() {
        return status;
    }

    public ScreeningDecision screening() {
        return screening;
    }

    /** Whether the referral is eligible now: screened eligible, or its presumptive findings were overridden. */
    public boolean isEligible() {
        return screening.result() == EligibilityResult.ELIGIBLE || screening.result() == EligibilityResult.DEFERRED_CAPACITY
                || override != null;
    }

    public IntakeDeadline intakeDeadline() {
        return deadline;
    }

    public List<EnrollmentId> priorEnrollments() {
        return priorEnrollments;
    }

    public Optional<Consent> consent() {
        return Optional.ofNullable(consent);
    }

    public Optional<Handoff> handoff() {
        return Optional.ofNullable(handoff);
    }

    public Optional<Decision> approval() {
        return Optional.ofNullable(approval);
    }

    public Optional<Decision> override() {
        return Optional.ofNullable(override);
    }

    public Optional<Decision> exclusionConfirmation() {
        return Optional.ofNullable(exclusionConfirmation);
    }

    public List<Decision> authorityConfirmations() {
        return authorityConfirmations;
    }

    public Optional<Decision> authorityRejection() {
        return Optional.ofNullable(authorityRejection);
    }

    public Optional<Decision> withdrawal() {
        return Optional.ofNullable(withdrawal);
    }

    public Optional<Decision> extension() {
        return Optional.ofNullable(extension);
    }

    public Optional<Instant> acceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }

    public Optional<Instant> assessmentAt() {
        return Optional.ofNullable(assessmentAt);
    }

    public Optional<Instant> roiSignedAt() {
        return Optional.ofNullable(roiSignedAt);
    }

    public Optional<Instant> intakeCompletedAt() {
        return Optional.ofNullable(intakeCompletedAt);
    }

    /** When the referral reached a terminal state. */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<DivertedCase> divertedCase() {
        return Optional.ofNullable(divertedCase);
    }

    /** The enrollment the completed intake created or joined. */
    public Optional<EnrollmentId> enrollment() {
        return Optional.ofNullable(enrollment);
    }
}

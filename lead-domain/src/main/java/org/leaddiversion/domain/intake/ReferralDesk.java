/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.Enrollments;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.SiteCaseloads;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.PostEnrollmentCases;
import org.leaddiversion.domain.referral.CourtOrder;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.screening.CapacityFigures;
import org.leaddiversion.domain.screening.EligibilityScreening;
import org.leaddiversion.domain.screening.ScreeningContext;
import org.leaddiversion.domain.screening.ScreeningDecision;

/**
 * The referral desk: runs every referral command against the ports, with time from the injected {@link Clock} and
 * ids from the injected {@link IdGenerator}. Each command loads the referral, applies it under the policy version
 * the referral was screened with (rule R40), and stores the new version with its events in one transaction. A stale
 * write is reported as a {@link ErrorCode#CONCURRENT_UPDATE} rejection and nothing of it is stored.
 *
 * <p>Enrollment commands (contacts, closure, the inactivity sweep) run the same way under the enrollment policy of the
 * site policy version in force at the moment of the command: the threshold and the allowed closure reasons a site
 * adopts apply to every open enrollment from the version's effective date.
 */
public final class ReferralDesk {

    private final Clock clock;
    private final IdGenerator ids;
    private final SitePolicies policies;
    private final Referrals referrals;
    private final Enrollments enrollments;
    private final CaseloadCapacity capacity;
    private final SiteCaseloads caseloads;
    private final PostEnrollmentCases cases;
    private final Transactions transactions;
    private final Map<String, EligibilityScreening> screenings = new ConcurrentHashMap<>();

    /**
     * A desk over the given ports. {@code caseloads} is where a closed enrollment leaves its case manager's caseload;
     * {@code cases} is where a participant's arrest that is not diverted goes for coordination (rule R23).
     */
    public ReferralDesk(Clock clock, IdGenerator ids, SitePolicies policies, Referrals referrals,
                        Enrollments enrollments, CaseloadCapacity capacity, SiteCaseloads caseloads,
                        PostEnrollmentCases cases, Transactions transactions) {
        this.clock = Require.present(clock, "clock");
        this.ids = Require.present(ids, "ids");
        this.policies = Require.present(policies, "policies");
        this.referrals = Require.present(referrals, "referrals");
        this.enrollments = Require.present(enrollments, "enrollments");
        this.capacity = Require.present(capacity, "capacity");
        this.caseloads = Require.present(caseloads, "caseloads");
        this.cases = Require.present(cases, "cases");
        this.transactions = Require.present(transactions, "transactions");
    }

    /** The screening of a policy version, compiled once. */
    private EligibilityScreening screeningFor(SitePolicy policy) {
        return screenings.computeIfAbsent(policy.siteId() + "#" + policy.version(), k -> EligibilityScreening.of(policy));
    }

    /**
     * T1 + T3: submits a referral made now and screens it against the policy version in force now. A person with an
     * open enrollment at the site can be referred again only through a charge-holding door (rule R23): if the arrest
     * is diverted, its held case attaches to the open enrollment at intake; if it is not (refused at screening,
     * declined at the offer, found ineligible, lapsed or withdrawn), the charge is routed to prosecution
     * coordination as a {@link PostEnrollmentCase} flagged for the liaison prosecutor, in the same transaction.
     */
    public Outcome<Referral> submit(ReferralSubmission submission) {
        Require.present(submission, "submission");
        return transactions.command(() -> {
            Instant now = clock.instant();
            Optional<SitePolicy> policy = policies.inForceAt(submission.site(), now);
            if (policy.isEmpty()) {
                return Outcome.rejected(ErrorCode.NO_POLICY_IN_FORCE, "site", RuleId.R40,
                        "no policy version of site " + submission.site() + " is in force now");
            }
            PersonId person = submission.person().id();
            if (!submission.door().holdsCharge() && enrollments.openFor(person, submission.site()).isPresent()) {
                return Outcome.rejected(ErrorCode.ALREADY_ENROLLED, "person.id", RuleId.R23,
                        "the person is already enrolled at this site; no second enrollment can start");
            }
            ScreeningDecision decision = screeningFor(policy.get()).screen(submission, now, contextFor(submission));
            var prior = new ArrayList<EnrollmentId>();
            for (Enrollment e : enrollments.of(person, submission.site())) {
                if (!e.isOpen()) {
                    prior.add(e.id());
                }
            }
            Outcome<Referral> out = Referral.submit(new ReferralId(ids.next()), submission, now, policy.get(), decision,
                    prior);
            if (!out.isSuccess()) {
                return out;
            }
            referrals.save(out.value(), -1, out.events());
            return routeIfNotDiverted(null, out);
        });
    }

    private ScreeningContext contextFor(ReferralSubmission submission) {
        Set<PersonId> named = new TreeSet<>();
        for (CourtOrder o : submission.history().orders()) {
            named.add(o.protectedPerson());
        }
        Set<PersonId> participants = named.isEmpty() ? Set.of()
                : enrollments.currentParticipantsAmong(named, submission.site());
        OptionalInt total = capacity.of(submission.site());
        // a participant's new arrest attaches to her open enrollment and takes no new place (rules R17, R23)
        boolean takesNoPlace = enrollments.openFor(submission.person().id(), submission.site()).isPresent();
        if (total.isEmpty() || takesNoPlace) {
            return ScreeningContext.withoutCapacityGate(participants);
        }
        return ScreeningContext.of(participants, new CapacityFigures(total.getAsInt(), openCount(submission.site())));
    }

    private int openCount(SiteId site) {
        return enrollments.countOpen(site) + referrals.countPendingIntake(site);
    }

    /** Records the person's consent to LEAD (rule R01). */
    public Outcome<Referral> recordConsent(ReferralId id, Actor witness) {
        return change(id, (r, p) -> r.recordConsent(witness, clock.instant()));
    }

    /** T2: the person declines at the offer (rule R02). */
    public Outcome<Referral> recordDecline(ReferralId id, Actor recordedBy) {
        return change(id, (r, p) -> r.recordDecline(recordedBy, clock.instant()));
    }

    /** Records the warm hand-off (call and arrival times); a late hand-off is a warning, never a block. */
    public Outcome<Referral> recordHandoff(ReferralId id, Actor recordedBy, Instant calledAt, Instant arrivedAt) {
        return change(id, (r, p) -> r.recordHandoff(recordedBy, calledAt, arrivedAt, clock.instant(), p));
    }

    /** Approves a referral through a door that needs approval (rule R07). */
    public Outcome<Referral> approve(ReferralId id, Actor approver) {
        return change(id, (r, p) -> r.approve(approver, clock.instant(), p));
    }

    /** T4: overrides PRESUMPTIVE findings with a reason (rule R09). */
    public Outcome<Referral> override(ReferralId id, Actor actor, String reason) {
        return change(id, (r, p) -> r.override(actor, reason, clock.instant(), p, new DivertedCaseId(ids.next())));
    }

    /** Confirms PRESUMPTIVE findings: the referral is ineligible. */
    public Outcome<Referral> confirmExclusion(ReferralId id, Actor actor, String reason) {
        return change(id, (r, p) -> r.confirmExclusion(actor, reason, clock.instant(), p));
    }

    /** T5: accepts the referral; capacity is re-checked for a referral queued for capacity (rule R17). */
    public Outcome<Referral> accept(ReferralId id, Actor actor) {
        return change(id, (r, p) -> {
            boolean available = true;
            if (r.status() == ReferralStatus.DEFERRED_CAPACITY) {
                OptionalInt total = capacity.of(r.submission().site());
                if (total.isPresent()) {
                    int open = openCount(r.submission().site());
                    available = open < p.capacity().thresholdForDoorsWithoutCharge(total.getAsInt());
                }
            }
            return r.accept(actor, clock.instant(), p, new DivertedCaseId(ids.next()), available);
        });
    }

    /** T8 / confirmation: the door's eligibility authority decides (rule R16). */
    public Outcome<Referral> decideEligibility(ReferralId id, Actor actor, boolean confirm, String reason) {
        return change(id, (r, p) -> r.decideEligibility(actor, confirm, reason, clock.instant(), p));
    }

    /**
     * T6: records the intake assessment; on completion starts an enrollment, or attaches the referral to the
     * person's open enrollment at the site (rule R23).
     */
    public Outcome<Referral> completeIntake(ReferralId id, Actor actor) {
        return withEnrollment(id, (r, p, e) -> r.completeIntake(actor, clock.instant(), p, e.id(), e.isNew()));
    }

    /** Records the ROI signature; completes intake if the assessment is already recorded (rule R22). */
    public Outcome<Referral> recordRoiSignature(ReferralId id, Actor witness) {
        return withEnrollment(id, (r, p, e) -> r.recordRoiSignature(witness, clock.instant(), p, e.id(), e.isNew()));
    }

    /** T9: the person withdraws before intake (rule R03). */
    public Outcome<Referral> withdraw(ReferralId id, Actor actor, String reason) {
        return change(id, (r, p) -> r.withdraw(actor, reason, clock.instant(), p));
    }

    /** Extends the intake deadline where the site allows it. */
    public Outcome<Referral> extendDeadline(ReferralId id, Actor actor, LocalDate newDeadline, String reason) {
        return change(id, (r, p) -> r.extendDeadline(actor, newDeadline, reason, clock.instant(), p));
    }

    /** Records the outcome of the ordinary review of a released case. */
    public Outcome<Referral> recordOrdinaryReview(ReferralId id, Actor actor, DivertedCaseStatus outcome) {
        return change(id, (r, p) -> r.recordOrdinaryReview(actor, outcome, clock.instant()));
    }

    /** Fidelity variant: releases a NOT_FILED case for later non-engagement, only where the site enabled it. */
    public Outcome<Referral> releaseForLaterNonEngagement(ReferralId id, Actor actor, String reason) {
        return change(id, (r, p) -> r.releaseForLaterNonEngagement(actor, reason, clock.instant(), p));
    }

    /** The participant leaves the programme (rule R03): always succeeds while the enrollment is open. */
    public Outcome<Enrollment> withdrawFromEnrollment(EnrollmentId id, Actor actor) {
        return transactions.command(() -> {
            Optional<Enrollment> e = enrollments.find(id);
            if (e.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND, "enrollmentId", RuleId.R03, "no such enrollment");
            }
            Outcome<Enrollment> out = e.get().withdraw(actor, clock.instant());
            if (out.isSuccess()) {
                enrollments.save(out.value(), e.get().version(), out.events());
                return releaseIfClosed(out);
            }
            return out;
        });
    }

    /**
     * Records a contact with or about a participant that took place at {@code at} (rule R32). A participant contact on an
     * INACTIVE enrollment makes it ACTIVE again (T11, rule R26).
     */
    public Outcome<Enrollment> recordContact(EnrollmentId id, Actor actor, ContactType type, Instant at) {
        Require.present(actor, "actor");
        if (!Enrollment.CONTACT_ROLES.contains(actor.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R32,
                    "contacts are recorded by " + Enrollment.CONTACT_ROLES);
        }
        return changeEnrollment(id, RuleId.R32, (e, p) -> e.recordContact(type, at, clock.instant()));
    }

    /**
     * T12: closes an enrollment with a reason allowed by the enrollment policy of the site policy version in force
     * now (rules R24, R27). Forbidden reasons are rejected under every policy and leave the enrollment unchanged.
     */
    public Outcome<Enrollment> closeEnrollment(EnrollmentId id, Actor actor, ClosureReason reason) {
        return changeEnrollment(id, RuleId.R27, (e, p) -> e.close(reason, actor, clock.instant(),
                p.enrollment().allowedClosureReasons()));
    }

    /**
     * T10: makes INACTIVE every ACTIVE enrollment without a participant contact for the inactivity threshold of its
     * site's policy version in force now (rule R26). Idempotent; never closes an enrollment. Returns the enrollments
     * it marked.
     */
    public List<EnrollmentId> sweepInactivity() {
        Instant now = clock.instant();
        var marked = new ArrayList<EnrollmentId>();
        for (Enrollment e : enrollments.active()) {
            Optional<SitePolicy> p = policies.inForceAt(e.site(), now);
            if (p.isEmpty() || !e.isInactivityDue(now, p.get().enrollment().inactivityThresholdDays())) {
                continue;
            }
            Outcome<Enrollment> out = changeEnrollment(e.id(), RuleId.R26,
                    (fresh, policy) -> fresh.markInactiveIfDue(now, policy.enrollment().inactivityThresholdDays()));
            if (out.isSuccess()) {
                marked.add(e.id());
            }
        }
        return marked;
    }

    /** Loads an enrollment, applies a command under the site policy in force now, saves with the read version. */
    private Outcome<Enrollment> changeEnrollment(EnrollmentId id, RuleId rule,
                                                 BiFunction<Enrollment, SitePolicy, Outcome<Enrollment>> command) {
        return transactions.command(() -> {
            Optional<Enrollment> e = enrollments.find(id);
            if (e.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND, "enrollmentId", rule, "no such enrollment");
            }
            Optional<SitePolicy> policy = policies.inForceAt(e.get().site(), clock.instant());
            if (policy.isEmpty()) {
                return Outcome.rejected(ErrorCode.NO_POLICY_IN_FORCE, "site", RuleId.R40,
                        "no policy version of site " + e.get().site() + " is in force now");
            }
            Outcome<Enrollment> out = command.apply(e.get(), policy.get());
            if (out.isSuccess() && out.value() != e.get()) {
                enrollments.save(out.value(), e.get().version(), out.events());
                return releaseIfClosed(out);
            }
            return out;
        });
    }

    /**
     * T7: lapses every open referral whose deadline has passed. Idempotent: a referral lapses once, its held charge is
     * released once and one notification event is produced, however often and on however many nodes the sweep runs
     * (rule R20).
     */
    public SweepReport sweepDeadlines() {
        Instant now = clock.instant();
        var lapsed = new ArrayList<ReferralId>();
        var skipped = new ArrayList<ReferralId>();
        for (ReferralId id : referrals.dueForLapse(now)) {
            Outcome<Referral> out = change(id, (r, p) -> r.lapse(now, p));
            if (out.isSuccess()) {
                lapsed.add(id);
            } else {
                skipped.add(id);
            }
        }
        return new SweepReport(lapsed, skipped);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private record EnrollmentChoice(EnrollmentId id, boolean isNew, Optional<Enrollment> open) {
    }

    @FunctionalInterface
    private interface IntakeCommand {
        Outcome<Referral> apply(Referral r, SitePolicy p, EnrollmentChoice e);
    }

    private Outcome<Referral> withEnrollment(ReferralId id, IntakeCommand command) {
        return transactions.command(() -> load(id, (r, p) -> {
            Optional<Enrollment> open = enrollments.openFor(r.submission().person().id(), r.submission().site());
            var choice = new EnrollmentChoice(open.map(Enrollment::id).orElseGet(() -> new EnrollmentId(ids.next())),
                    open.isEmpty(), open);
            Outcome<Referral> out = command.apply(r, p, choice);
            if (!out.isSuccess() || out.value().status() != ReferralStatus.INTAKE_COMPLETED) {
                return store(r, out);
            }
            Instant now = out.value().intakeCompletedAt().orElseThrow();
            Outcome<Enrollment> enrolled = choice.open()
                    .map(e -> e.attach(r.id(), now))
                    .orElseGet(() -> Enrollment.start(choice.id(), r.submission().person().id(), r.submission().site(),
                            r.id(), r.priorEnrollments(), now));
            // the referral's events first: the log reads IntakeCompleted, then EnrollmentStarted / ReferralAttached,
            // in the order the outcome reports them
            store(r, out);
            enrollments.save(enrolled.value(), choice.open().map(Enrollment::version).orElse(-1L), enrolled.events());
            var events = new ArrayList<DomainEvent>(out.events());
            events.addAll(enrolled.events());
            return Outcome.success(out.value(), events, out.warnings());
        }));
    }

    private Outcome<Referral> change(ReferralId id, BiFunction<Referral, SitePolicy, Outcome<Referral>> command) {
        return transactions.command(() -> load(id, (r, p) -> {
            Outcome<Referral> out = command.apply(r, p);
            return store(r, out);
        }));
    }

    private Outcome<Referral> store(Referral before, Outcome<Referral> out) {
        if (out.isSuccess() && out.value() != before) {
            referrals.save(out.value(), before.version(), out.events());
            return routeIfNotDiverted(before, out);
        }
        return out;
    }

    /** Statuses in which an arrest referral's charge goes to ordinary processing: it was not diverted. */
    private static final Set<ReferralStatus> NOT_DIVERTED = EnumSet.of(ReferralStatus.REJECTED,
            ReferralStatus.DECLINED_BY_PERSON, ReferralStatus.INELIGIBLE, ReferralStatus.INTAKE_LAPSED,
            ReferralStatus.WITHDRAWN);

    /**
     * Rule R23: when an arrest-door referral of a person with an open enrollment at the site ends without being
     * diverted, its charge is routed to prosecution coordination as a case flagged for the liaison prosecutor. The
     * enrollment is not touched (rule R25).
     */
    private Outcome<Referral> routeIfNotDiverted(Referral before, Outcome<Referral> out) {
        Referral after = out.value();
        ReferralSubmission s = after.submission();
        boolean ended = NOT_DIVERTED.contains(after.status())
                && (before == null || before.status() != after.status());
        if (!ended || !s.door().holdsCharge() || s.offences().isEmpty()) {
            return out;
        }
        Optional<Enrollment> open = enrollments.openFor(s.person().id(), s.site());
        if (open.isEmpty()) {
            return out;
        }
        Instant now = clock.instant();
        Outcome<PostEnrollmentCase> routed = PostEnrollmentCase.flag(ids, s.person().id(), s.site(),
                Optional.of(open.get().id()), s.offences(), List.of(), after.referredAt(), now,
                Optional.of(after.id()));
        cases.save(routed.value(), -1, routed.events());
        var events = new ArrayList<DomainEvent>(out.events());
        events.addAll(routed.events());
        return Outcome.success(after, events, out.warnings());
    }

    /** A closed enrollment leaves its case manager's open caseload in the same transaction (rule R30). */
    private Outcome<Enrollment> releaseIfClosed(Outcome<Enrollment> out) {
        Enrollment e = out.value();
        if (e.isOpen()) {
            return out;
        }
        Caseloads current = caseloads.of(e.site());
        Outcome<Caseloads> released = current.release(e.id(), clock.instant());
        if (released.value() == current) {
            return out;
        }
        caseloads.save(e.site(), released.value(), current.version(), released.events());
        var events = new ArrayList<DomainEvent>(out.events());
        events.addAll(released.events());
        return Outcome.success(e, events, out.warnings());
    }

    private Outcome<Referral> load(ReferralId id, BiFunction<Referral, SitePolicy, Outcome<Referral>> then) {
        Require.present(id, "referralId");
        Optional<Referral> r = referrals.find(id);
        if (r.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND, "referralId", RuleId.R29, "no such referral");
        }
        SitePolicy policy = policies.version(r.get().submission().site(), r.get().policyVersion()).orElseThrow(() ->
                new IllegalStateException("policy version " + r.get().policyVersion() + " of site "
                        + r.get().submission().site() + " is missing"));
        return then.apply(r.get(), policy);
    }

    /** Ids of the referrals the desk would sweep now (for schedulers that report before acting). */
    public List<ReferralId> dueForLapse() {
        return referrals.dueForLapse(clock.instant());
    }
}

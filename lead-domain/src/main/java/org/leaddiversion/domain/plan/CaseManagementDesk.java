/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.leaddiversion.domain.access.AccessContext;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.AccessPolicy;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.Enrollments;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicy;

/**
 * The case-management desk (SPEC §6): assigns open enrollments to case managers under the caseload cap (rule R30),
 * keeps the participant's intervention plan (rule R31) and records flexible-fund spending (rule R33). Each command
 * loads what it changes, applies it under the site policy version in force now, and stores the new version with its
 * events in one transaction; a stale write is a {@link ErrorCode#CONCURRENT_UPDATE} rejection and nothing is stored.
 *
 * <p>Who may write comes from the {@link AccessPolicy} (SPEC §2.2): the plan and the spending are written by the
 * case manager the enrollment is assigned to. Assignments are made by a project manager, or by a case manager taking
 * an unassigned participant onto their own caseload. Every command needs an open (ACTIVE or INACTIVE) enrollment.
 */
public final class CaseManagementDesk {

    private final Clock clock;
    private final IdGenerator ids;
    private final SitePolicies policies;
    private final Enrollments enrollments;
    private final SiteCaseloads caseloads;
    private final InterventionPlans plans;
    private final FlexFunds funds;
    private final Transactions transactions;
    private final AccessPolicy access = new AccessPolicy();

    public CaseManagementDesk(Clock clock, IdGenerator ids, SitePolicies policies, Enrollments enrollments,
                              SiteCaseloads caseloads, InterventionPlans plans, FlexFunds funds,
                              Transactions transactions) {
        this.clock = Require.present(clock, "clock");
        this.ids = Require.present(ids, "ids");
        this.policies = Require.present(policies, "policies");
        this.enrollments = Require.present(enrollments, "enrollments");
        this.caseloads = Require.present(caseloads, "caseloads");
        this.plans = Require.present(plans, "plans");
        this.funds = Require.present(funds, "funds");
        this.transactions = Require.present(transactions, "transactions");
    }

    /**
     * Assigns the open enrollment to a case manager (a reassignment moves it). Rejected over the cap of the policy in
     * force ({@link ErrorCode#CASELOAD_CAP_EXCEEDED}); a warning at or above the target (rule R30).
     */
    public Outcome<Caseloads> assignCaseManager(EnrollmentId enrollmentId, CaseManagerId caseManager, Actor actor) {
        Require.present(caseManager, "caseManagerId");
        Require.present(actor, "actor");
        return onOpenEnrollment(enrollmentId, RuleId.R30, (e, policy) -> {
            Caseloads current = caseloads.of(e.site());
            boolean selfIntake = actor.role() == Role.CASE_MANAGER
                    && CaseManagerId.of(actor.id()).equals(caseManager)
                    && current.caseManagerOf(e.id()).isEmpty();
            if (actor.role() != Role.PROJECT_MANAGER && !selfIntake) {
                return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R30,
                        "a project manager assigns case managers; a case manager may only take an unassigned "
                                + "participant onto their own caseload");
            }
            Outcome<Caseloads> out = current.assign(e.id(), caseManager, policy.caseload(), clock.instant());
            if (out.isSuccess() && out.value() != current) {
                caseloads.save(e.site(), out.value(), current.version(), out.events());
            }
            return out;
        });
    }

    /** Adds a goal the participant set to the plan, opening the plan on first use (rule R31). */
    public Outcome<InterventionPlan> addGoal(EnrollmentId enrollmentId, Actor actor, PlanDomain domain, GoalKind kind,
                                             String description, boolean setByParticipant) {
        return changePlan(enrollmentId, actor, plan -> plan.addGoal(ids, domain, kind, description,
                setByParticipant, clock.instant()));
    }

    /** Changes a goal's status; progress is not linear, so any status may follow any other. */
    public Outcome<InterventionPlan> updateGoalStatus(EnrollmentId enrollmentId, Actor actor, GoalId goal,
                                                      GoalStatus status) {
        return changePlan(enrollmentId, actor, plan -> plan.updateGoalStatus(goal, status, clock.instant()));
    }

    /** Records a referral of the participant to a service provider. */
    public Outcome<InterventionPlan> addServiceReferral(EnrollmentId enrollmentId, Actor actor, PlanDomain domain,
                                                        String provider, ServiceReferralStatus status) {
        return changePlan(enrollmentId, actor, plan -> plan.addServiceReferral(ids, domain, provider, status,
                clock.instant()));
    }

    /**
     * Records money spent on the participant's need at {@code spentAt} (not in the future, not before the enrollment
     * started). An amount above a cap of the flex policy in force at {@code spentAt} — the expenditure itself, or the
     * participant's total for that calendar month — needs {@code approvedBy} holding an approval role (rule R33).
     */
    public Outcome<FlexFund> spend(EnrollmentId enrollmentId, Actor actor, Instant spentAt, Money amount,
                                   PlanDomain category, String payee, String purpose, Optional<Actor> approvedBy,
                                   Optional<GoalId> linkedGoal) {
        Require.present(actor, "actor");
        return onOpenEnrollment(enrollmentId, RuleId.R33, (e, policy) -> {
            Optional<Outcome<FlexFund>> denied = mayWritePlan(actor, e);
            if (denied.isPresent()) {
                return denied.get();
            }
            Instant now = clock.instant();
            if (Require.present(spentAt, "spentAt").isAfter(now)) {
                return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "spentAt", RuleId.R29,
                        "money cannot be recorded as spent in the future");
            }
            if (spentAt.isBefore(e.startedAt())) {
                return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "spentAt", RuleId.R33,
                        "flexible funds are spent on enrolled participants, not before the enrollment started");
            }
            Optional<FlexFund> stored = funds.forEnrollment(e.id());
            FlexFund fund = stored.orElseGet(() -> FlexFund.open(e.id()));
            var expenditure = new FlexExpenditure(new FlexExpenditureId(ids.next()), e.id(), spentAt, amount,
                    category, payee, purpose, approvedBy, linkedGoal);
            if (linkedGoal.isPresent() && plans.forEnrollment(e.id()).flatMap(p -> p.goal(linkedGoal.get())).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND, "linkedGoal", RuleId.R33,
                        "the participant's plan has no such goal");
            }
            // the caps are those of the policy in force when the money was spent
            SitePolicy atSpending = policies.inForceAt(e.site(), spentAt).orElse(policy);
            Outcome<FlexFund> out = fund.record(expenditure, atSpending.flex(), atSpending.zone(), now);
            if (out.isSuccess()) {
                funds.save(out.value(), stored.map(FlexFund::version).orElse(-1L), out.events());
            }
            return out;
        });
    }

    private Outcome<InterventionPlan> changePlan(EnrollmentId enrollmentId, Actor actor,
                                                 Function<InterventionPlan, Outcome<InterventionPlan>> command) {
        Require.present(actor, "actor");
        return onOpenEnrollment(enrollmentId, RuleId.R31, (e, policy) -> {
            Optional<Outcome<InterventionPlan>> denied = mayWritePlan(actor, e);
            if (denied.isPresent()) {
                return denied.get();
            }
            Optional<InterventionPlan> stored = plans.forEnrollment(e.id());
            InterventionPlan plan = stored.orElseGet(() -> InterventionPlan.open(new InterventionPlanId(ids.next()),
                    e.id()));
            Outcome<InterventionPlan> out = command.apply(plan);
            if (out.isSuccess() && out.value() != plan) {
                plans.save(out.value(), stored.map(InterventionPlan::version).orElse(-1L), out.events());
            }
            return out;
        });
    }

    /** The access matrix decides: PLAN_SUMMARY is written by the assigned case manager. */
    private <T> Optional<Outcome<T>> mayWritePlan(Actor actor, Enrollment e) {
        boolean assigned = caseloads.of(e.site()).caseManagerOf(e.id())
                .filter(cm -> cm.equals(CaseManagerId.of(actor.id()))).isPresent();
        AccessDecision decision = access.decide(actor.role(), DataClass.PLAN_SUMMARY, Operation.WRITE,
                new AccessContext(false, assigned, false, false, false, false));
        if (decision instanceof AccessDecision.Denied d) {
            return Optional.of(Outcome.rejected(d.reason()));
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface EnrollmentCommand<T> {
        Outcome<T> apply(Enrollment enrollment, SitePolicy policy);
    }

    private <T> Outcome<T> onOpenEnrollment(EnrollmentId id, RuleId rule, EnrollmentCommand<T> command) {
        Require.present(id, "enrollmentId");
        return transactions.command(() -> {
            Optional<Enrollment> e = enrollments.find(id);
            if (e.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND, "enrollmentId", rule, "no such enrollment");
            }
            if (!e.get().isOpen()) {
                return Outcome.rejected(ErrorCode.ENROLLMENT_CLOSED, "enrollmentId", rule,
                        "the enrollment is closed; a re-referral starts a new one");
            }
            Optional<SitePolicy> policy = policies.inForceAt(e.get().site(), clock.instant());
            if (policy.isEmpty()) {
                return Outcome.rejected(ErrorCode.NO_POLICY_IN_FORCE, "site", RuleId.R40,
                        "no policy version of site " + e.get().site() + " is in force now");
            }
            return command.apply(e.get(), policy.get());
        });
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;

/**
 * The Individual Intervention Plan of one enrollment (SPEC §6.2): goals the participant sets and service
 * referrals. Immutable: each command returns a new version. Goals are always participant-set and carry no
 * deadline or sanction (rule R31); abstinence exists only as a goal the participant chose.
 */
public final class InterventionPlan {

    private final InterventionPlanId id;
    private final EnrollmentId enrollment;
    private final long version;
    private final List<Goal> goals;
    private final List<ServiceReferral> serviceReferrals;

    private InterventionPlan(InterventionPlanId id, EnrollmentId enrollment, long version, List<Goal> goals,
                             List<ServiceReferral> serviceReferrals) {
        this.id = Require.present(id, "planId");
        this.enrollment = Require.present(enrollment, "enrollmentId");
        this.version = version;
        this.goals = Require.immutableList(goals, "goals");
        this.serviceReferrals = Require.immutableList(serviceReferrals, "serviceReferrals");
        for (Goal g : this.goals) {
            if (!g.setByParticipant()) {
                throw new org.leaddiversion.domain.common.InvalidValueException("goals",
                        "every goal is set by the participant (rule R31)");
            }
        }
    }

    /** An empty plan for the enrollment. */
    public static InterventionPlan open(InterventionPlanId id, EnrollmentId enrollment) {
        return new InterventionPlan(id, enrollment, 0, List.of(), List.of());
    }

    /** Restores a stored plan (for adapters); goals not set by the participant are refused (rule R31). */
    public static InterventionPlan restore(InterventionPlanId id, EnrollmentId enrollment, long version,
                                           List<Goal> goals, List<ServiceReferral> serviceReferrals) {
        return new InterventionPlan(id, enrollment, version, goals, serviceReferrals);
    }

    /**
     * Adds a goal. A goal the participant did not set is rejected with {@link ErrorCode#GOAL_NOT_PARTICIPANT_SET}
     * (rule R31) — including, and especially, an {@link GoalKind#ABSTINENCE} goal.
     */
    public Outcome<InterventionPlan> addGoal(IdGenerator ids, PlanDomain domain, GoalKind kind, String description,
                                             boolean setByParticipant, Instant now) {
        Require.present(ids, "ids");
        Require.present(now, "now");
        if (!setByParticipant) {
            return Outcome.rejected(ErrorCode.GOAL_NOT_PARTICIPANT_SET, "goal.setByParticipant", RuleId.R31,
                    kind == GoalKind.ABSTINENCE
                            ? "abstinence may only be a goal the participant chose, never a programme requirement"
                            : "goals of the plan are set by the participant");
        }
        var goal = new Goal(new GoalId(ids.next()), domain, kind, description, true, GoalStatus.OPEN, now);
        var all = new ArrayList<>(goals);
        all.add(goal);
        return Outcome.success(new InterventionPlan(id, enrollment, version + 1, all, serviceReferrals),
                List.of(new PlanEvent.GoalSet(enrollment, goal.id(), domain, kind, now)));
    }

    /** Changes a goal's status; progress is not linear, so any change is allowed. */
    public Outcome<InterventionPlan> updateGoalStatus(GoalId goalId, GoalStatus status, Instant now) {
        Require.present(status, "goal.status");
        Require.present(now, "now");
        Optional<Goal> found = goal(goalId);
        if (found.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND, "goal.id", RuleId.R31, "the plan has no such goal");
        }
        Goal old = found.get();
        if (old.status() == status) {
            return Outcome.success(this, List.of());
        }
        var all = new ArrayList<Goal>(goals.size());
        for (Goal g : goals) {
            all.add(g.id().equals(goalId) ? g.withStatus(status) : g);
        }
        return Outcome.success(new InterventionPlan(id, enrollment, version + 1, all, serviceReferrals),
                List.of(new PlanEvent.GoalStatusChanged(enrollment, goalId, old.status(), status, now)));
    }

    /** Records a referral of the participant to a service provider. */
    public Outcome<InterventionPlan> addServiceReferral(IdGenerator ids, PlanDomain domain, String provider,
                                                        ServiceReferralStatus status, Instant now) {
        Require.present(ids, "ids");
        var referral = new ServiceReferral(new ServiceReferralId(ids.next()), domain, provider, status, now);
        var all = new ArrayList<>(serviceReferrals);
        all.add(referral);
        return Outcome.success(new InterventionPlan(id, enrollment, version + 1, goals, all),
                List.of(new PlanEvent.ServiceReferralMade(enrollment, referral.id(), domain, status, now)));
    }

    public Optional<Goal> goal(GoalId goalId) {
        return goals.stream().filter(g -> g.id().equals(goalId)).findFirst();
    }

    public InterventionPlanId id() {
        return id;
    }

    public EnrollmentId enrollment() {
        return enrollment;
    }

    public long version() {
        return version;
    }

    public List<Goal> goals() {
        return goals;
    }

    public List<ServiceReferral> serviceReferrals() {
        return serviceReferrals;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.INTERVENTION_PLAN;
import static org.leaddiversion.persistence.jooq.Tables.PLAN_GOAL;
import static org.leaddiversion.persistence.jooq.Tables.PLAN_SERVICE_REFERRAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.plan.GoalId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.InterventionPlanId;
import org.leaddiversion.domain.plan.InterventionPlans;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.ServiceReferral;
import org.leaddiversion.domain.plan.ServiceReferralId;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.persistence.jooq.tables.records.InterventionPlanRecord;
import org.leaddiversion.persistence.jooq.tables.records.PlanGoalRecord;
import org.leaddiversion.persistence.jooq.tables.records.PlanServiceReferralRecord;

/**
 * {@link InterventionPlans} in the {@code intervention_plan} table with its goals and service referrals, with
 * optimistic locking. One plan per enrollment: a second plan for the same enrollment is a conflict (unique
 * constraint), whoever writes second.
 */
final class JooqInterventionPlans implements InterventionPlans {

    static final String AGGREGATE = "InterventionPlan";

    private final JooqTransactions tx;
    private final EventStore events;

    JooqInterventionPlans(JooqTransactions tx, EventStore events) {
        this.tx = tx;
        this.events = events;
    }

    @Override
    public Optional<InterventionPlan> forEnrollment(EnrollmentId enrollment) {
        return load(INTERVENTION_PLAN.ENROLLMENT_ID.eq(enrollment.value())).stream().findFirst();
    }

    @Override
    public void save(InterventionPlan plan, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            UUID id = plan.id().value();
            String idText = plan.id().toString();
            if (expectedVersion < 0) {
                if (tx.dsl().fetchExists(INTERVENTION_PLAN, INTERVENTION_PLAN.ID.eq(id))) {
                    throw new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, actualVersion(id));
                }
                Conflicts.mapped(() -> tx.dsl().insertInto(INTERVENTION_PLAN)
                                .set(INTERVENTION_PLAN.ID, id)
                                .set(INTERVENTION_PLAN.ENROLLMENT_ID, plan.enrollment().value())
                                .set(INTERVENTION_PLAN.VERSION, plan.version()).execute(),
                        () -> new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, 0));
            } else {
                int updated = tx.dsl().update(INTERVENTION_PLAN).set(INTERVENTION_PLAN.VERSION, plan.version())
                        .where(INTERVENTION_PLAN.ID.eq(id)).and(INTERVENTION_PLAN.VERSION.eq(expectedVersion))
                        .and(INTERVENTION_PLAN.ENROLLMENT_ID.eq(plan.enrollment().value()))
                        .execute();
                if (updated != 1) {
                    throw new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, actualVersion(id));
                }
                // goals change status in place: the version row lock serialises writers, so rewrite the children
                tx.dsl().deleteFrom(PLAN_GOAL).where(PLAN_GOAL.PLAN_ID.eq(id)).execute();
                tx.dsl().deleteFrom(PLAN_SERVICE_REFERRAL).where(PLAN_SERVICE_REFERRAL.PLAN_ID.eq(id)).execute();
            }
            insertChildren(plan);
            events.append(newEvents);
            return null;
        });
    }

    @Override
    public List<InterventionPlan> all() {
        return load(DSL.noCondition());
    }

    private long actualVersion(UUID id) {
        return tx.dsl().select(INTERVENTION_PLAN.VERSION).from(INTERVENTION_PLAN).where(INTERVENTION_PLAN.ID.eq(id))
                .fetchOptional(INTERVENTION_PLAN.VERSION).orElse(-1L);
    }

    private void insertChildren(InterventionPlan plan) {
        UUID id = plan.id().value();
        var goals = new ArrayList<PlanGoalRecord>();
        for (int i = 0; i < plan.goals().size(); i++) {
            goals.add(goalRecord(id, i, plan.goals().get(i)));
        }
        if (!goals.isEmpty()) {
            tx.dsl().batchInsert(goals).execute();
        }
        var referrals = new ArrayList<PlanServiceReferralRecord>();
        for (int i = 0; i < plan.serviceReferrals().size(); i++) {
            referrals.add(referralRecord(id, i, plan.serviceReferrals().get(i)));
        }
        if (!referrals.isEmpty()) {
            tx.dsl().batchInsert(referrals).execute();
        }
    }

    List<InterventionPlan> load(Condition where) {
        List<InterventionPlanRecord> rows = tx.dsl().selectFrom(INTERVENTION_PLAN).where(where)
                .orderBy(INTERVENTION_PLAN.ENROLLMENT_ID).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(InterventionPlanRecord::getId).toList();
        Map<UUID, List<Goal>> goals = new HashMap<>();
        tx.dsl().selectFrom(PLAN_GOAL).where(PLAN_GOAL.PLAN_ID.in(ids)).orderBy(PLAN_GOAL.PLAN_ID, PLAN_GOAL.ORDINAL)
                .fetch().forEach(r -> goals.computeIfAbsent(r.getPlanId(), k -> new ArrayList<>()).add(toGoal(r)));
        Map<UUID, List<ServiceReferral>> referrals = new HashMap<>();
        tx.dsl().selectFrom(PLAN_SERVICE_REFERRAL).where(PLAN_SERVICE_REFERRAL.PLAN_ID.in(ids))
                .orderBy(PLAN_SERVICE_REFERRAL.PLAN_ID, PLAN_SERVICE_REFERRAL.ORDINAL).fetch()
                .forEach(r -> referrals.computeIfAbsent(r.getPlanId(), k -> new ArrayList<>()).add(toReferral(r)));
        var out = new ArrayList<InterventionPlan>(rows.size());
        for (InterventionPlanRecord r : rows) {
            out.add(InterventionPlan.restore(new InterventionPlanId(r.getId()), new EnrollmentId(r.getEnrollmentId()),
                    r.getVersion(), goals.getOrDefault(r.getId(), List.of()),
                    referrals.getOrDefault(r.getId(), List.of())));
        }
        return out;
    }

    private static Goal toGoal(PlanGoalRecord r) {
        return new Goal(new GoalId(r.getId()), PlanDomain.valueOf(r.getPlanDomain()), GoalKind.valueOf(r.getKind()),
                r.getDescription(), r.getSetByParticipant(), GoalStatus.valueOf(r.getStatus()),
                r.getCreatedAt().toInstant());
    }

    private static ServiceReferral toReferral(PlanServiceReferralRecord r) {
        return new ServiceReferral(new ServiceReferralId(r.getId()), PlanDomain.valueOf(r.getPlanDomain()),
                r.getProvider(), ServiceReferralStatus.valueOf(r.getStatus()), r.getReferredAt().toInstant());
    }

    private static PlanGoalRecord goalRecord(UUID plan, int ordinal, Goal g) {
        var r = new PlanGoalRecord();
        r.setPlanId(plan);
        r.setOrdinal(ordinal);
        r.setId(g.id().value());
        r.setPlanDomain(g.domain().name());
        r.setKind(g.kind().name());
        r.setDescription(g.description());
        r.setSetByParticipant(g.setByParticipant());
        r.setStatus(g.status().name());
        r.setCreatedAt(EventStore.utc(g.createdAt()));
        return r;
    }

    private static PlanServiceReferralRecord referralRecord(UUID plan, int ordinal, ServiceReferral s) {
        var r = new PlanServiceReferralRecord();
        r.setPlanId(plan);
        r.setOrdinal(ordinal);
        r.setId(s.id().value());
        r.setPlanDomain(s.domain().name());
        r.setProvider(s.provider());
        r.setStatus(s.status().name());
        r.setReferredAt(EventStore.utc(s.referredAt()));
        return r;
    }
}

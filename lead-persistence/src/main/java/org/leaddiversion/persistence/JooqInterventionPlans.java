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
import org.jooq.Field;
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
    private final CommittedVersions<UUID, Children> committed = new CommittedVersions<>(8_192);

    JooqInterventionPlans(JooqTransactions tx, EventStore events) {
        this.tx = tx;
        this.events = events;
    }

    /**
     * A plan's goals and service referrals at one version. Every change is a new version, so what a committed version
     * holds never changes: {@link #load} reads them only for versions neither the open transaction
     * ({@link JooqTransactions#memo()}) nor this node ({@link CommittedVersions}) has seen, and a save at a known
     * version writes only the rows that changed.
     */
    private record Children(List<Goal> goals, List<ServiceReferral> serviceReferrals) {
        Children {
            goals = List.copyOf(goals);
            serviceReferrals = List.copyOf(serviceReferrals);
        }
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
            }
            Map<Object, Object> memo = tx.memo();
            var written = new Children(plan.goals(), plan.serviceReferrals());
            // the version just matched, so the children known at it are the stored ones: write only what changed;
            // otherwise (goals change status in place, and the version row lock serialises writers) rewrite them
            Optional<Children> stored = expectedVersion < 0 ? Optional.of(new Children(List.of(), List.of()))
                    : committed.known(memo, id, expectedVersion);
            var goals = new ArrayList<PlanGoalRecord>();
            for (int i = 0; i < written.goals().size(); i++) {
                goals.add(goalRecord(id, i, written.goals().get(i)));
            }
            var referrals = new ArrayList<PlanServiceReferralRecord>();
            for (int i = 0; i < written.serviceReferrals().size(); i++) {
                referrals.add(referralRecord(id, i, written.serviceReferrals().get(i)));
            }
            if (stored.isPresent() && sameIds(stored.get().goals(), written.goals(), Goal::id)
                    && sameIds(stored.get().serviceReferrals(), written.serviceReferrals(), ServiceReferral::id)) {
                writeChanges(PLAN_GOAL, PLAN_GOAL.PLAN_ID, PLAN_GOAL.ORDINAL, id, stored.get().goals(),
                        written.goals(), goals);
                writeChanges(PLAN_SERVICE_REFERRAL, PLAN_SERVICE_REFERRAL.PLAN_ID, PLAN_SERVICE_REFERRAL.ORDINAL, id,
                        stored.get().serviceReferrals(), written.serviceReferrals(), referrals);
            } else {
                tx.dsl().deleteFrom(PLAN_GOAL).where(PLAN_GOAL.PLAN_ID.eq(id)).execute();
                tx.dsl().deleteFrom(PLAN_SERVICE_REFERRAL).where(PLAN_SERVICE_REFERRAL.PLAN_ID.eq(id)).execute();
                insert(PLAN_GOAL, goals);
                insert(PLAN_SERVICE_REFERRAL, referrals);
            }
            committed.written(tx, id, plan.version(), written);
            events.append(newEvents);
            return null;
        });
    }

    /** Whether the stored rows keep their ids at their ordinals in the new list (rows are only added after them). */
    private static <T> boolean sameIds(List<T> stored, List<T> now, java.util.function.Function<T, ?> id) {
        if (stored.size() > now.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            if (!id.apply(stored.get(i)).equals(id.apply(now.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Updates the rows that changed in place (by plan and ordinal) and inserts the new ones after them. */
    private <T, R extends org.jooq.UpdatableRecord<R>> void writeChanges(org.jooq.Table<R> table, Field<UUID> plan,
            Field<Integer> ordinal, UUID id, List<T> stored, List<T> now, List<R> rows) {
        for (int i = 0; i < stored.size(); i++) {
            if (!stored.get(i).equals(now.get(i))) {
                tx.dsl().update(table).set(rows.get(i)).where(plan.eq(id)).and(ordinal.eq(i)).execute();
            }
        }
        insert(table, rows.subList(stored.size(), rows.size()));
    }

    /** One multi-row insert of {@code rows} (none: no statement). */
    private <R extends org.jooq.TableRecord<R>> void insert(org.jooq.Table<R> table, List<R> rows) {
        if (!rows.isEmpty()) {
            tx.dsl().insertInto(table).columns(table.fields()).valuesOfRecords(rows).execute();
        }
    }

    /**
     * Inserts plans stored nowhere yet, with their goals and service referrals, in bulk ({@link BulkRows}): the rows
     * {@link #save} writes for each (a loaded programme record, {@link ProgrammeLoad}).
     */
    void insertNew(List<InterventionPlan> fresh) {
        var rows = new ArrayList<InterventionPlanRecord>(fresh.size());
        var goals = new ArrayList<PlanGoalRecord>();
        var referrals = new ArrayList<PlanServiceReferralRecord>();
        for (InterventionPlan plan : fresh) {
            UUID id = plan.id().value();
            rows.add(new InterventionPlanRecord(id, plan.enrollment().value(), plan.version()));
            for (int i = 0; i < plan.goals().size(); i++) {
                goals.add(goalRecord(id, i, plan.goals().get(i)));
            }
            for (int i = 0; i < plan.serviceReferrals().size(); i++) {
                referrals.add(referralRecord(id, i, plan.serviceReferrals().get(i)));
            }
        }
        BulkRows.insertSet(tx.dsl(), INTERVENTION_PLAN, rows);
        BulkRows.insertSet(tx.dsl(), PLAN_GOAL, goals);
        BulkRows.insertSet(tx.dsl(), PLAN_SERVICE_REFERRAL, referrals);
    }

    @Override
    public List<InterventionPlan> all() {
        return load(DSL.noCondition());
    }

    private long actualVersion(UUID id) {
        return tx.dsl().select(INTERVENTION_PLAN.VERSION).from(INTERVENTION_PLAN).where(INTERVENTION_PLAN.ID.eq(id))
                .fetchOptional(INTERVENTION_PLAN.VERSION).orElse(-1L);
    }

    List<InterventionPlan> load(Condition where) {
        List<InterventionPlanRecord> rows = tx.dsl().selectFrom(INTERVENTION_PLAN).where(where)
                .orderBy(INTERVENTION_PLAN.ENROLLMENT_ID).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Object, Object> memo = tx.memo();
        Map<UUID, Children> children = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (InterventionPlanRecord r : rows) {
            committed.known(memo, r.getId(), r.getVersion()).ifPresentOrElse(c -> children.put(r.getId(), c),
                    () -> unknown.add(r.getId()));
        }
        if (!unknown.isEmpty()) {
            Map<UUID, List<Goal>> goals = new HashMap<>();
            tx.dsl().selectFrom(PLAN_GOAL).where(PLAN_GOAL.PLAN_ID.in(unknown))
                    .orderBy(PLAN_GOAL.PLAN_ID, PLAN_GOAL.ORDINAL).fetch()
                    .forEach(r -> goals.computeIfAbsent(r.getPlanId(), k -> new ArrayList<>()).add(toGoal(r)));
            Map<UUID, List<ServiceReferral>> referrals = new HashMap<>();
            tx.dsl().selectFrom(PLAN_SERVICE_REFERRAL).where(PLAN_SERVICE_REFERRAL.PLAN_ID.in(unknown))
                    .orderBy(PLAN_SERVICE_REFERRAL.PLAN_ID, PLAN_SERVICE_REFERRAL.ORDINAL).fetch()
                    .forEach(r -> referrals.computeIfAbsent(r.getPlanId(), k -> new ArrayList<>())
                            .add(toReferral(r)));
            for (InterventionPlanRecord r : rows) {
                if (children.containsKey(r.getId())) {
                    continue;
                }
                var read = new Children(goals.getOrDefault(r.getId(), List.of()),
                        referrals.getOrDefault(r.getId(), List.of()));
                children.put(r.getId(), read);
                committed.read(memo, r.getId(), r.getVersion(), read);
            }
        }
        var out = new ArrayList<InterventionPlan>(rows.size());
        for (InterventionPlanRecord r : rows) {
            Children c = children.get(r.getId());
            out.add(InterventionPlan.restore(new InterventionPlanId(r.getId()), new EnrollmentId(r.getEnrollmentId()),
                    r.getVersion(), c.goals(), c.serviceReferrals()));
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

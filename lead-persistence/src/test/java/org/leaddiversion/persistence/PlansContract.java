/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexExpenditureId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.InterventionPlanId;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.FlexPolicy;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.persistence.Histories.CaseloadsView;
import org.leaddiversion.persistence.Histories.FundView;
import org.leaddiversion.persistence.Histories.PlanView;
import org.leaddiversion.persistence.Histories.Step;

/**
 * The behaviour every store of intervention plans, flexible-fund ledgers and site caseloads must have, written once
 * and run against the in-memory fakes, H2 and PostgreSQL: each version saved comes back equal with its events, a
 * stale write (or a second plan for an enrollment) is a conflict naming the aggregate, id and versions that writes
 * nothing, a site never saved reads as empty at version 0, racing writers never lose an update or break the cap,
 * and a failed transaction leaves nothing.
 */
abstract class PlansContract extends EnrollmentStoreContract {

    EnrollmentId newEnrollment() {
        return new EnrollmentId(new UUID(0xE1, fresh.incrementAndGet()));
    }

    List<DomainEvent> eventsSince(int before) {
        List<DomainEvent> log = store.events().events();
        return log.subList(before, log.size());
    }

    // ---- intervention plans -----------------------------------------------------------------------------------

    @Test
    void any_generated_plan_saved_version_by_version_comes_back_equal_with_its_events() {
        qt().withExamples(40).forAll(Histories.planScripts()).checkAssert(script -> {
            EnrollmentId enrollment = newEnrollment();
            var id = new InterventionPlanId(new UUID(0x91, fresh.incrementAndGet()));
            int before = store.events().events().size();
            var events = new ArrayList<DomainEvent>();
            for (Step<InterventionPlan> step : Histories.play(script, id, enrollment)) {
                store.plans().save(step.value(), step.expectedVersion(), step.events());
                events.addAll(step.events());
                assertEquals(Optional.of(PlanView.of(step.value())),
                        PlanView.of(store.plans().forEnrollment(enrollment)));
            }
            assertEquals(events, eventsSince(before));
        });
        assertEquals(store.plans().all().size(), fresh.get() / 2, "one plan per example");
    }

    @Test
    void a_second_plan_for_an_enrollment_and_a_stale_plan_write_are_conflicts_that_write_nothing() {
        EnrollmentId enrollment = newEnrollment();
        var ids = IdGenerator.sequential(42);
        InterventionPlan plan = InterventionPlan.open(new InterventionPlanId(ids.next()), enrollment);
        store.plans().save(plan, -1, List.of());
        var second = InterventionPlan.open(new InterventionPlanId(ids.next()), enrollment);
        var twice = assertThrows(ConcurrentUpdateException.class, () -> store.plans().save(second, -1, List.of()));
        assertEquals("InterventionPlan", twice.aggregate());
        assertEquals(second.id().toString(), twice.id());

        var goal = plan.addGoal(ids, PlanDomain.HOUSING, GoalKind.GENERAL, "a room of my own", true, T0);
        store.plans().save(goal.value(), 0, goal.events());
        int events = store.events().events().size();
        var stale = plan.addServiceReferral(ids, PlanDomain.LEGAL, "Legal aid clinic",
                org.leaddiversion.domain.plan.ServiceReferralStatus.REFERRED, T0);
        var conflict = assertThrows(ConcurrentUpdateException.class,
                () -> store.plans().save(stale.value(), 0, stale.events()));
        assertEquals("InterventionPlan", conflict.aggregate());
        assertEquals(plan.id().toString(), conflict.id());
        assertEquals(0, conflict.expectedVersion());
        assertEquals(1, conflict.actualVersion());
        assertEquals(Optional.of(PlanView.of(goal.value())), PlanView.of(store.plans().forEnrollment(enrollment)));
        assertEquals(events, store.events().events().size(), "the loser's events were not written");

        // goal status changes in place and comes back
        var achieved = goal.value().updateGoalStatus(goal.value().goals().get(0).id(), GoalStatus.ACHIEVED, T0);
        store.plans().save(achieved.value(), 1, achieved.events());
        assertEquals(Optional.of(PlanView.of(achieved.value())), PlanView.of(store.plans().forEnrollment(enrollment)));
        assertEquals(Optional.empty(), store.plans().forEnrollment(newEnrollment()));
    }

    // ---- flexible funds -------------------------------------------------------------------------------------

    @Test
    void any_generated_ledger_saved_version_by_version_comes_back_equal_to_the_cent() {
        qt().withExamples(40).forAll(Histories.fundScripts()).checkAssert(script -> {
            EnrollmentId enrollment = newEnrollment();
            int before = store.events().events().size();
            var events = new ArrayList<DomainEvent>();
            for (Step<FlexFund> step : Histories.play(script, enrollment, fresh.get())) {
                store.flexFunds().save(step.value(), step.expectedVersion(), step.events());
                events.addAll(step.events());
                assertEquals(Optional.of(FundView.of(step.value())),
                        FundView.of(store.flexFunds().forEnrollment(enrollment)));
            }
            assertEquals(events, eventsSince(before));
        });
    }

    @Test
    void a_stale_ledger_write_is_a_conflict_naming_the_ledger_and_versions_and_writes_nothing() {
        EnrollmentId enrollment = newEnrollment();
        var policy = FlexPolicy.defaults();
        var zone = java.time.ZoneId.of("America/Los_Angeles");
        FlexFund empty = FlexFund.open(enrollment);
        var first = empty.record(spend(enrollment, 1, "12.50"), policy, zone, T0);
        store.flexFunds().save(first.value(), -1, first.events());
        var second = first.value().record(spend(enrollment, 2, "40.00"), policy, zone, T0);
        store.flexFunds().save(second.value(), 1, second.events());
        int events = store.events().events().size();

        var stale = first.value().record(spend(enrollment, 3, "99.99"), policy, zone, T0);
        var conflict = assertThrows(ConcurrentUpdateException.class,
                () -> store.flexFunds().save(stale.value(), 1, stale.events()));
        assertEquals("FlexFund", conflict.aggregate());
        assertEquals(enrollment.toString(), conflict.id());
        assertEquals(1, conflict.expectedVersion());
        assertEquals(2, conflict.actualVersion());
        assertEquals(Optional.of(FundView.of(second.value())),
                FundView.of(store.flexFunds().forEnrollment(enrollment)));
        assertEquals(events, store.events().events().size());
        assertThrows(ConcurrentUpdateException.class, () -> store.flexFunds().save(first.value(), -1, List.of()),
                "a second new ledger for the enrollment");
        assertEquals(Money.of("52.50", "USD"), store.flexFunds().forEnrollment(enrollment).orElseThrow()
                .monthTotal(java.time.YearMonth.of(2026, 1), zone, java.util.Currency.getInstance("USD")));
        assertEquals(1, store.flexFunds().all().size());
    }

    static FlexExpenditure spend(EnrollmentId enrollment, int n, String usd) {
        return new FlexExpenditure(new FlexExpenditureId(new UUID(0xF, n)), enrollment, T0.plusSeconds(n),
                new Money(new BigDecimal(usd), java.util.Currency.getInstance("USD")), PlanDomain.TRANSPORTATION,
                "Metro", "monthly bus pass", Optional.empty(), Optional.empty());
    }

    // ---- caseloads ------------------------------------------------------------------------------------------

    @Test
    void a_site_never_saved_reads_as_empty_at_version_zero() {
        Caseloads none = store.caseloads().of(new SiteId("nowhere"));
        assertEquals(CaseloadsView.of(Caseloads.empty()), CaseloadsView.of(none));
        assertEquals(Map.of(), store.caseloads().all());
    }

    @Test
    void any_generated_assignments_saved_version_by_version_come_back_equal() {
        qt().withExamples(40).forAll(Histories.caseloadScripts()).checkAssert(script -> {
            var site = new SiteId("site-" + fresh.incrementAndGet());
            int before = store.events().events().size();
            var events = new ArrayList<DomainEvent>();
            for (Step<Caseloads> step : Histories.play(script, store.caseloads().of(site), fresh.get())) {
                store.caseloads().save(site, step.value(), step.expectedVersion(), step.events());
                events.addAll(step.events());
                assertEquals(CaseloadsView.of(step.value()), CaseloadsView.of(store.caseloads().of(site)));
            }
            assertEquals(events, eventsSince(before));
            assertEquals(CaseloadsView.of(store.caseloads().of(site)),
                    CaseloadsView.of(store.caseloads().all().getOrDefault(site, Caseloads.empty())));
        });
    }

    @Test
    void a_stale_caseload_write_is_a_conflict_naming_the_site_and_versions_and_writes_nothing() {
        var policy = CaseloadPolicy.defaults();
        EnrollmentId a = newEnrollment();
        EnrollmentId b = newEnrollment();
        var cm = new CaseManagerId("cm-1");
        Caseloads empty = store.caseloads().of(SITE);
        var first = empty.assign(a, cm, policy, T0);
        store.caseloads().save(SITE, first.value(), 0, first.events());
        int events = store.events().events().size();
        // a second writer that also read the empty site
        var stale = empty.assign(b, cm, policy, T0);
        var conflict = assertThrows(ConcurrentUpdateException.class,
                () -> store.caseloads().save(SITE, stale.value(), 0, stale.events()));
        assertEquals("Caseloads", conflict.aggregate());
        assertEquals(SITE.toString(), conflict.id());
        assertEquals(0, conflict.expectedVersion());
        assertEquals(1, conflict.actualVersion());
        assertEquals(CaseloadsView.of(first.value()), CaseloadsView.of(store.caseloads().of(SITE)));
        assertEquals(events, store.events().events().size());
        // a site without assignments written with a version it never had
        assertThrows(ConcurrentUpdateException.class, () -> store.caseloads().save(new SiteId("albany"),
                first.value(), 3, List.of()));
        assertEquals(Map.of(SITE, CaseloadsView.of(first.value())).keySet(), store.caseloads().all().keySet());
    }

    @Test
    void racing_assignments_at_one_site_are_each_committed_or_refused_and_never_exceed_the_cap(TestReporter report)
            throws Exception {
        var policy = new CaseloadPolicy(10, 8);
        var cm = new CaseManagerId("cm-busy");
        int writers = 4;
        int attempts = 8;
        var committed = new AtomicInteger();
        var refused = new AtomicInteger();
        var overCap = new AtomicInteger();
        Races.race(writers, k -> () -> {
            for (int m = 0; m < attempts; m++) {
                Caseloads read = store.caseloads().of(SITE);
                var out = read.assign(new EnrollmentId(new UUID(k, m)), cm, policy, T0.plusSeconds(m));
                if (!out.isSuccess()) {
                    overCap.incrementAndGet();
                    continue;
                }
                try {
                    store.transactions().inTransaction(() -> {
                        store.caseloads().save(SITE, out.value(), read.version(), out.events());
                        return null;
                    });
                    committed.incrementAndGet();
                } catch (ConcurrentUpdateException e) {
                    refused.incrementAndGet();
                }
            }
            return true;
        });
        report.publishEntry("committed " + committed + ", refused as conflicts " + refused + ", over the cap "
                + overCap);
        assertEquals(writers * attempts, committed.get() + refused.get() + overCap.get());
        Caseloads after = store.caseloads().of(SITE);
        assertEquals(committed.get(), after.version(), "no lost update: one version per committed change");
        assertEquals(committed.get(), after.openCaseload(cm), "one assignment per committed change");
        assertTrue(after.openCaseload(cm) <= policy.cap(), "the cap holds under racing writers");
    }

    // ---- all together ---------------------------------------------------------------------------------------

    @Test
    void a_failed_transaction_leaves_no_plan_ledger_assignment_or_event_behind() {
        EnrollmentId enrollment = newEnrollment();
        var ids = IdGenerator.sequential(7);
        var plan = InterventionPlan.open(new InterventionPlanId(ids.next()), enrollment)
                .addGoal(ids, PlanDomain.EMPLOYMENT_EDUCATION, GoalKind.GENERAL, "finish my GED", true, T0);
        var fund = FlexFund.open(enrollment).record(spend(enrollment, 1, "20.00"), FlexPolicy.defaults(),
                java.time.ZoneId.of("UTC"), T0);
        var assigned = Caseloads.empty().assign(enrollment, new CaseManagerId("cm-1"), CaseloadPolicy.defaults(), T0);
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.plans().save(plan.value(), -1, plan.events());
            store.flexFunds().save(fund.value(), -1, fund.events());
            store.caseloads().save(SITE, assigned.value(), 0, assigned.events());
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(Optional.empty(), store.plans().forEnrollment(enrollment));
        assertEquals(Optional.empty(), store.flexFunds().forEnrollment(enrollment));
        assertEquals(CaseloadsView.of(Caseloads.empty()), CaseloadsView.of(store.caseloads().of(SITE)));
        assertEquals(List.of(), store.events().events());
        // and the same writes succeed afterwards
        store.transactions().inTransaction(() -> {
            store.plans().save(plan.value(), -1, plan.events());
            store.flexFunds().save(fund.value(), -1, fund.events());
            store.caseloads().save(SITE, assigned.value(), 0, assigned.events());
            return null;
        });
        assertEquals(3, store.events().events().size(), "goal set, expenditure recorded, case manager assigned");
    }
}

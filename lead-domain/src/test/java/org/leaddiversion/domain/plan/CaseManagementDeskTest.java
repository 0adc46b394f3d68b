/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.Participants.enrolled;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.FlexPolicy;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.rules.RuleCatalogue;

/**
 * The case-management desk through an in-memory programme: who may assign and who may write the plan (the access
 * matrix), open enrollments only, the caseload cap and target of the policy in force (R30) — also when assignments
 * race — and flexible-fund approvals (R33).
 */
@DisplayName("Case-management desk")
class CaseManagementDeskTest {

    private static final Actor CM = Fixtures.CASE_MANAGER;
    private static final Actor OTHER_CM = Actor.of("cm-2", Role.CASE_MANAGER);
    private static final Actor PM = Fixtures.PROJECT_MANAGER;
    private static final CaseManagerId CM_ID = CaseManagerId.of(CM.id());
    private static final CaseManagerId OTHER_ID = CaseManagerId.of(OTHER_CM.id());
    private static final SiteId SEATTLE = Fixtures.SEATTLE;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T17:00:00Z"));

    /** Seattle with a caseload cap of 3 (target 2) and a $250 / $1000-a-month flex cap a project manager may pass. */
    private static SitePolicyHistory seattle() {
        SitePolicyHistory h = Fixtures.seattle();
        SitePolicy p = h.latest();
        return history(h.version(1).orElseThrow(), p.toBuilder().version(p.version(), p.effectiveFrom())
                .caseload(new CaseloadPolicy(3, 2))
                .flex(new FlexPolicy(Optional.of(Money.of("250.00", "USD")), Optional.of(Money.of("1000.00", "USD")),
                        Set.of(Role.PROJECT_MANAGER)))
                .build());
    }

    private final InMemoryProgramme programme = programme(clock, seattle());
    private final CaseManagementDesk desk = programme.caseManagement();

    private void rulesHold() {
        var violations = RuleCatalogue.checkAll(programme.record());
        assertTrue(violations.isEmpty(), violations::toString);
    }

    private Caseloads caseloads() {
        return programme.caseloads().of(SEATTLE);
    }

    private Outcome<FlexFund> spend(EnrollmentId e, Actor actor, Instant at, String amount, Optional<Actor> approver) {
        return desk.spend(e, actor, at, Money.of(amount, "USD"), PlanDomain.HOUSING, "Motel 6", "a room",
                approver, Optional.empty());
    }

    // ---- who may assign ---------------------------------------------------------------------------------------

    @Test
    void a_case_manager_takes_an_unassigned_participant_but_only_onto_their_own_caseload() {
        EnrollmentId ana = enrolled(programme, clock, "ana");

        assertTrue(desk.assignCaseManager(ana, OTHER_ID, CM).hasError(ErrorCode.NOT_AUTHORISED), "not for a colleague");
        assertTrue(desk.assignCaseManager(ana, CM_ID, Fixtures.OFFICER).hasError(ErrorCode.NOT_AUTHORISED));
        expect(desk.assignCaseManager(ana, CM_ID, CM), "self-assignment");
        assertEquals(Optional.of(CM_ID), caseloads().caseManagerOf(ana));

        // once assigned, a colleague cannot take her over; the project manager can move her
        assertTrue(desk.assignCaseManager(ana, OTHER_ID, OTHER_CM).hasError(ErrorCode.NOT_AUTHORISED));
        assertEquals(Optional.of(CM_ID), caseloads().caseManagerOf(ana));
        expect(desk.assignCaseManager(ana, OTHER_ID, PM), "reassignment by the project manager");
        assertEquals(Optional.of(OTHER_ID), caseloads().caseManagerOf(ana));
        assertEquals(0, caseloads().openCaseload(CM_ID));
        rulesHold();
    }

    @Test
    void only_the_assigned_case_manager_writes_the_plan_and_the_spending() {
        EnrollmentId ana = enrolled(programme, clock, "ana");
        // nobody writes the plan of an unassigned participant
        assertTrue(desk.addGoal(ana, CM, PlanDomain.HOUSING, GoalKind.GENERAL, "a room", true).hasError(
                ErrorCode.NOT_AUTHORISED));
        expect(desk.assignCaseManager(ana, CM_ID, PM), "assignment");

        for (Actor other : List.of(OTHER_CM, PM, Fixtures.OFFICER, Fixtures.PROSECUTOR)) {
            assertTrue(desk.addGoal(ana, other, PlanDomain.HOUSING, GoalKind.GENERAL, "a room", true)
                    .hasError(ErrorCode.NOT_AUTHORISED), other::toString);
            assertTrue(desk.addServiceReferral(ana, other, PlanDomain.HOUSING, "navigator",
                    ServiceReferralStatus.REFERRED).hasError(ErrorCode.NOT_AUTHORISED), other::toString);
            assertTrue(spend(ana, other, clock.instant(), "20.00", Optional.empty())
                    .hasError(ErrorCode.NOT_AUTHORISED), other::toString);
        }
        assertTrue(programme.plans().forEnrollment(ana).isEmpty(), "no refused write opened a plan");
        assertTrue(programme.funds().forEnrollment(ana).isEmpty());

        InterventionPlan plan = expect(desk.addGoal(ana, CM, PlanDomain.HOUSING, GoalKind.GENERAL, "a room", true),
                "goal");
        GoalId goal = plan.goals().get(0).id();
        assertTrue(desk.updateGoalStatus(ana, OTHER_CM, goal, GoalStatus.ACHIEVED).hasError(ErrorCode.NOT_AUTHORISED));
        expect(desk.updateGoalStatus(ana, CM, goal, GoalStatus.ACHIEVED), "goal achieved");
        assertEquals(GoalStatus.ACHIEVED, programme.plans().forEnrollment(ana).orElseThrow().goal(goal).orElseThrow().status());
        assertTrue(desk.addGoal(ana, CM, PlanDomain.SUBSTANCE_USE, GoalKind.ABSTINENCE, "stop using", false)
                .hasError(ErrorCode.GOAL_NOT_PARTICIPANT_SET), "abstinence is never imposed");
        rulesHold();
    }

    @Test
    void every_command_needs_an_open_enrollment() {
        EnrollmentId ana = enrolled(programme, clock, "ana");
        expect(desk.assignCaseManager(ana, CM_ID, CM), "assignment");
        InterventionPlan plan = expect(desk.addGoal(ana, CM, PlanDomain.HOUSING, GoalKind.GENERAL, "a room", true),
                "goal");
        clock.advance(Duration.ofDays(3));
        expect(programme.desk().withdrawFromEnrollment(ana, Fixtures.self(new org.leaddiversion.domain.referral.PersonId("ana"))), "she leaves");
        assertEquals(0, caseloads().openCaseload(CM_ID), "closing releases the caseload in the same transaction");

        List<Outcome<?>> refused = List.of(
                desk.assignCaseManager(ana, CM_ID, PM),
                desk.addGoal(ana, CM, PlanDomain.HOUSING, GoalKind.GENERAL, "again", true),
                desk.updateGoalStatus(ana, CM, plan.goals().get(0).id(), GoalStatus.SET_ASIDE),
                desk.addServiceReferral(ana, CM, PlanDomain.HOUSING, "navigator", ServiceReferralStatus.REFERRED),
                spend(ana, CM, clock.instant(), "20.00", Optional.empty()));
        for (Outcome<?> out : refused) {
            assertTrue(out.hasError(ErrorCode.ENROLLMENT_CLOSED), out::toString);
        }
        assertTrue(desk.addGoal(new EnrollmentId(new java.util.UUID(9, 9)), CM, PlanDomain.HOUSING, GoalKind.GENERAL,
                "x", true).hasError(ErrorCode.NOT_FOUND));
        rulesHold();
    }

    // ---- cap and target (R30) -----------------------------------------------------------------------------------

    @Test
    void the_cap_and_target_of_the_policy_in_force_apply_and_a_closure_makes_room() {
        List<EnrollmentId> people = new ArrayList<>();
        for (String p : List.of("ana", "bea", "cy", "dee")) {
            people.add(enrolled(programme, clock, p));
        }
        Outcome<Caseloads> first = desk.assignCaseManager(people.get(0), CM_ID, PM);
        Outcome<Caseloads> second = desk.assignCaseManager(people.get(1), CM_ID, PM);
        Outcome<Caseloads> third = desk.assignCaseManager(people.get(2), CM_ID, PM);
        Outcome<Caseloads> fourth = desk.assignCaseManager(people.get(3), CM_ID, PM);

        assertTrue(first.isSuccess() && first.warnings().isEmpty());
        assertEquals(ErrorCode.CASELOAD_AT_TARGET, second.warnings().get(0).code(), "target 2 reached: a warning");
        assertTrue(third.isSuccess(), "the cap of 3 itself is allowed");
        assertTrue(fourth.hasError(ErrorCode.CASELOAD_CAP_EXCEEDED));
        assertEquals(3, caseloads().openCaseload(CM_ID));

        // assigning the same person again is a no-op, not a fourth place
        Outcome<Caseloads> again = desk.assignCaseManager(people.get(0), CM_ID, PM);
        assertTrue(again.isSuccess() && again.events().isEmpty());

        clock.advance(Duration.ofDays(1));
        expect(programme.desk().withdrawFromEnrollment(people.get(1), Fixtures.self(programme.enrollments().find(people.get(1)).orElseThrow().person())), "bea leaves");
        expect(desk.assignCaseManager(people.get(3), CM_ID, PM), "dee takes her place");
        assertEquals(3, caseloads().openCaseload(CM_ID));
        rulesHold();
    }

    /** Site caseloads whose read can be pinned to a version already read, as on a second application server. */
    private static final class StaleReads implements SiteCaseloads {
        private final SiteCaseloads stored;
        private Caseloads pinned;

        StaleReads(SiteCaseloads stored) {
            this.stored = stored;
        }

        void pin(Caseloads version) {
            pinned = version;
        }

        @Override
        public Caseloads of(SiteId site) {
            return pinned != null ? pinned : stored.of(site);
        }

        @Override
        public void save(SiteId site, Caseloads caseloads, long expectedVersion, List<DomainEvent> events) {
            stored.save(site, caseloads, expectedVersion, events);
        }

        @Override
        public Map<SiteId, Caseloads> all() {
            return stored.all();
        }
    }

    @Test
    void two_assignments_on_the_same_read_cannot_together_pass_the_cap() {
        List<EnrollmentId> people = new ArrayList<>();
        for (String p : List.of("ana", "bea", "cy", "dee")) {
            people.add(enrolled(programme, clock, p));
        }
        expect(desk.assignCaseManager(people.get(0), CM_ID, PM), "ana");
        expect(desk.assignCaseManager(people.get(1), CM_ID, PM), "bea");
        var stale = new StaleReads(programme.caseloads());
        var otherServer = new CaseManagementDesk(clock, org.leaddiversion.domain.common.IdGenerator.sequential(7),
                programme.policies(), programme.enrollments(), stale, programme.plans(), programme.funds(),
                programme.store());
        // both servers read: two of three places taken
        stale.pin(caseloads());
        int eventsBefore = programme.events().size();

        expect(desk.assignCaseManager(people.get(2), CM_ID, PM), "cy, on the first server");
        Outcome<Caseloads> late = otherServer.assignCaseManager(people.get(3), CM_ID, PM);

        assertTrue(late.hasError(ErrorCode.CONCURRENT_UPDATE), late::toString);
        assertEquals(3, caseloads().openCaseload(CM_ID));
        assertTrue(caseloads().caseManagerOf(people.get(3)).isEmpty());
        assertEquals(eventsBefore + 1, programme.events().size(), "only cy's assignment left an event");
        rulesHold();
    }

    @Test
    void many_case_managers_and_managers_assigning_at_once_never_pass_the_cap() throws Exception {
        List<EnrollmentId> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(enrolled(programme, clock, "p" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            var start = new CountDownLatch(1);
            List<Future<Outcome<Caseloads>>> results = new ArrayList<>();
            for (EnrollmentId e : people) {
                Callable<Outcome<Caseloads>> assign = () -> {
                    start.await();
                    return desk.assignCaseManager(e, CM_ID, PM);
                };
                results.add(pool.submit(assign));
            }
            start.countDown();
            int assigned = 0;
            for (Future<Outcome<Caseloads>> f : results) {
                Outcome<Caseloads> out = f.get(10, TimeUnit.SECONDS);
                if (out.isSuccess()) {
                    assigned++;
                } else {
                    assertTrue(out.hasError(ErrorCode.CASELOAD_CAP_EXCEEDED)
                            || out.hasError(ErrorCode.CONCURRENT_UPDATE), out::toString);
                }
            }
            assertEquals(3, assigned);
            assertEquals(3, caseloads().openCaseload(CM_ID));
        } finally {
            pool.shutdownNow();
        }
        rulesHold();
    }

    // ---- flexible funds (R33) ------------------------------------------------------------------------------------

    @Test
    void spending_above_a_cap_waits_for_a_project_managers_approval() {
        EnrollmentId ana = enrolled(programme, clock, "ana");
        expect(desk.assignCaseManager(ana, CM_ID, CM), "assignment");
        clock.advance(Duration.ofDays(2));
        Instant now = clock.instant();

        expect(spend(ana, CM, now, "250.00", Optional.empty()), "exactly at the cap needs no approval");
        assertTrue(spend(ana, CM, now, "250.01", Optional.empty()).hasError(ErrorCode.FLEX_APPROVAL_REQUIRED));
        assertTrue(spend(ana, CM, now, "400.00", Optional.of(OTHER_CM)).hasError(ErrorCode.NOT_AUTHORISED),
                "a case manager cannot approve");
        expect(spend(ana, CM, now, "400.00", Optional.of(PM)), "approved by the project manager");
        // $650 spent this month: another $351 would pass the monthly $1000
        expect(spend(ana, CM, now, "200.00", Optional.empty()), "under both caps");
        assertTrue(spend(ana, CM, now, "151.00", Optional.empty()).hasError(ErrorCode.FLEX_APPROVAL_REQUIRED));
        expect(spend(ana, CM, now, "150.00", Optional.empty()), "exactly at the monthly cap");

        FlexFund fund = programme.funds().forEnrollment(ana).orElseThrow();
        assertEquals(4, fund.expenditures().size());
        assertEquals(Optional.of(PM), fund.expenditures().get(1).approvedBy());
        rulesHold();
    }

    @Test
    void money_is_not_spent_in_the_future_nor_before_the_enrollment_nor_on_a_goal_the_plan_lacks() {
        Instant beforeIntake = clock.instant();
        EnrollmentId ana = enrolled(programme, clock, "ana");
        expect(desk.assignCaseManager(ana, CM_ID, CM), "assignment");
        clock.advance(Duration.ofDays(1));

        Outcome<FlexFund> tomorrow = spend(ana, CM, clock.instant().plusSeconds(1), "20.00", Optional.empty());
        assertTrue(tomorrow.hasError(ErrorCode.INVALID_TIMESTAMP));
        assertTrue(spend(ana, CM, beforeIntake, "20.00", Optional.empty()).hasError(ErrorCode.INVALID_TIMESTAMP));
        assertTrue(desk.spend(ana, CM, clock.instant(), Money.of("20.00", "USD"), PlanDomain.HOUSING, "Motel 6",
                "a room", Optional.empty(), Optional.of(new GoalId(new java.util.UUID(1, 2))))
                .hasError(ErrorCode.NOT_FOUND));
        assertFalse(programme.funds().forEnrollment(ana).isPresent(), "nothing was recorded");
        expect(spend(ana, CM, clock.instant(), "20.00", Optional.empty()), "spent now");
        rulesHold();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.graphql.EnrollmentCommandsScenarios.codeFieldRule;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.fixtures.ProgrammeFixtures;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.FlexPolicy;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

/**
 * Case management through the API, in a Seattle whose policy caps a caseload at 3 (target 2) and flexible-fund
 * spending at $250 an expenditure and $1,000 a participant a month, above which a project manager approves. Rosa's
 * case manager plans the goals Rosa sets and spends on her needs; the project manager fills case manager cm-2's
 * caseload to its cap.
 */
@SpringBootTest(classes = {TestApplication.class, CaseManagementScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaseManagementScenarios extends ApiClients {

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(CareStories.START);
        }
    }

    private static final String ADD_GOAL = """
            mutation($participant: ID!, $enrollment: ID!, $kind: GoalKind, $description: String!, $set: Boolean!) {
              addGoal(input: {participantId: $participant, enrollmentId: $enrollment, domain: HOUSING, kind: $kind,
                               description: $description, setByParticipant: $set}) {
                goalId
                plan { enrollmentId goals { id domain kind description setByParticipant status createdAt } }
                errors { code field rule message }
              }
            }""";

    private static final String SPEND = """
            mutation($participant: ID!, $enrollment: ID!, $at: DateTime!, $amount: String!, $currency: String!,
                     $approvedBy: ApproverInput) {
              spend(input: {participantId: $participant, enrollmentId: $enrollment, spentAt: $at,
                            amount: {amount: $amount, currency: $currency}, category: HOUSING,
                            payee: "Motel on Aurora", purpose: "A room for the week", approvedBy: $approvedBy}) {
                expenditureId
                plan { expenditures { id spentAt amount { amount currency } category payee purpose
                                      approvedBy { id role } linkedGoalId } }
                errors { code field rule message }
              }
            }""";

    private static final String ASSIGN = """
            mutation($enrollment: ID!, $cm: ID!) {
              assignCaseManager(input: {enrollmentId: $enrollment, caseManagerId: $cm}) {
                enrollmentId caseManagerId openCaseload
                warnings { code field rule message }
                errors { code field rule message }
              }
            }""";

    @Autowired
    PersistentProgramme programme;
    @Autowired
    Clock clock;

    private CareStories.Enrolled rosa;
    private CareStories.Enrolled maya;
    private List<CareStories.Enrolled> waiting;

    /** Seattle's policy with a small caseload cap and flex caps a project manager may pass. */
    private static SitePolicy capped(SitePolicy p) {
        return p.toBuilder().version(p.version(), p.effectiveFrom())
                .caseload(new CaseloadPolicy(3, 2))
                .flex(new FlexPolicy(Optional.of(Money.of("250.00", "USD")), Optional.of(Money.of("1000.00", "USD")),
                        Set.of(Role.PROJECT_MANAGER)))
                .build();
    }

    @BeforeAll
    void seattle_takes_rosa_maya_and_four_others_into_lead() {
        var seattle = Fixtures.seattle();
        programme.policies().put(ProgrammeFixtures.history(seattle.version(1).orElseThrow(),
                capped(seattle.latest())));
        var people = CareStories.enrolled(programme, (MutableClock) clock, "rosa", "maya", "ann", "bea", "cas",
                "dee");
        rosa = people.get("rosa");
        maya = people.get("maya");
        waiting = List.of(people.get("ann"), people.get("bea"), people.get("cas"), people.get("dee"));
        CareStories.assignedToCm1(programme, rosa);
        CareStories.assignedToCm1(programme, maya);
    }

    // ---- the plan (R31) -------------------------------------------------------------------------------------------

    @Test
    void the_case_manager_plans_a_goal_rosa_set_and_moves_it_along() {
        int before = auditCount();
        var added = caseManager().document(ADD_GOAL).variable("participant", rosa.person())
                .variable("enrollment", rosa.enrollment()).variable("kind", "GENERAL")
                .variable("description", "A place of my own before winter").variable("set", true).executeSync();
        assertTrue(added.getErrors().isEmpty(), () -> added.getErrors().toString());
        assertEquals(List.of(), added.field("addGoal.errors").getValue());
        String goal = added.field("addGoal.goalId").getValue();
        assertNotNull(goal);
        assertEquals(rosa.enrollment(), added.field("addGoal.plan.enrollmentId").getValue());
        Map<String, Object> set = goalOf(added.field("addGoal.plan.goals").getValue(), goal);
        assertEquals("HOUSING", set.get("domain"));
        assertEquals("A place of my own before winter", set.get("description"));
        assertEquals(true, set.get("setByParticipant"));
        assertEquals("OPEN", set.get("status"));
        assertEquals(CareStories.NOW.toString(), set.get("createdAt"));
        assertEquals(1, auditCount() - before, "the plan is read back once, audited");

        var moved = caseManager().document("""
                mutation($participant: ID!, $enrollment: ID!, $goal: ID!) {
                  updateGoalStatus(input: {participantId: $participant, enrollmentId: $enrollment, goalId: $goal,
                                           status: IN_PROGRESS}) {
                    goalId plan { goals { id status } } errors { code }
                  }
                }""").variable("participant", rosa.person()).variable("enrollment", rosa.enrollment())
                .variable("goal", goal).executeSync();
        assertEquals(List.of(), moved.field("updateGoalStatus.errors").getValue());
        assertEquals(goal, moved.field("updateGoalStatus.goalId").getValue());
        assertEquals("IN_PROGRESS", goalOf(moved.field("updateGoalStatus.plan.goals").getValue(), goal).get("status"));
    }

    @Test
    void an_abstinence_goal_rosa_did_not_set_is_refused_naming_the_rule() {
        var response = caseManager().document(ADD_GOAL).variable("participant", rosa.person())
                .variable("enrollment", rosa.enrollment()).variable("kind", "ABSTINENCE")
                .variable("description", "Stay clean").variable("set", false).executeSync();
        assertNull(response.field("addGoal.plan").getValue());
        assertNull(response.field("addGoal.goalId").getValue());
        assertEquals(Map.of("code", "GOAL_NOT_PARTICIPANT_SET", "field", "goal.setByParticipant", "rule", "R31"),
                codeFieldRule(response, "addGoal"));
    }

    @Test
    void a_case_manager_rosa_is_not_assigned_to_may_not_write_her_plan() {
        var response = as("cm-2", "CASE_MANAGER", "CARE_COORDINATION", false).document(ADD_GOAL)
                .variable("participant", rosa.person()).variable("enrollment", rosa.enrollment())
                .variable("description", "Get my ID back").variable("set", true).executeSync();
        List<Map<String, Object>> errors = response.field("addGoal.errors").getValue();
        assertEquals("NOT_AUTHORISED", errors.get(0).get("code"), errors::toString);
        assertNull(response.field("addGoal.plan").getValue());
    }

    @Test
    void the_case_manager_refers_rosa_to_a_service_provider() {
        var response = caseManager().document("""
                mutation($participant: ID!, $enrollment: ID!) {
                  addServiceReferral(input: {participantId: $participant, enrollmentId: $enrollment,
                                             domain: PHYSICAL_HEALTH, provider: "Pioneer Square Clinic"}) {
                    serviceReferralId
                    plan { serviceReferrals { id domain provider status referredAt } }
                    errors { code }
                  }
                }""").variable("participant", rosa.person()).variable("enrollment", rosa.enrollment()).executeSync();
        assertEquals(List.of(), response.field("addServiceReferral.errors").getValue());
        String id = response.field("addServiceReferral.serviceReferralId").getValue();
        List<Map<String, Object>> referrals = response.field("addServiceReferral.plan.serviceReferrals").getValue();
        var made = referrals.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals("Pioneer Square Clinic", made.get("provider"));
        assertEquals("REFERRED", made.get("status"), "the default status");
    }

    @Test
    void a_blank_goal_or_a_goal_id_that_is_not_an_id_is_a_bad_request_naming_the_field() {
        var blank = caseManager().document(ADD_GOAL).variable("participant", rosa.person())
                .variable("enrollment", rosa.enrollment()).variable("description", "   ").variable("set", true)
                .executeSync();
        assertBadRequest(blank, "input.description");

        var notAnId = caseManager().document("""
                mutation($participant: ID!, $enrollment: ID!) {
                  updateGoalStatus(input: {participantId: $participant, enrollmentId: $enrollment, goalId: "goal-1",
                                           status: ACHIEVED}) { errors { code } }
                }""").variable("participant", rosa.person()).variable("enrollment", rosa.enrollment()).executeSync();
        assertBadRequest(notAnId, "input.goalId");
    }

    // ---- the participant's plans as a field of her record -----------------------------------------------------------

    @Test
    void the_assigned_case_manager_reads_plans_and_the_court_without_consent_does_not() {
        caseManager().document(ADD_GOAL).variable("participant", maya.person()).variable("enrollment", maya.enrollment())
                .variable("description", "See my kids on Sundays").variable("set", true).executeSync();
        String query = "query($id: ID!) { participant(id: $id) { plans { enrollmentId goals { description } } } }";
        int before = auditCount();
        var mine = caseManager().document(query).variable("id", maya.person()).executeSync();
        assertTrue(mine.getErrors().isEmpty(), () -> mine.getErrors().toString());
        assertEquals("See my kids on Sundays", mine.field("participant.plans[0].goals[0].description").getValue());
        assertEquals(1, auditCount() - before);

        var court = as("court-1", "COURT", "COURT_PROGRESS", false).document(query).variable("id", maya.person())
                .executeSync();
        assertNull(court.field("participant.plans").getValue());
        ResponseError error = only(court);
        assertEquals("FORBIDDEN", error.getErrorType().toString());
        assertEquals("dataClasses.PLAN_SUMMARY", error.getExtensions().get("field"));
        assertEquals("CONSENT_REQUIRED", error.getExtensions().get("code"));
    }

    // ---- flexible funds (R33) -------------------------------------------------------------------------------------

    @Test
    void spending_within_the_caps_is_recorded_exactly_and_above_a_cap_it_needs_a_project_managers_approval() {
        String at = CareStories.seattle("2026-02-02T18:00").toString();
        var small = spend(caseManager(), "120.5", at, null);
        assertEquals(List.of(), small.field("spend.errors").getValue());
        String first = small.field("spend.expenditureId").getValue();
        Map<String, Object> recorded = expenditureOf(small, first);
        assertEquals(Map.of("amount", "120.50", "currency", "USD"), recorded.get("amount"));
        assertEquals(at, recorded.get("spentAt"));
        assertNull(recorded.get("approvedBy"));

        var unapproved = spend(caseManager(), "300.00", at, null);
        assertNull(unapproved.field("spend.plan").getValue());
        assertNull(unapproved.field("spend.expenditureId").getValue());
        assertEquals(Map.of("code", "FLEX_APPROVAL_REQUIRED", "field", "approvedBy", "rule", "R33"),
                codeFieldRule(unapproved, "spend"));

        var wrongApprover = spend(caseManager(), "300.00", at, Map.of("id", "cm-7", "role", "CASE_MANAGER"));
        assertEquals(Map.of("code", "NOT_AUTHORISED", "field", "approvedBy.role", "rule", "R33"),
                codeFieldRule(wrongApprover, "spend"));

        var approved = spend(caseManager(), "300.00", at, Map.of("id", "pm-1", "role", "PROJECT_MANAGER"));
        assertEquals(List.of(), approved.field("spend.errors").getValue());
        Map<String, Object> big = expenditureOf(approved, approved.field("spend.expenditureId").getValue());
        assertEquals(Map.of("amount", "300.00", "currency", "USD"), big.get("amount"));
        assertEquals(Map.of("id", "pm-1", "role", "PROJECT_MANAGER"), big.get("approvedBy"));
        assertEquals("Motel on Aurora", big.get("payee"));
    }

    @Test
    void an_amount_that_is_not_exact_money_is_a_bad_request_naming_the_field() {
        String at = CareStories.seattle("2026-02-02T18:00").toString();
        for (String amount : List.of("12.345", "1e3", "-5.00", "0", "0.00", "12,50", "", "NaN")) {
            assertBadRequest(spend(caseManager(), amount, at, null), "input.amount.amount");
        }
        assertBadRequest(spendIn(caseManager(), "10.00", "XYZ", at, null), "input.amount.currency");
    }

    @Test
    void spending_in_the_future_is_refused_and_an_anonymous_request_cannot_spend() {
        var future = spend(caseManager(), "10.00", CareStories.seattle("2026-02-05T10:00").toString(), null);
        assertEquals(Map.of("code", "INVALID_TIMESTAMP", "field", "spentAt", "rule", "R29"),
                codeFieldRule(future, "spend"));
        var anonymous = spend(anonymous(), "10.00", CareStories.seattle("2026-02-02T10:00").toString(), null);
        assertEquals("FORBIDDEN", only(anonymous).getErrorType().toString());
    }

    // ---- caseloads (R30) ------------------------------------------------------------------------------------------

    @Test
    void the_project_manager_fills_a_caseload_to_its_cap_with_a_warning_at_the_target_and_no_further() {
        var pm = as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false);
        var first = pm.document(ASSIGN).variable("enrollment", waiting.get(0).enrollment()).variable("cm", "cm-2")
                .executeSync();
        assertEquals(List.of(), first.field("assignCaseManager.errors").getValue());
        assertEquals(waiting.get(0).enrollment(), first.field("assignCaseManager.enrollmentId").getValue());
        assertEquals("cm-2", first.field("assignCaseManager.caseManagerId").getValue());
        assertEquals(1, (Integer) first.field("assignCaseManager.openCaseload").getValue());
        assertEquals(List.of(), first.field("assignCaseManager.warnings").getValue());

        var second = pm.document(ASSIGN).variable("enrollment", waiting.get(1).enrollment()).variable("cm", "cm-2")
                .executeSync();
        assertEquals(2, (Integer) second.field("assignCaseManager.openCaseload").getValue());
        List<Map<String, Object>> warnings = second.field("assignCaseManager.warnings").getValue();
        assertEquals("CASELOAD_AT_TARGET", warnings.get(0).get("code"));
        assertEquals("R30", warnings.get(0).get("rule"));

        var third = pm.document(ASSIGN).variable("enrollment", waiting.get(2).enrollment()).variable("cm", "cm-2")
                .executeSync();
        assertEquals(3, (Integer) third.field("assignCaseManager.openCaseload").getValue());

        var over = pm.document(ASSIGN).variable("enrollment", waiting.get(3).enrollment()).variable("cm", "cm-2")
                .executeSync();
        assertNull(over.field("assignCaseManager.enrollmentId").getValue());
        assertNull(over.field("assignCaseManager.openCaseload").getValue());
        assertEquals(Map.of("code", "CASELOAD_CAP_EXCEEDED", "field", "caseManagerId", "rule", "R30"),
                codeFieldRule(over, "assignCaseManager"));
    }

    @Test
    void a_case_manager_may_not_assign_a_participant_to_a_colleague() {
        var response = caseManager().document(ASSIGN).variable("enrollment", waiting.get(3).enrollment())
                .variable("cm", "cm-3").executeSync();
        assertEquals(Map.of("code", "NOT_AUTHORISED", "field", "actor.role", "rule", "R30"),
                codeFieldRule(response, "assignCaseManager"));
    }

    /** Spends {@code amount} US dollars on Rosa's housing at {@code at}, approved by {@code approvedBy} if not null. */
    private ClientGraphQlResponse spend(HttpSyncGraphQlClient client, String amount, String at,
                                        Map<String, Object> approvedBy) {
        return spendIn(client, amount, "USD", at, approvedBy);
    }

    private ClientGraphQlResponse spendIn(HttpSyncGraphQlClient client, String amount, String currency, String at,
                                          Map<String, Object> approvedBy) {
        return client.document(SPEND).variable("participant", rosa.person()).variable("enrollment", rosa.enrollment())
                .variable("at", at).variable("amount", amount).variable("currency", currency)
                .variable("approvedBy", approvedBy).executeSync();
    }

    private static Map<String, Object> expenditureOf(ClientGraphQlResponse response, String id) {
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> all = response.field("spend.plan.expenditures").getValue();
        return all.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> goalOf(List<Map<String, Object>> goals, String id) {
        return goals.stream().filter(g -> id.equals(g.get("id"))).findFirst().orElseThrow();
    }

    private static void assertBadRequest(ClientGraphQlResponse response, String field) {
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString(), error::toString);
        assertEquals(field, error.getExtensions().get("field"));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

/**
 * What a nested page costs the database: the case-management page (participants → referrals, plan → goals, last five
 * contacts, {@code graphql-test/caseloadPage.graphql}) issues the same number of SQL statements — at most four — at
 * page sizes 1, 10, 100 and 1,000, and answers every field of every participant. Statements are counted on the
 * application's DataSource ({@link StatementCounter}).
 */
@SpringBootTest(classes = {TestApplication.class, NestedPageFixture.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NestedPageScenarios extends ApiClients {

    @Autowired
    NestedPageFixture.Caseloads caseloads;

    @Test
    void the_nested_page_costs_the_same_statements_at_every_size_and_no_more_than_four() {
        Map<Integer, Integer> statements = new LinkedHashMap<>();
        for (int size : List.of(1, 10, 100, 1_000)) {
            int before = StatementCounter.STATEMENTS.get();
            var response = projectManager().documentName("caseloadPage").variable("first", size).executeSync();
            statements.put(size, StatementCounter.STATEMENTS.get() - before);
            assertAnswered(response, size);
        }
        int one = statements.get(1);
        assertEquals(Map.of(1, one, 10, one, 100, one, 1_000, one), statements, "statements by page size");
        assertTrue(one <= 4, () -> "statements for the nested page: " + one);
    }

    @Test
    void each_participant_on_the_page_comes_with_her_referral_her_goals_and_her_last_five_contacts() {
        var response = projectManager().documentName("caseloadPage").variable("first", 20).executeSync();
        List<Map<String, Object>> edges = assertAnswered(response, 20);
        for (int i = 0; i < edges.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) edges.get(i).get("node");
            assertEquals(String.format("person-%04d", i), node.get("id"));
            List<?> referrals = (List<?>) node.get("referrals");
            assertEquals(1, referrals.size());
            List<?> plans = (List<?>) node.get("plans");
            assertEquals(1, plans.size());
            List<?> goals = (List<?>) ((Map<?, ?>) plans.get(0)).get("goals");
            List<?> contacts = (List<?>) node.get("contacts");
            boolean busy = i % 10 == 0;
            assertEquals(busy ? 3 : 1, goals.size(), node.get("id").toString());
            assertEquals(busy ? 5 : 1, contacts.size(), node.get("id").toString());
            if (busy) {
                // her last five of seven, a minute apart after her referral, oldest first
                List<String> at = contacts.stream().map(c -> (String) ((Map<?, ?>) c).get("contactAt")).toList();
                assertEquals(at.stream().sorted().toList(), at);
            }
        }
    }

    @Test
    void every_participant_on_a_page_and_every_field_group_is_audited_once() {
        int before = auditCount();
        assertAnswered(projectManager().documentName("caseloadPage").variable("first", 100).executeSync(), 100);
        // the page: one entry per participant and one for the page; then referrals, plans, contacts: one each
        assertEquals(100 + 1 + 3 * 100, auditCount() - before);
    }

    @Test
    void referrals_asked_only_for_what_a_summary_holds_answer_as_the_whole_referrals_do() {
        String fields = "id site door status referredAt __typename";
        String page = "query($first: Int!) { participants(first: $first) { edges { node { id referrals { %s } } } } }";
        projectManager().document(page.formatted(fields)).variable("first", 30).executeSync(); // nothing left to load
        int audited = auditCount();
        int before = StatementCounter.STATEMENTS.get();
        var brief = projectManager().document(page.formatted(fields)).variable("first", 30).executeSync();
        int briefStatements = StatementCounter.STATEMENTS.get() - before;
        assertEquals(30 + 1 + 30, auditCount() - audited, "the page, then one referrals entry per participant");
        assertEquals(3, briefStatements, "the page, the referrals in brief, the audit");
        before = StatementCounter.STATEMENTS.get();
        var whole = projectManager().document(page.formatted(fields + " person { id }")).variable("first", 30)
                .executeSync();
        assertEquals(briefStatements, StatementCounter.STATEMENTS.get() - before, "statements, in brief and whole");
        assertTrue(brief.getErrors().isEmpty(), () -> brief.getErrors().toString());
        assertTrue(whole.getErrors().isEmpty(), () -> whole.getErrors().toString());
        List<Map<String, Object>> briefEdges = brief.field("participants.edges").getValue();
        List<Map<String, Object>> wholeEdges = whole.field("participants.edges").getValue();
        assertEquals(30, briefEdges.size());
        for (Map<String, Object> edge : wholeEdges) {
            Map<?, ?> node = (Map<?, ?>) edge.get("node");
            for (Object r : (List<?>) node.get("referrals")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> referral = (Map<String, Object>) r;
                assertEquals(Map.of("id", node.get("id")), referral.remove("person"), "the person referred");
            }
        }
        assertEquals(wholeEdges, briefEdges);
        // a participant read on her own, through the loader, in brief
        var one = projectManager().document("{ participant(id: \"person-0003\") { referrals { " + fields + " } } }")
                .executeSync();
        assertTrue(one.getErrors().isEmpty(), () -> one.getErrors().toString());
        assertEquals(((Map<?, ?>) briefEdges.get(3).get("node")).get("referrals"),
                one.field("participant.referrals").getValue());
    }

    private HttpSyncGraphQlClient projectManager() {
        return as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false);
    }

    private static List<Map<String, Object>> assertAnswered(ClientGraphQlResponse response, int size) {
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> edges = response.field("participants.edges").getValue();
        assertEquals(size, edges.size());
        assertEquals(NestedPageFixture.PEOPLE, response.field("participants.totalCount").<Integer>getValue());
        for (Map<String, Object> edge : edges) {
            Map<?, ?> node = (Map<?, ?>) edge.get("node");
            assertTrue(node.get("referrals") instanceof List<?> r && !r.isEmpty(), () -> "referrals of " + node);
            assertTrue(node.get("plans") instanceof List<?> p && !p.isEmpty(), () -> "plans of " + node);
            assertTrue(node.get("contacts") instanceof List<?> c && !c.isEmpty(), () -> "contacts of " + node);
        }
        return edges;
    }
}

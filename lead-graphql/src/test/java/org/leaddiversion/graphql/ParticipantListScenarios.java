/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

/**
 * The participant list as a front end pages through it: a Relay connection over real HTTP, keyset cursors, filters,
 * the access policy deciding who may list and every page audited. Seattle's programme of {@link ParticipantListFixture}.
 */
@SpringBootTest(classes = {TestApplication.class, ParticipantListFixture.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParticipantListScenarios extends ApiClients {

    private static final String PAGE = """
            query($first: Int, $after: String, $filter: ParticipantFilter) {
              participants(first: $first, after: $after, filter: $filter) {
                totalCount
                edges { cursor node { id } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @Autowired
    ParticipantListFixture.Seattle seattle;

    HttpSyncGraphQlClient projectManager() {
        return as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false);
    }

    private ClientGraphQlResponse page(HttpSyncGraphQlClient client, Integer first, String after,
                                       Map<String, Object> filter) {
        var request = client.document(PAGE).variable("first", first).variable("after", after);
        return (filter == null ? request : request.variable("filter", filter)).executeSync();
    }

    /** Every page under {@code filter}, {@code first} at a time; checks each page's shape and total. */
    private List<String> walk(HttpSyncGraphQlClient client, int first, Map<String, Object> filter, int total) {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 200; pages++) {
            var response = page(client, first, after, filter);
            assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
            assertEquals(total, response.field("participants.totalCount").<Integer>getValue());
            List<Map<String, Object>> edges = response.field("participants.edges").getValue();
            assertTrue(edges.size() <= first);
            edges.forEach(e -> seen.add((String) ((Map<?, ?>) e.get("node")).get("id")));
            Map<String, Object> info = response.field("participants.pageInfo").getValue();
            assertEquals(after != null, info.get("hasPreviousPage"));
            if (!edges.isEmpty()) {
                assertEquals(edges.get(0).get("cursor"), info.get("startCursor"));
                assertEquals(edges.get(edges.size() - 1).get("cursor"), info.get("endCursor"));
            }
            if (!(Boolean) info.get("hasNextPage")) {
                return seen;
            }
            after = (String) info.get("endCursor");
        }
        throw new AssertionError("the pages never end");
    }

    @Test
    void the_project_manager_pages_through_everyone_once_in_the_order_they_came() {
        assertEquals(seattle.everyone(), walk(projectManager(), 20, null, seattle.everyone().size()));
        assertEquals(seattle.everyone(), walk(projectManager(), 7, null, seattle.everyone().size()));
        var defaults = projectManager().document("{ participants { edges { node { id } } } }").executeSync();
        assertEquals(ParticipantListController.DEFAULT_PAGE,
                defaults.field("participants.edges").<List<?>>getValue().size(), "20 unless asked");
    }

    @Test
    void filters_narrow_the_list_by_site_door_status_case_manager_and_dates() {
        assertEquals(seattle.everyone(), walk(projectManager(), 50, Map.of("site", "seattle-king-county"),
                seattle.everyone().size()));
        assertEquals(List.of(), walk(projectManager(), 50, Map.of("site", "santa-fe"), 0));
        assertEquals(seattle.community(), walk(projectManager(), 50, Map.of("doors", List.of("COMMUNITY")), 2));
        assertEquals(List.of("rosa", "ana"), walk(projectManager(), 1,
                Map.of("referralStatuses", List.of("INTAKE_COMPLETED")), 2));
        assertEquals(List.of("rosa"), walk(projectManager(), 50,
                Map.of("enrollmentStatuses", List.of("ACTIVE"), "caseManager", "cm-1"), 1));
        assertEquals(List.of("ana"), walk(projectManager(), 50, Map.of("caseManager", "cm-2"), 1));
        assertEquals(List.of("ana"), walk(projectManager(), 50,
                Map.of("enrolledBetween", Map.of("from", "2026-01-27T00:00:00Z")), 1));
        assertEquals(List.of("rosa"), walk(projectManager(), 50, Map.of("referredBetween",
                Map.of("from", "2026-01-13T05:00:00Z", "before", "2026-01-13T05:00:15Z")), 1));
    }

    @Test
    void each_node_is_a_participant_whose_fields_are_read_decided_and_audited_on_their_own() {
        int before = auditCount();
        var response = projectManager().document("""
                { participants(first: 3) { edges { node { id referrals { id status } } } } }""").executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertEquals("SUBMITTED", response.field("participants.edges[1].node.referrals[0].status").getValue());
        // three people named and the page; then the referrals field group of each of the three
        assertEquals(3 + 1 + 3, auditCount() - before);
    }

    @Test
    void a_viewer_the_policy_refuses_gets_null_and_a_forbidden_error_naming_the_class() {
        int before = auditCount();
        var court = page(as("court-1", "COURT", "COURT_PROGRESS", false), 10, null, null);
        assertNull(court.field("participants").getValue());
        ResponseError error = only(court);
        assertEquals("FORBIDDEN", error.getErrorType().toString());
        assertEquals("dataClasses.REFERRAL_CORE", error.getExtensions().get("field"));
        assertEquals(before + 1, auditCount(), "the refusal is audited");

        var prosecutor = as("prosecutor-1", "PROSECUTOR", "LEGAL_COORDINATION", false);
        assertEquals(seattle.everyone().size(), page(prosecutor, 1, null, null)
                .field("participants.totalCount").<Integer>getValue(), "a prosecutor lists referrals");
        var enrolled = page(prosecutor, 10, null, Map.of("enrollmentStatuses", List.of("ACTIVE")));
        assertNull(enrolled.field("participants").getValue());
        assertEquals("dataClasses.ENROLLMENT_STATUS", only(enrolled).getExtensions().get("field"));
        assertEquals("CONSENT_REQUIRED", only(enrolled).getExtensions().get("code"));
    }

    @Test
    void an_anonymous_request_lists_nobody_and_reads_nothing() {
        int before = auditCount();
        var response = page(anonymous(), 10, null, null);
        assertNull(response.field("participants").getValue());
        assertEquals("FORBIDDEN", only(response).getErrorType().toString());
        assertEquals(before, auditCount());
    }

    @Test
    void malformed_inputs_are_bad_requests_naming_the_field() {
        String cursor = page(projectManager(), 1, null, null).field("participants.pageInfo.endCursor").getValue();
        String altered = cursor.substring(0, cursor.length() - 3) + (cursor.charAt(cursor.length() - 3) == 'A'
                ? 'B' : 'A') + cursor.substring(cursor.length() - 2);
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(
                Map.entry("first", Map.of("first", 0)),
                Map.entry("first", Map.of("first", 1001)),
                Map.entry("after", Map.of("after", altered)),
                Map.entry("after", Map.of("after", "'; drop table referral; --")),
                Map.entry("filter.site", Map.of("filter", Map.of("site", "Not A Site"))),
                Map.entry("filter.caseManager", Map.of("filter", Map.of("caseManager", "x".repeat(500)))),
                Map.entry("filter.referredBetween", Map.of("filter", Map.of("referredBetween",
                        Map.of("from", "2026-02-01T00:00:00Z", "before", "2026-01-01T00:00:00Z")))));
        int before = auditCount();
        for (var bad : cases) {
            String field = bad.getKey();
            var request = projectManager().document(PAGE);
            for (var v : bad.getValue().entrySet()) {
                request = request.variable(v.getKey(), v.getValue());
            }
            var response = request.executeSync();
            ResponseError error = only(response);
            assertEquals("BAD_REQUEST", error.getErrorType().toString(), field);
            assertEquals(field, error.getExtensions().get("field"));
            assertFalse(error.getMessage().contains("drop table"), "the value is not echoed");
        }
        assertEquals(before, auditCount(), "nothing read, nothing audited");
    }

    @Test
    void a_page_of_five_and_a_page_of_fifty_with_their_referrals_cost_the_same_statements() {
        int five = statementsFor(5);
        int fifty = statementsFor(50);
        assertEquals(five, fifty, "5 vs 50 participants");
        // the page (page, count, audit), then each field group once for the whole page: referrals (consents and
        // their scopes, referrals, audit) and enrollments (consents and scopes, enrollments with their referrals and
        // prior enrollments, audit)
        assertTrue(five > 0 && five <= 3 + 4 + 6, () -> "statements for a page with two field groups: " + five);
    }

    private int statementsFor(int first) {
        String query = "{ participants(first: " + first + ") { totalCount edges { node { id referrals { id status } "
                + "enrollments { status } } } } }";
        int before = StatementCounter.STATEMENTS.get();
        var response = projectManager().document(query).executeSync();
        int used = StatementCounter.STATEMENTS.get() - before;
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> edges = response.field("participants.edges").getValue();
        assertEquals(first, edges.size());
        assertEquals(first, new HashSet<>(edges.stream().map(e -> e.get("node")).toList()).size());
        return used;
    }
}

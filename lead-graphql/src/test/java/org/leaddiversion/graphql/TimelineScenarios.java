/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
 * A participant's timeline as a case manager's screen reads it: her history in order, a page at a time, each entry
 * with its type, time, data class and a summary in domain words — only the entries of the classes the access policy
 * releases to the viewer. Seattle's programme of {@link ParticipantListFixture}.
 */
@SpringBootTest(classes = {TestApplication.class, ParticipantListFixture.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TimelineScenarios extends ApiClients {

    private static final String TIMELINE = """
            query($id: ID!, $first: Int, $after: String) {
              timeline(participantId: $id, first: $first, after: $after) {
                edges { cursor node { type at dataClass summary recordId } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Autowired
    ParticipantListFixture.Seattle seattle;

    private ClientGraphQlResponse timeline(HttpSyncGraphQlClient client, String person, Integer first, String after) {
        return client.document(TIMELINE).variable("id", person).variable("first", first).variable("after", after)
                .executeSync();
    }

    private static List<Map<String, Object>> entries(ClientGraphQlResponse response) {
        List<Map<String, Object>> edges = response.field("timeline.edges").getValue();
        return edges.stream().map(e -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) e.get("node");
            return node;
        }).toList();
    }

    private static List<Object> types(ClientGraphQlResponse response) {
        return entries(response).stream().map(n -> n.get("type")).toList();
    }

    @Test
    void rosas_case_manager_reads_her_whole_history_in_order_in_domain_words() {
        int before = auditCount();
        var response = timeline(caseManager(), seattle.rosa(), 100, null);

        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Object> types = types(response);
        for (String type : List.of("ReferralSubmitted", "ReferralScreened", "HandoffCompleted", "ReferralAccepted",
                "DivertedCaseHeld", "EligibilityConfirmed", "RoiSigned", "IntakeCompleted", "EnrollmentStarted",
                "DivertedCaseNotFiled", "CaseManagerAssigned", "ConsentSigned", "GoalSet", "ContactRecorded")) {
            assertTrue(types.contains(type), () -> type + " in " + types);
        }
        List<String> times = entries(response).stream().map(n -> (String) n.get("at")).toList();
        assertEquals(times.stream().sorted().toList(), times, "in the order it happened");
        var submitted = entries(response).get(types.indexOf("ReferralSubmitted"));
        assertEquals("REFERRAL_CORE", submitted.get("dataClass"));
        assertTrue(((String) submitted.get("summary")).startsWith("Referred through the arrest diversion door"),
                () -> (String) submitted.get("summary"));
        var contact = entries(response).get(types.indexOf("ContactRecorded"));
        assertEquals("CASE_NOTES", contact.get("dataClass"));
        assertEquals("Contact (in person field) at 2026-02-01T23:00:00Z.", contact.get("summary"));
        var goal = entries(response).get(types.indexOf("GoalSet"));
        assertFalse(((String) goal.get("summary")).contains("room"), "no free text someone typed");
        assertEquals(1, auditCount() - before, "one entry for the page");
    }

    @Test
    void pages_of_three_cover_the_history_once() {
        List<Object> whole = types(timeline(caseManager(), seattle.rosa(), 100, null));
        List<Object> paged = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var page = timeline(caseManager(), seattle.rosa(), 3, after);
            assertTrue(page.getErrors().isEmpty(), () -> page.getErrors().toString());
            paged.addAll(types(page));
            after = page.field("timeline.pageInfo.endCursor").getValue();
            more = page.field("timeline.pageInfo.hasNextPage").getValue();
        }
        assertEquals(whole, paged);
        assertTrue(whole.size() > 3);
    }

    @Test
    void a_prosecutor_sees_no_case_notes_and_is_told_which_class_was_refused() {
        var response = timeline(as("prosecutor-1", "PROSECUTOR", "LEGAL_COORDINATION", false), seattle.rosa(), 100,
                null);
        List<Object> types = types(response);
        assertFalse(types.contains("ContactRecorded"));
        assertTrue(types.contains("EnrollmentStarted"), "her ROI lets prosecutors hear of her enrollment");
        assertTrue(types.contains("DivertedCaseNotFiled"));
        ResponseError error = only(response);
        assertEquals("FORBIDDEN", error.getErrorType().toString());
        assertEquals("dataClasses.CASE_NOTES", error.getExtensions().get("field"));
        assertEquals("timeline", error.getPath());

        var withoutRoi = timeline(as("prosecutor-1", "PROSECUTOR", "LEGAL_COORDINATION", false), seattle.ana(),
                100, null);
        assertFalse(types(withoutRoi).contains("EnrollmentStarted"), "Ana signed no ROI on file");
        assertTrue(withoutRoi.getErrors().stream()
                .anyMatch(e -> "dataClasses.ENROLLMENT_STATUS".equals(e.getExtensions().get("field"))));
    }

    @Test
    void the_court_without_a_consent_gets_null_and_the_refusals() {
        var response = timeline(as("court-1", "COURT", "COURT_PROGRESS", false), seattle.ana(), 100, null);
        assertNull(response.field("timeline").getValue());
        assertFalse(response.getErrors().isEmpty());
        assertTrue(response.getErrors().stream().allMatch(e -> e.getErrorType().toString().equals("FORBIDDEN")));
    }

    @Test
    void malformed_inputs_are_bad_requests_naming_the_field_and_read_nothing() {
        String cursor = timeline(caseManager(), seattle.rosa(), 1, null).field("timeline.pageInfo.endCursor")
                .getValue();
        assertNotNull(cursor);
        String participantsCursor = as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false)
                .document("{ participants(first: 1) { pageInfo { endCursor } } }").executeSync()
                .field("participants.pageInfo.endCursor").getValue();
        int before = auditCount();
        for (var bad : List.of(
                Map.entry("first", timeline(caseManager(), seattle.rosa(), 0, null)),
                Map.entry("first", timeline(caseManager(), seattle.rosa(), 5000, null)),
                Map.entry("after", timeline(caseManager(), seattle.rosa(), 5, cursor.substring(1))),
                Map.entry("after", timeline(caseManager(), seattle.rosa(), 5, participantsCursor)),
                Map.entry("participantId", timeline(caseManager(), "x".repeat(101), 5, null)))) {
            ResponseError error = only(bad.getValue());
            assertEquals("BAD_REQUEST", error.getErrorType().toString(), bad.getKey());
            assertEquals(bad.getKey(), error.getExtensions().get("field"));
        }
        assertEquals(before, auditCount());
    }
}

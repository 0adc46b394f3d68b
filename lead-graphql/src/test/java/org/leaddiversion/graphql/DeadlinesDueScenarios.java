/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The deadlines due at a site as a prosecutor's work list reads them: the open referrals whose intake deadline falls
 * before a day, soonest first, each cut to what the viewer may see and audited. Seattle's programme of
 * {@link ParticipantListFixture}: everyone but Rosa and Ana (taken in) is waiting, with a deadline of 11 February.
 */
@SpringBootTest(classes = {TestApplication.class, ParticipantListFixture.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeadlinesDueScenarios extends ApiClients {

    private static final String DUE = """
            query($site: ID!, $before: Date!) {
              deadlinesDue(site: $site, before: $before) {
                deadline lapsesAt
                referral { id status door heldCharge { status } }
                participant { id }
              }
            }""";

    @Autowired
    ParticipantListFixture.Seattle seattle;

    private HttpSyncGraphQlClient prosecutor() {
        return as("prosecutor-1", "PROSECUTOR", "LEGAL_COORDINATION", false);
    }

    private ClientGraphQlResponse due(HttpSyncGraphQlClient client, String site, String before) {
        return client.document(DUE).variable("site", site).variable("before", before).executeSync();
    }

    @Test
    void the_prosecutor_lists_every_open_referral_due_before_the_day_and_each_is_audited() {
        int before = auditCount();
        var response = due(prosecutor(), "seattle-king-county", seattle.openDeadline().plusDays(1).toString());

        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> due = response.field("deadlinesDue").getValue();
        List<String> people = new ArrayList<>();
        for (var d : due) {
            assertEquals(seattle.openDeadline().toString(), d.get("deadline"));
            assertEquals("2026-02-12T08:00:00Z", d.get("lapsesAt"), "the start of the next day in Seattle");
            people.add((String) ((Map<?, ?>) d.get("participant")).get("id"));
        }
        List<String> open = new ArrayList<>(seattle.waiting());
        open.addAll(seattle.community());
        assertEquals(open, people, "everyone still waiting, in the order due; Rosa and Ana were taken in");
        // one entry per participant listed and one for the list
        assertEquals(open.size() + 1, auditCount() - before);
    }

    @Test
    void a_deadline_on_the_day_itself_is_not_before_it() {
        var response = due(prosecutor(), "seattle-king-county", seattle.openDeadline().toString());
        assertEquals(List.of(), response.field("deadlinesDue").getValue());
        assertEquals(List.of(), due(prosecutor(), "santa-fe", "2030-01-01").field("deadlinesDue").getValue());
    }

    @Test
    void the_participants_of_the_list_are_read_through_their_own_batched_field_groups() {
        var response = prosecutor().document("""
                query($before: Date!) {
                  deadlinesDue(site: "seattle-king-county", before: $before) { participant { id referrals { id } } }
                }""").variable("before", seattle.openDeadline().plusDays(1).toString()).executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> due = response.field("deadlinesDue").getValue();
        assertEquals(seattle.waiting().size() + seattle.community().size(), due.size());
    }

    @Test
    void a_viewer_the_policy_refuses_gets_null_and_a_forbidden_error() {
        int before = auditCount();
        var court = due(as("court-1", "COURT", "COURT_PROGRESS", false), "seattle-king-county", "2030-01-01");
        assertNull(court.field("deadlinesDue").getValue());
        ResponseError error = only(court);
        assertEquals("FORBIDDEN", error.getErrorType().toString());
        assertEquals("dataClasses.REFERRAL_CORE", error.getExtensions().get("field"));
        assertEquals(before + 1, auditCount(), "the refusal is audited");

        var anonymous = due(anonymous(), "seattle-king-county", "2030-01-01");
        assertNull(anonymous.field("deadlinesDue").getValue());
        assertEquals("FORBIDDEN", only(anonymous).getErrorType().toString());
    }

    @Test
    void a_site_that_is_not_a_site_id_is_a_bad_request_naming_it() {
        var response = due(prosecutor(), "Seattle; drop table referral", "2030-01-01");
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("site", error.getExtensions().get("field"));
    }
}

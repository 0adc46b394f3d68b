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
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;

/**
 * The API as a front end meets it: a real HTTP server on a random port, a Spring Boot application that only added
 * {@code lead-graphql}, the embedded H2 database. Seattle's programme: Rosa diverted at arrest and taken into LEAD,
 * assigned to her case manager; twenty others diverted and waiting. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, GraphQlOverHttpScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lead.graphql.max-query-chars=4000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GraphQlOverHttpScenarios extends ApiClients {


    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(seattle("2026-01-12T21:10"));
        }

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    LeadDatabase db;
    @Autowired
    Clock clock;
    @Autowired
    ParsedDocuments parsedDocuments;

    private String rosa;
    private ReferralId rosasReferral;
    private final List<String> waiting = new ArrayList<>();
    private ReferralId samsReferral;


    @BeforeAll
    void seattle_diverts_rosa_and_twenty_others() {
        var time = (MutableClock) clock;
        programme.policies().put(Fixtures.seattle());
        var desk = programme.desk();
        var cm = Fixtures.CASE_MANAGER;
        var arrest = expect(desk.submit(Fixtures.anArrestDiversion("rosa").build()), "Rosa's diversion");
        rosa = arrest.submission().person().id().value();
        rosasReferral = arrest.id();
        for (int i = 0; i < 20; i++) {
            var r = expect(desk.submit(Fixtures.anArrestDiversion("waiting-" + i).build()), "diversion " + i);
            waiting.add(r.submission().person().id().value());
            if (i == 0) {
                samsReferral = r.id();
            }
        }
        time.set(seattle("2026-01-12T21:45"));
        expect(desk.recordHandoff(rosasReferral, cm, seattle("2026-01-12T21:15"), seattle("2026-01-12T21:40")),
                "hand-off");
        expect(desk.accept(rosasReferral, cm), "acceptance");
        expect(desk.decideEligibility(rosasReferral, Fixtures.SERGEANT, true, null), "confirmation");
        time.set(seattle("2026-01-26T10:00"));
        expect(desk.recordRoiSignature(rosasReferral, cm), "ROI");
        var enrollment = expect(desk.completeIntake(rosasReferral, cm), "intake").enrollment().orElseThrow();
        expect(programme.caseManagement().assignCaseManager(enrollment, CaseManagerId.of(cm.id()), cm), "assigned");
        time.set(seattle("2026-02-03T09:00"));
    }

    @Test
    void the_rule_catalogue_is_public() {
        var response = anonymous().document("{ ruleCatalogue { id statement } }").executeSync();
        List<Map<String, Object>> rules = response.field("ruleCatalogue").getValue();
        assertTrue(rules.size() >= 38, "every catalogued rule");
        assertTrue(rules.stream().anyMatch(r -> r.get("id").equals("R20")));
    }

    @Test
    void the_assigned_case_manager_reads_rosas_record_and_each_field_group_is_audited_once() {
        int before = auditCount();
        var response = caseManager().document("""
                query($id: ID!) {
                  participant(id: $id) {
                    id
                    referrals { id door status referredAt person { id } screening { result policyVersion }
                                heldCharge { status } }
                    enrollments { id status startedAt }
                    contacts { contactAt }
                    again: referrals { id }
                  }
                }""").variable("id", rosa).executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> referrals = response.field("participant.referrals").getValue();
        assertEquals(1, referrals.size());
        assertEquals("INTAKE_COMPLETED", referrals.get(0).get("status"));
        assertEquals("NOT_FILED", response.field("participant.referrals[0].heldCharge.status").getValue());
        assertEquals("ACTIVE", response.field("participant.enrollments[0].status").getValue());
        // three field groups read: referrals (asked twice, read once), enrollments, contacts
        assertEquals(3, auditCount() - before);
    }

    @Test
    void the_court_gets_null_and_a_forbidden_error_naming_the_class_for_what_it_may_not_see() {
        var response = as("court-1", "COURT", "COURT_PROGRESS", false).document("""
                query($id: ID!) { participant(id: $id) { referrals { id } } }""").variable("id", rosa).executeSync();
        assertNull(response.field("participant.referrals").getValue());
        ResponseError error = response.getErrors().get(0);
        assertEquals("FORBIDDEN", error.getErrorType().toString());
        assertEquals("participant.referrals", error.getPath());
        assertTrue(String.valueOf(error.getExtensions().get("field")).startsWith("dataClasses."));
        assertNotNull(error.getExtensions().get("rule"));
    }

    @Test
    void an_anonymous_request_reads_no_participant_data_and_cannot_command() {
        int before = auditCount();
        var read = anonymous().document("query($id: ID!) { participant(id: $id) { referrals { id } } }")
                .variable("id", rosa).executeSync();
        assertNull(read.field("participant.referrals").getValue());
        assertEquals("FORBIDDEN", only(read).getErrorType().toString());
        var command = anonymous().document("""
                mutation($id: ID!) { acceptReferral(input: {referralId: $id}) { errors { code } } }""")
                .variable("id", samsReferral.value()).executeSync();
        assertEquals("FORBIDDEN", only(command).getErrorType().toString());
        assertEquals(before, auditCount(), "nothing was read, so nothing is audited");
    }

    @Test
    void a_page_of_participants_costs_the_same_statements_whatever_its_size() {
        // one participant alone is read in one dispatch; from two on the first alias is dispatched ahead of the
        // rest (graphql-java's per-level dispatch), so a page costs two batched reads per field group, whatever its size
        int one = statementsFor(waiting.subList(0, 1));
        int two = statementsFor(waiting.subList(0, 2));
        int five = statementsFor(waiting.subList(0, 5));
        int twenty = statementsFor(waiting);
        assertTrue(one <= two);
        assertEquals(two, five, "2 vs 5 participants");
        assertEquals(two, twenty, "2 vs 20 participants");
        assertTrue(twenty <= 2 * 3 * 3, () -> "at most two batched reads of three statements per field group: " + twenty);
    }

    private int statementsFor(List<String> people) {
        String query = IntStream.range(0, people.size())
                .mapToObj(i -> "p" + i + ": participant(id: \"" + people.get(i) + "\") { referrals { id status } "
                        + "enrollments { id } contacts { contactAt } }")
                .collect(Collectors.joining("\n", "{\n", "\n}"));
        int before = StatementCounter.STATEMENTS.get();
        var response = as("cm-1", "CASE_MANAGER", "CARE_COORDINATION", true).document(query).executeSync();
        int used = StatementCounter.STATEMENTS.get() - before;
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertEquals(1, ((List<?>) response.field("p0.referrals").getValue()).size());
        return used;
    }

    @Test
    void a_refused_command_is_data_in_the_payload_and_a_successful_one_reads_the_result_back() {
        var refused = caseManager().document("""
                mutation($id: ID!) { acceptReferral(input: {referralId: $id}) {
                  referral { id } errors { code field rule message } } }""")
                .variable("id", samsReferral.value()).executeSync();
        assertTrue(refused.getErrors().isEmpty(), () -> refused.getErrors().toString());
        assertNull(refused.field("acceptReferral.referral").getValue());
        List<Map<String, Object>> errors = refused.field("acceptReferral.errors").getValue();
        assertFalse(errors.isEmpty());
        assertEquals("HANDOFF_REQUIRED", errors.get(0).get("code"));
    }

    @Test
    void a_missing_input_is_a_bad_request_naming_the_field() {
        var response = caseManager().document("""
                mutation { acceptReferral(input: {referralId: " "}) { errors { code } } }""").executeSync();
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("input.referralId", error.getExtensions().get("field"));
    }

    @Test
    void a_date_or_instant_outside_the_years_1_to_9999_is_a_bad_request_naming_the_argument() {
        var pm = as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false);
        var agenda = pm.document("""
                query($at: DateTime!) { workgroupAgenda(site: "seattle-king-county", precinct: "WEST_PRECINCT",
                                                        at: $at) { flagged } }""")
                .variable("at", "+999999999-12-31T23:59:59Z").executeSync();
        assertEquals("BAD_REQUEST", only(agenda).getErrorType().toString(), agenda.getErrors()::toString);
        assertEquals("at", only(agenda).getExtensions().get("field"));
        var due = pm.document("""
                query($before: Date!) { deadlinesDue(site: "seattle-king-county", before: $before) { deadline } }""")
                .variable("before", "-999999999-01-01").executeSync();
        assertEquals("BAD_REQUEST", only(due).getErrorType().toString(), due.getErrors()::toString);
        assertEquals("before", only(due).getExtensions().get("field"));
    }

    @Test
    void a_blank_or_overlong_participant_id_is_a_bad_request_naming_the_argument() {
        for (String id : List.of(" ", "x".repeat(101))) {
            var response = caseManager().document("query($id: ID!) { participant(id: $id) { referrals { id } } }")
                    .variable("id", id).executeSync();
            ResponseError error = only(response);
            assertEquals("BAD_REQUEST", error.getErrorType().toString());
            assertEquals("id", error.getExtensions().get("field"));
        }
    }

    @Test
    void a_viewer_the_host_refuses_to_resolve_is_a_bad_request_naming_what_it_stated() {
        int before = auditCount();
        var response = as("cm-1", "CASE_MANAGER", "GOSSIP", true).document("""
                query($id: ID!) { participant(id: $id) { referrals { id } } }""").variable("id", rosa).executeSync();
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals(TestApplication.PURPOSE, error.getExtensions().get("field"));
        assertEquals(before, auditCount(), "nothing was executed");
    }

    @Test
    void a_document_sent_again_is_parsed_once_and_a_malformed_one_is_never_kept() {
        String document = "query Again { ruleCatalogue { id } }";
        anonymous().document(document).executeSync();
        long before = parsedDocuments.hits();
        for (int i = 0; i < 3; i++) {
            var response = anonymous().document(document).executeSync();
            assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        }
        assertEquals(before + 3, parsedDocuments.hits(), "served from the cache");
        String malformed = "query Broken { ruleCatalogue { nope } }";
        anonymous().document(malformed).executeSync();
        long afterFirst = parsedDocuments.hits();
        var again = anonymous().document(malformed).executeSync();
        assertFalse(again.getErrors().isEmpty());
        assertEquals(afterFirst, parsedDocuments.hits(), "a document that failed validation is not cached");
    }

    @Test
    void a_query_longer_than_the_limit_is_refused_before_it_is_parsed() {
        String huge = "{ ruleCatalogue { id } }" + " ".repeat(5000);
        var response = anonymous().document(huge).executeSync();
        assertEquals("QUERY_TOO_LARGE", only(response).getErrorType().toString());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;

/**
 * The enrollment after intake through the API: Seattle's case manager records contacts, the participant leaves or
 * her enrollment is closed for an allowed reason, and every refusal comes back as payload data with its code, field
 * and rule. Four participants, each with her own story so the scenarios do not depend on each other's order.
 */
@SpringBootTest(classes = {TestApplication.class, EnrollmentCommandsScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnrollmentCommandsScenarios extends ApiClients {

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(CareStories.START);
        }
    }

    private static final String RECORD_CONTACT = """
            mutation($id: ID!, $type: ContactType!, $at: DateTime!) {
              recordContact(input: {enrollmentId: $id, contactType: $type, contactAt: $at}) {
                enrollment { id status lastEngagementAt closedAt closureReason }
                errors { code field rule message }
              }
            }""";

    private static final String CLOSE = """
            mutation($id: ID!, $reason: ClosureReason!) {
              closeEnrollment(input: {enrollmentId: $id, reason: $reason}) {
                enrollment { id status closedAt closureReason }
                errors { code field rule message }
              }
            }""";

    private static final String WITHDRAW = """
            mutation($id: ID!) {
              withdrawFromEnrollment(input: {enrollmentId: $id}) {
                enrollment { id status closureReason }
                errors { code field rule message }
              }
            }""";

    @Autowired
    PersistentProgramme programme;
    @Autowired
    Clock clock;

    private CareStories.Enrolled rosa;
    private CareStories.Enrolled cleo;
    private CareStories.Enrolled will;
    private CareStories.Enrolled rita;

    @BeforeAll
    void seattle_takes_four_people_into_lead() {
        programme.policies().put(Fixtures.seattle());
        var people = CareStories.enrolled(programme, (MutableClock) clock, "rosa", "cleo", "will", "rita");
        rosa = people.get("rosa");
        cleo = people.get("cleo");
        will = people.get("will");
        rita = people.get("rita");
        for (var person : List.of(rosa, cleo, will, rita)) {
            CareStories.assignedToCm1(programme, person);
        }
    }

    @Test
    void the_case_manager_records_a_street_contact_and_reads_the_enrollment_back_once_audited() {
        int before = auditCount();
        String at = CareStories.seattle("2026-02-02T15:30").toString();
        var response = caseManager().document(RECORD_CONTACT).variable("id", rosa.enrollment())
                .variable("type", "IN_PERSON_FIELD").variable("at", at).executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertEquals(List.of(), response.field("recordContact.errors").getValue());
        assertEquals(rosa.enrollment(), response.field("recordContact.enrollment.id").getValue());
        assertEquals("ACTIVE", response.field("recordContact.enrollment.status").getValue());
        assertEquals(at, response.field("recordContact.enrollment.lastEngagementAt").getValue());
        assertEquals(1, auditCount() - before, "the read-back is one audited read of her enrollments");

        var contacts = caseManager().document("""
                query($id: ID!) { participant(id: $id) { contacts { enrollmentId contactType contactAt } } }""")
                .variable("id", rosa.person()).executeSync();
        List<Map<String, Object>> recorded = contacts.field("participant.contacts").getValue();
        assertTrue(recorded.contains(Map.of("enrollmentId", rosa.enrollment(), "contactType", "IN_PERSON_FIELD",
                "contactAt", at)), recorded::toString);
    }

    @Test
    void a_command_whose_result_is_not_asked_for_reads_and_audits_nothing() {
        int before = auditCount();
        var response = caseManager().document("""
                mutation($id: ID!, $at: DateTime!) {
                  recordContact(input: {enrollmentId: $id, contactType: PHONE, contactAt: $at}) { errors { code } }
                }""").variable("id", rosa.enrollment())
                .variable("at", CareStories.seattle("2026-02-01T12:00").toString()).executeSync();
        assertEquals(List.of(), response.field("recordContact.errors").getValue());
        assertEquals(before, auditCount());
    }

    @Test
    void a_contact_in_the_future_is_refused_as_data_naming_the_field_and_rule() {
        var response = caseManager().document(RECORD_CONTACT).variable("id", rosa.enrollment())
                .variable("type", "OFFICE").variable("at", CareStories.seattle("2026-02-04T09:00").toString())
                .executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertNull(response.field("recordContact.enrollment").getValue());
        assertEquals(Map.of("code", "INVALID_TIMESTAMP", "field", "at", "rule", "R32"),
                codeFieldRule(response, "recordContact"));
    }

    @Test
    void an_officer_may_not_record_contacts() {
        var response = as("officer-1", "OFFICER", "CARE_COORDINATION", false).document(RECORD_CONTACT)
                .variable("id", rosa.enrollment()).variable("type", "PHONE")
                .variable("at", CareStories.seattle("2026-02-02T10:00").toString()).executeSync();
        assertEquals(Map.of("code", "NOT_AUTHORISED", "field", "actor.role", "rule", "R32"),
                codeFieldRule(response, "recordContact"));
    }

    @Test
    void a_case_manager_not_assigned_to_her_records_a_contact_but_sees_a_forbidden_error_instead_of_the_result() {
        var response = as("cm-2", "CASE_MANAGER", "CARE_COORDINATION", false).document(RECORD_CONTACT)
                .variable("id", rita.enrollment()).variable("type", "COLLATERAL")
                .variable("at", CareStories.seattle("2026-02-02T11:00").toString()).executeSync();
        assertEquals(List.of(), response.field("recordContact.errors").getValue());
        assertNull(response.field("recordContact.enrollment").getValue());
        ResponseError error = only(response);
        assertEquals("FORBIDDEN", error.getErrorType().toString());
        assertEquals("recordContact.enrollment", error.getPath());
        assertEquals("dataClasses.ENROLLMENT_STATUS", error.getExtensions().get("field"));
    }

    @Test
    void a_forbidden_closure_reason_is_refused_under_every_policy_and_an_allowed_one_closes_the_enrollment() {
        var relapse = caseManager().document(CLOSE).variable("id", cleo.enrollment()).variable("reason", "NEW_ARREST")
                .executeSync();
        assertNull(relapse.field("closeEnrollment.enrollment").getValue());
        assertEquals(Map.of("code", "FORBIDDEN_CLOSURE_REASON", "field", "reason", "rule", "R24"),
                codeFieldRule(relapse, "closeEnrollment"));

        var notConfigured = caseManager().document(CLOSE).variable("id", cleo.enrollment())
                .variable("reason", "TERMINATED_BY_SITE_CRITERIA").executeSync();
        assertEquals(Map.of("code", "FORBIDDEN_CLOSURE_REASON", "field", "reason", "rule", "R27"),
                codeFieldRule(notConfigured, "closeEnrollment"));

        var moved = caseManager().document(CLOSE).variable("id", cleo.enrollment())
                .variable("reason", "MOVED_OUT_OF_AREA").executeSync();
        assertTrue(moved.getErrors().isEmpty(), () -> moved.getErrors().toString());
        assertEquals("CLOSED", moved.field("closeEnrollment.enrollment.status").getValue());
        assertEquals("MOVED_OUT_OF_AREA", moved.field("closeEnrollment.enrollment.closureReason").getValue());
        assertEquals(CareStories.NOW.toString(), moved.field("closeEnrollment.enrollment.closedAt").getValue());

        var afterwards = caseManager().document(RECORD_CONTACT).variable("id", cleo.enrollment())
                .variable("type", "PHONE").variable("at", CareStories.seattle("2026-02-03T08:00").toString())
                .executeSync();
        assertEquals(Map.of("code", "ENROLLMENT_CLOSED", "field", "enrollment", "rule", "R32"),
                codeFieldRule(afterwards, "recordContact"));
    }

    @Test
    void the_participant_leaves_through_her_case_manager_and_an_officer_cannot_withdraw_her() {
        var officer = as("officer-1", "OFFICER", "CARE_COORDINATION", false).document(WITHDRAW)
                .variable("id", will.enrollment()).executeSync();
        assertEquals(Map.of("code", "NOT_AUTHORISED", "field", "actor.role", "rule", "R03"),
                codeFieldRule(officer, "withdrawFromEnrollment"));

        var withdrawn = caseManager().document(WITHDRAW).variable("id", will.enrollment()).executeSync();
        assertTrue(withdrawn.getErrors().isEmpty(), () -> withdrawn.getErrors().toString());
        assertEquals("CLOSED", withdrawn.field("withdrawFromEnrollment.enrollment.status").getValue());
        assertEquals("VOLUNTARY_WITHDRAWAL",
                withdrawn.field("withdrawFromEnrollment.enrollment.closureReason").getValue());

        var again = caseManager().document(WITHDRAW).variable("id", will.enrollment()).executeSync();
        assertEquals(Map.of("code", "ENROLLMENT_CLOSED", "field", "enrollment", "rule", "R03"),
                codeFieldRule(again, "withdrawFromEnrollment"));
    }

    @Test
    void an_unknown_enrollment_is_refused_as_not_found() {
        var response = caseManager().document(WITHDRAW).variable("id", UUID.randomUUID().toString()).executeSync();
        assertEquals(Map.of("code", "NOT_FOUND", "field", "enrollmentId", "rule", "R03"),
                codeFieldRule(response, "withdrawFromEnrollment"));
    }

    @Test
    void an_enrollment_id_that_is_not_an_id_is_a_bad_request_naming_the_field() {
        var response = caseManager().document(CLOSE).variable("id", "rosa's enrollment")
                .variable("reason", "DECEASED").executeSync();
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("input.enrollmentId", error.getExtensions().get("field"));
    }

    @Test
    void an_anonymous_request_cannot_command_and_nothing_changes() {
        var response = anonymous().document(CLOSE).variable("id", rita.enrollment()).variable("reason", "DECEASED")
                .executeSync();
        assertEquals("FORBIDDEN", only(response).getErrorType().toString());
        var still = caseManager().document("query($id: ID!) { participant(id: $id) { enrollments { status } } }")
                .variable("id", rita.person()).executeSync();
        assertEquals("ACTIVE", still.field("participant.enrollments[0].status").getValue());
    }

    /** The code, field and rule of the payload's one error. */
    static Map<String, Object> codeFieldRule(ClientGraphQlResponse response, String mutation) {
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> errors = response.field(mutation + ".errors").getValue();
        assertEquals(1, errors.size(), errors::toString);
        var e = errors.get(0);
        assertTrue(e.get("message") instanceof String message && !message.isBlank(), "a message in domain words");
        return Map.of("code", e.get("code"), "field", e.get("field"), "rule", e.get("rule"));
    }
}

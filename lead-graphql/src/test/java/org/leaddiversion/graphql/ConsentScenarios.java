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
import static org.leaddiversion.graphql.EnrollmentCommandsScenarios.codeFieldRule;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

/**
 * Consent and disclosure through the API. Rosa, Nia and Lou are enrolled in Seattle with case manager cm-1, each with
 * a goal in her plan. The prosecutor sees a plan only while a release of information covering her, the purpose and
 * the plan is in force; Part 2 records need a Part 2 consent or a Part 2 exception; nothing is ever disclosed for
 * enforcement; every disclosure decision is logged once.
 */
@SpringBootTest(classes = {TestApplication.class, ConsentScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsentScenarios extends ApiClients {

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(CareStories.START);
        }
    }

    private static final String RECORD_CONSENT = """
            mutation($participant: ID!, $type: ConsentType!, $roles: [Role!]!, $purposes: [Purpose!]!,
                     $classes: [DataClass!]!, $agencies: [String!], $expiresAt: DateTime) {
              recordConsent(input: {participantId: $participant, type: $type, recipientRoles: $roles,
                                    recipientAgencies: $agencies, purposes: $purposes, dataClasses: $classes,
                                    expiresAt: $expiresAt}) {
                consentId
                consent { id type recipientRoles recipientAgencies purposes dataClasses signedAt expiresAt revokedAt
                          inForce }
                errors { code field rule message }
              }
            }""";

    private static final String REVOKE = """
            mutation($id: ID!) {
              revokeConsent(input: {consentId: $id}) {
                consentId consent { id revokedAt inForce } errors { code field rule message }
              }
            }""";

    private static final String DISCLOSE = """
            mutation($participant: ID!, $role: Role!, $classes: [DataClass!]!, $purpose: Purpose!,
                     $exception: Part2Exception, $agency: String) {
              disclose(input: {participantId: $participant, recipientRole: $role, recipientAgency: $agency,
                               dataClasses: $classes, purpose: $purpose, part2Exception: $exception}) {
                granted decidedAt consentIds redisclosureNotice nonEvidentiary
                errors { code field rule message }
              }
            }""";

    private static final String PLANS = "query($id: ID!) { participant(id: $id) { plans { goals { description } } } }";

    @Autowired
    PersistentProgramme programme;
    @Autowired
    Clock clock;

    private CareStories.Enrolled rosa;
    private CareStories.Enrolled nia;
    private CareStories.Enrolled lou;

    @BeforeAll
    void seattle_takes_rosa_nia_and_lou_into_lead_each_with_a_goal() {
        programme.policies().put(Fixtures.seattle());
        var people = CareStories.enrolled(programme, (MutableClock) clock, "rosa", "nia", "lou");
        rosa = people.get("rosa");
        nia = people.get("nia");
        lou = people.get("lou");
        for (var person : List.of(rosa, nia, lou)) {
            CareStories.assignedToCm1(programme, person);
            expect(programme.caseManagement().addGoal(person.enrollmentId(), Fixtures.CASE_MANAGER, PlanDomain.HOUSING,
                    GoalKind.GENERAL, "A room of my own", true), "goal");
        }
    }

    private HttpSyncGraphQlClient prosecutor() {
        return as("prosecutor-1", "PROSECUTOR", "LEGAL_COORDINATION", false);
    }

    // ---- consents decide what a partner sees ----------------------------------------------------------------------

    @Test
    void the_prosecutor_sees_rosas_plan_only_while_a_release_covering_it_is_in_force() {
        var before = prosecutor().document(PLANS).variable("id", rosa.person()).executeSync();
        assertNull(before.field("participant.plans").getValue());
        ResponseError refusal = only(before);
        assertEquals("FORBIDDEN", refusal.getErrorType().toString());
        assertEquals("dataClasses.PLAN_SUMMARY", refusal.getExtensions().get("field"));
        assertEquals("CONSENT_REQUIRED", refusal.getExtensions().get("code"));
        assertEquals("R36", refusal.getExtensions().get("rule"));

        int audited = auditCount();
        var recorded = roi(caseManager(), rosa, List.of("PROSECUTOR"), List.of("LEGAL_COORDINATION"),
                List.of("PLAN_SUMMARY", "ENROLLMENT_STATUS"));
        assertTrue(recorded.getErrors().isEmpty(), () -> recorded.getErrors().toString());
        assertEquals(List.of(), recorded.field("recordConsent.errors").getValue());
        String consent = recorded.field("recordConsent.consentId").getValue();
        assertEquals(consent, recorded.field("recordConsent.consent.id").getValue());
        assertEquals("MULTI_PARTY_ROI", recorded.field("recordConsent.consent.type").getValue());
        assertEquals(List.of("PROSECUTOR"), recorded.field("recordConsent.consent.recipientRoles").getValue());
        assertEquals(CareStories.NOW.toString(), recorded.field("recordConsent.consent.signedAt").getValue());
        assertEquals(true, recorded.field("recordConsent.consent.inForce").getValue());
        assertEquals(1, auditCount() - audited, "the consent is read back once, audited");

        var during = prosecutor().document(PLANS).variable("id", rosa.person()).executeSync();
        assertTrue(during.getErrors().isEmpty(), () -> during.getErrors().toString());
        assertEquals("A room of my own", during.field("participant.plans[0].goals[0].description").getValue());

        var revoked = caseManager().document(REVOKE).variable("id", consent).executeSync();
        assertEquals(List.of(), revoked.field("revokeConsent.errors").getValue());
        assertEquals(CareStories.NOW.toString(), revoked.field("revokeConsent.consent.revokedAt").getValue());
        assertEquals(false, revoked.field("revokeConsent.consent.inForce").getValue());

        var after = prosecutor().document(PLANS).variable("id", rosa.person()).executeSync();
        assertNull(after.field("participant.plans").getValue());
        assertEquals("CONSENT_REQUIRED", only(after).getExtensions().get("code"));

        var twice = caseManager().document(REVOKE).variable("id", consent).executeSync();
        assertEquals(Map.of("code", "POLICY_FORBIDS", "field", "consent.revokedAt", "rule", "R36"),
                codeFieldRule(twice, "revokeConsent"));
    }

    @Test
    void a_release_for_another_purpose_or_agency_does_not_cover_the_prosecutor() {
        roi(caseManager(), lou, List.of("PROSECUTOR"), List.of("COURT_PROGRESS"), List.of("PLAN_SUMMARY"));
        var response = prosecutor().document(PLANS).variable("id", lou.person()).executeSync();
        assertNull(response.field("participant.plans").getValue());
        assertEquals("CONSENT_REQUIRED", only(response).getExtensions().get("code"));
    }

    @Test
    void the_case_manager_reads_the_consents_on_file_and_the_court_may_not() {
        roi(caseManager(), nia, List.of("DEFENDER"), List.of("LEGAL_COORDINATION"), List.of("ENROLLMENT_STATUS"));
        String query = "query($id: ID!) { participant(id: $id) { consents { type purposes inForce } } }";
        int before = auditCount();
        var mine = caseManager().document(query).variable("id", nia.person()).executeSync();
        assertTrue(mine.getErrors().isEmpty(), () -> mine.getErrors().toString());
        List<Map<String, Object>> consents = mine.field("participant.consents").getValue();
        assertTrue(consents.contains(Map.of("type", "MULTI_PARTY_ROI", "purposes", List.of("LEGAL_COORDINATION"),
                "inForce", true)), consents::toString);
        assertEquals(1, auditCount() - before);

        var court = as("court-1", "COURT", "COURT_PROGRESS", false).document(query).variable("id", nia.person())
                .executeSync();
        assertNull(court.field("participant.consents").getValue());
        assertEquals("FORBIDDEN", only(court).getErrorType().toString());
    }

    // ---- who records consents ---------------------------------------------------------------------------------------

    @Test
    void a_participant_signs_only_her_own_consents_and_an_officer_records_none() {
        var own = roi(as(lou.person(), "PARTICIPANT", "CARE_COORDINATION", false), lou, List.of("DEFENDER"),
                List.of("LEGAL_COORDINATION"), List.of("ENROLLMENT_STATUS"));
        assertEquals(List.of(), own.field("recordConsent.errors").getValue());
        assertNotNull(own.field("recordConsent.consentId").getValue());
        // recorded; reading it back is the matrix's call, on the circumstances the host states (not her own record)
        assertNull(own.field("recordConsent.consent").getValue());
        ResponseError notShown = only(own);
        assertEquals("FORBIDDEN", notShown.getErrorType().toString());
        assertEquals("recordConsent.consent", notShown.getPath());

        var someoneElses = roi(as(lou.person(), "PARTICIPANT", "CARE_COORDINATION", false), nia, List.of("DEFENDER"),
                List.of("LEGAL_COORDINATION"), List.of("ENROLLMENT_STATUS"));
        assertNull(someoneElses.field("recordConsent.consentId").getValue());
        assertEquals(Map.of("code", "NOT_AUTHORISED", "field", "recordedBy.id", "rule", "R36"),
                codeFieldRule(someoneElses, "recordConsent"));

        var officer = roi(as("officer-1", "OFFICER", "CARE_COORDINATION", false), nia, List.of("DEFENDER"),
                List.of("LEGAL_COORDINATION"), List.of("ENROLLMENT_STATUS"));
        assertEquals(Map.of("code", "NOT_AUTHORISED", "field", "recordedBy.role", "rule", "R36"),
                codeFieldRule(officer, "recordConsent"));
    }

    @Test
    void a_consent_without_a_recipient_or_expiring_in_the_past_is_refused_naming_the_field() {
        var noRole = roi(caseManager(), nia, List.of(), List.of("LEGAL_COORDINATION"), List.of("PLAN_SUMMARY"));
        assertEquals(Map.of("code", "PRECONDITION_MISSING", "field", "consent.recipientRoles", "rule", "R36"),
                codeFieldRule(noRole, "recordConsent"));

        var expired = caseManager().document(RECORD_CONSENT).variable("participant", nia.person())
                .variable("type", "MULTI_PARTY_ROI").variable("roles", List.of("DEFENDER"))
                .variable("purposes", List.of("LEGAL_COORDINATION")).variable("classes", List.of("PLAN_SUMMARY"))
                .variable("expiresAt", CareStories.seattle("2026-02-01T00:00").toString()).executeSync();
        assertEquals(Map.of("code", "PRECONDITION_MISSING", "field", "consent.expiresAt", "rule", "R36"),
                codeFieldRule(expired, "recordConsent"));
    }

    @Test
    void bad_ids_are_bad_requests_naming_the_field_and_an_unknown_consent_is_not_found() {
        var notAnId = caseManager().document(REVOKE).variable("id", "the ROI").executeSync();
        assertBadRequest(notAnId, "input.consentId");
        var unknown = caseManager().document(REVOKE).variable("id", UUID.randomUUID().toString()).executeSync();
        assertEquals(Map.of("code", "NOT_FOUND", "field", "consentId", "rule", "R36"),
                codeFieldRule(unknown, "revokeConsent"));
        var agency = caseManager().document(RECORD_CONSENT).variable("participant", nia.person())
                .variable("type", "MULTI_PARTY_ROI").variable("roles", List.of("DEFENDER"))
                .variable("purposes", List.of("LEGAL_COORDINATION")).variable("classes", List.of("PLAN_SUMMARY"))
                .variable("agencies", List.of("x".repeat(201))).executeSync();
        assertBadRequest(agency, "input.recipientAgencies");
    }

    // ---- disclosures ----------------------------------------------------------------------------------------------

    @Test
    void part2_records_go_to_the_prosecutor_only_under_a_part2_consent_with_the_notice_and_each_decision_is_logged() {
        int logged = disclosures();
        var without = disclose(caseManager(), nia, "PROSECUTOR", List.of("SUD_PART2"), "LEGAL_COORDINATION", null);
        assertEquals(false, without.field("disclose.granted").getValue());
        assertEquals(List.of(), without.field("disclose.consentIds").getValue());
        assertNull(without.field("disclose.redisclosureNotice").getValue());
        assertEquals(Map.of("code", "CONSENT_REQUIRED", "field", "dataClasses.SUD_PART2", "rule", "R36"),
                codeFieldRule(without, "disclose"));
        assertEquals(logged + 1, disclosures(), "a refusal is logged too");

        var part2 = caseManager().document(RECORD_CONSENT).variable("participant", nia.person())
                .variable("type", "PART2").variable("roles", List.of("PROSECUTOR"))
                .variable("purposes", List.of("LEGAL_COORDINATION")).variable("classes", List.of("SUD_PART2"))
                .executeSync();
        String consent = part2.field("recordConsent.consentId").getValue();
        assertNotNull(consent, () -> part2.toMap().toString());

        var with = disclose(caseManager(), nia, "PROSECUTOR", List.of("SUD_PART2"), "LEGAL_COORDINATION", null);
        assertTrue(with.getErrors().isEmpty(), () -> with.getErrors().toString());
        assertEquals(true, with.field("disclose.granted").getValue());
        assertEquals(List.of(consent), with.field("disclose.consentIds").getValue());
        String notice = with.field("disclose.redisclosureNotice").getValue();
        assertTrue(notice.contains("42 CFR part 2"), notice);
        assertEquals(true, with.field("disclose.nonEvidentiary").getValue(), "a case manager's disclosure");
        assertEquals(CareStories.NOW.toString(), with.field("disclose.decidedAt").getValue());
        assertEquals(List.of(), with.field("disclose.errors").getValue());
        assertEquals(logged + 2, disclosures(), "exactly one log entry per decision");
    }

    @Test
    void a_part2_exception_that_permits_the_purpose_stands_in_for_the_consent() {
        var research = disclose(caseManager(), lou, "EVALUATOR", List.of("SUD_PART2"), "RESEARCH_EVALUATION",
                "RESEARCH");
        assertEquals(true, research.field("disclose.granted").getValue(), () -> research.toMap().toString());
        assertEquals(List.of(), research.field("disclose.consentIds").getValue());
        assertNotNull(research.field("disclose.redisclosureNotice").getValue());

        var wrongPurpose = disclose(caseManager(), lou, "EVALUATOR", List.of("SUD_PART2"), "RESEARCH_EVALUATION",
                "CRIME_ON_PREMISES");
        assertEquals(false, wrongPurpose.field("disclose.granted").getValue());
    }

    @Test
    void nothing_is_ever_disclosed_for_enforcement_whatever_the_consents_say() {
        roi(caseManager(), lou, List.of("PROSECUTOR"), List.of("ENFORCEMENT"), List.of("ENROLLMENT_STATUS"));
        var response = disclose(as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false), lou, "PROSECUTOR",
                List.of("ENROLLMENT_STATUS"), "ENFORCEMENT", null);
        assertEquals(false, response.field("disclose.granted").getValue());
        assertEquals(false, response.field("disclose.nonEvidentiary").getValue());
        assertEquals(Map.of("code", "POLICY_FORBIDS", "field", "purpose", "rule", "R35"),
                codeFieldRule(response, "disclose"));
    }

    @Test
    void a_disclosure_naming_no_data_class_or_an_overlong_agency_is_a_bad_request_and_is_not_logged() {
        int logged = disclosures();
        assertBadRequest(disclose(caseManager(), lou, "DEFENDER", List.of(), "LEGAL_COORDINATION", null),
                "input.dataClasses");
        var agency = caseManager().document(DISCLOSE).variable("participant", lou.person())
                .variable("role", "DEFENDER").variable("classes", List.of("ENROLLMENT_STATUS"))
                .variable("purpose", "LEGAL_COORDINATION").variable("agency", "y".repeat(201)).executeSync();
        assertBadRequest(agency, "input.recipientAgency");
        var participant = caseManager().document(DISCLOSE).variable("participant", " ")
                .variable("role", "DEFENDER").variable("classes", List.of("ENROLLMENT_STATUS"))
                .variable("purpose", "LEGAL_COORDINATION").executeSync();
        assertBadRequest(participant, "input.participantId");
        assertEquals(logged, disclosures());
    }

    @Test
    void an_anonymous_request_can_neither_record_consents_nor_ask_for_disclosures() {
        int logged = disclosures();
        var consent = roi(anonymous(), lou, List.of("DEFENDER"), List.of("LEGAL_COORDINATION"),
                List.of("ENROLLMENT_STATUS"));
        assertEquals("FORBIDDEN", only(consent).getErrorType().toString());
        var disclosure = disclose(anonymous(), lou, "DEFENDER", List.of("ENROLLMENT_STATUS"), "LEGAL_COORDINATION",
                null);
        assertEquals("FORBIDDEN", only(disclosure).getErrorType().toString());
        assertEquals(logged, disclosures());
    }

    private ClientGraphQlResponse roi(HttpSyncGraphQlClient client, CareStories.Enrolled person, List<String> roles,
                                      List<String> purposes, List<String> classes) {
        return client.document(RECORD_CONSENT).variable("participant", person.person())
                .variable("type", "MULTI_PARTY_ROI").variable("roles", roles).variable("purposes", purposes)
                .variable("classes", classes).executeSync();
    }

    private ClientGraphQlResponse disclose(HttpSyncGraphQlClient client, CareStories.Enrolled person, String role,
                                           List<String> classes, String purpose, String exception) {
        return client.document(DISCLOSE).variable("participant", person.person()).variable("role", role)
                .variable("classes", classes).variable("purpose", purpose).variable("exception", exception)
                .executeSync();
    }

    /** Entries in the disclosure log so far. */
    private int disclosures() {
        return jdbc.queryForObject("select count(*) from disclosure_entry", Integer.class);
    }

    private static void assertBadRequest(ClientGraphQlResponse response, String field) {
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString(), error::toString);
        assertEquals(field, error.getExtensions().get("field"));
        assertFalse(error.getMessage().isBlank());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.graphql.client.HttpSyncGraphQlClient;

/**
 * Prosecution coordination over HTTP: Rosa, diverted at arrest and enrolled in Seattle's LEAD, is arrested again;
 * the prosecutor records the case (flagged LEAD_PARTICIPANT), asks to consult her case manager, reads the case
 * manager's input and decides — never on a LEAD disclosure, and never without a consultation or a written waiver.
 * Her enrollment does not move. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, CoordinationScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CoordinationScenarios extends ApiClients {

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(Instant.parse("2026-01-13T05:10:00Z"));
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    Clock clock;

    private String rosa;
    private String rosasEnrollment;

    @BeforeAll
    void rosa_is_enrolled_in_seattle() {
        var time = (MutableClock) clock;
        programme.policies().put(Fixtures.seattle());
        var desk = programme.desk();
        var cm = Fixtures.CASE_MANAGER;
        var arrest = expect(desk.submit(Fixtures.anArrestDiversion("rosa").build()), "Rosa's diversion");
        rosa = arrest.submission().person().id().value();
        time.advance(Duration.ofMinutes(35));
        expect(desk.recordHandoff(arrest.id(), cm, time.instant().minusSeconds(1500), time.instant().minusSeconds(60)),
                "hand-off");
        expect(desk.accept(arrest.id(), cm), "acceptance");
        time.advance(Duration.ofDays(10));
        rosasEnrollment = expect(desk.completeIntake(arrest.id(), cm), "intake").enrollment().orElseThrow().toString();
        time.advance(Duration.ofDays(30));
    }

    /** A later moment for each step: the clock never goes back. */
    private Instant later() {
        return ((MutableClock) clock).advance(Duration.ofHours(2)).instant();
    }

    private HttpSyncGraphQlClient prosecutor() {
        return as("prosecutor-2", "LIAISON_PROSECUTOR", "LEGAL_COORDINATION", false);
    }

    private static final String CASE = """
            case { id site person leadParticipant openEnrollment offences { code level } filedOrArrestedAt
                   legalMatters { kind date } consultation { requestedAt dueBy } caseManagerInput { summary recordedAt }
                   decision { decision decidedAt waiverReason basis } referral }
            errors { code field rule message }""";

    private static String command(String mutation, String inputType) {
        return "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + CASE + " } }";
    }

    private static final String RECORD_CASE = command("recordCase", "RecordCaseInput");
    private static final String CONSULT = command("requestConsultation", "CaseCommandInput");
    private static final String CM_INPUT = command("recordCaseManagerInput", "CaseManagerSummaryInput");
    private static final String DECIDE = command("recordChargingDecision", "RecordChargingDecisionInput");

    private static Map<String, Object> aNewArrest(String person, Instant at) {
        return Map.of("person", person, "site", "seattle-king-county",
                "offences", List.of(Map.of("code", "THEFT_LOW_LEVEL", "level", "MISDEMEANOR")),
                "legalMatters", List.of(Map.of("kind", "COURT_DATE", "date", "2026-04-20")),
                "filedOrArrestedAt", at.toString());
    }

    private static ClientGraphQlResponse ok(ClientGraphQlResponse response) {
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        return response;
    }

    /** The case of {@code mutation}'s payload, which must have succeeded. */
    private static Map<String, Object> done(ClientGraphQlResponse response, String mutation) {
        ok(response);
        assertEquals(List.of(), response.field(mutation + ".errors").getValue(), mutation);
        return response.field(mutation + ".case").getValue();
    }

    /** The one payload error of {@code mutation}, which must have been refused. */
    private static Map<String, Object> refused(ClientGraphQlResponse response, String mutation) {
        ok(response);
        assertNull(response.field(mutation + ".case").getValue(), "a refused command reads nothing back");
        List<Map<String, Object>> errors = response.field(mutation + ".errors").getValue();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    private String recordRosasNewArrest() {
        Instant arrested = later();
        later();
        return (String) done(prosecutor().document(RECORD_CASE).variable("input", aNewArrest(rosa, arrested))
                .executeSync(), "recordCase").get("id");
    }

    @Test
    void a_participants_new_arrest_is_flagged_consulted_on_and_decided_and_her_enrollment_does_not_move() {
        Instant arrested = later();
        later();
        var recorded = done(prosecutor().document(RECORD_CASE).variable("input", aNewArrest(rosa, arrested))
                .executeSync(), "recordCase");
        assertEquals(true, recorded.get("leadParticipant"));
        assertEquals(rosasEnrollment, recorded.get("openEnrollment"));
        assertEquals(rosa, recorded.get("person"));
        assertEquals(arrested.toString(), recorded.get("filedOrArrestedAt"));
        assertEquals(List.of(Map.of("kind", "COURT_DATE", "date", "2026-04-20")), recorded.get("legalMatters"));
        assertNull(recorded.get("consultation"));
        String id = (String) recorded.get("id");

        Instant asked = later();
        var consulted = done(prosecutor().document(CONSULT).variable("input", Map.of("caseId", id)).executeSync(),
                "requestConsultation");
        Map<String, Object> window = (Map<String, Object>) consulted.get("consultation");
        assertEquals(asked.toString(), window.get("requestedAt"));
        int days = programme.policies().inForceAt(Fixtures.SEATTLE, asked).orElseThrow().consultationWindowDays();
        assertEquals(asked.plus(Duration.ofDays(days)).toString(), window.get("dueBy"));
        Map<String, Object> again = refused(prosecutor().document(CONSULT).variable("input", Map.of("caseId", id))
                .executeSync(), "requestConsultation");
        assertEquals("ALREADY_RECORDED", again.get("code"));

        later();
        var withInput = done(caseManager().document(CM_INPUT).variable("input", Map.of("caseId", id,
                "summary", "engaged weekly, housing application pending")).executeSync(), "recordCaseManagerInput");
        assertEquals("engaged weekly, housing application pending",
                ((Map<String, Object>) withInput.get("caseManagerInput")).get("summary"));

        later();
        Map<String, Object> onDisclosure = refused(prosecutor().document(DECIDE).variable("input", Map.of(
                "caseId", id, "decision", "FILE_STANDARD", "basis", "what her case manager told the OWG",
                "basedOnLeadDisclosure", true)).executeSync(), "recordChargingDecision");
        assertEquals("LEAD_DISCLOSURE_AS_BASIS", onDisclosure.get("code"));
        assertEquals("R35", onDisclosure.get("rule"));
        assertEquals("decision.basis", onDisclosure.get("field"));

        Instant decidedAt = later();
        var decided = done(prosecutor().document(DECIDE).variable("input", Map.of("caseId", id,
                "decision", "FILE_WITH_COORDINATED_RESOLUTION", "basis", "the officer's report",
                "basedOnLeadDisclosure", false)).executeSync(), "recordChargingDecision");
        Map<String, Object> decision = (Map<String, Object>) decided.get("decision");
        assertEquals("FILE_WITH_COORDINATED_RESOLUTION", decision.get("decision"));
        assertEquals(decidedAt.toString(), decision.get("decidedAt"));
        assertNull(decision.get("waiverReason"), "consulted, so nothing waived");

        var rosasRecord = ok(caseManager().document("""
                query($id: ID!) { participant(id: $id) { cases { id decision { decision } }
                                                          enrollments { id status } } }""")
                .variable("id", rosa).executeSync());
        List<Map<String, Object>> cases = rosasRecord.field("participant.cases").getValue();
        assertTrue(cases.stream().anyMatch(c -> id.equals(c.get("id"))));
        assertEquals("ACTIVE", rosasRecord.field("participant.enrollments[0].status").getValue(),
                "a charge never moves an enrollment (R25)");
    }

    @Test
    void a_decision_on_a_participants_case_needs_a_consultation_or_a_written_waiver() {
        String id = recordRosasNewArrest();
        Map<String, Object> unconsulted = refused(prosecutor().document(DECIDE).variable("input", Map.of(
                "caseId", id, "decision", "DECLINE", "basedOnLeadDisclosure", false)).executeSync(),
                "recordChargingDecision");
        assertEquals("CONSULTATION_REQUIRED", unconsulted.get("code"));
        assertEquals("R34", unconsulted.get("rule"));
        assertEquals("decision.waiverReason", unconsulted.get("field"));

        var waived = done(prosecutor().document(DECIDE).variable("input", Map.of("caseId", id, "decision", "DECLINE",
                "waiverReason", "30-day charging deadline", "basedOnLeadDisclosure", false)).executeSync(),
                "recordChargingDecision");
        assertEquals("30-day charging deadline", ((Map<String, Object>) waived.get("decision")).get("waiverReason"));
        Map<String, Object> twice = refused(prosecutor().document(DECIDE).variable("input", Map.of("caseId", id,
                "decision", "HOLD_PENDING_OWG", "waiverReason", "again", "basedOnLeadDisclosure", false))
                .executeSync(), "recordChargingDecision");
        assertEquals("ALREADY_RECORDED", twice.get("code"));
    }

    @Test
    void a_case_of_someone_not_enrolled_is_not_flagged_and_needs_no_consultation() {
        Instant filed = later();
        var recorded = done(prosecutor().document(RECORD_CASE).variable("input", aNewArrest("dana", filed))
                .executeSync(), "recordCase");
        assertEquals(false, recorded.get("leadParticipant"));
        assertNull(recorded.get("openEnrollment"));
        var decided = done(prosecutor().document(DECIDE).variable("input", Map.of("caseId", recorded.get("id"),
                "decision", "NEW_LEAD_DIVERSION", "basedOnLeadDisclosure", false)).executeSync(),
                "recordChargingDecision");
        assertEquals("NEW_LEAD_DIVERSION", ((Map<String, Object>) decided.get("decision")).get("decision"));
    }

    @Test
    void only_prosecutors_record_cases_consult_and_decide_and_only_the_case_manager_gives_input() {
        Instant at = later();
        Map<String, Object> cmRecords = refused(caseManager().document(RECORD_CASE).variable("input",
                aNewArrest(rosa, at)).executeSync(), "recordCase");
        assertEquals("NOT_AUTHORISED", cmRecords.get("code"));

        String id = recordRosasNewArrest();
        var officer = as("officer-7", "OFFICER", "LEGAL_COORDINATION", false);
        assertEquals("NOT_AUTHORISED", refused(officer.document(CONSULT).variable("input", Map.of("caseId", id))
                .executeSync(), "requestConsultation").get("code"));
        Map<String, Object> prosecutorSummarises = refused(prosecutor().document(CM_INPUT).variable("input",
                Map.of("caseId", id, "summary", "doing well")).executeSync(), "recordCaseManagerInput");
        assertEquals("NOT_AUTHORISED", prosecutorSummarises.get("code"));
        assertEquals("R34", prosecutorSummarises.get("rule"));
        assertEquals("NOT_AUTHORISED", refused(caseManager().document(DECIDE).variable("input", Map.of("caseId", id,
                "decision", "DECLINE", "waiverReason", "w", "basedOnLeadDisclosure", false)).executeSync(),
                "recordChargingDecision").get("code"));
        assertEquals("REASON_REQUIRED", refused(caseManager().document(CM_INPUT).variable("input",
                Map.of("caseId", id, "summary", " ")).executeSync(), "recordCaseManagerInput").get("code"));

        var anonymous = anonymous().document(CONSULT).variable("input", Map.of("caseId", id)).executeSync();
        assertEquals("FORBIDDEN", only(anonymous).getErrorType().toString());
    }

    @Test
    void a_case_is_read_back_only_by_a_viewer_who_may_read_legal_coordination() {
        String id = recordRosasNewArrest();
        later();
        var unassigned = as("cm-9", "CASE_MANAGER", "CARE_COORDINATION", false);
        var response = unassigned.document(CM_INPUT).variable("input", Map.of("caseId", id,
                "summary", "covering for cm-1")).executeSync();
        assertEquals(List.of(), response.field("recordCaseManagerInput.errors").getValue(), "recorded");
        assertNull(response.field("recordCaseManagerInput.case").getValue(), "but not hers to read back");
        ResponseError unreadable = only(response);
        assertEquals("FORBIDDEN", unreadable.getErrorType().toString());
        assertEquals("recordCaseManagerInput.case", unreadable.getPath());
        assertEquals("dataClasses.LEGAL_COORDINATION", unreadable.getExtensions().get("field"));

        var court = as("court-1", "COURT", "COURT_PROGRESS", false).document(
                "query($id: ID!) { participant(id: $id) { cases { id } } }").variable("id", rosa).executeSync();
        assertNull(court.field("participant.cases").getValue());
        ResponseError refusal = only(court);
        assertEquals("FORBIDDEN", refusal.getErrorType().toString());
        assertEquals("dataClasses.LEGAL_COORDINATION", refusal.getExtensions().get("field"));
    }

    @Test
    void a_case_in_the_future_is_refused_and_malformed_inputs_are_bad_requests_naming_the_field() {
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        Map<String, Object> future = refused(prosecutor().document(RECORD_CASE).variable("input",
                aNewArrest(rosa, tomorrow)).executeSync(), "recordCase");
        assertEquals("INVALID_TIMESTAMP", future.get("code"));
        assertEquals("filedOrArrestedAt", future.get("field"));

        var noOffence = prosecutor().document(RECORD_CASE).variable("input", Map.of("person", rosa,
                "site", "seattle-king-county", "offences", List.of(), "filedOrArrestedAt", later().toString()))
                .executeSync();
        assertEquals("input.offences", only(noOffence).getExtensions().get("field"));

        String id = recordRosasNewArrest();
        var unknownDecision = prosecutor().document(DECIDE).variable("input", Map.of("caseId", id,
                "decision", "PLEA_BARGAIN", "basedOnLeadDisclosure", false)).executeSync();
        ResponseError error = only(unknownDecision);
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("input.decision", error.getExtensions().get("field"));

        var notAnId = prosecutor().document(CONSULT).variable("input", Map.of("caseId", "case-1")).executeSync();
        assertEquals("input.caseId", only(notAnId).getExtensions().get("field"));
    }
}

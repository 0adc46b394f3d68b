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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

/**
 * The Operational Work Group agenda as a meeting's screen meets it, over HTTP. Seattle's work groups meet by precinct;
 * in the West precinct Rosa was diverted, taken in and let the work group hear of her; Sam was diverted and accepted
 * the same night and his intake is due before the next meeting. The meeting of 3 February follows the one of
 * 6 January. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, AgendaScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgendaScenarios extends ApiClients {

    /** States that the viewer reads in an OWG meeting (the host knows; the test says so in a header). */
    static final String IN_MEETING = "X-Test-In-Meeting";

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(seattle("2026-01-12T21:10"));
        }

        /** The test host's viewers, who may also be in an OWG meeting. */
        @Bean
        @Primary
        ActorResolver meetingHeaders() {
            return request -> {
                String actor = request.getHeaders().getFirst(TestApplication.ACTOR);
                if (actor == null) {
                    return Optional.empty();
                }
                return Optional.of(new Viewer(Actor.of(actor, Role.valueOf(request.getHeaders()
                        .getFirst(TestApplication.ROLE))), Purpose.valueOf(request.getHeaders()
                        .getFirst(TestApplication.PURPOSE)), new RecipientCircumstances(false,
                        "true".equals(request.getHeaders().getFirst(TestApplication.ASSIGNED)),
                        "true".equals(request.getHeaders().getFirst(IN_MEETING)))));
            };
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    Clock clock;

    private String rosa;
    private String rosasReferral;
    private String samsReferral;


    @BeforeAll
    void rosa_is_taken_in_and_lets_the_work_group_hear_of_her_while_sams_intake_is_due() {
        var time = (MutableClock) clock;
        programme.policies().put(Fixtures.seattle());
        var desk = programme.desk();
        var cm = Fixtures.CASE_MANAGER;
        var rosas = expect(desk.submit(Fixtures.anArrestDiversion("rosa").build()), "Rosa's diversion");
        var sams = expect(desk.submit(Fixtures.anArrestDiversion("sam").build()), "Sam's diversion");
        rosa = rosas.submission().person().id().value();
        rosasReferral = rosas.id().toString();
        samsReferral = sams.id().toString();
        time.set(seattle("2026-01-12T21:45"));
        for (var referral : List.of(rosas.id(), sams.id())) {
            expect(desk.recordHandoff(referral, cm, seattle("2026-01-12T21:15"), seattle("2026-01-12T21:40")),
                    "hand-off");
            expect(desk.accept(referral, cm), "acceptance");
        }
        expect(desk.decideEligibility(rosas.id(), Fixtures.SERGEANT, true, null), "confirmation");
        time.set(seattle("2026-01-26T10:00"));
        var enrollment = expect(desk.completeIntake(rosas.id(), cm), "intake").enrollment().orElseThrow();
        expect(programme.caseManagement().assignCaseManager(enrollment, CaseManagerId.of(cm.id()), cm), "assigned");
        expect(programme.disclosure().recordConsent(cm, rosas.submission().person().id(), ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.OWG_MEMBER), Set.of(), Set.of(Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.LEGAL_COORDINATION), Optional.empty()),
                "Rosa lets the work group hear of her");
        time.set(seattle("2026-02-03T08:00"));
    }

    private static final String AGENDA = """
            query($site: ID!, $precinct: String, $at: DateTime!, $previous: DateTime, $next: DateTime,
                  $flagged: [String!]) {
              workgroupAgenda(site: $site, precinct: $precinct, at: $at, previousMeeting: $previous,
                              nextMeeting: $next, flagged: $flagged) {
                meeting { site precinct at previousAt nextAt }
                items { section subject named label participant { id } }
                flagged
              }
            }""";

    private ClientGraphQlResponse agenda(HttpSyncGraphQlClient client, String precinct) {
        return client.document(AGENDA).variable("site", "seattle-king-county").variable("precinct", precinct)
                .variable("at", "2026-02-03T17:00:00Z").variable("previous", "2026-01-06T17:00:00Z")
                .variable("flagged", List.of("the shelter on 3rd closes at night")).executeSync();
    }

    private HttpSyncGraphQlClient owgMember(boolean inMeeting) {
        return HttpSyncGraphQlClient.builder(RestClient.create("http://localhost:" + port + "/graphql"))
                .header(TestApplication.ACTOR, "owg-housing-1").header(TestApplication.ROLE, "OWG_MEMBER")
                .header(TestApplication.PURPOSE, "CARE_COORDINATION").header(TestApplication.ASSIGNED, "false")
                .header(IN_MEETING, Boolean.toString(inMeeting)).build();
    }

    private HttpSyncGraphQlClient projectManager() {
        return as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false);
    }

    @Test
    void the_agenda_names_a_person_only_under_her_consent_and_audits_the_agenda_and_each_named_person_once() {
        int before = auditCount();
        var response = agenda(projectManager(), "WEST_PRECINCT");
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        Instant at = Instant.parse("2026-02-03T17:00:00Z");
        assertEquals(Map.of("site", "seattle-king-county", "precinct", "WEST_PRECINCT", "at", at.toString(),
                "previousAt", "2026-01-06T17:00:00Z", "nextAt", at.plus(Duration.ofDays(14)).toString()),
                response.field("workgroupAgenda.meeting").getValue(), "the next meeting follows Seattle's cadence");

        List<Map<String, Object>> items = response.field("workgroupAgenda.items").getValue();
        var rosasItem = new java.util.HashMap<String, Object>();
        rosasItem.put("section", "ACCEPTED_SINCE_LAST");
        rosasItem.put("subject", rosasReferral);
        rosasItem.put("named", true);
        rosasItem.put("label", rosa);
        rosasItem.put("participant", Map.of("id", rosa));
        var samAccepted = new java.util.HashMap<String, Object>();
        samAccepted.put("section", "ACCEPTED_SINCE_LAST");
        samAccepted.put("subject", samsReferral);
        samAccepted.put("named", false);
        samAccepted.put("label", "Participant A");
        samAccepted.put("participant", null);
        var samDue = new java.util.HashMap<>(samAccepted);
        samDue.put("section", "INTAKE_DUE_BEFORE_NEXT");
        assertEquals(3, items.size(), items::toString);
        assertTrue(items.containsAll(List.of(rosasItem, samAccepted, samDue)), items::toString);
        assertEquals("INTAKE_DUE_BEFORE_NEXT", items.get(2).get("section"), "by section, then by subject");
        assertEquals(List.of("the shelter on 3rd closes at night"), response.field("workgroupAgenda.flagged").getValue());

        assertEquals(2, auditCount() - before, "one entry for the agenda and one for Rosa, the one person named");
    }

    @Test
    void a_member_reads_it_in_the_meeting_and_other_viewers_get_null_and_a_forbidden_error() {
        var inMeeting = agenda(owgMember(true), "WEST_PRECINCT");
        assertTrue(inMeeting.getErrors().isEmpty(), () -> inMeeting.getErrors().toString());
        assertEquals(3, ((List<?>) inMeeting.field("workgroupAgenda.items").getValue()).size());

        for (HttpSyncGraphQlClient viewer : List.of(owgMember(false),
                as("officer-1", "OFFICER", "CARE_COORDINATION", false),
                as("prosecutor-1", "PROSECUTOR", "ENFORCEMENT", false))) {
            int before = auditCount();
            var refused = agenda(viewer, "WEST_PRECINCT");
            assertNull(refused.field("workgroupAgenda").getValue());
            ResponseError error = only(refused);
            assertEquals("FORBIDDEN", error.getErrorType().toString());
            assertEquals("workgroupAgenda", error.getPath());
            assertEquals("dataClasses.REFERRAL_CORE", error.getExtensions().get("field"));
            assertEquals(1, auditCount() - before, "the refusal is on record");
        }

        int before = auditCount();
        var anonymous = agenda(anonymous(), "WEST_PRECINCT");
        assertNull(anonymous.field("workgroupAgenda").getValue());
        assertEquals("FORBIDDEN", only(anonymous).getErrorType().toString());
        assertEquals(before, auditCount(), "an anonymous request reads nothing");
    }

    @Test
    void another_precincts_meeting_lists_none_of_the_west_precincts_items() {
        var east = agenda(projectManager(), "EAST_PRECINCT");
        assertTrue(east.getErrors().isEmpty(), () -> east.getErrors().toString());
        assertEquals(List.of(), east.field("workgroupAgenda.items").getValue());
        assertEquals("EAST_PRECINCT", east.field("workgroupAgenda.meeting.precinct").getValue());
    }

    @Test
    void a_bad_meeting_is_a_bad_request_naming_the_argument() {
        assertBadRequest(agenda(projectManager(), null), "precinct");
        assertBadRequest(agenda(projectManager(), "west precinct"), "precinct");
        assertBadRequest(projectManager().document(AGENDA).variable("site", "nowhere")
                .variable("at", "2026-02-03T17:00:00Z").executeSync(), "site");
        assertBadRequest(projectManager().document(AGENDA).variable("site", "seattle-king-county")
                .variable("precinct", "WEST_PRECINCT").variable("at", "2026-02-03T17:00:00Z")
                .variable("previous", "2026-02-10T17:00:00Z").executeSync(), "previousMeeting");
        assertBadRequest(projectManager().document(AGENDA).variable("site", "seattle-king-county")
                .variable("precinct", "WEST_PRECINCT").variable("at", "2026-02-03T17:00:00Z")
                .variable("flagged", List.of(" ")).executeSync(), "flagged.0");
    }

    private static void assertBadRequest(ClientGraphQlResponse response, String field) {
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString(), error::toString);
        assertEquals(field, error.getExtensions().get("field"));
        assertNull(response.field("workgroupAgenda").getValue());
    }
}

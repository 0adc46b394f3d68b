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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.EvaluationFixtures;
import org.leaddiversion.domain.evaluation.LegalEvent;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SitePolicyFile;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.execution.ErrorType;

/**
 * The equity measures by group over HTTP, through the named operations of {@code graphql-test/equityMeasures.graphql}.
 * Seattle runs under its reference profile plus a version with its own equity settings (minimum cell size 5,
 * categories WHITE, BLACK, ASIAN). In the first quarter of 2026 officers divert 12 BLACK and 6 WHITE people, who are
 * all taken in; 6 BLACK and 1 WHITE 16-year-olds are referred by social contact and screened out (E4), and 4 people
 * with no race recorded are referred by social contact, 2 declining and 2 taken in. The records system booked 8 BLACK,
 * 14 WHITE and 2 UNKNOWN people of the pool. Every participant but 5 of the BLACK ones keeps in touch monthly; those 5
 * go inactive after 90 days. In March the prosecutor decides new cases of 6 BLACK participants (5 filed with a
 * coordinated resolution, 1 declined) and declines 5 WHITE ones; the same 6 BLACK participants were arrested that
 * month. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, EquityMeasuresScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EquityMeasuresScenarios extends ApiClients {

    private static final String SEATTLE = "seattle-king-county";
    private static final List<String> GROUPS = List.of("WHITE", "BLACK", "ASIAN", "UNKNOWN");

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(seattle("2026-01-05T10:00"));
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    LeadDatabase db;
    @Autowired
    Clock clock;

    @BeforeAll
    void seattle_diverts_screens_out_and_decides() {
        var time = (MutableClock) clock;
        programme.policies().put(SitePolicyFile.parse("seattle.policy", SiteScenarios.profile(SEATTLE) + """

                [version 3]
                effectiveFrom = 2025-09-01
                decision = PCG minute 2025-08-14: equity report settings
                equity.minCellSize = 5
                equity.categories = WHITE, BLACK, ASIAN
                """));
        var desk = programme.desk();
        var cm = Fixtures.CASE_MANAGER;
        var taken = new ArrayList<ReferralId>();
        var engaged = new ArrayList<String>();
        for (Object[] group : new Object[][] {{"BLACK", 12}, {"WHITE", 6}}) {
            String race = (String) group[0];
            for (int i = 0; i < (Integer) group[1]; i++) {
                String person = race.toLowerCase(java.util.Locale.ROOT) + "-" + i;
                var id = expect(desk.submit(Fixtures.anArrestDiversion(person)
                        .person(EvaluationFixtures.person(person, race, LocalDate.of(1980, 3, 4))).build()),
                        "diversion").id();
                time.advance(Duration.ofMinutes(20));
                expect(desk.recordHandoff(id, cm, time.instant().minus(Duration.ofMinutes(15)), time.instant()),
                        "hand-off");
                expect(desk.accept(id, cm), "acceptance");
                expect(desk.decideEligibility(id, Fixtures.SERGEANT, true, null), "confirmation");
                taken.add(id);
                if (!race.equals("BLACK") || i < 7) {
                    engaged.add(person);
                }
            }
        }
        for (Object[] group : new Object[][] {{"BLACK", 6}, {"WHITE", 1}}) {
            for (int i = 0; i < (Integer) group[1]; i++) {
                String person = "young-" + group[0] + "-" + i;
                var young = expect(desk.submit(Fixtures.aSocialContactReferral(person, LocalDate.of(2026, 1, 5))
                        .person(EvaluationFixtures.person(person, (String) group[0], LocalDate.of(2010, 1, 1)))
                        .build()), "under-age referral");
                assertEquals("INELIGIBLE", young.status().name(), "screened out by the minimum age");
                time.advance(Duration.ofMinutes(5));
            }
        }
        for (int i = 0; i < 4; i++) {
            String person = "unrecorded-" + i;
            var id = expect(desk.submit(Fixtures.aSocialContactReferral(person, LocalDate.of(2026, 1, 5))
                    .person(EvaluationFixtures.person(person, null, LocalDate.of(1975, 6, 1))).build()),
                    "social contact").id();
            time.advance(Duration.ofMinutes(10));
            if (i < 2) {
                expect(desk.recordDecline(id, Fixtures.OFFICER), "decline");
                continue;
            }
            expect(desk.accept(id, cm), "acceptance");
            expect(desk.decideEligibility(id, Fixtures.SERGEANT, true, null), "confirmation");
            taken.add(id);
            engaged.add(person);
        }
        time.set(seattle("2026-01-06T10:00"));
        Map<String, EnrollmentId> enrollments = new HashMap<>();
        for (ReferralId id : taken) {
            var r = expect(desk.completeIntake(id, cm), "intake");
            enrollments.put(r.submission().person().id().value(), r.enrollment().orElseThrow());
        }
        // seven months of outreach: the engaged keep in touch every four weeks, the others go inactive after 90 days;
        // in March, the prosecutor's decisions on new cases
        for (int month = 1; month <= 7; month++) {
            time.set(seattle("2026-01-06T10:00").plus(Duration.ofDays(28L * month)));
            for (String person : engaged) {
                expect(desk.recordContact(enrollments.get(person), cm, ContactType.IN_PERSON_FIELD, time.instant()),
                        "contact");
            }
            desk.sweepInactivity();
            if (month == 2) {
                for (int i = 0; i < 6; i++) {
                    decide("black-" + i, i < 5 ? ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION
                            : ChargingDecision.DECLINE);
                }
                for (int i = 0; i < 5; i++) {
                    decide("white-" + i, ChargingDecision.DECLINE);
                }
            }
        }
        var encounters = new ArrayList<Encounter>();
        for (Object[] group : new Object[][] {{"BLACK", 8}, {"WHITE", 14}, {"UNKNOWN", 2}}) {
            for (int i = 0; i < (Integer) group[1]; i++) {
                encounters.add(EvaluationFixtures.poolArrest("rms-" + group[0] + "-" + i, LocalDate.of(2026, 2, 10),
                        Fixtures.SEATTLE, new EquityGroup((String) group[0]), Encounter.Disposition.BOOKED));
            }
        }
        for (int i = 0; i < 5; i++) {
            encounters.add(EvaluationFixtures.poolArrest("rms-cited-" + i, LocalDate.of(2026, 2, 10),
                    Fixtures.SEATTLE, new EquityGroup("BLACK"), Encounter.Disposition.CITED_AND_RELEASED));
        }
        db.evaluationData().recordEncounters(encounters);
        var events = new ArrayList<LegalEvent>();
        for (int i = 0; i < 6; i++) {
            events.add(new LegalEvent.Arrest(new PersonId("black-" + i), LocalDate.of(2026, 3, 20),
                    LegalEvent.ArrestKind.NEW_OFFENCE));
        }
        db.evaluationData().recordLegalEvents(events);
        time.set(seattle("2026-11-02T09:00"));
    }

    private void decide(String person, ChargingDecision decision) {
        var coordination = programme.coordination();
        var c = expect(coordination.recordCase(Fixtures.PROSECUTOR, new PersonId(person), Fixtures.SEATTLE,
                List.of(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR)), List.of(),
                clock.instant().minus(Duration.ofHours(2))), "new case");
        expect(coordination.requestConsultation(c.id(), Fixtures.PROSECUTOR), "consultation");
        expect(coordination.recordDecision(c.id(), Fixtures.PROSECUTOR, decision, Optional.empty(), Optional.empty(),
                false), "decision");
    }

    private static final Map<String, String> FIELDS = Map.of("DiversionShare", "diversionShare", "StageConversion",
            "stageConversion", "ExclusionReasons", "exclusionReasons", "PostEnrollmentDecisions",
            "postEnrollmentDecisions", "OutcomeParity", "outcomeParity");

    /** The rows the named operation returns for the first quarter of 2026, with more variables if any. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String operation, Map<String, Object> more) {
        var variables = new HashMap<String, Object>(Map.of("site", SEATTLE, "from", "2026-01-01", "to",
                "2026-03-31"));
        variables.putAll(more);
        ClientGraphQlResponse response = pcg().documentName("equityMeasures").operationName(operation)
                .variables(variables).executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> rows = response.field(FIELDS.get(operation)).toEntity(List.class);
        noSmallCount(rows, 5);
        return rows;
    }

    /** The row of a slice, e.g. group BLACK and stage ENROLLED_TO_ACTIVE_AT_SIX_MONTHS. */
    private static Map<String, Object> row(List<Map<String, Object>> rows, Map<String, String> slice) {
        return rows.stream().filter(r -> stratum(r).entrySet().containsAll(slice.entrySet())).findFirst()
                .orElseThrow(() -> new AssertionError(slice + " not in " + rows));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stratum(Map<String, Object> row) {
        var out = new HashMap<String, String>();
        for (Map<String, Object> part : (List<Map<String, Object>>) row.get("stratum")) {
            out.put((String) part.get("dimension"), (String) part.get("value"));
        }
        return out;
    }

    private static List<String> groupsOf(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> stratum(r).get("group")).distinct().toList();
    }

    @Test
    void the_diversion_share_sets_each_groups_diversions_against_its_bookings() {
        List<Map<String, Object>> rows = rows("DiversionShare", Map.of());
        assertEquals(GROUPS, groupsOf(rows), "the site's categories in order, then UNKNOWN on its own");
        Map<String, Object> white = rows.get(0);
        assertEquals("DIVERSION_SHARE", white.get("measure"));
        assertEquals("PROPORTION", white.get("unit"));
        assertEquals(shown(6), white.get("count"));
        assertEquals(shown(20), white.get("base"), "6 diversions and 14 bookings");
        assertEquals(0.3, ((Number) white.get("value")).doubleValue(), 1e-9);
        assertEquals(shown(12), rows.get(1).get("count"));
        assertEquals(shown(20), rows.get(1).get("base"), "12 diversions and 8 bookings; the 5 cited are no bookings");
        assertEquals(shown(0), rows.get(2).get("base"), "ASIAN, a category with nobody in it");
        Map<String, Object> unknown = rows.get(3);
        assertEquals(withheld(), unknown.get("base"), "2 bookings: below 5");
        assertNull(unknown.get("value"));
        assertEquals(true, unknown.get("suppressed"));

        List<Map<String, Object>> only = rows("DiversionShare", Map.of("groups", List.of("UNKNOWN", " BLACK")));
        assertEquals(List.of(rows.get(1), rows.get(3)), only, "the filter cuts the published rows, in their order");
    }

    @Test
    void the_stage_conversion_follows_each_group_to_six_months_after_the_start() {
        List<Map<String, Object>> rows = rows("StageConversion", Map.of("asOf", "2026-11-01T00:00:00Z"));
        assertEquals(20, rows.size(), "five stages for each of four groups");
        assertEquals(GROUPS, groupsOf(rows));
        Map<String, Object> black = row(rows, Map.of("group", "BLACK", "stage", "ENROLLED_TO_ACTIVE_AT_SIX_MONTHS"));
        assertEquals(shown(7), black.get("count"), "5 of 12 went inactive and stayed so");
        assertEquals(shown(12), black.get("base"));
        Map<String, Object> white = row(rows, Map.of("group", "WHITE", "stage", "ENROLLED_TO_ACTIVE_AT_SIX_MONTHS"));
        assertEquals(shown(6), white.get("count"));
        assertEquals(1.0, ((Number) white.get("value")).doubleValue(), 1e-9);
        assertEquals(shown(12), row(rows, Map.of("group", "BLACK", "stage", "ELIGIBLE_TO_OFFERED")).get("base"),
                "the 6 screened out are not eligible");
        Map<String, Object> declined = row(rows, Map.of("group", "UNKNOWN", "stage", "OFFERED_TO_ACCEPTED"));
        assertEquals(withheld(), declined.get("count"), "2 of 4 accepted: below 5");
        assertEquals(withheld(), row(rows, Map.of("group", "UNKNOWN", "stage", "ENROLLED_TO_ACTIVE_AT_SIX_MONTHS"))
                .get("base"));

        assertEquals(rows, rows("StageConversion", Map.of()), "as of now, in November, the same");
        List<Map<String, Object>> may = rows("StageConversion", Map.of("asOf", "2026-05-01T00:00:00Z"));
        assertEquals(shown(0), row(may, Map.of("group", "BLACK", "stage", "ENROLLED_TO_ACTIVE_AT_SIX_MONTHS"))
                .get("base"), "in May, six months after January is still ahead");
    }

    @Test
    void the_exclusion_reasons_show_which_criterion_kept_which_group_out() {
        List<Map<String, Object>> rows = rows("ExclusionReasons", Map.of());
        assertEquals(GROUPS, groupsOf(rows));
        assertTrue(rows.stream().allMatch(r -> stratum(r).get("exclusion").equals("UNDER_MIN_AGE")),
                "only the minimum age (E4) excluded anyone");
        Map<String, Object> black = rows.get(1);
        assertEquals(shown(6), black.get("count"));
        assertEquals(shown(18), black.get("base"), "12 diversions and 6 under-age referrals");
        Map<String, Object> white = rows.get(0);
        assertEquals(withheld(), white.get("count"), "1 of 7: below 5");
        assertEquals(shown(7), white.get("base"));
    }

    @Test
    void the_post_enrollment_decisions_are_a_split_per_group() {
        List<Map<String, Object>> rows = rows("PostEnrollmentDecisions", Map.of());
        assertEquals(20, rows.size(), "five decisions for each of four groups");
        assertEquals(shown(5), row(rows, Map.of("group", "WHITE", "decision", "DECLINE")).get("count"));
        assertEquals(shown(0), row(rows, Map.of("group", "WHITE", "decision", "FILE_STANDARD")).get("count"));
        Map<String, Object> declined = row(rows, Map.of("group", "BLACK", "decision", "DECLINE"));
        assertEquals(withheld(), declined.get("count"), "1 declined: below 5");
        assertEquals(withheld(), row(rows, Map.of("group", "BLACK", "decision", "FILE_WITH_COORDINATED_RESOLUTION"))
                .get("count"), "the 5 filed would give the 1 back from the total of 6");
        assertEquals(shown(6), declined.get("base"));
    }

    @Test
    void outcome_parity_compares_the_groups_of_each_cohort() {
        List<Map<String, Object>> rows = rows("OutcomeParity", Map.of("dataThrough", "2026-10-31"));
        Map<String, Object> black = row(rows, Map.of("cohort", "LEAD", "group", "BLACK", "window", "POST"));
        assertEquals("ARREST_ANY", black.get("measure"), "the first measure's rows come first");
        assertEquals(shown(6), black.get("count"));
        assertEquals(shown(12), black.get("base"));
        assertEquals(0.5, ((Number) black.get("value")).doubleValue(), 1e-9);
        assertEquals(shown(0), row(rows, Map.of("cohort", "LEAD", "group", "WHITE", "window", "POST"))
                .get("count"));
        assertEquals(withheld(), row(rows, Map.of("cohort", "LEAD", "group", "UNKNOWN", "window", "POST"))
                .get("base"), "2 participants with no race recorded: below 5");
        assertEquals(GROUPS, rows.stream().filter(r -> stratum(r).get("cohort").equals("COMPARISON"))
                .map(r -> stratum(r).get("group")).distinct().toList(), "an empty comparison cohort still has rows");
        assertEquals(rows, rows("OutcomeParity", Map.of()), "data through today, in November: the same members");
        assertEquals(rows.stream().filter(r -> stratum(r).get("group").equals("BLACK")).toList(),
                rows("OutcomeParity", Map.of("dataThrough", "2026-10-31", "groups", List.of("BLACK"))));
    }

    @Test
    void a_role_without_aggregate_access_gets_null_and_a_typed_forbidden() {
        for (String operation : FIELDS.keySet()) {
            ClientGraphQlResponse response = as("court-1", Role.COURT, Purpose.COURT_PROGRESS,
                    RecipientCircumstances.none()).documentName("equityMeasures").operationName(operation)
                    .variables(Map.of("site", SEATTLE, "from", "2026-01-01", "to", "2026-03-31")).executeSync();
            ResponseError error = only(response);
            assertEquals(ErrorType.FORBIDDEN, error.getErrorType(), operation);
            assertEquals("NOT_AUTHORISED", error.getExtensions().get("code"));
            assertEquals("R36", error.getExtensions().get("rule"));
            assertNull(((Map<?, ?>) response.getData()).get(FIELDS.get(operation)), operation);
        }
        assertEquals(ErrorType.FORBIDDEN, only(anonymous().documentName("equityMeasures")
                .operationName("DiversionShare").variables(Map.of("site", SEATTLE, "from", "2026-01-01", "to",
                        "2026-03-31")).executeSync()).getErrorType());
    }

    @Test
    void bad_inputs_are_refused_naming_the_argument() {
        assertBad("DiversionShare", Map.of("site", "nowhere"), "site");
        assertBad("StageConversion", Map.of("from", "2026-03-31", "to", "2026-01-01"), "to");
        assertBad("ExclusionReasons", Map.of("groups", List.of("WHITE", " ")), "groups.1");
        assertBad("PostEnrollmentDecisions", Map.of("from", "2000-01-01"), "to");
        assertBad("OutcomeParity", Map.of("windowMonths", 0), "windowMonths");
        assertBad("OutcomeParity", Map.of("currency", "XYZ"), "currency");
    }

    private void assertBad(String operation, Map<String, Object> more, String field) {
        var variables = new HashMap<String, Object>(Map.of("site", SEATTLE, "from", "2026-01-01", "to",
                "2026-03-31"));
        variables.putAll(more);
        ResponseError error = only(pcg().documentName("equityMeasures").operationName(operation).variables(variables)
                .executeSync());
        assertEquals(ErrorType.BAD_REQUEST, error.getErrorType(), error::getMessage);
        assertEquals(field, error.getExtensions().get("field"), error::getMessage);
    }
}

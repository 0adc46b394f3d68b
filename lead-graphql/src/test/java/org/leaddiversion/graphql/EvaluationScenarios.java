/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.EvaluationFixtures;
import org.leaddiversion.domain.evaluation.LegalEvent;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.SitePolicyFile;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.PersistentProgramme;
import org.leaddiversion.persistence.ResearchExtracts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.client.RestClient;

/**
 * The evaluation's reports and the research extract over HTTP. Seattle runs under its reference profile plus a version
 * with its own equity settings (minimum cell size 5, upper bound 1.5, categories WHITE, BLACK, ASIAN). Twenty people
 * are diverted and taken in during the last quarter of 2025 and twenty comparison candidates are arrested on red-light
 * shifts; 12 and 10 of them were arrested in the six months before, 11 and 3 in the six months after. In the first
 * quarter of 2026 officers refer 10 WHITE, 30 BLACK, 2 ASIAN and 6 people with no race recorded by social contact,
 * against pools of 100, 100, 3 and 20. In the second quarter of 2026, the funnel: 8 arrest diversions with hand-offs of
 * 10 to 45 minutes, all taken in, and 10 social contacts, 3 declined and 7 accepted, 2 of whom let the deadline pass.
 * Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, EvaluationScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvaluationScenarios extends ApiClients {

    private static final String SEATTLE = "seattle-king-county";

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(seattle("2025-10-06T10:00"));
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    LeadDatabase db;
    @Autowired
    Clock clock;

    @BeforeAll
    void seattle_diverts_compares_and_refers() {
        var time = (MutableClock) clock;
        programme.policies().put(SitePolicyFile.parse("seattle.policy", SiteScenarios.profile(SEATTLE) + """

                [version 3]
                effectiveFrom = 2025-09-01
                decision = PCG minute 2025-08-14: equity report settings
                equity.minCellSize = 5
                equity.upperBound = 1.5
                equity.categories = WHITE, BLACK, ASIAN
                """));
        var desk = programme.desk();
        var cm = Fixtures.CASE_MANAGER;
        var events = new ArrayList<LegalEvent>();
        var encounters = new ArrayList<Encounter>();
        for (int i = 0; i < 20; i++) {
            String person = "lead-" + i;
            var id = expect(desk.submit(Fixtures.anArrestDiversion(person).build()), "diversion").id();
            time.advance(Duration.ofMinutes(30));
            expect(desk.recordHandoff(id, cm, time.instant().minus(Duration.ofMinutes(25)), time.instant()),
                    "hand-off");
            expect(desk.accept(id, cm), "acceptance");
            expect(desk.decideEligibility(id, Fixtures.SERGEANT, true, null), "confirmation");
            time.advance(Duration.ofDays(1));
            expect(desk.completeIntake(id, cm), "intake");
            time.advance(Duration.ofHours(20));
            if (i < 12) {
                events.add(new LegalEvent.Arrest(new PersonId(person), LocalDate.of(2025, 6, 1),
                        LegalEvent.ArrestKind.NEW_OFFENCE));
            }
            if (i < 11) {
                events.add(new LegalEvent.Arrest(new PersonId(person), LocalDate.of(2026, 2, 1),
                        LegalEvent.ArrestKind.NEW_OFFENCE));
            }
            String other = "red-" + i;
            encounters.add(new Encounter(new PersonId(other), LocalDate.of(2025, 10, 20), Fixtures.SEATTLE,
                    new EquityGroup("WHITE"), Encounter.Kind.ARREST, OffenceCode.of("DRUG_POSSESSION"), true, true,
                    Encounter.Window.DIVERSION_NOT_ALLOWED, Encounter.Disposition.BOOKED));
            if (i < 10) {
                events.add(new LegalEvent.Arrest(new PersonId(other), LocalDate.of(2025, 6, 1),
                        LegalEvent.ArrestKind.NEW_OFFENCE));
            }
            if (i < 3) {
                events.add(new LegalEvent.Arrest(new PersonId(other), LocalDate.of(2026, 2, 1),
                        LegalEvent.ArrestKind.WARRANT));
            }
        }
        time.set(seattle("2026-02-02T10:00"));
        int n = 0;
        for (Object[] group : new Object[][] {{"WHITE", 10, 90}, {"BLACK", 30, 70}, {"ASIAN", 2, 1},
                {null, 6, 14}}) {
            String race = (String) group[0];
            for (int i = 0; i < (Integer) group[1]; i++) {
                String person = "sc-" + n++;
                expect(desk.submit(Fixtures.aSocialContactReferral(person, LocalDate.of(2026, 2, 2))
                        .person(EvaluationFixtures.person(person, race, LocalDate.of(1980, 3, 4))).build()),
                        "social contact");
                time.advance(Duration.ofMinutes(7));
            }
            for (int i = 0; i < (Integer) group[2]; i++) {
                encounters.add(EvaluationFixtures.poolArrest("rms-" + n + "-" + i, LocalDate.of(2026, 2, 10),
                        Fixtures.SEATTLE, race == null ? EquityGroup.UNKNOWN : new EquityGroup(race),
                        Encounter.Disposition.BOOKED));
            }
        }
        // the second quarter of 2026, for the funnel: 8 arrest diversions with hand-offs of 10 to 45 minutes, all
        // taken in; 10 social contacts, 3 declined at the offer and 7 accepted, of whom 2 let the deadline pass
        time.set(seattle("2026-04-06T10:00"));
        for (int i = 0; i < 8; i++) {
            var id = expect(desk.submit(Fixtures.anArrestDiversion("q2-a-" + i).build()), "diversion").id();
            time.advance(Duration.ofMinutes(60));
            expect(desk.recordHandoff(id, cm, time.instant().minus(Duration.ofMinutes(10 + 5 * i)), time.instant()),
                    "hand-off");
            expect(desk.accept(id, cm), "acceptance");
            expect(desk.decideEligibility(id, Fixtures.SERGEANT, true, null), "confirmation");
            time.advance(Duration.ofHours(5));
            expect(desk.completeIntake(id, cm), "intake");
        }
        for (int i = 0; i < 10; i++) {
            var id = expect(desk.submit(Fixtures.aSocialContactReferral("q2-s-" + i, LocalDate.of(2026, 4, 7))
                    .build()), "social contact").id();
            time.advance(Duration.ofMinutes(20));
            if (i < 3) {
                expect(desk.recordDecline(id, Fixtures.OFFICER), "decline");
                continue;
            }
            expect(desk.accept(id, cm), "acceptance");
            expect(desk.decideEligibility(id, Fixtures.SERGEANT, true, null), "confirmation");
            if (i < 8) {
                time.advance(Duration.ofHours(5));
                expect(desk.completeIntake(id, cm), "intake");
            }
        }
        time.set(seattle("2026-06-20T10:00"));
        desk.sweepDeadlines();
        db.evaluationData().recordLegalEvents(events);
        db.evaluationData().recordEncounters(encounters);
        time.set(seattle("2026-11-02T09:00"));
    }

    private static final String OUTCOMES = """
            query($site: String!, $from: Date!, $to: Date!) {
              outcomeReport(site: $site, from: $from, to: $to, windowMonths: 6, dataThrough: "2026-10-31") {
                site from to windowMonths dataThrough currency minCellSize
                participants { measure unit stratum { dimension value } subjects { value suppressed }
                  count { value suppressed } base { value suppressed } value suppressed currency }
                comparison { measure stratum { dimension value } count { value suppressed } base { value suppressed }
                  value suppressed }
                comparisons { measure stratum { dimension value } participantsWith { value suppressed }
                  participants { value suppressed } comparisonWith { value suppressed }
                  comparison { value suppressed } participantRate comparisonRate
                  oddsRatio { estimate lower upper corrected significant } suppressed }
              }
            }""";

    private static final String RRI = """
            query($site: String!, $from: Date!, $to: Date!, $groups: [String!]) {
              referralRateIndex(site: $site, from: $from, to: $to, groups: $groups) {
                site from to referenceGroup lowerBound upperBound minCellSize
                rows { group reference unknown referrals { value suppressed } pool { value suppressed } rate status
                  rri flag }
                totalReferrals { value suppressed } totalPool { value suppressed }
              }
            }""";

    private static final String FUNNEL = """
            query($site: ID!, $from: Date!, $to: Date!) {
              processFunnel(site: $site, from: $from, to: $to) {
                measure unit stratum { dimension value } subjects { value suppressed }
                count { value suppressed } base { value suppressed } value suppressed
              }
            }""";

    private static Map<String, Object> comparison(List<Map<String, Object>> rows, String measure, String window) {
        return rows.stream().filter(r -> r.get("measure").equals(measure)
                && ((List<?>) r.get("stratum")).contains(Map.of("dimension", "window", "value", window)))
                .findFirst().orElseThrow(() -> new AssertionError(measure + " " + window + " not in " + rows));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_outcome_report_compares_participants_with_the_comparison_cohort_and_hides_small_cells() {
        ClientGraphQlResponse response = pcg().document(OUTCOMES).variable("site", SEATTLE)
                .variable("from", "2025-10-01").variable("to", "2025-12-31").executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        Map<String, Object> report = response.field("outcomeReport").toEntity(Map.class);
        assertEquals(5, report.get("minCellSize"), "the site's equity.minCellSize");
        assertEquals("USD", report.get("currency"));
        noSmallCount(report, 5);
        List<Map<String, Object>> comparisons = (List<Map<String, Object>>) report.get("comparisons");

        Map<String, Object> pre = comparison(comparisons, "ARREST_ANY", "PRE");
        assertEquals(Map.of("value", 12, "suppressed", false), pre.get("participantsWith"));
        assertEquals(Map.of("value", 20, "suppressed", false), pre.get("participants"));
        assertEquals(Map.of("value", 10, "suppressed", false), pre.get("comparisonWith"));
        Map<String, Object> or = (Map<String, Object>) pre.get("oddsRatio");
        assertEquals(1.5, ((Number) or.get("estimate")).doubleValue(), 1e-9, "(12 × 10) / (8 × 10)");
        assertTrue(((Number) or.get("lower")).doubleValue() < 1.5 && ((Number) or.get("upper")).doubleValue() > 1.5);
        assertEquals(false, or.get("significant"));
        assertEquals(0.6, ((Number) pre.get("participantRate")).doubleValue(), 1e-9);

        Map<String, Object> post = comparison(comparisons, "ARREST_ANY", "POST");
        assertEquals(Map.of("value", 11, "suppressed", false), post.get("participantsWith"));
        assertEquals(java.util.Collections.singletonMap("value", null).get("value"),
                ((Map<String, Object>) post.get("comparisonWith")).get("value"), "3 arrested: below 5");
        assertEquals(true, ((Map<String, Object>) post.get("comparisonWith")).get("suppressed"));
        assertNull(post.get("comparisonRate"));
        assertNull(post.get("oddsRatio"), "an odds ratio would give the 3 back");
        assertEquals(true, post.get("suppressed"));

        Map<String, Object> comparisonRow = comparison((List<Map<String, Object>>) report.get("comparison"),
                "ARREST_ANY", "POST");
        assertEquals(true, ((Map<String, Object>) comparisonRow.get("count")).get("suppressed"));
        assertNull(comparisonRow.get("value"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_rri_reports_every_group_against_the_reference_with_the_sites_bounds() {
        ClientGraphQlResponse response = pcg().document(RRI).variable("site", SEATTLE).variable("from", "2026-01-01")
                .variable("to", "2026-03-31").executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        Map<String, Object> table = response.field("referralRateIndex").toEntity(Map.class);
        assertEquals("WHITE", table.get("referenceGroup"));
        assertEquals(0.8, ((Number) table.get("lowerBound")).doubleValue(), 1e-9);
        assertEquals(1.5, ((Number) table.get("upperBound")).doubleValue(), 1e-9, "the site's equity.upperBound");
        assertEquals(5, table.get("minCellSize"));
        noSmallCount(table, 5);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
        assertEquals(List.of("WHITE", "BLACK", "ASIAN", "UNKNOWN"), rows.stream().map(r -> r.get("group")).toList(),
                "the site's categories in order, then UNKNOWN on its own");
        Map<String, Object> white = rows.get(0);
        assertEquals(true, white.get("reference"));
        assertEquals(Map.of("value", 10, "suppressed", false), white.get("referrals"));
        assertEquals(Map.of("value", 100, "suppressed", false), white.get("pool"));
        Map<String, Object> black = rows.get(1);
        assertEquals(Map.of("value", 30, "suppressed", false), black.get("referrals"));
        assertEquals("PRODUCED", black.get("status"));
        assertEquals(3.0, ((Number) black.get("rri")).doubleValue(), 1e-9);
        assertEquals("ABOVE_UPPER_BOUND", black.get("flag"));
        Map<String, Object> asian = rows.get(2);
        assertEquals(true, ((Map<String, Object>) asian.get("referrals")).get("suppressed"));
        assertEquals(true, ((Map<String, Object>) asian.get("pool")).get("suppressed"));
        assertNull(asian.get("rate"));
        assertEquals("SUPPRESSED", asian.get("status"));
        assertEquals("NOT_PRODUCED", asian.get("flag"));
        assertEquals(true, rows.get(3).get("unknown"));
        assertEquals(Map.of("value", 48, "suppressed", false), table.get("totalReferrals"));

        Map<String, Object> only = pcg().document(RRI).variable("site", SEATTLE).variable("from", "2026-01-01")
                .variable("to", "2026-03-31").variable("groups", List.of("BLACK")).executeSync()
                .field("referralRateIndex").toEntity(Map.class);
        assertEquals(List.of(black), only.get("rows"));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String measure) {
        return rows.stream().filter(r -> r.get("measure").equals(measure)).findFirst()
                .orElseThrow(() -> new AssertionError(measure + " not in " + rows));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_funnel_of_a_quarter_counts_every_stage_and_hides_small_cells() {
        ClientGraphQlResponse response = pcg().document(FUNNEL).variable("site", SEATTLE)
                .variable("from", "2026-04-01").variable("to", "2026-06-30").executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> rows = response.field("processFunnel").toEntity(List.class);
        noSmallCount(rows, 5);
        assertEquals(List.of("REFERRALS_BY_DOOR", "REFERRALS_BY_DOOR", "REFERRALS_BY_DOOR", "REFERRALS_BY_DOOR",
                "REFERRALS_ELIGIBLE", "REFERRALS_DECLINED", "HANDOFF_MINUTES", "HANDOFF_WITHIN_TARGET",
                "INTAKE_ON_TIME", "INTAKE_LAPSED"), rows.stream().map(r -> r.get("measure")).toList(),
                "the rows of ProcessMeasures.referralFunnel, in its order");
        Map<String, Object> arrests = rows.get(0);
        assertEquals(List.of(Map.of("dimension", "door", "value", "ARREST_DIVERSION")), arrests.get("stratum"));
        assertEquals(shown(8), arrests.get("count"));
        assertEquals(shown(18), arrests.get("base"));
        assertEquals(shown(10), rows.get(1).get("count"), "social contacts");
        assertEquals(shown(0), rows.get(2).get("count"), "no community referral: zero is not a small count");
        assertEquals(shown(18), row(rows, "REFERRALS_ELIGIBLE").get("count"));
        assertEquals(1.0, ((Number) row(rows, "REFERRALS_ELIGIBLE").get("value")).doubleValue(), 1e-9);

        Map<String, Object> declined = row(rows, "REFERRALS_DECLINED");
        assertEquals(withheld(), declined.get("count"), "3 declined: below 5");
        assertEquals(shown(18), declined.get("base"));
        assertNull(declined.get("value"));
        assertEquals(true, declined.get("suppressed"));

        Map<String, Object> minutes = row(rows, "HANDOFF_MINUTES");
        assertEquals(List.of(Map.of("dimension", "statistic", "value", "MEDIAN")), minutes.get("stratum"));
        assertEquals("MINUTES", minutes.get("unit"));
        assertEquals(shown(8), minutes.get("subjects"));
        assertEquals(27.5, ((Number) minutes.get("value")).doubleValue(), 1e-9, "between 25 and 30 minutes");
        Map<String, Object> withinTarget = row(rows, "HANDOFF_WITHIN_TARGET");
        assertEquals(withheld(), withinTarget.get("count"), "5 within 30 minutes would give the 3 over it back");
        assertNull(withinTarget.get("value"));

        Map<String, Object> onTime = row(rows, "INTAKE_ON_TIME");
        assertEquals(withheld(), onTime.get("count"), "13 of 15 would give the 2 lapsed back");
        assertEquals(shown(15), onTime.get("base"), "accepted referrals whose intake window has closed");
        assertEquals(withheld(), row(rows, "INTAKE_LAPSED").get("count"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_funnel_of_the_diversion_quarter_shows_every_count() {
        List<Map<String, Object>> rows = pcg().document(FUNNEL).variable("site", SEATTLE)
                .variable("from", "2025-10-01").variable("to", "2025-12-31").executeSync().field("processFunnel")
                .toEntity(List.class);
        assertEquals(shown(20), rows.get(0).get("count"));
        assertEquals(shown(20), row(rows, "REFERRALS_ELIGIBLE").get("count"));
        assertEquals(shown(0), row(rows, "REFERRALS_DECLINED").get("count"));
        assertEquals(25.0, ((Number) row(rows, "HANDOFF_MINUTES").get("value")).doubleValue(), 1e-9);
        assertEquals(shown(20), row(rows, "HANDOFF_WITHIN_TARGET").get("count"));
        assertEquals(1.0, ((Number) row(rows, "INTAKE_ON_TIME").get("value")).doubleValue(), 1e-9);
        assertEquals(false, row(rows, "INTAKE_LAPSED").get("suppressed"));
    }

    @Test
    void a_role_without_aggregate_access_gets_null_and_a_typed_forbidden() {
        for (String query : List.of(OUTCOMES, RRI, FUNNEL)) {
            ClientGraphQlResponse response = as("court-1", Role.COURT, Purpose.COURT_PROGRESS,
                    org.leaddiversion.domain.consent.RecipientCircumstances.none()).document(query)
                    .variable("site", SEATTLE).variable("from", "2026-01-01").variable("to", "2026-03-31")
                    .executeSync();
            ResponseError error = only(response);
            assertEquals(ErrorType.FORBIDDEN, error.getErrorType());
            assertEquals("NOT_AUTHORISED", error.getExtensions().get("code"));
            assertEquals("R36", error.getExtensions().get("rule"));
            assertEquals("operation", error.getExtensions().get("field"));
            assertNull(response.getData() == null ? null : ((Map<?, ?>) response.getData()).values().iterator().next());
        }
        ResponseError enforcement = only(as("officer-9", "OFFICER", "ENFORCEMENT", false).document(RRI)
                .variable("site", SEATTLE).variable("from", "2026-01-01").variable("to", "2026-03-31").executeSync());
        assertEquals("R35", enforcement.getExtensions().get("rule"));
        assertEquals(ErrorType.FORBIDDEN, only(anonymous().document(RRI).variable("site", SEATTLE)
                .variable("from", "2026-01-01").variable("to", "2026-03-31").executeSync()).getErrorType());
    }

    @Test
    void bad_inputs_are_refused_naming_the_argument() {
        assertBad(RRI, Map.of("site", "nowhere", "from", "2026-01-01", "to", "2026-03-31"), "site");
        assertBad(RRI, Map.of("site", SEATTLE, "from", "2026-03-31", "to", "2026-01-01"), "to");
        assertBad(FUNNEL, Map.of("site", "nowhere", "from", "2026-01-01", "to", "2026-03-31"), "site");
        assertBad(FUNNEL, Map.of("site", " ", "from", "2026-01-01", "to", "2026-03-31"), "site");
        assertBad(FUNNEL, Map.of("site", SEATTLE, "from", "2026-03-31", "to", "2026-01-01"), "to");
        assertBad(FUNNEL, Map.of("site", SEATTLE, "from", "2000-01-01", "to", "2026-03-31"), "to");
        assertBad(RRI, Map.of("site", SEATTLE, "from", "2026-01-01", "to", "2026-03-31", "groups", List.of(" ")),
                "groups.0");
        assertBad(OUTCOMES.replace("windowMonths: 6", "windowMonths: 0"), Map.of("site", SEATTLE, "from",
                "2025-10-01", "to", "2025-12-31"), "windowMonths");
        assertBad(OUTCOMES.replace("dataThrough:", "currency: \"XYZ\", dataThrough:"), Map.of("site", SEATTLE,
                "from", "2025-10-01", "to", "2025-12-31"), "currency");
    }

    private void assertBad(String query, Map<String, Object> variables, String field) {
        ResponseError error = only(pcg().document(query).variables(variables).executeSync());
        assertEquals(ErrorType.BAD_REQUEST, error.getErrorType(), error::getMessage);
        assertEquals(field, error.getExtensions().get("field"), error::getMessage);
    }

    // ---- the research extract --------------------------------------------------------------------------------

    private record Answer(int status, String contentType, String body) {
    }

    private Answer extract(String query, String actor, Role role, Purpose purpose) {
        RestClient.RequestHeadersSpec<?> get = RestClient.create().get()
                .uri("http://localhost:" + port + ResearchExtractEndpoint.PATH + query);
        if (actor != null) {
            get = get.header(TestApplication.ACTOR, actor).header(TestApplication.ROLE, role.name())
                    .header(TestApplication.PURPOSE, purpose.name());
        }
        return get.exchange((request, response) -> {
            try {
                return new Answer(response.getStatusCode().value(),
                        String.valueOf(response.getHeaders().getContentType()),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void the_evaluator_downloads_the_de_identified_extract_and_nobody_else_does() {
        int audited = auditCount();
        Answer csv = extract("?site=" + SEATTLE + "&from=2025-10-01&to=2026-03-31", "uw-1", Role.EVALUATOR,
                Purpose.RESEARCH_EVALUATION);
        assertEquals(200, csv.status(), csv::body);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::contentType);
        List<String> lines = csv.body().lines().toList();
        assertEquals(String.join(",", ResearchExtracts.COLUMNS), lines.get(0));
        assertEquals(1 + 20 + 48, lines.size(), "a row per referral of the six months");
        for (String direct : List.of("lead-", "sc-", "1980-03-04", "1985-05-17", "officer-1")) {
            assertFalse(csv.body().contains(direct), () -> direct + " is in the extract");
        }
        assertEquals(audited + 1, auditCount());

        for (Object[] who : new Object[][] {{"pm-1", Role.PROJECT_MANAGER, Purpose.RESEARCH_EVALUATION},
                {"pcg-1", Role.PCG_MEMBER, Purpose.RESEARCH_EVALUATION},
                {"uw-1", Role.EVALUATOR, Purpose.CARE_COORDINATION}}) {
            Answer refused = extract("?site=" + SEATTLE + "&from=2025-10-01&to=2026-03-31", (String) who[0],
                    (Role) who[1], (Purpose) who[2]);
            assertEquals(403, refused.status());
            assertTrue(refused.body().contains("\"classification\":\"FORBIDDEN\""), refused::body);
            assertTrue(refused.body().contains("\"rule\":\"R36\""), refused::body);
            assertFalse(refused.body().contains("subject"), "no row");
        }
        assertEquals(audited + 4, auditCount(), "every refusal audited");
        assertEquals(403, extract("?site=" + SEATTLE + "&from=2025-10-01&to=2026-03-31", null, null, null).status());

        Answer unknownSite = extract("?site=nowhere&from=2025-10-01&to=2026-03-31", "uw-1", Role.EVALUATOR,
                Purpose.RESEARCH_EVALUATION);
        assertEquals(400, unknownSite.status());
        assertTrue(unknownSite.body().contains("\"field\":\"site\""), unknownSite::body);
        Answer inverted = extract("?site=" + SEATTLE + "&from=2026-03-31&to=2025-10-01", "uw-1", Role.EVALUATOR,
                Purpose.RESEARCH_EVALUATION);
        assertTrue(inverted.body().contains("\"field\":\"to\""), inverted::body);
        Answer notADate = extract("?site=" + SEATTLE + "&from=last-year&to=2025-10-01", "uw-1", Role.EVALUATOR,
                Purpose.RESEARCH_EVALUATION);
        assertEquals(400, notADate.status());
        assertTrue(notADate.body().contains("\"field\":\"from\""), notADate::body);
    }
}

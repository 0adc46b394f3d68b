/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SitePolicyFile;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

/**
 * Sites and their policies as a programme's screens meet them, over HTTP: the policy in force and every version
 * (public reference data, served from this node's cache), publishing the next version from the site's policy file, and
 * the case managers' caseloads against the cap and target. Seattle runs under its reference profile plus a third
 * version (caseloads of two while it hires); Rosa is diverted, taken in and assigned to her case manager; Santa Fe,
 * Clackamas and Watauga County are known by their reference profiles. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, SiteScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SiteScenarios extends ApiClients {

    private static final String SEATTLE = "seattle-king-county";

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
    Clock clock;


    /** A reference profile's policy file, as shipped. */
    static String profile(String name) {
        try (InputStream in = ReferenceProfiles.class.getResourceAsStream("profiles/" + name + ".policy")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seattle's profile and a third version: while it hires, a case manager holds at most two participants. */
    static SitePolicyHistory seattleWhileHiring() {
        return SitePolicyFile.parse("seattle.policy", profile(SEATTLE) + """

                [version 3]
                effectiveFrom = 2026-01-01
                decision = PCG minute 2025-12-04: caseloads of two while the provider hires
                caseload.cap = 2
                caseload.target = 1
                """);
    }

    @BeforeAll
    void seattle_takes_rosa_in_and_three_other_sites_are_known() {
        var time = (MutableClock) clock;
        programme.policies().put(seattleWhileHiring());
        for (String site : List.of("santa-fe", "clackamas", "watauga-nc")) {
            programme.policies().put(ReferenceProfiles.load(site));
        }
        var desk = programme.desk();
        var cm = Fixtures.CASE_MANAGER;
        var rosa = expect(desk.submit(Fixtures.anArrestDiversion("rosa").build()), "Rosa's diversion").id();
        time.set(seattle("2026-01-12T21:45"));
        expect(desk.recordHandoff(rosa, cm, seattle("2026-01-12T21:15"), seattle("2026-01-12T21:40")), "hand-off");
        expect(desk.accept(rosa, cm), "acceptance");
        expect(desk.decideEligibility(rosa, Fixtures.SERGEANT, true, null), "confirmation");
        time.set(seattle("2026-01-26T10:00"));
        var enrollment = expect(desk.completeIntake(rosa, cm), "intake").enrollment().orElseThrow();
        expect(programme.caseManagement().assignCaseManager(enrollment, CaseManagerId.of(cm.id()), cm), "assigned");
        time.set(seattle("2026-02-03T09:00"));
    }

    private HttpSyncGraphQlClient projectManager() {
        return as("pm-1", "PROJECT_MANAGER", "CARE_COORDINATION", false);
    }

    private static final String POLICY = """
            query($site: ID!, $at: DateTime) {
              sitePolicy(site: $site, at: $at) {
                site siteName zone version effectiveFrom decision derivedKeys
                doors { door referrers referrerKinds approvalRoles needsApproval authority authorityRoles }
                officerTrainingRequired diversionWindows { start end }
                catchment { areas polygons { name vertices { latitude longitude } } residency restrictsLocation }
                divertibleOffences { code level }
                drug { thresholdGrams comparator weightExemptForms substantialQuantityExcludes }
                salesPolicy minAge
                exclusions { kind id strength doors scope rule }
                historyRules { name strength offences lookbackYears lifetime anchor }
                neverDisqualifying countAttempts overrideAuthority
                socialContact { lookbackMonths inArea evidenceKinds } communityCriteria
                capacity { arrestPriority reserve whenFull } handoffTargetMinutes
                intake { deadlineDays statutoryMaxDays requiresRoi extensionsAllowed extensionAuthority }
                lapse { recipient releaseOnLaterNonEngagement fidelityWarning }
                enrollment { inactivityThresholdDays allowedClosureReasons }
                caseload { cap target } flex { capPerExpenditure capPerParticipantMonth approvalRoles }
                consultationWindowDays owg { cadenceDays scope } chargeRouting { level office }
              }
            }""";

    @Test
    void the_policy_in_force_at_an_instant_is_public_and_speaks_the_domain() {
        var belltown = anonymous().document(POLICY).variable("site", SEATTLE)
                .variable("at", "2012-06-01T12:00:00Z").executeSync();
        assertTrue(belltown.getErrors().isEmpty(), () -> belltown.getErrors().toString());
        Map<String, Object> v1 = belltown.field("sitePolicy").getValue();
        assertEquals(1, v1.get("version"));
        assertEquals("2011-10-01", v1.get("effectiveFrom"));
        assertEquals("America/Los_Angeles", v1.get("zone"));
        assertTrue(((String) v1.get("decision")).contains("Belltown"));
        assertEquals(List.of(Map.of("door", "ARREST_DIVERSION", "referrers", List.of("OFFICER", "SERGEANT"),
                "referrerKinds", List.of(), "approvalRoles", List.of(), "needsApproval", false,
                "authority", "PM_OR_LE_APPROVER", "authorityRoles", List.of("SERGEANT", "PROJECT_MANAGER"))),
                v1.get("doors"));
        assertEquals(Map.of("thresholdGrams", 3.0, "comparator", "GT", "weightExemptForms", List.of(),
                "substantialQuantityExcludes", false), v1.get("drug"));
        assertEquals("SUBSISTENCE_ONLY", v1.get("salesPolicy"));
        assertEquals(18, v1.get("minAge"));
        List<Map<String, Object>> exclusions = belltown.field("sitePolicy.exclusions").getValue();
        List<String> everyDoor = List.of("ARREST_DIVERSION", "SOCIAL_CONTACT", "COMMUNITY", "PROSECUTOR");
        assertTrue(exclusions.contains(Map.of("kind", "ACTIVE_CONFIDENTIAL_INFORMANT", "id", "E16",
                "strength", "HARD", "doors", everyDoor, "scope", List.of(), "rule", "R37")), exclusions::toString);
        assertTrue(exclusions.contains(Map.of("kind", "NOT_LEAD_ELIGIBLE_OFFENCE", "id", "E17", "strength", "HARD",
                "doors", List.of("ARREST_DIVERSION", "PROSECUTOR"), "scope", List.of(), "rule", "R04")),
                exclusions::toString);
        assertEquals(List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E12", "E15", "E16", "E17"),
                exclusions.stream().map(e -> e.get("id")).toList(), "Seattle's criteria, in criterion order");
        assertEquals(List.of(
                Map.of("name", "lifetime", "strength", "PRESUMPTIVE", "offences",
                        List.of("ARSON", "FIREARM_ASSAULT_OR_VIOLATION", "MURDER", "RAPE_SEX_OFFENCE"),
                        "lifetime", true, "anchor", "CONVICTION_DATE"),
                Map.of("name", "recent", "strength", "PRESUMPTIVE", "offences",
                        List.of("BURGLARY", "DOMESTIC_VIOLENCE", "ROBBERY"), "lookbackYears", 10,
                        "lifetime", false, "anchor", "CONVICTION_DATE")),
                withoutNulls(belltown.field("sitePolicy.historyRules").getValue()));
        assertEquals(Map.of("areas", List.of("BELLTOWN"), "polygons", List.of(), "restrictsLocation", true),
                withoutNulls(List.of(catchment(v1))).get(0));
        assertEquals(List.of(Map.of("level", "MISDEMEANOR", "office", "Seattle City Attorney"),
                Map.of("level", "FELONY", "office", "King County Prosecuting Attorney")), v1.get("chargeRouting"));
        assertEquals(Map.of("cadenceDays", 14, "scope", "PRECINCT"), v1.get("owg"));
        assertEquals(List.of("SERGEANT", "PROJECT_MANAGER"), v1.get("overrideAuthority"));
        assertEquals((Object) 30, belltown.field("sitePolicy.intake.deadlineDays").getValue());
        assertTrue(((List<?>) v1.get("derivedKeys")).contains("minAge"));

        var now = anonymous().document(POLICY).variable("site", SEATTLE).executeSync();
        assertEquals((Object) 3, now.field("sitePolicy.version").getValue());
        assertEquals(Map.of("cap", 2, "target", 1), now.field("sitePolicy.caseload").getValue());
        List<Map<String, Object>> doors = now.field("sitePolicy.doors").getValue();
        assertEquals(List.of("ARREST_DIVERSION", "SOCIAL_CONTACT", "COMMUNITY"),
                doors.stream().map(d -> d.get("door")).toList());
        assertEquals(List.of("SERGEANT", "PROJECT_MANAGER"), doors.get(2).get("approvalRoles"));
        assertEquals(true, doors.get(2).get("needsApproval"));
        assertEquals(Map.of("lookbackMonths", 24, "inArea", true,
                "evidenceKinds", List.of("RECORDS", "DIRECT_OBSERVATION", "RELIABLE_INFO")),
                now.field("sitePolicy.socialContact").getValue());

        var before = anonymous().document(POLICY).variable("site", SEATTLE)
                .variable("at", "2010-01-01T00:00:00Z").executeSync();
        assertTrue(before.getErrors().isEmpty());
        assertNull(before.field("sitePolicy").getValue(), "no version is in force before the first");
        var unknown = anonymous().document(POLICY).variable("site", "nowhere").executeSync();
        assertNull(unknown.field("sitePolicy").getValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> catchment(Map<String, Object> policy) {
        return (Map<String, Object>) policy.get("catchment");
    }

    /** The maps of a list without their null values (JSON nulls of absent optional fields). */
    private static List<Map<String, Object>> withoutNulls(List<Map<String, Object>> maps) {
        return maps.stream().map(m -> {
            var copy = new java.util.LinkedHashMap<>(m);
            copy.values().removeIf(java.util.Objects::isNull);
            return (Map<String, Object>) copy;
        }).toList();
    }

    @Test
    void every_version_is_listed_oldest_first_and_a_malformed_site_id_is_a_bad_request() {
        var response = anonymous().document("""
                query($site: ID!) { sitePolicyVersions(site: $site) { version effectiveFrom decision derivedKeys } }""")
                .variable("site", SEATTLE).executeSync();
        List<Map<String, Object>> versions = response.field("sitePolicyVersions").getValue();
        assertEquals(List.of(1, 2, 3), versions.stream().map(v -> v.get("version")).toList());
        assertEquals(List.of("2011-10-01", "2016-06-01", "2026-01-01"),
                versions.stream().map(v -> v.get("effectiveFrom")).toList());
        assertTrue(((List<?>) versions.get(1).get("derivedKeys")).contains("effectiveFrom"), "2016 is derived");
        assertTrue(((String) versions.get(2).get("decision")).contains("while the provider hires"));

        var unknown = anonymous().document("{ sitePolicyVersions(site: \"nowhere\") { version } }").executeSync();
        assertEquals(List.of(), unknown.field("sitePolicyVersions").getValue());

        var malformed = anonymous().document("{ sitePolicyVersions(site: \"Not A Site\") { version } }")
                .executeSync();
        ResponseError error = only(malformed);
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("site", error.getExtensions().get("field"));
    }

    @Test
    void the_sites_are_listed_and_a_site_gives_its_policy_file_as_published() {
        var response = anonymous().document("""
                { sites { id name zone latestVersion policyInForce { version } }
                  seattle: site(id: "seattle-king-county") {
                    latestVersion versions { version } policyFile
                    belltown: policyInForce(at: "2012-01-01T00:00:00Z") { version } } }""").executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> sites = response.field("sites").getValue();
        assertTrue(sites.contains(Map.of("id", SEATTLE, "name", "LEAD Seattle / King County",
                "zone", "America/Los_Angeles", "latestVersion", 3, "policyInForce", Map.of("version", 3))),
                sites::toString);
        assertTrue(sites.stream().map(s -> s.get("id")).toList().containsAll(
                List.of("santa-fe", "clackamas", "watauga-nc")));
        assertEquals((Object) 1, response.field("seattle.belltown.version").getValue());
        assertEquals(3, ((List<?>) response.field("seattle.versions").getValue()).size());
        String file = response.field("seattle.policyFile").getValue();
        assertEquals(programme.policies().history(Fixtures.SEATTLE).orElseThrow(),
                SitePolicyFile.parse("downloaded.policy", file), "the file reads back as the published versions");

        var unknown = anonymous().document("{ site(id: \"nowhere\") { id } }").executeSync();
        assertTrue(unknown.getErrors().isEmpty());
        assertNull(unknown.field("site").getValue());
    }

    // ---- publishing ------------------------------------------------------------------------------------------------

    private static final String PUBLISH = """
            mutation($site: ID!, $file: String!) {
              publishPolicyVersion(input: {site: $site, policyFile: $file}) {
                policy { site version effectiveFrom decision intake { deadlineDays } }
                errors { code field rule message }
              }
            }""";

    private ClientGraphQlResponse publish(HttpSyncGraphQlClient client, String site, String file) {
        return client.document(PUBLISH).variable("site", site).variable("file", file).executeSync();
    }

    /** The site's policy file as the API gives it, ending with a line break. */
    private String policyFile(String site) {
        String file = anonymous().document("query($id: ID!) { site(id: $id) { policyFile } }").variable("id", site)
                .executeSync().field("site.policyFile").getValue();
        return file.endsWith("\n") ? file : file + "\n";
    }

    /** The 1-based number of the line of {@code text} that starts with {@code start}. */
    private static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    private int versionsOf(String site) {
        return programme.policies().history(new org.leaddiversion.domain.policy.SiteId(site)).orElseThrow()
                .versions().size();
    }

    @Test
    void the_project_manager_publishes_the_next_version_which_takes_effect_from_its_day() {
        String next = policyFile("santa-fe") + """

                [version 2]
                effectiveFrom = 2026-03-01
                decision = PCG minute 2026-02-02: two weeks for intake
                intake.deadlineDays = 14
                """;
        var response = publish(projectManager(), "santa-fe", next);
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertEquals(List.of(), response.field("publishPolicyVersion.errors").getValue());
        assertEquals(Map.of("site", "santa-fe", "version", 2, "effectiveFrom", "2026-03-01",
                "decision", "PCG minute 2026-02-02: two weeks for intake", "intake", Map.of("deadlineDays", 14)),
                response.field("publishPolicyVersion.policy").getValue());

        var today = anonymous().document("{ sitePolicy(site: \"santa-fe\") { version intake { deadlineDays } } }")
                .executeSync();
        assertEquals(Map.of("version", 1, "intake", Map.of("deadlineDays", 7)), today.field("sitePolicy").getValue(),
                "referrals made before the new version keep the version in force when they were made (R40)");
        var march = anonymous().document("""
                { sitePolicy(site: "santa-fe", at: "2026-03-01T07:00:00Z") { version intake { deadlineDays } } }""")
                .executeSync();
        assertEquals(Map.of("version", 2, "intake", Map.of("deadlineDays", 14)), march.field("sitePolicy").getValue());
    }

    @Test
    void a_new_site_arrives_whole_with_its_past_versions() {
        String denver = profile("denver");
        var response = publish(as("pcg-1", "PCG_MEMBER", "AUDIT", false), "denver", denver);
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertEquals(List.of(), response.field("publishPolicyVersion.errors").getValue());
        int versions = SitePolicyFile.parse("denver.policy", denver).versions().size();
        assertEquals((Object) versions, response.field("publishPolicyVersion.policy.version").getValue());
        assertEquals(versions, versionsOf("denver"));
    }

    @Test
    void refusals_are_errors_in_the_payload_and_publish_nothing() {
        String file = policyFile("clackamas");
        int published = versionsOf("clackamas");
        String next = file + "\n[version " + (published + 1) + "]\neffectiveFrom = 2026-04-01\nhandoff.targetMinutes = 45\n";

        assertRefused(publish(as("officer-1", "OFFICER", "CARE_COORDINATION", false), "clackamas", next),
                "NOT_AUTHORISED", "actor.role", null);
        assertRefused(publish(projectManager(), "clackamas", file + "handoff.targetMinutes = 45\n"),
                "ALREADY_RECORDED", "input.policyFile", "R40");
        assertRefused(publish(projectManager(), "clackamas", file.substring(0, file.indexOf("[version 2]"))),
                "ALREADY_RECORDED", "input.policyFile", "R40");
        assertRefused(publish(projectManager(), "clackamas", file), "ALREADY_RECORDED", "input.policyFile", "R40");
        String fromToday = file + "\n[version " + (published + 1) + "]\neffectiveFrom = 2026-02-03\n"
                + "handoff.targetMinutes = 45\n";
        var retroactive = assertRefused(publish(projectManager(), "clackamas", fromToday),
                "INVALID_TIMESTAMP", "input.policyFile", "R40");
        assertTrue(((String) retroactive.get("message")).contains("future day"), retroactive::toString);

        assertEquals(published, versionsOf("clackamas"), "nothing was published");
    }

    private static Map<String, Object> assertRefused(ClientGraphQlResponse response, String code, String field,
                                                     String rule) {
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertNull(response.field("publishPolicyVersion.policy").getValue());
        List<Map<String, Object>> errors = response.field("publishPolicyVersion.errors").getValue();
        assertEquals(1, errors.size(), errors::toString);
        Map<String, Object> error = errors.get(0);
        assertEquals(code, error.get("code"), error::toString);
        assertEquals(field, error.get("field"));
        assertEquals(rule, error.get("rule"));
        assertNotNull(error.get("message"));
        return error;
    }

    @Test
    void a_file_that_cannot_be_read_is_a_bad_request_naming_its_line_and_key() {
        String file = policyFile("clackamas");
        int published = versionsOf("clackamas");
        String badValue = file + "\n[version " + (published + 1) + "]\neffectiveFrom = 2026-04-01\n"
                + "intake.deadlineDays = fourteen\n";
        ResponseError error = only(publish(projectManager(), "clackamas", badValue));
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("input.policyFile", error.getExtensions().get("field"));
        assertEquals("[version " + (published + 1) + "] intake.deadlineDays", error.getExtensions().get("key"));
        assertEquals(lineOf(badValue, "intake.deadlineDays = fourteen"), error.getExtensions().get("line"));

        String overlapping = file + "\n[version " + (published + 1) + "]\neffectiveFrom = 2019-01-01\n";
        error = only(publish(projectManager(), "clackamas", overlapping));
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("[version " + (published + 1) + "] effectiveFrom", error.getExtensions().get("key"));
        assertEquals(lineOf(overlapping, "effectiveFrom = 2019-01-01"), error.getExtensions().get("line"));
        assertTrue(error.getMessage().contains("must be after the effective date"), error::getMessage);

        String twoAtOnce = file + "\n[version " + (published + 1) + "]\neffectiveFrom = 2026-04-01\n"
                + "[version " + (published + 2) + "]\neffectiveFrom = 2026-05-01\n";
        error = only(publish(projectManager(), "clackamas", twoAtOnce));
        assertEquals("input.policyFile", error.getExtensions().get("field"));

        error = only(publish(projectManager(), "santa-fe", file));
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("input.site", error.getExtensions().get("field"), "the file is Clackamas' policy");

        error = only(publish(projectManager(), "clackamas", "  "));
        assertEquals("input.policyFile", error.getExtensions().get("field"));

        assertEquals("FORBIDDEN", only(publish(anonymous(), "clackamas", file)).getErrorType().toString());
        assertEquals(published, versionsOf("clackamas"), "nothing was published");
    }

    // ---- the policy cache -----------------------------------------------------------------------------------------

    private int statements(String query) {
        int before = StatementCounter.STATEMENTS.get();
        var response = anonymous().document(query).executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        return StatementCounter.STATEMENTS.get() - before;
    }

    @Test
    void a_second_read_costs_no_statement_and_a_version_published_here_is_seen_at_once() {
        String versions = "{ sitePolicyVersions(site: \"watauga-nc\") { version } }";
        statements(versions);
        assertEquals(0, statements(versions), "read from this node's cache");
        assertEquals(0, statements("{ sitePolicy(site: \"watauga-nc\") { version caseload { cap } } }"));

        String next = policyFile("watauga-nc") + "\n[version 2]\neffectiveFrom = 2026-06-01\ncaseload.cap = 15\n"
                + "caseload.target = 12\n";
        var published = publish(projectManager(), "watauga-nc", next);
        assertEquals(List.of(), published.field("publishPolicyVersion.errors").getValue());

        var response = anonymous().document(versions).executeSync();
        assertEquals(List.of(Map.of("version", 1), Map.of("version", 2)),
                response.field("sitePolicyVersions").getValue(), "the cached versions were dropped on publishing");
        assertEquals(0, statements(versions), "and the versions read back by publishing are cached again");
    }

    // ---- caseloads ------------------------------------------------------------------------------------------------

    private static final String CASELOADS = """
            query($site: ID!) { caseloads(site: $site) {
              site policyVersion cap target
              caseManagers { caseManager openCaseload placesLeft atTarget overCap } } }""";

    @Test
    void the_project_manager_and_case_managers_see_each_caseload_against_the_cap_and_target() {
        Map<String, Object> expected = Map.of("site", SEATTLE, "policyVersion", 3, "cap", 2, "target", 1,
                "caseManagers", List.of(Map.of("caseManager", "cm-1", "openCaseload", 1, "placesLeft", 1,
                        "atTarget", true, "overCap", false)));
        for (HttpSyncGraphQlClient client : List.of(projectManager(), caseManager())) {
            var response = client.document(CASELOADS).variable("site", SEATTLE).executeSync();
            assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
            assertEquals(expected, response.field("caseloads").getValue());
        }
        var empty = projectManager().document(CASELOADS).variable("site", "santa-fe").executeSync();
        assertEquals(List.of(), empty.field("caseloads.caseManagers").getValue());
        assertEquals((Object) 25, empty.field("caseloads.cap").getValue(), "the library default where the site sets none");
    }

    @Test
    void caseloads_are_refused_to_other_roles_and_name_the_site_when_it_has_no_policy() {
        for (HttpSyncGraphQlClient client : List.of(anonymous(), as("officer-1", "OFFICER", "CARE_COORDINATION", false),
                as("court-1", "COURT", "COURT_PROGRESS", false))) {
            var response = client.document(CASELOADS).variable("site", SEATTLE).executeSync();
            assertNull(response.field("caseloads").getValue());
            assertEquals("FORBIDDEN", only(response).getErrorType().toString());
        }
        ResponseError unknown = only(projectManager().document(CASELOADS).variable("site", "nowhere").executeSync());
        assertEquals("BAD_REQUEST", unknown.getErrorType().toString());
        assertEquals("site", unknown.getExtensions().get("field"));
    }
}

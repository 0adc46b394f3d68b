/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
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
 * The referral desk over HTTP, as a records system's referral screens drive it: Seattle's programme, an officer
 * diverting at arrest, the case manager's hand-off, acceptance and intake, the sergeant's screening decisions, and
 * every refusal as data in the payload (code, field, rule) or, for a malformed input, a BAD_REQUEST naming the field.
 * Each test sets the clock it needs and makes its own referrals. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, IntakeCommandsScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntakeCommandsScenarios extends ApiClients {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

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

    /**
     * A new day for a test of its own: the clock never goes back, so each test starts on a day forty days after the
     * last one's clock (every earlier referral's intake window closed) and moves within it.
     */
    private LocalDate newDay() {
        return LocalDate.ofInstant(clock.instant(), PACIFIC).plusDays(40);
    }

    /** Sets the clock to {@code time} (local, Seattle) on {@code day}. */
    private void at(LocalDate day, String time) {
        ((MutableClock) clock).set(at(day, time, 0));
    }

    /** {@code time} (local, Seattle) on the day {@code plusDays} after {@code day}, as an instant. */
    private static Instant at(LocalDate day, String time, int plusDays) {
        return day.plusDays(plusDays).atTime(LocalTime.parse(time)).atZone(PACIFIC).toInstant();
    }

    @BeforeAll
    void seattle_runs_lead() {
        programme.policies().put(Fixtures.seattle());
    }

    // ---- viewers ---------------------------------------------------------------------------------------------

    private HttpSyncGraphQlClient officer() {
        return as("officer-7", "OFFICER", "CARE_COORDINATION", false);
    }

    private HttpSyncGraphQlClient sergeant() {
        return as("sergeant-3", "SERGEANT", "CARE_COORDINATION", false);
    }

    /** The case manager, stating the person is on her caseload. */
    private HttpSyncGraphQlClient assignedCaseManager() {
        return as("cm-1", "CASE_MANAGER", "CARE_COORDINATION", true);
    }

    private HttpSyncGraphQlClient prosecutor() {
        return as("prosecutor-2", "PROSECUTOR", "LEGAL_COORDINATION", false);
    }

    // ---- documents -------------------------------------------------------------------------------------------

    private static final String REFERRAL = """
            referral { id door status referredAt person { id dateOfBirth } offences { code level }
                       screening { result policyVersion findings { exclusion strength rule field } }
                       heldCharge { status reviewingOffice } }
            errors { code field rule message }
            warnings { code field rule }""";

    private static final String SUBMIT = "mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { "
            + REFERRAL + " } }";

    /** A mutation taking {@code {referralId}} plus what {@code inputType} adds. */
    private static String command(String mutation, String inputType) {
        return "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + REFERRAL + " } }";
    }

    /** The full input of a Seattle arrest diversion for 1.2 g of heroin in the West Precinct. */
    static Map<String, Object> anArrestDiversion(String person) {
        var input = new HashMap<String, Object>();
        input.put("site", "seattle-king-county");
        input.put("door", "ARREST_DIVERSION");
        input.put("referrer", Map.of("kind", "LAW_ENFORCEMENT", "leadTrained", true));
        input.put("person", new HashMap<>(Map.of("id", person, "dateOfBirth", "1985-05-17", "gender", "F")));
        input.put("location", Map.of("area", "WEST_PRECINCT", "latitude", 47.6145, "longitude", -122.3425));
        input.put("probableCause", true);
        input.put("offences", List.of(Map.of("code", "DRUG_POSSESSION", "level", "MISDEMEANOR")));
        input.put("drugFacts", new HashMap<>(Map.of("substance", "HEROIN", "form", "POWDER", "netWeightGrams", "1.2")));
        input.put("criminalHistory", new HashMap<>(Map.of("convictions", List.of(), "outstandingWarrants", 0)));
        input.put("officerJudgement", Map.of("notAmenable", false));
        input.put("personConsents", true);
        return input;
    }

    private static ClientGraphQlResponse ok(ClientGraphQlResponse response) {
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        return response;
    }

    /**
     * The payload of {@code mutation}, which must have succeeded. The only top-level errors allowed are the access
     * policy's refusals of data classes of the referral read back (FORBIDDEN on {@code mutation.referral…}): an
     * officer who just submitted a referral may not read its screening, for instance.
     */
    private static Map<String, Object> done(ClientGraphQlResponse response, String mutation) {
        for (var error : response.getErrors()) {
            assertEquals("FORBIDDEN", error.getErrorType().toString(), error::toString);
            assertTrue(error.getPath().startsWith(mutation + ".referral"), error::toString);
            assertTrue(String.valueOf(error.getExtensions().get("field")).startsWith("dataClasses."), error::toString);
        }
        List<Map<String, Object>> errors = response.field(mutation + ".errors").getValue();
        assertEquals(List.of(), errors, mutation);
        return response.field(mutation).getValue();
    }

    /** The payload's errors of {@code mutation}, which must have been refused: the referral is null. */
    private static List<Map<String, Object>> refused(ClientGraphQlResponse response, String mutation) {
        ok(response);
        assertNull(response.field(mutation + ".referral").getValue(), "a refused command reads nothing back");
        List<Map<String, Object>> errors = response.field(mutation + ".errors").getValue();
        assertTrue(!errors.isEmpty(), mutation + " should have been refused");
        return errors;
    }

    private static Map<String, Object> error(List<Map<String, Object>> errors, String code) {
        return errors.stream().filter(e -> code.equals(e.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + errors));
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Map<String, Object> map, String path) {
        Object value = map;
        for (String part : path.split("\\.")) {
            value = ((Map<String, Object>) value).get(part);
        }
        return (T) value;
    }

    @Test
    void the_referrer_reads_back_what_she_may_see_and_the_rest_is_null_with_a_forbidden_error() {
        var response = officer().document(SUBMIT).variable("input", anArrestDiversion("readback")).executeSync();
        Map<String, Object> payload = done(response, "submitReferral");
        assertNotNull(get(payload, "referral.id"));
        var refused = response.getErrors().stream()
                .filter(e -> "dataClasses.SCREENING".equals(e.getExtensions().get("field"))).toList();
        assertEquals(1, refused.size(), () -> response.getErrors().toString());
        assertEquals("submitReferral.referral", refused.get(0).getPath(), "on the field read, naming the class");
        assertNull(get(payload, "referral.screening"));
    }

    private String submit(HttpSyncGraphQlClient client, Map<String, Object> input) {
        Map<String, Object> payload = done(client.document(SUBMIT).variable("input", input).executeSync(),
                "submitReferral");
        return get(payload, "referral.id");
    }

    // ---- the walk ------------------------------------------------------------------------------------------

    @Test
    void a_seattle_arrest_diversion_walks_from_submission_through_hand_off_acceptance_and_roi_to_intake() {
        LocalDate day = newDay();
        at(day, "21:10");
        var input = anArrestDiversion("maya");
        input.put("personConsents", false);
        Map<String, Object> submitted = done(officer().document(SUBMIT).variable("input", input).executeSync(),
                "submitReferral");
        // the officer reads back her own referral's core; screening reasons and the held charge are not hers to read
        assertEquals("SUBMITTED", get(submitted, "referral.status"));
        assertEquals("ARREST_DIVERSION", get(submitted, "referral.door"));
        assertEquals("maya", get(submitted, "referral.person.id"));
        assertEquals("1985-05-17", get(submitted, "referral.person.dateOfBirth"));
        assertEquals(at(day, "21:10", 0).toString(), get(submitted, "referral.referredAt"));
        assertEquals("DRUG_POSSESSION", ((List<Map<String, Object>>) get(submitted, "referral.offences")).get(0)
                .get("code"));
        assertNull(get(submitted, "referral.screening"));
        String id = get(submitted, "referral.id");

        // the sergeant, who may read screening, sees it ran at submission: eligible, nothing found
        var screened = ok(sergeant().document("query($id: ID!) { referral(id: $id) { screening { result findings "
                + "{ exclusion } } } }").variable("id", id).executeSync());
        assertEquals("ELIGIBLE", screened.field("referral.screening.result").getValue());
        assertEquals(List.of(), screened.field("referral.screening.findings").getValue());

        var cm = assignedCaseManager();
        var consent = done(cm.document(command("recordReferralConsent", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "recordReferralConsent");
        assertEquals("SUBMITTED", get(consent, "referral.status"));

        at(day, "21:45");
        var handoff = done(cm.document(command("recordHandoff", "RecordHandoffInput"))
                .variable("input", Map.of("referralId", id, "calledAt", at(day, "21:15", 0).toString(),
                        "arrivedAt", at(day, "21:40", 0).toString()))
                .executeSync(), "recordHandoff");
        assertEquals(List.of(), get(handoff, "warnings"), "25 minutes is within Seattle's 30-minute target");

        var accepted = done(cm.document(command("acceptReferral", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "acceptReferral");
        assertEquals("PENDING_INTAKE", get(accepted, "referral.status"));
        assertEquals("HELD", get(accepted, "referral.heldCharge.status"));
        assertEquals("Seattle City Attorney", get(accepted, "referral.heldCharge.reviewingOffice"));

        var confirmed = done(sergeant().document(command("decideEligibility", "DecideEligibilityInput"))
                .variable("input", Map.of("referralId", id, "confirm", true)).executeSync(), "decideEligibility");
        assertEquals("PENDING_INTAKE", get(confirmed, "referral.status"));
        assertEquals("ELIGIBLE", get(confirmed, "referral.screening.result"));

        at(day.plusDays(14), "10:00");
        var roi = done(cm.document(command("recordRoiSignature", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "recordRoiSignature");
        assertEquals("PENDING_INTAKE", get(roi, "referral.status"), "the assessment is still to come");

        var intake = done(cm.document(command("completeIntake", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "completeIntake");
        assertEquals("INTAKE_COMPLETED", get(intake, "referral.status"));
        assertEquals("NOT_FILED", get(intake, "referral.heldCharge.status"), "timely intake: never filed (R19)");

        var maya = ok(cm.document("query { participant(id: \"maya\") { enrollments { status } } }").executeSync());
        assertEquals("ACTIVE", maya.field("participant.enrollments[0].status").getValue());
    }

    @Test
    void a_late_hand_off_is_recorded_with_a_warning_never_refused() {
        LocalDate day = newDay();
        at(day, "08:00");
        String id = submit(officer(), anArrestDiversion("leo"));
        at(day, "10:00");
        var handoff = done(assignedCaseManager().document(command("recordHandoff", "RecordHandoffInput"))
                .variable("input", Map.of("referralId", id, "calledAt", at(day, "08:05", 0).toString(),
                        "arrivedAt", at(day, "09:35", 0).toString()))
                .executeSync(), "recordHandoff");
        List<Map<String, Object>> warnings = get(handoff, "warnings");
        assertEquals("HANDOFF_TARGET_MISSED", warnings.get(0).get("code"));
        assertEquals("SUBMITTED", get(handoff, "referral.status"));
    }

    @Test
    void a_withdrawal_after_acceptance_releases_the_held_charge_and_the_prosecutor_records_its_review() {
        LocalDate day = newDay();
        at(day, "09:00");
        String id = submit(officer(), anArrestDiversion("omar"));
        var cm = assignedCaseManager();
        at(day, "09:30");
        done(cm.document(command("recordHandoff", "RecordHandoffInput"))
                .variable("input", Map.of("referralId", id, "calledAt", at(day, "09:01", 0).toString(),
                        "arrivedAt", at(day, "09:20", 0).toString())).executeSync(), "recordHandoff");
        done(cm.document(command("acceptReferral", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "acceptReferral");

        at(day.plusDays(3), "09:30");
        var withdrawn = done(cm.document(command("withdrawReferral", "WithdrawReferralInput"))
                .variable("input", Map.of("referralId", id, "reason", "moving away")).executeSync(),
                "withdrawReferral");
        assertEquals("WITHDRAWN", get(withdrawn, "referral.status"));
        assertEquals("RELEASED_FOR_ORDINARY_REVIEW", get(withdrawn, "referral.heldCharge.status"));

        var review = command("recordOrdinaryReview", "RecordOrdinaryReviewInput");
        List<Map<String, Object>> notTheirs = refused(cm.document(review)
                .variable("input", Map.of("referralId", id, "outcome", "DECLINED")).executeSync(),
                "recordOrdinaryReview");
        assertEquals("NOT_AUTHORISED", notTheirs.get(0).get("code"));
        var reviewed = done(prosecutor().document(review)
                .variable("input", Map.of("referralId", id, "outcome", "DECLINED")).executeSync(),
                "recordOrdinaryReview");
        assertEquals("DECLINED", get(reviewed, "referral.heldCharge.status"));
    }

    @Test
    void a_person_who_declines_at_the_offer_goes_to_ordinary_processing() {
        at(newDay(), "12:00");
        var input = anArrestDiversion("ivy");
        input.put("personConsents", false);
        String id = submit(officer(), input);
        var declined = done(sergeant().document(command("recordReferralDecline", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "recordReferralDecline");
        assertEquals("DECLINED_BY_PERSON", get(declined, "referral.status"));
        assertNull(get(declined, "referral.heldCharge"), "no held charge ever exists (R02)");
    }

    // ---- screening and its decisions ---------------------------------------------------------------------------

    @Test
    void a_hard_exclusion_is_screened_at_submission_and_can_never_be_overridden() {
        at(newDay(), "15:00");
        var input = anArrestDiversion("kai");
        ((Map<String, Object>) input.get("person")).put("dateOfBirth", "2010-03-01");
        Map<String, Object> submitted = done(sergeant().document(SUBMIT).variable("input", input).executeSync(),
                "submitReferral");
        assertEquals("INELIGIBLE", get(submitted, "referral.status"));
        assertEquals("INELIGIBLE", get(submitted, "referral.screening.result"));
        List<Map<String, Object>> findings = get(submitted, "referral.screening.findings");
        assertEquals(Map.of("exclusion", "UNDER_MIN_AGE", "strength", "HARD", "rule", "R12",
                "field", "person.dateOfBirth"), findings.get(0));

        List<Map<String, Object>> errors = refused(sergeant().document(command("overrideExclusion",
                "ReasonedReferralCommandInput")).variable("input", Map.of("referralId", get(submitted, "referral.id"),
                "reason", "community support")).executeSync(), "overrideExclusion");
        Map<String, Object> hard = error(errors, "HARD_EXCLUSION");
        assertEquals("R09", hard.get("rule"));
        assertEquals("findings", hard.get("field"));
    }

    @Test
    void a_presumptive_exclusion_is_overridden_only_with_a_written_reason() {
        at(newDay(), "15:00");
        var input = anArrestDiversion("noor");
        ((Map<String, Object>) input.get("criminalHistory")).put("outstandingWarrants", 1);
        Map<String, Object> submitted = done(sergeant().document(SUBMIT).variable("input", input).executeSync(),
                "submitReferral");
        assertEquals("PRESUMPTIVELY_INELIGIBLE", get(submitted, "referral.status"));
        List<Map<String, Object>> findings = get(submitted, "referral.screening.findings");
        assertEquals("OUTSTANDING_WARRANT", findings.get(0).get("exclusion"));
        assertEquals("PRESUMPTIVE", findings.get(0).get("strength"));
        String id = get(submitted, "referral.id");

        var override = command("overrideExclusion", "ReasonedReferralCommandInput");
        Map<String, Object> noReason = error(refused(sergeant().document(override)
                .variable("input", Map.of("referralId", id, "reason", "  ")).executeSync(), "overrideExclusion"),
                "REASON_REQUIRED");
        assertEquals("R09", noReason.get("rule"));
        assertEquals("reason", noReason.get("field"));

        Map<String, Object> notTheAuthority = error(refused(officer().document(override)
                .variable("input", Map.of("referralId", id, "reason", "old warrant, resolved")).executeSync(),
                "overrideExclusion"), "NOT_AUTHORISED");
        assertEquals("R09", notTheAuthority.get("rule"));

        var overridden = done(sergeant().document(override)
                .variable("input", Map.of("referralId", id, "reason", "old warrant, resolved")).executeSync(),
                "overrideExclusion");
        assertEquals("SUBMITTED", get(overridden, "referral.status"));
    }

    @Test
    void a_presumptive_exclusion_confirmed_makes_the_referral_ineligible() {
        at(newDay(), "15:00");
        var input = anArrestDiversion("rue");
        ((Map<String, Object>) input.get("criminalHistory")).put("outstandingWarrants", 2);
        String id = submit(sergeant(), input);
        var confirmed = done(sergeant().document(command("confirmExclusion", "ReasonedReferralCommandInput"))
                .variable("input", Map.of("referralId", id, "reason", "active felony warrant")).executeSync(),
                "confirmExclusion");
        assertEquals("INELIGIBLE", get(confirmed, "referral.status"));
    }

    // ---- refusals --------------------------------------------------------------------------------------------

    @Test
    void the_submitter_of_a_community_referral_cannot_approve_it_and_the_sergeant_can() {
        at(newDay(), "11:00");
        var input = new HashMap<String, Object>(Map.of("site", "seattle-king-county", "door", "COMMUNITY",
                "referrer", Map.of("kind", "SERVICE_PROVIDER", "leadTrained", true),
                "person", Map.of("id", "tess", "dateOfBirth", "1979-11-02"), "personConsents", true,
                "attestedCriteria", List.of("HOMELESS_OR_AT_RISK")));
        var submitter = as("cm-2", "CASE_MANAGER", "CARE_COORDINATION", true);
        String id = submit(submitter, input);
        var approve = command("approveReferral", "ReferralCommandInput");
        Map<String, Object> own = error(refused(submitter.document(approve)
                .variable("input", Map.of("referralId", id)).executeSync(), "approveReferral"),
                "SUBMITTER_CANNOT_APPROVE");
        assertEquals("R07", own.get("rule"));
        var approved = done(sergeant().document(approve).variable("input", Map.of("referralId", id)).executeSync(),
                "approveReferral");
        assertEquals("SUBMITTED", get(approved, "referral.status"));
    }

    @Test
    void a_referral_past_its_intake_deadline_has_lapsed() {
        LocalDate day = newDay();
        at(day, "09:00");
        String id = submit(officer(), anArrestDiversion("zed"));
        at(day.plusDays(31), "09:00");
        Map<String, Object> lapsed = error(refused(assignedCaseManager()
                .document(command("acceptReferral", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "acceptReferral"), "REFERRAL_LAPSED");
        assertEquals("R18", lapsed.get("rule"));
        assertEquals("intakeDeadline", lapsed.get("field"));
    }

    @Test
    void what_seattle_does_not_allow_is_refused_with_its_rule() {
        at(newDay(), "09:00");
        String id = submit(officer(), anArrestDiversion("ash"));
        var extension = error(refused(sergeant().document(command("extendIntakeDeadline", "ExtendIntakeDeadlineInput"))
                .variable("input", Map.of("referralId", id, "newDeadline", "2026-08-30", "reason", "hospital"))
                .executeSync(), "extendIntakeDeadline"), "EXTENSIONS_DISABLED");
        assertEquals("R18", extension.get("rule"));
        var release = error(refused(prosecutor().document(command("releaseForLaterNonEngagement",
                "ReasonedReferralCommandInput")).variable("input", Map.of("referralId", id, "reason", "no contact"))
                .executeSync(), "releaseForLaterNonEngagement"), "POLICY_FORBIDS");
        assertEquals("R19", release.get("rule"));
        var officerAccepts = error(refused(officer().document(command("acceptReferral", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", id)).executeSync(), "acceptReferral"), "NOT_AUTHORISED");
        assertEquals("actor.role", officerAccepts.get("field"));
    }

    @Test
    void a_referrer_the_door_does_not_allow_is_refused_and_nothing_is_created() {
        at(newDay(), "09:00");
        var input = anArrestDiversion("bo");
        List<Map<String, Object>> errors = refused(assignedCaseManager().document(SUBMIT).variable("input", input)
                .executeSync(), "submitReferral");
        assertEquals("REFERRER_NOT_ALLOWED", errors.get(0).get("code"));
        var bo = ok(sergeant().document("query { participant(id: \"bo\") { referrals { id } } }").executeSync());
        assertEquals(List.of(), bo.field("participant.referrals").getValue());
    }

    @Test
    void an_unknown_referral_is_not_found_in_the_payload() {
        at(newDay(), "09:00");
        Map<String, Object> notFound = error(refused(assignedCaseManager()
                .document(command("completeIntake", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", "7b0e64c8-7d29-4c6c-9c39-5a3b1b0e0c11")).executeSync(),
                "completeIntake"), "NOT_FOUND");
        assertEquals("referralId", notFound.get("field"));
    }

    // ---- malformed input ------------------------------------------------------------------------------------------

    private ResponseError badRequest(Map<String, Object> input) {
        var response = officer().document(SUBMIT).variable("input", input).executeSync();
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString(), error::toString);
        return error;
    }

    @Test
    void a_submission_without_a_person_is_a_bad_request_naming_the_field() {
        var input = anArrestDiversion("x");
        input.remove("person");
        assertEquals("input.person", badRequest(input).getExtensions().get("field"));
    }

    @Test
    void a_date_that_is_not_a_date_is_a_bad_request_naming_the_field_without_echoing_it() {
        var input = anArrestDiversion("x");
        ((Map<String, Object>) input.get("person")).put("dateOfBirth", "1985-13-45");
        ResponseError error = badRequest(input);
        assertEquals("input.person.dateOfBirth", error.getExtensions().get("field"));
        assertTrue(!error.getMessage().contains("1985-13-45"), "the rejected value is personal data: " + error);
    }

    @Test
    void a_door_the_schema_does_not_know_is_a_bad_request_naming_the_field() {
        var input = anArrestDiversion("x");
        input.put("door", "TRAIN_STATION");
        assertEquals("input.door", badRequest(input).getExtensions().get("field"));
    }

    @Test
    void a_literal_of_the_wrong_kind_in_the_document_is_a_bad_request_naming_the_field() {
        var response = officer().document("""
                mutation { submitReferral(input: {site: "seattle-king-county", door: TRAIN_STATION,
                  person: {id: "x"}}) { errors { code } } }""").executeSync();
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString(), error::toString);
        assertEquals("input.door", error.getExtensions().get("field"));

        var noPerson = officer().document("""
                mutation { submitReferral(input: {site: "seattle-king-county", door: COMMUNITY}) {
                  errors { code } } }""").executeSync();
        ResponseError missing = only(noPerson);
        assertEquals("BAD_REQUEST", missing.getErrorType().toString(), missing::toString);
        assertEquals("input.person", missing.getExtensions().get("field"));

        // a field the input type does not have, a null where a value is required, a plain value for an object: each
        // named, and the value never repeated (graphql-java's own messages print the whole input)
        for (var literal : Map.of(
                "{site: \"seattle-king-county\", door: COMMUNITY, person: {id: \"x\", nickname: \"Rosie\"}}",
                "input.person.nickname",
                "{site: \"seattle-king-county\", door: COMMUNITY, person: {id: \"Rosie\"}, offences: [null]}",
                "input.offences[0]",
                "{site: \"seattle-king-county\", door: COMMUNITY, person: \"Rosie\"}", "input.person").entrySet()) {
            ResponseError refused = only(officer().document("mutation { submitReferral(input: " + literal.getKey()
                    + ") { errors { code } } }").executeSync());
            assertEquals("BAD_REQUEST", refused.getErrorType().toString(), refused::toString);
            assertEquals(literal.getValue(), refused.getExtensions().get("field"), refused::toString);
            assertTrue(!refused.getMessage().contains("Rosie"), refused::getMessage);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_variable_with_a_field_its_input_type_does_not_have_is_a_bad_request_naming_the_field() {
        var input = anArrestDiversion("x");
        ((Map<String, Object>) input.get("person")).put("nickname", "Rosie");
        ResponseError error = badRequest(input);
        assertEquals("input.person.nickname", error.getExtensions().get("field"));
        assertTrue(!error.getMessage().contains("Rosie"), error::getMessage);
    }

    @Test
    void values_the_domain_refuses_are_bad_requests_naming_the_input_field() {
        var badCode = anArrestDiversion("x");
        badCode.put("offences", List.of(Map.of("code", "DRUG_POSSESSION", "level", "MISDEMEANOR"),
                Map.of("code", "drug sale", "level", "FELONY")));
        assertEquals("input.offences[1].code", badRequest(badCode).getExtensions().get("field"));

        var badWeight = anArrestDiversion("x");
        ((Map<String, Object>) badWeight.get("drugFacts")).put("netWeightGrams", "a little");
        assertEquals("input.drugFacts.netWeightGrams", badRequest(badWeight).getExtensions().get("field"));

        var profitWithoutSale = anArrestDiversion("x");
        ((Map<String, Object>) profitWithoutSale.get("drugFacts")).put("forProfitAboveSubsistence", true);
        assertEquals("input.drugFacts.forProfitAboveSubsistence",
                badRequest(profitWithoutSale).getExtensions().get("field"));

        var badSite = anArrestDiversion("x");
        badSite.put("site", "Seattle King County");
        assertEquals("input.site", badRequest(badSite).getExtensions().get("field"));
    }

    @Test
    void a_referral_id_that_is_not_an_id_is_a_bad_request() {
        var response = assignedCaseManager().document(command("acceptReferral", "ReferralCommandInput"))
                .variable("input", Map.of("referralId", "not-an-id")).executeSync();
        ResponseError error = only(response);
        assertEquals("BAD_REQUEST", error.getErrorType().toString());
        assertEquals("input.referralId", error.getExtensions().get("field"));
    }

    @Test
    void an_anonymous_request_cannot_submit() {
        var response = anonymous().document(SUBMIT).variable("input", anArrestDiversion("x")).executeSync();
        assertEquals("FORBIDDEN", only(response).getErrorType().toString());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosurePolicy;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Part2Exception;
import org.leaddiversion.domain.consent.ParticipantAccess;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.client.ClientGraphQlResponse;

/**
 * The access test: every role, reading in every circumstance the matrix knows and for an ordinary, a research
 * and an enforcement purpose, asks the API for every field group of seven participants' records — one participant per
 * consent state — and gets exactly what the domain's own policy decides for the same viewer and consents: the released
 * field, or null with one {@code FORBIDDEN} error per refused data class naming it ({@code dataClasses.<CLASS>}) with
 * the domain's code. The oracle is the domain itself ({@link ParticipantAccess}, {@link DisclosurePolicy}), asked in
 * the test with the consents the test recorded; the test keeps no copy of the matrix. Every read writes exactly its
 * audit entry, and every disclosure decision its log entry. Nothing is released without a covering consent where the
 * matrix asks for one.
 *
 * <p>Part 2 records and aggregates are carried by no field group of a participant's record: the API speaks about them
 * only in disclosure decisions ({@code disclose}), which are checked class by class against the domain's disclosure
 * policy, for every recipient role and circumstance, with a Part 2 consent, without one, and under a Part 2 exception.
 * Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, AccessMatrixScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessMatrixScenarios extends ApiClients {

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(CareStories.START);
        }
    }

    /** The consent states a participant's record is read under: one participant each. */
    enum ConsentState {
        /** No consent on file. */
        NONE,
        /** A multi-party ROI for every role, purpose and data class, in force. */
        ROI_IN_FORCE,
        /** The same ROI, revoked. */
        ROI_REVOKED,
        /** The same ROI, expired. */
        ROI_EXPIRED,
        /** A multi-party ROI for every role and data class, but only for audits (a purpose no viewer here states). */
        ROI_FOR_ANOTHER_PURPOSE,
        /** A Part 2 consent for every role and purpose, naming SUD_PART2, in force. */
        PART2_IN_FORCE,
        /** An evaluation consent for every role and data class, for research and evaluation, in force. */
        EVALUATION_IN_FORCE;

        /**
         * Whether this state's consent covers {@code data} for {@code purpose} (SPEC §7.6): an ROI covers what it
         * names but never Part 2 records, which need a Part 2 consent; an evaluation consent stands for an ROI for
         * research and evaluation only. Revoked, expired and other-purpose consents cover nothing here.
         */
        boolean covers(DataClass data, Purpose purpose) {
            switch (this) {
                case ROI_IN_FORCE:
                    return data != DataClass.SUD_PART2;
                case EVALUATION_IN_FORCE:
                    return data != DataClass.SUD_PART2 && purpose == Purpose.RESEARCH_EVALUATION;
                case PART2_IN_FORCE:
                    return data == DataClass.SUD_PART2;
                default:
                    return false;
            }
        }
    }

    /**
     * The field groups of a participant's record and the data classes each carries (as {@code ParticipantRecords}
     * reads them); the field's name is also the audit entry's {@code what}.
     */
    enum FieldGroup {
        REFERRALS("referrals", DataClass.REFERRAL_CORE, DataClass.SCREENING, DataClass.LEGAL_COORDINATION),
        /** {@code referral(id)}: one referral, the same classes. */
        REFERRAL("referral", DataClass.REFERRAL_CORE, DataClass.SCREENING, DataClass.LEGAL_COORDINATION),
        ENROLLMENTS("enrollments", DataClass.ENROLLMENT_STATUS),
        PLANS("plans", DataClass.PLAN_SUMMARY),
        CONTACTS("contacts", DataClass.CASE_NOTES),
        CASES("cases", DataClass.LEGAL_COORDINATION),
        CONSENTS("consents", DataClass.ENROLLMENT_STATUS);

        final String field;
        final Set<DataClass> classes;

        FieldGroup(String field, DataClass first, DataClass... rest) {
            this.field = field;
            this.classes = EnumSet.of(first, rest);
        }

        /** What is released of the classes granted: a referral only with its core (screening alone means nothing). */
        Set<DataClass> released(Set<DataClass> granted) {
            boolean referral = this == REFERRALS || this == REFERRAL;
            return referral && !granted.contains(DataClass.REFERRAL_CORE) ? Set.of() : granted;
        }

        /** The audit outcome of a read that released {@code released} of this group, as the persistence module names it. */
        String outcome(Set<DataClass> released) {
            return released.isEmpty() ? "DENIED" : released.containsAll(classes) ? "ALLOWED" : "PARTLY_ALLOWED";
        }
    }

    /** Who reads: a role, in the circumstances the host states, for a purpose. */
    record Reading(Role role, Purpose purpose, RecipientCircumstances circumstances) {
        Actor actor() {
            return Actor.of("viewer-" + role.name().toLowerCase(java.util.Locale.ROOT), role);
        }

        @Override
        public String toString() {
            return role + "/" + purpose + (circumstances.own() ? "/own+assigned+in-meeting" : "/no-circumstance");
        }
    }

    private static final RecipientCircumstances EVERY_CIRCUMSTANCE = new RecipientCircumstances(true, true, true);
    private static final List<RecipientCircumstances> CIRCUMSTANCES = List.of(RecipientCircumstances.none(),
            EVERY_CIRCUMSTANCE);

    @Autowired
    PersistentProgramme programme;
    @Autowired
    Clock clock;

    private final Map<ConsentState, CareStories.Enrolled> people = new EnumMap<>(ConsentState.class);
    /** Each participant's consents, as the domain returned them when they were recorded or revoked: the oracle's. */
    private final Map<ConsentState, List<Consent>> consents = new EnumMap<>(ConsentState.class);

    @BeforeAll
    void seven_participants_each_with_a_full_record_and_one_consent_state() {
        var time = (MutableClock) clock;
        programme.policies().put(Fixtures.seattle());
        String[] names = Arrays.stream(ConsentState.values()).map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                .toArray(String[]::new);
        var enrolled = CareStories.enrolled(programme, time, names);
        Instant now = time.instant();
        for (ConsentState state : ConsentState.values()) {
            var person = enrolled.get(state.name().toLowerCase(java.util.Locale.ROOT));
            people.put(state, person);
            CareStories.assignedToCm1(programme, person);
            expect(programme.caseManagement().addGoal(person.enrollmentId(), Fixtures.CASE_MANAGER, PlanDomain.HOUSING,
                    GoalKind.GENERAL, "A room of my own", true), "goal");
            expect(programme.desk().recordContact(person.enrollmentId(), Fixtures.CASE_MANAGER,
                    ContactType.IN_PERSON_FIELD, now.minus(Duration.ofHours(1))), "contact");
            expect(programme.coordination().recordCase(Fixtures.PROSECUTOR, person.personId(), Fixtures.SEATTLE,
                    List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR)), List.of(),
                    now.minus(Duration.ofDays(1))), "new case");
            consents.put(state, consentsFor(state, person));
        }
        // an hour later the ROI_EXPIRED consent has lapsed; every state is as its name says from here on
        time.set(now.plus(Duration.ofHours(2)));
    }

    private List<Consent> consentsFor(ConsentState state, CareStories.Enrolled person) {
        var desk = programme.disclosure();
        Set<Role> everyone = EnumSet.allOf(Role.class);
        Set<Purpose> anyPurpose = EnumSet.allOf(Purpose.class);
        Set<DataClass> everything = EnumSet.allOf(DataClass.class);
        var cm = Fixtures.CASE_MANAGER;
        switch (state) {
            case NONE:
                return List.of();
            case ROI_IN_FORCE:
                return List.of(expect(desk.recordConsent(cm, person.personId(), ConsentType.MULTI_PARTY_ROI, everyone,
                        Set.of(), anyPurpose, everything, Optional.empty()), "ROI"));
            case ROI_REVOKED: {
                Consent roi = expect(desk.recordConsent(cm, person.personId(), ConsentType.MULTI_PARTY_ROI, everyone,
                        Set.of(), anyPurpose, everything, Optional.empty()), "ROI");
                return List.of(expect(desk.revoke(roi.id(), cm), "revocation"));
            }
            case ROI_EXPIRED:
                return List.of(expect(desk.recordConsent(cm, person.personId(), ConsentType.MULTI_PARTY_ROI, everyone,
                        Set.of(), anyPurpose, everything, Optional.of(clock.instant().plus(Duration.ofHours(1)))),
                        "ROI for an hour"));
            case ROI_FOR_ANOTHER_PURPOSE:
                return List.of(expect(desk.recordConsent(cm, person.personId(), ConsentType.MULTI_PARTY_ROI, everyone,
                        Set.of(), Set.of(Purpose.AUDIT), everything, Optional.empty()), "ROI for audits"));
            case PART2_IN_FORCE:
                return List.of(expect(desk.recordConsent(cm, person.personId(), ConsentType.PART2, everyone, Set.of(),
                        anyPurpose, Set.of(DataClass.SUD_PART2), Optional.empty()), "Part 2 consent"));
            case EVALUATION_IN_FORCE:
                return List.of(expect(desk.recordConsent(cm, person.personId(), ConsentType.EVALUATION, everyone,
                        Set.of(), Set.of(Purpose.RESEARCH_EVALUATION), everything, Optional.empty()),
                        "evaluation consent"));
            default:
                throw new IllegalStateException(state.name());
        }
    }

    /** The purpose a role ordinarily reads for. */
    private static Purpose ordinaryPurpose(Role role) {
        switch (role) {
            case OFFICER:
            case SERGEANT:
            case PROSECUTOR:
            case LIAISON_PROSECUTOR:
            case DEFENDER:
                return Purpose.LEGAL_COORDINATION;
            case COURT:
            case PROBATION:
                return Purpose.COURT_PROGRESS;
            case EVALUATOR:
            case PCG_MEMBER:
            case CLT_MEMBER:
                return Purpose.AUDIT;
            default:
                return Purpose.CARE_COORDINATION;
        }
    }

    /** Every role, in no circumstance and in every one, for its ordinary purpose, for research, and for enforcement. */
    private static List<Reading> readers() {
        var out = new ArrayList<Reading>();
        for (Role role : Role.values()) {
            Purpose enforcement = role.ordinal() % 2 == 0 ? Purpose.ENFORCEMENT : Purpose.EVIDENCE;
            for (RecipientCircumstances circumstances : CIRCUMSTANCES) {
                for (Purpose purpose : new LinkedHashSet<>(List.of(ordinaryPurpose(role), Purpose.RESEARCH_EVALUATION,
                        enforcement))) {
                    out.add(new Reading(role, purpose, circumstances));
                }
            }
        }
        return out;
    }

    // ---- reads of participant records -------------------------------------------------------------------------------

    @Test
    void every_field_group_comes_back_as_the_domain_decides_and_writes_exactly_its_audit_entry() {
        var access = new ParticipantAccess();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (ConsentState state : ConsentState.values()) {
            variables.put("p" + state.ordinal(), people.get(state).person());
            variables.put("r" + state.ordinal(), people.get(state).referral());
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int released = 0;
        int releasedOnConsent = 0;
        int releasedWithoutCoveringConsent = 0;
        for (Reading reader : readers()) {
            long seq = lastAuditSeq();
            var response = as(reader.actor().id().value(), reader.role(), reader.purpose(), reader.circumstances())
                    .documentName("participantRecords").variables(variables).executeSync();
            Map<String, Object> data = data(response);
            Map<String, Map<String, String>> refusals = refusalsByPath(response, reader, mismatches);
            Map<String, Expected> audit = new HashMap<>();
            for (ConsentState state : ConsentState.values()) {
                var person = people.get(state);
                Instant at = clock.instant();
                Map<DataClass, AccessDecision> decisions = access.decisions(reader.actor(), Operation.READ,
                        person.personId(), reader.circumstances(), reader.purpose(), Optional.empty(),
                        consents.get(state), at);
                Map<DataClass, AccessDecision> withoutConsent = access.decisions(reader.actor(), Operation.READ,
                        person.personId(), reader.circumstances(), reader.purpose(), Optional.empty(), List.of(), at);
                for (FieldGroup group : FieldGroup.values()) {
                    compared++;
                    String path = group == FieldGroup.REFERRAL ? "r" + state.ordinal()
                            : "p" + state.ordinal() + "." + group.field;
                    String where = reader + " " + state + " " + path;
                    Set<DataClass> granted = EnumSet.noneOf(DataClass.class);
                    Map<String, String> refused = new TreeMap<>();
                    for (DataClass c : group.classes) {
                        if (decisions.get(c) instanceof AccessDecision.Denied denied) {
                            refused.put("dataClasses." + c.name(), denied.reason().code().name());
                        } else {
                            granted.add(c);
                        }
                    }
                    Set<DataClass> expected = group.released(granted);
                    Object value = value(data, state, group);
                    if (expected.isEmpty() != (value == null)) {
                        mismatches.add(where + ": expected " + (expected.isEmpty() ? "null" : expected) + " but got "
                                + value);
                    }
                    var actual = refusals.getOrDefault(path, Map.of());
                    if (!refused.equals(actual)) {
                        mismatches.add(where + ": expected refusals " + refused + " but got " + actual);
                    }
                    if (value != null) {
                        checkContent(where, group, value, expected, state, mismatches);
                    }
                    released += expected.size();
                    for (DataClass c : expected) {
                        if (!withoutConsent.get(c).isAllowed()) {
                            releasedOnConsent++;
                            if (!state.covers(c, reader.purpose())) {
                                releasedWithoutCoveringConsent++;
                                mismatches.add(where + ": " + c + " released without a covering consent");
                            }
                        }
                    }
                    audit.put(auditKey(group, person), new Expected(group.outcome(expected), expected));
                }
            }
            checkAudit(reader, seq, audit, mismatches);
        }
        System.out.printf("access matrix: %d readers x %d participants x %d field groups = %d reads compared;"
                        + " %d data classes released, %d of them on a consent%n", readers().size(),
                ConsentState.values().length, FieldGroup.values().length, compared, released, releasedOnConsent);
        assertEquals(0, releasedWithoutCoveringConsent, "releases without a covering consent");
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches, the first:\n"
                + mismatches.stream().limit(30).collect(Collectors.joining("\n")));
        assertTrue(releasedOnConsent > 0, "some reads rest on a consent: the consent states are exercised");
    }

    private record Expected(String outcome, Set<DataClass> released) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(ClientGraphQlResponse response) {
        Map<String, Object> data = (Map<String, Object>) response.toMap().get("data");
        assertTrue(data != null, () -> "no data: " + response.toMap());
        return data;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> data, ConsentState state, FieldGroup group) {
        if (group == FieldGroup.REFERRAL) {
            return data.get("r" + state.ordinal());
        }
        var participant = (Map<String, Object>) data.get("p" + state.ordinal());
        return participant.get(group.field);
    }

    /**
     * The refusals on each path, {@code extensions.field} to {@code extensions.code}. Every error must be a
     * {@code FORBIDDEN} naming a data class; anything else is a mismatch.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> refusalsByPath(ClientGraphQlResponse response, Reading reader,
                                                                   List<String> mismatches) {
        var out = new HashMap<String, Map<String, String>>();
        var errors = (List<Map<String, Object>>) response.toMap().getOrDefault("errors", List.of());
        for (Map<String, Object> error : errors) {
            var extensions = (Map<String, Object>) error.getOrDefault("extensions", Map.of());
            String path = ((List<Object>) error.getOrDefault("path", List.of())).stream().map(String::valueOf)
                    .collect(Collectors.joining("."));
            String field = String.valueOf(extensions.get("field"));
            if (!"FORBIDDEN".equals(extensions.get("classification")) || !field.startsWith("dataClasses.")) {
                mismatches.add(reader + ": an error that is not a refusal of a data class: " + error);
                continue;
            }
            String previous = out.computeIfAbsent(path, p -> new TreeMap<>()).put(field,
                    String.valueOf(extensions.get("code")));
            if (previous != null) {
                mismatches.add(reader + " " + path + ": " + field + " refused twice");
            }
        }
        return out;
    }

    /** A released field holds the participant's record, cut to what was released. */
    @SuppressWarnings("unchecked")
    private void checkContent(String where, FieldGroup group, Object value, Set<DataClass> released,
                              ConsentState state, List<String> mismatches) {
        List<Object> items = value instanceof List<?> list ? (List<Object>) list : List.of(value);
        int expected = group == FieldGroup.CONSENTS ? consents.get(state).size() : 1;
        if (items.size() != expected) {
            mismatches.add(where + ": expected " + expected + " records but got " + items.size());
            return;
        }
        if (group == FieldGroup.REFERRALS || group == FieldGroup.REFERRAL) {
            var referral = (Map<String, Object>) items.get(0);
            if (!people.get(state).referral().equals(referral.get("id"))) {
                mismatches.add(where + ": another person's referral " + referral.get("id"));
            }
            if (released.contains(DataClass.SCREENING) == (referral.get("screening") == null)) {
                mismatches.add(where + ": screening " + referral.get("screening") + " with " + released);
            }
            if (released.contains(DataClass.LEGAL_COORDINATION) == (referral.get("heldCharge") == null)) {
                mismatches.add(where + ": held charge " + referral.get("heldCharge") + " with " + released);
            }
        }
    }

    private static String auditKey(FieldGroup group, CareStories.Enrolled person) {
        // a referral by id is audited under the id asked for (with no participant when the purpose is enforcement:
        // nothing is loaded, not even whose referral it is)
        return group == FieldGroup.REFERRAL ? "referral|referral:" + person.referral()
                : group.field + "|" + person.person();
    }

    /** The audit entries the request wrote: exactly one per participant and field group, as expected. */
    private void checkAudit(Reading reader, long seq, Map<String, Expected> expected, List<String> mismatches) {
        var rows = jdbc.queryForList("select participant_id, what, outcome, data_classes, record_ids, actor_role,"
                + " purpose from audit_entry where seq > ? order by seq", seq);
        if (rows.size() != expected.size()) {
            mismatches.add(reader + ": " + rows.size() + " audit entries for " + expected.size() + " reads");
        }
        var seen = new HashMap<String, Integer>();
        for (Map<String, Object> row : rows) {
            String what = String.valueOf(row.get("what"));
            String key = what.equals("referral") ? what + "|" + row.get("record_ids") : what + "|"
                    + row.get("participant_id");
            if (seen.merge(key, 1, Integer::sum) > 1) {
                mismatches.add(reader + ": audited twice: " + key);
            }
            Expected e = expected.get(key);
            if (e == null) {
                mismatches.add(reader + ": an audit entry for no read of the request: " + row);
                continue;
            }
            Set<DataClass> classes = String.valueOf(row.get("data_classes")).isEmpty() ? Set.of()
                    : Arrays.stream(String.valueOf(row.get("data_classes")).split(",")).map(DataClass::valueOf)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataClass.class)));
            if (!e.outcome().equals(row.get("outcome")) || !e.released().equals(classes)
                    || !reader.role().name().equals(row.get("actor_role"))
                    || !reader.purpose().name().equals(row.get("purpose"))) {
                mismatches.add(reader + ": audit entry " + row + " but expected " + e);
            }
        }
    }

    private long lastAuditSeq() {
        Long seq = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        return seq == null ? 0 : seq;
    }

    // ---- disclosure decisions ----------------------------------------------------------------------------------------

    private static final String DISCLOSE = """
            d%1$d_%2$s: disclose(input: {participantId: $p%1$d, recipientRole: $to, dataClasses: [%2$s], purpose: $for,
                                    recipientCircumstances: $circumstances}) { ...Decision }
            """;
    private static final String DISCLOSE_UNDER_EXCEPTION = """
            e%1$d: disclose(input: {participantId: $p%1$d, recipientRole: $to, dataClasses: [SUD_PART2], purpose: $for,
                                recipientCircumstances: $circumstances, part2Exception: $exception}) { ...Decision }
            """;

    /**
     * The case manager asks, for each recipient role in no circumstance and in every one, for the role's ordinary
     * purpose, whether each data class of each participant may go to it (and Part 2 records under a Part 2 exception
     * too). Each decision is the domain disclosure policy's for the same request and consents, and is logged once.
     */
    @Test
    void every_disclosure_decision_is_the_domain_policy_decision_and_is_logged_once() {
        var policy = new DisclosurePolicy();
        var document = new StringBuilder("mutation Disclosures(");
        for (ConsentState state : ConsentState.values()) {
            document.append("$p").append(state.ordinal()).append(": ID!, ");
        }
        document.append("$to: Role!, $for: Purpose!, $circumstances: RecipientCircumstancesInput,"
                + " $exception: Part2Exception) {\n");
        for (ConsentState state : ConsentState.values()) {
            for (DataClass c : DataClass.values()) {
                document.append(String.format(DISCLOSE, state.ordinal(), c.name()));
            }
            document.append(String.format(DISCLOSE_UNDER_EXCEPTION, state.ordinal()));
        }
        document.append("}\nfragment Decision on DisclosurePayload { granted consentIds redisclosureNotice"
                + " errors { code field } }");
        List<String> mismatches = new ArrayList<>();
        int decided = 0;
        int granted = 0;
        int grantedWithoutConsentOrException = 0;
        Actor requester = Fixtures.CASE_MANAGER;
        for (Role recipient : Role.values()) {
            Purpose purpose = ordinaryPurpose(recipient);
            Part2Exception exception = Part2Exception.values()[recipient.ordinal() % Part2Exception.values().length];
            for (RecipientCircumstances circumstances : CIRCUMSTANCES) {
                String who = recipient + "/" + purpose + "/" + circumstances;
                int[] logged = disclosureLog();
                var request = caseManager().document(document.toString()).variable("to", recipient.name())
                        .variable("for", purpose.name()).variable("exception", exception.name())
                        .variable("circumstances", Map.of("own", circumstances.own(), "assigned",
                                circumstances.assigned(), "inOwgMeeting", circumstances.inOwgMeeting()));
                for (ConsentState state : ConsentState.values()) {
                    request = request.variable("p" + state.ordinal(), people.get(state).person());
                }
                var response = request.executeSync();
                if (!response.getErrors().isEmpty()) {
                    mismatches.add(who + ": " + response.getErrors());
                    continue;
                }
                Map<String, Object> data = data(response);
                int grantedHere = 0;
                int asked = 0;
                for (ConsentState state : ConsentState.values()) {
                    var person = people.get(state);
                    for (DataClass c : DataClass.values()) {
                        for (boolean underException : List.of(false, true)) {
                            if (underException && c != DataClass.SUD_PART2) {
                                continue;
                            }
                            asked++;
                            String alias = underException ? "e" + state.ordinal() : "d" + state.ordinal() + "_" + c;
                            var decision = policy.decide(new DisclosureRequest(requester, recipient, Optional.empty(),
                                    person.personId(), Set.of(c), purpose,
                                    underException ? Optional.of(exception) : Optional.empty(), circumstances),
                                    consents.get(state), clock.instant());
                            @SuppressWarnings("unchecked")
                            var actual = (Map<String, Object>) data.get(alias);
                            String where = who + " " + state + " " + alias;
                            if (!decisionMatches(decision, actual)) {
                                mismatches.add(where + ": the API said " + actual + ", the domain " + decision);
                            }
                            if (Boolean.TRUE.equals(actual.get("granted"))) {
                                grantedHere++;
                                boolean excepted = underException && exception.permits(purpose);
                                if (c != DataClass.AGGREGATE && !state.covers(c, purpose) && !excepted) {
                                    grantedWithoutConsentOrException++;
                                    mismatches.add(where + ": disclosed without a covering consent or exception");
                                }
                            }
                        }
                    }
                }
                decided += asked;
                granted += grantedHere;
                int[] now = disclosureLog();
                if (now[0] - logged[0] != asked || now[1] - logged[1] != grantedHere) {
                    mismatches.add(who + ": logged " + (now[0] - logged[0]) + " decisions (" + (now[1] - logged[1])
                            + " granted) for " + asked + " (" + grantedHere + " granted)");
                }
            }
        }
        System.out.printf("disclosures: %d decisions compared, %d granted%n", decided, granted);
        assertEquals(0, grantedWithoutConsentOrException, "disclosures without a covering consent");
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches, the first:\n"
                + mismatches.stream().limit(30).collect(Collectors.joining("\n")));
        assertTrue(granted > 0, "some disclosures are granted: the consent states are exercised");
    }

    /** Whether the API's payload says what the domain decided: granted or not, each refused class with its code. */
    @SuppressWarnings("unchecked")
    private static boolean decisionMatches(DisclosureDecision decision, Map<String, Object> actual) {
        if (actual == null) {
            return false;
        }
        var errors = (List<Map<String, Object>>) actual.get("errors");
        Map<String, String> refused = new TreeMap<>();
        errors.forEach(e -> refused.put(String.valueOf(e.get("field")), String.valueOf(e.get("code"))));
        if (decision instanceof DisclosureDecision.Granted g) {
            List<String> ids = g.consents().stream().map(ConsentId::value).map(Object::toString).toList();
            return Boolean.TRUE.equals(actual.get("granted")) && refused.isEmpty()
                    && ids.equals(actual.get("consentIds"))
                    && g.redisclosureNotice().isPresent() == (actual.get("redisclosureNotice") != null);
        }
        var r = (DisclosureDecision.Refused) decision;
        Map<String, String> expected = new TreeMap<>();
        r.errors().forEach(e -> expected.put(e.field(), e.code().name()));
        return Boolean.FALSE.equals(actual.get("granted")) && expected.equals(refused)
                && Objects.equals(actual.get("consentIds"), List.of()) && actual.get("redisclosureNotice") == null;
    }

    /** Decisions in the disclosure log so far, and how many of them granted. */
    private int[] disclosureLog() {
        var row = jdbc.queryForMap("select count(*) as decisions,"
                + " coalesce(sum(case when granted then 1 else 0 end), 0) as granted from disclosure_entry");
        return new int[] {((Number) row.get("decisions")).intValue(), ((Number) row.get("granted")).intValue()};
    }
}

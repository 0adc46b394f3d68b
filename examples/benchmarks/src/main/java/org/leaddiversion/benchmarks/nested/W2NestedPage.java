/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leaddiversion.benchmarks.NestedPageData;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.persistence.DatabaseSettings;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * W2/W3: the nested page of 100 participants — referrals, plan goals, last five contacts — through the library's
 * GraphQL endpoint and through {@link HandWrittenNestedPage}, on one PostgreSQL, one Tomcat and one pool, under wrk
 * at a fixed number of connections, in interleaved rounds. Before any timing both answers are fetched, canonicalised
 * (object keys sorted) and compared: a mismatch stops the run. Statements per request are counted on the pool.
 *
 * <p>The data: {@link NestedPageData} (bulk, any size) by default; {@code -Dw2.data=desks} plays each participant
 * through the library's desks instead (slow: for a few thousand).
 *
 * <pre>java -cp "$(cat examples/benchmarks/target/classpath.txt):examples/benchmarks/target/classes" \
 *   org.leaddiversion.benchmarks.nested.W2NestedPage [participants=2000] [rounds=5] [seconds=20] [connections=8]</pre>
 */
public final class W2NestedPage {

    private static final SiteId SEATTLE = new SiteId("seattle-king-county");
    private static final Actor OFFICER = Actor.of("officer-1", Role.OFFICER);
    private static final Actor SERGEANT = Actor.of("sergeant-1", Role.SERGEANT);
    static final String QUERY = "query caseloadPage($first: Int!, $after: String) { participants(first: $first, "
            + "after: $after) { totalCount "
            + "edges { node { id referrals { id status door } plans { enrollmentId goals { id domain status } } "
            + "contacts(last: 5) { contactType contactAt } } } pageInfo { hasNextPage endCursor } } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    private W2NestedPage() {
    }

    public static void main(String[] args) throws Exception {
        int participants = arg(args, 0, 2_000);
        int rounds = arg(args, 1, 5);
        int seconds = arg(args, 2, 20);
        int connections = arg(args, 3, 8);
        int pageSize = 100;
        var builder = EmbeddedPostgres.builder();
        if (System.getProperty("w2.slowLog") != null) {
            // -Dw2.slowLog=/dir: PostgreSQL logs each statement slower than 20 ms there (to find where time goes)
            builder.setServerConfig("logging_collector", "on").setServerConfig("log_directory",
                    System.getProperty("w2.slowLog")).setServerConfig("log_min_duration_statement", "20");
        }
        try (EmbeddedPostgres pg = builder.start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            long seedStart = System.nanoTime();
            if ("desks".equals(System.getProperty("w2.data"))) {
                seed(url, participants);
            } else {
                var report = NestedPageData.load(url, participants, 20_260_122L);
                participants = Math.toIntExact(report.imported());
            }
            System.out.printf("seeded %,d participants in %.0f s%n", participants,
                    (System.nanoTime() - seedStart) / 1e9);
            ConfigurableApplicationContext app = NestedPageServer.start(url, connections);
            try {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                run(port, participants, pageSize, rounds, seconds, connections);
            } finally {
                app.close();
            }
        }
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    // ---- the data: Seattle's participants taken in, each with a plan of four goals and ten contacts ---------------

    private static void seed(String url, int participants) {
        try (LeadDatabase db = LeadDatabase.connect(DatabaseSettings.of(url))) {
            var clock = new StepClock(Instant.parse("2025-01-06T16:00:00Z"));
            PersistentProgramme programme = db.programme(clock, IdGenerator.sequential(20_260_122L),
                    CaseloadCapacity.notTracked());
            programme.policies().put(ReferenceProfiles.load(SEATTLE.value()));
            var desk = programme.desk();
            var cm = programme.caseManagement();
            PlanDomain[] domains = PlanDomain.values();
            ContactType[] types = ContactType.values();
            for (int i = 0; i < participants; i++) {
                Instant referred = clock.instant();
                String person = String.format("person-%06d", i);
                var submission = ReferralSubmission.builder(SEATTLE, Door.ARREST_DIVERSION,
                                Referrer.trained(OFFICER), Person.of(person, LocalDate.of(1980 + i % 20, 1 + i % 12, 5)))
                        .location(Location.in(AreaId.of("WEST_PRECINCT"))).probableCause(true)
                        .offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                        .drugFacts(DrugFacts.possession("HEROIN", "POWDER", new BigDecimal("1.2")))
                        .personConsents(true).build();
                var referral = ok(desk.submit(submission), "referral").id();
                Actor caseManager = Actor.of(String.format("cm-%04d", i / 20), Role.CASE_MANAGER);
                clock.advance(Duration.ofMinutes(15));
                ok(desk.recordHandoff(referral, caseManager, referred, referred.plusSeconds(600)), "hand-off");
                ok(desk.accept(referral, caseManager), "acceptance");
                ok(desk.decideEligibility(referral, SERGEANT, true, null), "confirmation");
                ok(desk.recordRoiSignature(referral, caseManager), "ROI");
                EnrollmentId enrollment = ok(desk.completeIntake(referral, caseManager), "intake").enrollment()
                        .orElseThrow();
                ok(cm.assignCaseManager(enrollment, CaseManagerId.of(caseManager.id()), caseManager), "assignment");
                for (int g = 0; g < 4; g++) {
                    ok(cm.addGoal(enrollment, caseManager, domains[(i + g) % domains.length], GoalKind.GENERAL,
                            "goal " + g, true), "goal");
                }
                clock.advance(Duration.ofHours(12));
                for (int c = 0; c < 10; c++) {
                    ok(desk.recordContact(enrollment, caseManager, types[(i + c) % types.length],
                            referred.plusSeconds(3_600L * (1 + c))), "contact");
                }
                clock.advance(Duration.ofMinutes(45));
            }
        }
    }

    /** The value of an accepted command, or the run stops naming what was refused. */
    private static <T> T ok(Outcome<T> outcome, String what) {
        if (!outcome.isSuccess()) {
            throw new IllegalStateException(what + " refused: " + outcome.errors());
        }
        return outcome.value();
    }

    /** A clock the seeding moves forward by hand. */
    private static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    // ---- the run -------------------------------------------------------------------------------------------------

    private static void run(int port, int participants, int pageSize, int rounds, int seconds, int connections)
            throws Exception {
        String base = "http://127.0.0.1:" + port;
        String graphqlBody = libraryBody(pageSize, null);
        HttpClient http = HttpClient.newHttpClient();
        long s0 = statements(http, base);
        JsonNode library = canonical(JSON.readTree(post(http, base + "/graphql", graphqlBody)));
        long s1 = statements(http, base);
        JsonNode handWritten = canonical(JSON.readTree(post(http, base + handWrittenPath(pageSize, null), "")));
        long s2 = statements(http, base);
        System.out.printf("SQL statements of one request: library %d, hand-written %d%n", s1 - s0, s2 - s1);
        if (!library.equals(handWritten)) {
            Files.writeString(Path.of("target/W2-library.json"), library.toPrettyString());
            Files.writeString(Path.of("target/W2-handwritten.json"), handWritten.toPrettyString());
            throw new IllegalStateException("the two answers differ; see target/W2-library.json and "
                    + "target/W2-handwritten.json");
        }
        System.out.printf("answers equal: %d participants, %d bytes of JSON%n",
                library.at("/data/participants/edges").size(), library.toString().length());
        // W3: the statements one request costs as the page grows
        Map<Integer, long[]> w3 = new LinkedHashMap<>();
        for (int size : List.of(1, 10, 100, 1_000)) {
            String body = libraryBody(size, null);
            long a = statements(http, base);
            post(http, base + "/graphql", body);
            long b = statements(http, base);
            post(http, base + handWrittenPath(size, null), "");
            long c = statements(http, base);
            w3.put(size, new long[] {b - a, c - b});
            System.out.printf("W3 page of %4d: library %d statements, hand-written %d%n", size, b - a, c - b);
        }
        Path scripts = Files.createTempDirectory("w2");
        Path libraryScript = scripts.resolve("library.lua");
        Files.writeString(libraryScript, lua("/graphql", graphqlBody));
        Path handScript = scripts.resolve("handwritten.lua");
        Files.writeString(handScript, lua(handWrittenPath(pageSize, null), ""));
        // warm-up: both, until the JIT has compiled their paths; not recorded
        int warmUp = Integer.getInteger("w2.warmUpSeconds", 30);
        wrk(base, libraryScript, warmUp, connections, http);
        wrk(base, handScript, warmUp, connections, http);
        // -Dw2.jfr=file.jfr: a flight recording of the rounds only (where the time goes), not of seeding
        jdk.jfr.Recording recording = null;
        if (System.getProperty("w2.jfr") != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(System.getProperty("w2.jfr")));
            recording.start();
        }
        Map<String, List<Round>> results = new LinkedHashMap<>();
        results.put("library", new ArrayList<>());
        results.put("handwritten", new ArrayList<>());
        for (int r = 0; r < rounds; r++) {
            boolean libraryFirst = r % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean lib = (k == 0) == libraryFirst;
                Round round = wrk(base, lib ? libraryScript : handScript, seconds, connections, http);
                results.get(lib ? "library" : "handwritten").add(round);
                System.out.printf("round %d %-11s %8.1f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  "
                                + "%.2f statements/request  JVM CPU %.1f ms/request  non-2xx %d%n", r + 1,
                        lib ? "library" : "handwritten", round.rps, round.p50, round.p90, round.p99,
                        round.statementsPerRequest, round.jvmCpuMsPerRequest, round.errors);
            }
        }
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        report(results, w3, participants, pageSize, rounds, seconds, connections);
    }

    static String post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The JSON with every object's keys in order, so that two serialisers' answers compare equal. */
    static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode sorted = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            o.propertyNames().forEach(names::add);
            names.stream().sorted().forEach(n -> sorted.set(n, canonical(o.get(n))));
            return sorted;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = JSON.createArrayNode();
            a.forEach(e -> out.add(canonical(e)));
            return out;
        }
        return node;
    }

    /** The library's request body for the page of {@code first} after {@code after} (a cursor, or null). */
    static String libraryBody(int first, String after) {
        var variables = new java.util.HashMap<String, Object>();
        variables.put("first", first);
        variables.put("after", after);
        return JSON.writeValueAsString(Map.of("query", QUERY, "variables", variables));
    }

    /** The hand-written endpoint's path for the page of {@code first} after {@code after} (the library's cursor). */
    static String handWrittenPath(int first, String after) {
        return "/handwritten/caseload-page?first=" + first + (after == null ? ""
                : "&after=" + java.net.URLEncoder.encode(after, StandardCharsets.UTF_8));
    }

    static String lua(String path, String body) throws IOException {
        return "wrk.method = \"POST\"\nwrk.path = " + JSON.writeValueAsString(path) + "\nwrk.body = "
                + JSON.writeValueAsString(body) + "\nwrk.headers[\"Content-Type\"] = \"application/json\"\n";
    }

    /**
     * One round of wrk: its requests/s and latencies, the statements per request the pool counted and the CPU time
     * this JVM (the server: both endpoints, the pool, not PostgreSQL's backends) spent per completed request.
     */
    record Round(double rps, double p50, double p90, double p99, long requests, long errors,
                 double statementsPerRequest, double jvmCpuMsPerRequest) {
    }

    static Round wrk(String base, Path script, int seconds, int connections, HttpClient http)
            throws Exception {
        return wrk(base, script, seconds, connections, http, base);
    }

    /** wrk against {@code target}; statements counted on the library's pool at {@code statementsBase}. */
    static Round wrk(String target, Path script, int seconds, int connections, HttpClient http,
                     String statementsBase) throws Exception {
        String base = statementsBase;
        long before = statements(http, base);
        long cpuBefore = ProcessCpu.jvmNanos();
        Process p = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + seconds
                + "s", "--timeout", "60s", "--latency", "-s", script.toString(), target).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        long cpu = ProcessCpu.jvmNanos() - cpuBefore;
        long used = statements(http, base) - before;
        long requests = longOf(out, "(\\d+) requests in");
        long errors = out.contains("Non-2xx") ? longOf(out, "Non-2xx or 3xx responses: (\\d+)") : 0;
        return new Round(doubleOf(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "50%"), millis(out, "90%"),
                millis(out, "99%"), requests, errors, requests == 0 ? 0 : (double) used / requests,
                requests == 0 ? 0 : cpu / 1e6 / requests);
    }

    static long statements(HttpClient http, String base) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/bench/statements")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("statements").asLong();
    }

    static long longOf(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output: " + out);
        }
        return Long.parseLong(m.group(1));
    }

    static double doubleOf(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * A latency percentile line of wrk ({@code 50%  12.34ms}), in milliseconds. wrk scales its unit to the value: us,
     * ms, s, m (minutes, as a page of a million participants under 32 connections takes) or h.
     */
    static double millis(String out, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s|m|h)\\b").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk's output: " + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switchUnit(v, m.group(2));
    }

    private static double switchUnit(double v, String unit) {
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v;
        };
    }

    private static void report(Map<String, List<Round>> results, Map<Integer, long[]> w3, int participants,
                               int pageSize, int rounds, int seconds, int connections) throws IOException {
        double lib = median(results.get("library").stream().mapToDouble(Round::rps).toArray());
        double hand = median(results.get("handwritten").stream().mapToDouble(Round::rps).toArray());
        StringBuilder text = new StringBuilder();
        text.append(String.format("W2 nested page: %,d participants, page %d, %d rounds x %d s, %d connections%n",
                participants, pageSize, rounds, seconds, connections));
        ObjectNode json = JSON.createObjectNode();
        json.put("participants", participants).put("pageSize", pageSize).put("rounds", rounds)
                .put("seconds", seconds).put("connections", connections);
        for (var e : results.entrySet()) {
            var rs = e.getValue();
            double rps = median(rs.stream().mapToDouble(Round::rps).toArray());
            double p50 = median(rs.stream().mapToDouble(Round::p50).toArray());
            double p99 = median(rs.stream().mapToDouble(Round::p99).toArray());
            double st = median(rs.stream().mapToDouble(Round::statementsPerRequest).toArray());
            double cpu = median(rs.stream().mapToDouble(Round::jvmCpuMsPerRequest).toArray());
            text.append(String.format("%-11s median %8.1f req/s  p50 %6.2f ms  p99 %6.2f ms  %.2f statements/request"
                    + "  JVM CPU %.1f ms/request%n", e.getKey(), rps, p50, p99, st, cpu));
            ArrayNode arr = json.putArray(e.getKey());
            rs.forEach(r -> arr.add(JSON.valueToTree(r)));
        }
        text.append(String.format("ratio library / hand-written (medians of req/s): %.3f (goal >= 0.65)%n",
                lib / hand));
        json.put("ratio", lib / hand);
        ObjectNode statements = json.putObject("w3StatementsByPageSize");
        w3.forEach((size, counts) -> {
            statements.putObject(Integer.toString(size)).put("library", counts[0]).put("handwritten", counts[1]);
            text.append(String.format("W3 page of %4d: library %d statements, hand-written %d%n", size, counts[0],
                    counts[1]));
        });
        System.out.print(text);
        String stem = "W2-" + LocalDate.now(ZoneOffset.UTC) + "-N" + participants + "-c" + connections;
        Path dir = Path.of("examples/benchmarks/results");
        if (Files.isDirectory(dir)) {
            Files.writeString(dir.resolve(stem + ".txt"), text.toString());
            Files.writeString(dir.resolve(stem + ".json"), json.toPrettyString());
            System.out.println("results in " + dir.resolve(stem + ".{txt,json}"));
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.ParticipantCursor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The W2/W3 peer of issue 8: PostGraphile V5 ({@code examples/benchmarks/postgraphile}, pinned by its lockfile)
 * serving the case-management page from the same PostgreSQL, in one or more Node worker processes sharing one port
 * ({@code server.mjs}). PostGraphile reads the views of {@code peer-schema.sql} (schema {@code postgraphile_peer}),
 * plain projections of the library's tables with smart tags for their keys and relations; {@link #pageRequest} is the
 * page in PostGraphile's schema and {@link #asLibraryResponse} maps its answer to the library's shape, so that the
 * three sides' answers compare equal before anything is timed.
 *
 * <p>{@code main} is the check: on a small data set it starts the library's server, the hand-written endpoint and
 * PostGraphile (1 and 2 workers) and verifies that the three answers are equal at page sizes 1, 10, 100 and 1,000.
 *
 * <pre>java -cp "$(cat examples/benchmarks/target/classpath.txt):examples/benchmarks/target/classes" \
 *   org.leaddiversion.benchmarks.nested.PostGraphilePeer [participants=2000] [serve]</pre>
 *
 * <p>With {@code serve} the three sides stay up (their addresses printed) until the program is stopped.
 */
public final class PostGraphilePeer implements AutoCloseable {

    /** The page in PostGraphile's schema: the library's {@code caseloadPage.graphql}, field for field. */
    static final String QUERY = """
            query caseloadPage($first: Int!, $after: Cursor) {
              allParticipants(first: $first, after: $after, orderBy: [FIRST_REFERRED_AT_ASC, FIRST_REFERRAL_ID_ASC]) {
                totalCount
                nodes {
                  rowId firstReferredAt firstReferralId
                  referrals(orderBy: [REFERRED_AT_ASC, ROW_ID_ASC]) { nodes { rowId status door } }
                  plans(orderBy: [STARTED_AT_ASC, ENROLLMENT_ID_ASC]) {
                    nodes { enrollmentId goals(orderBy: ORDINAL_ASC) { nodes { rowId domain status } } }
                  }
                  contacts(last: 5, orderBy: [CONTACT_AT_ASC, SEQ_ASC]) { nodes { contactType contactAt } }
                }
                pageInfo { hasNextPage }
              }
            }""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread onExit;

    private PostGraphilePeer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // Node outlives a JVM stopped by a signal unless told: stop it then too
        this.onExit = new Thread(this::stop, "postgraphile-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Creates PostGraphile's views (schema {@code postgraphile_peer}, from {@code peer-schema.sql}; dropped and made
     * anew) in the database of {@code c}, which holds the library's migrated tables.
     */
    public static void prepare(Connection c, Path postgraphileDir) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(Files.readString(postgraphileDir.resolve("peer-schema.sql")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prepares the views ({@link #prepare}), then starts {@code server.mjs} with the local Node of
     * {@code postgraphileDir} (running {@code npm ci} first when {@code node_modules} is missing) and waits until
     * every worker listens and the endpoint answers.
     *
     * @param postgresUrl {@code postgres://USER@127.0.0.1:PORT/DB}, a database the library migrated
     * @param workers     worker processes, sharing {@code port}
     * @param poolSize    database connections in all, divided between the workers
     */
    public static PostGraphilePeer start(Path postgraphileDir, String postgresUrl, int workers, int poolSize,
                                         int port) throws IOException, InterruptedException {
        Path dir = postgraphileDir.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(jdbcUrl(postgresUrl))) {
            prepare(c, dir);
        } catch (SQLException e) {
            throw new IllegalStateException("creating PostGraphile's views failed: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            Process npm = new ProcessBuilder("npm", "ci").directory(dir.toFile()).inheritIO().start();
            if (npm.waitFor() != 0) {
                throw new IllegalStateException("npm ci failed in " + dir);
            }
        }
        Path log = Files.createTempFile("postgraphile-", ".log");
        Process p = new ProcessBuilder(dir.resolve("node_modules/node/bin/node").toString(), "server.mjs",
                "--connection", postgresUrl, "--port", Integer.toString(port), "--workers", Integer.toString(workers),
                "--pool", Integer.toString(poolSize)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PostGraphilePeer peer = new PostGraphilePeer(p, port, log);
        try {
            peer.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.readString(log).contains("PostGraphile ready")) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostGraphile ended with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostGraphile not ready after " + START_LIMIT + ": "
                        + Files.readString(log));
            }
            Thread.sleep(200);
        }
        HttpClient http = HttpClient.newHttpClient();
        var response = http.send(HttpRequest.newBuilder(URI.create(endpoint()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{__typename}\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PostGraphile answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** The JDBC URL of a {@code postgres://USER@HOST:PORT/DB} URL (no password: the benchmark's PostgreSQL trusts). */
    static String jdbcUrl(String postgresUrl) {
        Matcher m = Pattern.compile("postgres(?:ql)?://([^@/]+)@([^/]+)/(.+)").matcher(postgresUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("postgresUrl: not postgres://USER@HOST:PORT/DB: " + postgresUrl);
        }
        return "jdbc:postgresql://" + m.group(2) + "/" + m.group(3) + "?user=" + m.group(1);
    }

    /** Where PostGraphile answers: {@code http://127.0.0.1:PORT/graphql}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    /**
     * The POST body (query and variables) asking PostGraphile for the page of {@code first} participants after
     * {@code after}: one of PostGraphile's own cursors ({@link #cursorsRequest}), or null for the first page.
     */
    public static String pageRequest(int first, String after) {
        var variables = new java.util.HashMap<String, Object>();
        variables.put("first", first);
        variables.put("after", after);
        return JSON.writeValueAsString(Map.of("query", QUERY, "variables", variables));
    }

    /** The POST body asking PostGraphile for the cursors of the first {@code first} participants, in page order. */
    public static String cursorsRequest(int first) {
        return JSON.writeValueAsString(Map.of("query", "query cursors($first: Int!) { allParticipants(first: $first, "
                + "orderBy: [FIRST_REFERRED_AT_ASC, FIRST_REFERRAL_ID_ASC]) { edges { cursor } } }", "variables",
                Map.of("first", first)));
    }

    /** The cursors in PostGraphile's answer to {@link #cursorsRequest}. */
    public static List<String> cursors(JsonNode answer) {
        if (answer.has("errors")) {
            throw new IllegalStateException("PostGraphile answered with errors: " + answer.get("errors"));
        }
        List<String> out = new ArrayList<>();
        answer.at("/data/allParticipants/edges").forEach(e -> out.add(e.get("cursor").asString()));
        return out;
    }

    /**
     * PostGraphile's answer to {@link #pageRequest} in the library's shape ({@code caseloadPage.graphql}), canonical
     * as {@code W2NestedPage.canonical}: connections' {@code nodes} become lists and participants' {@code edges},
     * timestamps become {@link java.time.Instant#toString()} as the library writes them, and the end cursor is the
     * library's, made from the last participant's first referral.
     *
     * @throws IllegalStateException when PostGraphile answered with errors
     */
    public static JsonNode asLibraryResponse(JsonNode postGraphileResponse) {
        if (postGraphileResponse.has("errors")) {
            throw new IllegalStateException("PostGraphile answered with errors: " + postGraphileResponse.get("errors"));
        }
        JsonNode page = postGraphileResponse.at("/data/allParticipants");
        ArrayNode edges = JSON.createArrayNode();
        String endCursor = null;
        for (JsonNode p : page.get("nodes")) {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", p.get("rowId").asString());
            ArrayNode referrals = node.putArray("referrals");
            for (JsonNode r : p.at("/referrals/nodes")) {
                referrals.addObject().put("id", r.get("rowId").asString()).put("status", r.get("status").asString())
                        .put("door", r.get("door").asString());
            }
            ArrayNode plans = node.putArray("plans");
            for (JsonNode plan : p.at("/plans/nodes")) {
                ArrayNode goals = plans.addObject().put("enrollmentId", plan.get("enrollmentId").asString())
                        .putArray("goals");
                for (JsonNode g : plan.at("/goals/nodes")) {
                    goals.addObject().put("id", g.get("rowId").asString()).put("domain", g.get("domain").asString())
                            .put("status", g.get("status").asString());
                }
            }
            ArrayNode contacts = node.putArray("contacts");
            for (JsonNode c : p.at("/contacts/nodes")) {
                contacts.addObject().put("contactType", c.get("contactType").asString())
                        .put("contactAt", instant(c.get("contactAt").asString()));
            }
            edges.addObject().set("node", node);
            endCursor = new ParticipantCursor(OffsetDateTime.parse(p.get("firstReferredAt").asString()).toInstant(),
                    new ReferralId(UUID.fromString(p.get("firstReferralId").asString()))).token();
        }
        ObjectNode participants = JSON.createObjectNode();
        participants.set("totalCount", page.get("totalCount"));
        participants.set("edges", edges);
        participants.putObject("pageInfo").put("hasNextPage", page.at("/pageInfo/hasNextPage").asBoolean())
                .put("endCursor", endCursor);
        ObjectNode response = JSON.createObjectNode();
        response.putObject("data").set("participants", participants);
        return W2NestedPage.canonical(response);
    }

    private static String instant(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant().toString();
    }

    /**
     * CPU used so far by PostGraphile's processes (the primary and its workers, from {@code /proc/PID/stat}), in clock
     * ticks ({@code getconf CLK_TCK}, 100 on Linux): {@code {user, system}}.
     */
    public long[] cpuTicks() {
        return ProcessCpu.treeTicks(process.toHandle());
    }

    /** The process ids of the primary and its workers. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(h -> pids.add(h.pid()));
        return pids;
    }

    /** Stops the workers and the primary (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs stop()
        }
        stop();
    }

    private void stop() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle h : all) {
                h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // forced below
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file left behind
        }
    }

    /** The check: the three sides' answers equal at page sizes 1, 10, 100 and 1,000, with 1 and 2 workers. */
    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        try (ThreeSides sides = ThreeSides.start(participants, 4, 1, false)) {
            if (args.length > 1 && args[1].equals("serve")) {
                // to look around: the three sides stay up until the program is stopped
                System.out.printf("library %s/graphql, hand-written %s/handwritten/caseload-page, PostGraphile %s; "
                        + "PostgreSQL %s%n", sides.base(), sides.base(), sides.peer().endpoint(),
                        ThreeSides.postgresUrl(sides.pg));
                Thread.sleep(Long.MAX_VALUE);
            }
            for (int size : List.of(1, 10, 100, 1_000)) {
                JsonNode answer = sides.compare(size);
                System.out.printf("page of %4d: library, hand-written and PostGraphile (1 worker) equal: %d "
                        + "participants, %,d bytes%n", size, answer.at("/data/participants/edges").size(),
                        answer.toString().getBytes(StandardCharsets.UTF_8).length);
            }
            System.out.printf("PostGraphile, 1 worker: processes %s, CPU ticks {user, system} %s%n",
                    sides.peer().pids(), java.util.Arrays.toString(sides.peer().cpuTicks()));
            sides.restartPeer(2);
            for (int size : List.of(1, 10, 100, 1_000)) {
                sides.compare(size);
                System.out.printf("page of %4d: equal with PostGraphile in 2 workers%n", size);
            }
            System.out.printf("PostGraphile, 2 workers: processes %s, CPU ticks {user, system} %s%n",
                    sides.peer().pids(), java.util.Arrays.toString(sides.peer().cpuTicks()));
        }
        System.out.println("check passed");
    }
}

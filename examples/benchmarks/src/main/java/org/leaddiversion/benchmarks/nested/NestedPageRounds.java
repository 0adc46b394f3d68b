/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * W2/W3 as round-callable units for the suite: one Spring Boot host ({@link NestedPageServer}) over a database that
 * already holds the data, and a list of {@link Side}s that the suite loads with wrk in interleaved rounds — the
 * library, its A/A twin, the hand-written endpoint and PostGraphile in 1 and 2 workers ({@link #addPostGraphile}).
 *
 * <p>Every side is loaded with the same seeded list of requests: pages of {@code pageSize} starting at {@value
 * #STARTS} places drawn from the first 1,000 participants with the seed, each side asking in its own words (the
 * library's and the hand-written endpoint's cursor, PostGraphile's own cursor for the same participant); wrk picks
 * among them with a seeded generator. Before timing, every side's answer to every request, mapped to the library's form
 * and canonicalised, must equal the library's.
 */
public final class NestedPageRounds implements AutoCloseable {

    /** How many different pages each side is asked for. */
    static final int STARTS = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: a path and a POST body (empty for the hand-written endpoint, whose arguments are in the path). */
    public record Request(String path, String body) {
    }

    /**
     * One thing wrk loads: {@code target} is the base URL; {@code requests} the seeded pages, in the same order on
     * every side; {@code firstPage} the first page of a given size (for W3); {@code toLibraryForm} maps its answer to
     * the library's JSON (canonicalised) for the check; {@code cpuNanos} the server's CPU time so far.
     */
    public record Side(String name, String target, List<Request> requests, IntFunction<Request> firstPage,
                       UnaryOperator<JsonNode> toLibraryForm, LongSupplier cpuNanos) {
    }

    /**
     * One side's round: requests/s, latency percentiles (ms), statements per request on the library's pool, the CPU
     * per completed request of the server and of the database (every PostgreSQL process), in ms, counted until the
     * database had finished the requests still in flight when wrk stopped, and how long that took.
     */
    public record Result(double rps, double p50, double p90, double p99, long requests, long errors,
                         double statementsPerRequest, double serverCpuMs, double databaseCpuMs,
                         double drainSeconds) {
    }

    /** How long a round waits for the database to finish the requests wrk left in flight before cancelling them. */
    private static final long DRAIN_LIMIT_MS = 300_000;

    private final ConfigurableApplicationContext app;
    private final String base;
    private final String jdbcUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int connections;
    private final int pageSize;
    private final long seed;
    private final ProcessHandle postmaster;
    private final List<Integer> starts;
    private final List<Side> sides = new ArrayList<>();
    private final Map<String, Path> scripts = new LinkedHashMap<>();
    private final List<AutoCloseable> peers = new ArrayList<>();

    private NestedPageRounds(ConfigurableApplicationContext app, String jdbcUrl, int connections, int pageSize,
                             long seed, ProcessHandle postmaster, List<Integer> starts) {
        this.app = app;
        this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        this.jdbcUrl = jdbcUrl;
        this.connections = connections;
        this.pageSize = pageSize;
        this.seed = seed;
        this.postmaster = postmaster;
        this.starts = starts;
    }

    /**
     * Starts the host on the database at {@code jdbcUrl} (credentials in the URL) with a pool of {@code connections}
     * and the library's sides: {@code library}, {@code library-AA} (the same endpoint again, the noise floor) and
     * {@code handwritten}; the pages they are asked for are drawn with {@code seed}.
     */
    public static NestedPageRounds start(String jdbcUrl, int connections, int pageSize, long seed)
            throws Exception {
        ProcessHandle postmaster;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            postmaster = ProcessCpu.parentOf(rs.getLong(1));
        }
        ConfigurableApplicationContext app = NestedPageServer.start(jdbcUrl, connections);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        List<String> cursors = libraryCursors(HttpClient.newHttpClient(), base);
        var rounds = new NestedPageRounds(app, jdbcUrl, connections, pageSize, seed, postmaster,
                starts(seed, cursors.size()));
        List<Request> library = rounds.pages(cursors, (first, after) -> new Request("/graphql",
                W2NestedPage.libraryBody(first, after)));
        List<Request> handWritten = rounds.pages(cursors, (first, after) -> new Request(
                W2NestedPage.handWrittenPath(first, after), ""));
        rounds.add(new Side("library", base, library, first -> new Request("/graphql",
                W2NestedPage.libraryBody(first, null)), W2NestedPage::canonical, ProcessCpu::jvmNanos));
        rounds.add(new Side("library-AA", base, library, first -> new Request("/graphql",
                W2NestedPage.libraryBody(first, null)), W2NestedPage::canonical, ProcessCpu::jvmNanos));
        rounds.add(new Side("handwritten", base, handWritten, first -> new Request(
                W2NestedPage.handWrittenPath(first, null), ""), W2NestedPage::canonical, ProcessCpu::jvmNanos));
        return rounds;
    }

    /**
     * Starts PostGraphile ({@code postgraphileDir}, {@link PostGraphilePeer}) in {@code workers} processes with the
     * same pool size as the library, on a free port, and adds it as the side {@code postgraphile-WORKERS}, asked for
     * the same pages with its own cursors; it is stopped with this object.
     */
    public void addPostGraphile(Path postgraphileDir, String postgresUrl, int workers) throws Exception {
        PostGraphilePeer peer = PostGraphilePeer.start(postgraphileDir, postgresUrl, workers, connections,
                ThreeSides.freePort());
        peers.add(peer);
        List<String> cursors = PostGraphilePeer.cursors(JSON.readTree(W2NestedPage.post(http, peer.endpoint(),
                PostGraphilePeer.cursorsRequest(1_000))));
        String endpoint = peer.endpoint();
        String target = endpoint.substring(0, endpoint.lastIndexOf('/'));
        String path = endpoint.substring(target.length());
        List<Request> requests = pages(cursors, (first, after) -> new Request(path,
                PostGraphilePeer.pageRequest(first, after)));
        add(new Side("postgraphile-" + workers, target, requests, first -> new Request(path,
                PostGraphilePeer.pageRequest(first, null)), PostGraphilePeer::asLibraryResponse, () -> {
                    long[] ticks = peer.cpuTicks();
                    return Math.round((ticks[0] + ticks[1]) * ProcessCpu.MS_PER_TICK * 1e6);
                }));
    }

    private interface Page {
        Request of(int first, String after);
    }

    /** The seeded pages in one side's words: the page starting at each start, after the cursor just before it. */
    private List<Request> pages(List<String> cursors, Page page) {
        List<Request> out = new ArrayList<>();
        for (int start : starts) {
            out.add(page.of(pageSize, start == 0 ? null : cursors.get(start - 1)));
        }
        return out;
    }

    /** {@value #STARTS} distinct places among the first {@code listed} participants, drawn with {@code seed}. */
    static List<Integer> starts(long seed, int listed) {
        var random = new SplittableRandom(seed);
        var chosen = new TreeSet<Integer>();
        int count = Math.min(STARTS, listed);
        while (chosen.size() < count) {
            chosen.add(random.nextInt(listed));
        }
        // the order wrk's list is in: drawn again from the seed, so every side lists the same pages alike
        List<Integer> out = new ArrayList<>(chosen);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            out.set(i, out.set(j, out.get(i)));
        }
        return out;
    }

    private static List<String> libraryCursors(HttpClient http, String base) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", "{ participants(first: 1000) { edges { cursor } } }"));
        JsonNode answer = JSON.readTree(W2NestedPage.post(http, base + "/graphql", body));
        List<String> out = new ArrayList<>();
        answer.at("/data/participants/edges").forEach(e -> out.add(e.get("cursor").asString()));
        if (out.isEmpty()) {
            throw new IllegalStateException("the library lists no participants: " + answer);
        }
        return out;
    }

    private void add(Side side) throws Exception {
        sides.add(side);
        Path script = Files.createTempFile("w2-" + side.name(), ".lua");
        Files.writeString(script, lua(side.requests(), seed));
        scripts.put(side.name(), script);
    }

    /**
     * wrk's script: the requests as a list, one picked for each request by a generator seeded alike in every wrk
     * thread, so every side sees the same sequence of pages.
     */
    static String lua(List<Request> requests, long seed) {
        var out = new StringBuilder("local requests = {\n");
        for (Request r : requests) {
            out.append("  {").append(JSON.writeValueAsString(r.path())).append(", ")
                    .append(JSON.writeValueAsString(r.body())).append("},\n");
        }
        out.append("}\n")
                .append("local headers = { [\"Content-Type\"] = \"application/json\" }\n")
                .append("function init(args) math.randomseed(").append(seed % 2_147_483_647L).append(") end\n")
                .append("function request()\n")
                .append("  local r = requests[math.random(#requests)]\n")
                .append("  return wrk.format(\"POST\", r[1], headers, r[2])\n")
                .append("end\n");
        return out.toString();
    }

    /** The sides in the order added. */
    public List<Side> sides() {
        return List.copyOf(sides);
    }

    /**
     * Fetches every side's answer to every one of its requests and stops the run unless each, in the library's form,
     * equals the library's to the same page.
     *
     * @return what was checked, for the record
     */
    public String check() throws Exception {
        Side library = sides.get(0);
        long bytes = 0;
        for (int i = 0; i < starts.size(); i++) {
            JsonNode expected = answer(library, library.requests().get(i));
            bytes += expected.toString().length();
            for (Side side : sides.subList(1, sides.size())) {
                JsonNode answer = answer(side, side.requests().get(i));
                if (!answer.equals(expected)) {
                    Files.writeString(Path.of("target/W2-library.json"), expected.toPrettyString());
                    Files.writeString(Path.of("target/W2-" + side.name() + ".json"), answer.toPrettyString());
                    throw new IllegalStateException("W2: " + side.name() + "'s answer to the page starting at "
                            + "participant " + starts.get(i) + " differs from the library's; see "
                            + "target/W2-library.json and target/W2-" + side.name() + ".json");
                }
            }
        }
        return String.format("W2 check: %d sides give equal answers to %d pages of %d, starting at %s (%,d bytes "
                + "of JSON a page on average)", sides.size(), starts.size(), pageSize, new TreeSet<>(starts),
                bytes / starts.size());
    }

    private JsonNode answer(Side side, Request request) throws Exception {
        return side.toLibraryForm().apply(JSON.readTree(W2NestedPage.post(http, side.target() + request.path(),
                request.body())));
    }

    /**
     * W3: the SQL statements one request costs, counted by PostgreSQL ({@code pg_stat_statements}, which the
     * server must have loaded), for every side but the A/A twins, as the page grows from 1 to 1,000.
     */
    public Map<Integer, Map<String, W3Statements.Count>> statementsByPageSize(int requests) throws Exception {
        Map<Integer, Map<String, W3Statements.Count>> w3 = new LinkedHashMap<>();
        try (Connection stats = DriverManager.getConnection(jdbcUrl)) {
            for (int size : List.of(1, 10, 100, 1_000)) {
                Map<String, W3Statements.Count> row = new LinkedHashMap<>();
                for (Side side : sides) {
                    if (side.name().endsWith("-AA")) {
                        continue;
                    }
                    Request page = side.firstPage().apply(size);
                    answer(side, page); // warm: connections open, plans cached
                    W3Statements.reset(stats);
                    for (int i = 0; i < requests; i++) {
                        W2NestedPage.post(http, side.target() + page.path(), page.body());
                    }
                    row.put(side.name(), W3Statements.count(stats, requests));
                }
                w3.put(size, row);
            }
        }
        return w3;
    }

    /**
     * Loads {@code side} for {@code seconds} at the configured number of connections, then waits until the database
     * has finished the statements of the requests wrk left in flight when it stopped (a server goes on with them):
     * their CPU is this side's, and the next side starts on an idle database.
     */
    public Result round(Side side, int seconds) throws Exception {
        long server = side.cpuNanos().getAsLong();
        long database = ProcessCpu.totalTicks(postmaster);
        var r = W2NestedPage.wrk(side.target(), scripts.get(side.name()), seconds, connections, http, base);
        long drained = drain();
        double serverMs = (side.cpuNanos().getAsLong() - server) / 1e6;
        double databaseMs = (ProcessCpu.totalTicks(postmaster) - database) * ProcessCpu.MS_PER_TICK;
        long n = Math.max(1, r.requests());
        return new Result(r.rps(), r.p50(), r.p90(), r.p99(), r.requests(), r.errors(), r.statementsPerRequest(),
                serverMs / n, databaseMs / n, drained / 1e3);
    }

    /**
     * Waits until no other client backend of the database is running a statement; after {@link #DRAIN_LIMIT_MS}
     * cancels what still runs (a side that slow has long since failed its round).
     *
     * @return the milliseconds waited
     */
    private long drain() throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where state = 'active' "
                        + "and backend_type = 'client backend' and pid <> pg_backend_pid()")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                if ((System.nanoTime() - start) / 1_000_000 > DRAIN_LIMIT_MS) {
                    s.execute("select pg_cancel_backend(pid) from pg_stat_activity where state = 'active' "
                            + "and backend_type = 'client backend' and pid <> pg_backend_pid()");
                }
                Thread.sleep(100);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The page size every side serves. */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable peer : peers) {
            peer.close();
        }
        app.close();
        for (Path p : scripts.values()) {
            Files.deleteIfExists(p);
        }
    }
}

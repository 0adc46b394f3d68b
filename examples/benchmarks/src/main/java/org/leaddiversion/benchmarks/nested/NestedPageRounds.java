/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * W2/W3 as round-callable units for the suite: one Spring Boot host ({@link NestedPageServer}) over a database that
 * already holds the data, and a list of {@link Side}s that the suite loads with wrk in interleaved rounds — the
 * library, its A/A twin, the hand-written endpoint and (once merged) PostGraphile at 1 and 2 workers. Before timing,
 * every side's answer, mapped to the library's form and canonicalised, must equal the library's.
 */
public final class NestedPageRounds implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One thing wrk loads: {@code target} is the base URL, {@code path} and {@code body} the request;
     * {@code toLibraryForm} maps its answer to the library's JSON (canonicalised) for the check.
     */
    public record Side(String name, String target, String path, String body, UnaryOperator<JsonNode> toLibraryForm) {
    }

    /** One side's round: requests/s, latency percentiles (ms), statements per request on the library's pool. */
    public record Result(double rps, double p50, double p90, double p99, long requests, long errors,
                         double statementsPerRequest) {
    }

    private final ConfigurableApplicationContext app;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int connections;
    private final int pageSize;
    private final List<Side> sides = new ArrayList<>();
    private final Map<String, Path> scripts = new LinkedHashMap<>();
    private final List<AutoCloseable> peers = new ArrayList<>();

    private NestedPageRounds(ConfigurableApplicationContext app, int connections, int pageSize) {
        this.app = app;
        this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        this.connections = connections;
        this.pageSize = pageSize;
    }

    /**
     * Starts the host on the database at {@code jdbcUrl} (credentials in the URL) with a pool of {@code connections}
     * and the library's sides: {@code library}, {@code library-AA} (the same endpoint again, the noise floor) and
     * {@code handwritten}.
     */
    public static NestedPageRounds start(String jdbcUrl, int connections, int pageSize) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NestedPageServer.class)
                .properties(Map.of("server.port", "0", "spring.datasource.url", jdbcUrl,
                        "spring.datasource.hikari.maximum-pool-size", Integer.toString(Math.max(2, connections)),
                        "spring.main.banner-mode", "off", "logging.level.root", "WARN",
                        "lead.graphql.introspection", "false"))
                .run();
        var rounds = new NestedPageRounds(app, connections, pageSize);
        String graphql = rounds.graphqlBody(pageSize);
        rounds.add(new Side("library", rounds.base, "/graphql", graphql, W2NestedPage::canonical));
        rounds.add(new Side("library-AA", rounds.base, "/graphql", graphql, W2NestedPage::canonical));
        rounds.add(new Side("handwritten", rounds.base, "/handwritten/caseload-page?first=" + pageSize, "",
                W2NestedPage::canonical));
        return rounds;
    }

    /**
     * Adds a side; {@code peer} (a started server such as PostGraphile) is closed with this object. The lead adds
     * the PostGraphile sides through here, in {@code Suite.w2Sides}.
     */
    public void add(Side side, AutoCloseable peer) throws Exception {
        add(side);
        peers.add(peer);
    }

    private void add(Side side) throws Exception {
        sides.add(side);
        Path script = Files.createTempFile("w2-" + side.name(), ".lua");
        Files.writeString(script, W2NestedPage.lua(side.path(), side.body()));
        scripts.put(side.name(), script);
    }

    /** The sides in the order added. */
    public List<Side> sides() {
        return List.copyOf(sides);
    }

    /** The library's GraphQL request body for a page of {@code first}. */
    String graphqlBody(int first) {
        return JSON.writeValueAsString(Map.of("query", W2NestedPage.QUERY, "variables", Map.of("first", first)));
    }

    /**
     * Fetches every side's answer once and stops the run unless each, in the library's form, equals the library's.
     *
     * @return the size of the library's answer, for the record
     */
    public String check() throws Exception {
        JsonNode library = null;
        for (Side side : sides) {
            JsonNode answer = side.toLibraryForm().apply(JSON.readTree(W2NestedPage.post(http, side.target()
                    + side.path(), side.body())));
            if (library == null) {
                library = answer;
            } else if (!answer.equals(library)) {
                Files.writeString(Path.of("target/W2-library.json"), library.toPrettyString());
                Files.writeString(Path.of("target/W2-" + side.name() + ".json"), answer.toPrettyString());
                throw new IllegalStateException("W2: " + side.name() + "'s answer differs from the library's; see "
                        + "target/W2-library.json and target/W2-" + side.name() + ".json");
            }
        }
        return String.format("W2 check: %d sides give equal answers (%d participants, %,d bytes of JSON)",
                sides.size(), library.at("/data/participants/edges").size(), library.toString().length());
    }

    /**
     * W3: the SQL statements one request costs on the library's pool, library and hand-written, as the page grows.
     */
    public Map<Integer, long[]> statementsByPageSize() throws Exception {
        Map<Integer, long[]> w3 = new LinkedHashMap<>();
        for (int size : List.of(1, 10, 100, 1_000)) {
            long a = W2NestedPage.statements(http, base);
            W2NestedPage.post(http, base + "/graphql", graphqlBody(size));
            long b = W2NestedPage.statements(http, base);
            W2NestedPage.post(http, base + "/handwritten/caseload-page?first=" + size, "");
            long c = W2NestedPage.statements(http, base);
            w3.put(size, new long[] {b - a, c - b});
        }
        return w3;
    }

    /** Loads {@code side} for {@code seconds} at the configured number of connections. */
    public Result round(Side side, int seconds) throws Exception {
        var r = W2NestedPage.wrk(side.target(), scripts.get(side.name()), seconds, connections, http, base);
        return new Result(r.rps(), r.p50(), r.p90(), r.p99(), r.requests(), r.errors(), r.statementsPerRequest());
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

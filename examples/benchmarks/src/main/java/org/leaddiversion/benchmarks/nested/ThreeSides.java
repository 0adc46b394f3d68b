/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.leaddiversion.benchmarks.NestedPageData;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The three sides of W2/W3 on one embedded PostgreSQL holding {@link NestedPageData}: the library's GraphQL endpoint
 * and the hand-written one ({@link NestedPageServer}, one Tomcat, one pool) and PostGraphile
 * ({@link PostGraphilePeer}, the same pool size), with their answers fetched canonical and compared.
 */
final class ThreeSides implements AutoCloseable {

    static final Path POSTGRAPHILE_DIR = Path.of(System.getProperty("w2.postgraphile",
            "examples/benchmarks/postgraphile"));
    private static final ObjectMapper JSON = new ObjectMapper();

    final EmbeddedPostgres pg;
    final int participants;
    final int poolSize;
    private final ConfigurableApplicationContext app;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private PostGraphilePeer peer;

    private ThreeSides(EmbeddedPostgres pg, int participants, int poolSize, ConfigurableApplicationContext app,
                       PostGraphilePeer peer) {
        this.pg = pg;
        this.participants = participants;
        this.poolSize = poolSize;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        this.peer = peer;
    }

    /**
     * Starts PostgreSQL (with {@code pg_stat_statements} loaded when asked), fills it with {@code participants}
     * people, and starts the library's host and PostGraphile in {@code workers} processes, each side with a pool of
     * {@code poolSize}.
     */
    static ThreeSides start(int participants, int poolSize, int workers, boolean statementStatistics)
            throws Exception {
        var builder = EmbeddedPostgres.builder();
        if (statementStatistics) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    .setServerConfig("pg_stat_statements.track_utility", "on");
        }
        EmbeddedPostgres pg = builder.start();
        ConfigurableApplicationContext app = null;
        try {
            String url = pg.getJdbcUrl("postgres", "postgres");
            long t0 = System.nanoTime();
            int imported = Math.toIntExact(NestedPageData.load(url, participants, 20_260_122L).imported());
            System.out.printf("seeded %,d participants in %.0f s%n", imported, (System.nanoTime() - t0) / 1e9);
            app = NestedPageServer.start(url, poolSize);
            PostGraphilePeer peer = PostGraphilePeer.start(POSTGRAPHILE_DIR, postgresUrl(pg), workers, poolSize,
                    freePort());
            return new ThreeSides(pg, imported, poolSize, app, peer);
        } catch (Exception | Error e) {
            if (app != null) {
                app.close();
            }
            pg.close();
            throw e;
        }
    }

    /** The {@code postgres://} URL of the embedded PostgreSQL, for Node. */
    static String postgresUrl(EmbeddedPostgres pg) {
        return "postgres://postgres@127.0.0.1:" + pg.getPort() + "/postgres";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops PostGraphile and starts it again in {@code workers} processes. */
    void restartPeer(int workers) throws Exception {
        peer.close();
        peer = PostGraphilePeer.start(POSTGRAPHILE_DIR, postgresUrl(pg), workers, poolSize, freePort());
    }

    PostGraphilePeer peer() {
        return peer;
    }

    /** The library's host, e.g. for {@code /bench/statements}. */
    String base() {
        return base;
    }

    String libraryRaw(int first) throws IOException, InterruptedException {
        return post(base + "/graphql", W2NestedPage.libraryBody(first, null));
    }

    String handWrittenRaw(int first) throws IOException, InterruptedException {
        return post(base + W2NestedPage.handWrittenPath(first, null), "");
    }

    String postGraphileRaw(int first) throws IOException, InterruptedException {
        return post(peer.endpoint(), PostGraphilePeer.pageRequest(first, null));
    }

    /**
     * The three answers for a page of {@code first}, canonical; equal, or an exception naming the files in
     * {@code target/} that hold them.
     */
    JsonNode compare(int first) throws IOException, InterruptedException {
        JsonNode library = W2NestedPage.canonical(JSON.readTree(libraryRaw(first)));
        JsonNode handWritten = W2NestedPage.canonical(JSON.readTree(handWrittenRaw(first)));
        JsonNode postGraphile = PostGraphilePeer.asLibraryResponse(JSON.readTree(postGraphileRaw(first)));
        if (!library.equals(handWritten) || !library.equals(postGraphile)) {
            Path dir = Files.createDirectories(Path.of("target"));
            Files.writeString(dir.resolve("W3-library-" + first + ".json"), library.toPrettyString());
            Files.writeString(dir.resolve("W3-handwritten-" + first + ".json"), handWritten.toPrettyString());
            Files.writeString(dir.resolve("W3-postgraphile-" + first + ".json"), postGraphile.toPrettyString());
            throw new IllegalStateException("the answers for a page of " + first + " differ (library = hand-written: "
                    + library.equals(handWritten) + ", library = PostGraphile: " + library.equals(postGraphile)
                    + "); see target/W3-{library,handwritten,postgraphile}-" + first + ".json");
        }
        return library;
    }

    private String post(String url, String body) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws IOException {
        try {
            peer.close();
        } finally {
            try {
                app.close();
            } finally {
                pg.close();
            }
        }
    }
}

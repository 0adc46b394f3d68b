/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leaddiversion.benchmarks.CpuTimeProfiler;
import org.leaddiversion.benchmarks.W1ScreeningBenchmark;
import org.leaddiversion.benchmarks.W4BulkImport;
import org.leaddiversion.benchmarks.W5OutcomeReport;
import org.leaddiversion.benchmarks.nested.NestedPageRounds;
import org.leaddiversion.persistence.DatabaseSettings;
import org.leaddiversion.persistence.EvaluationReports;
import org.leaddiversion.persistence.LeadDatabase;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole benchmark suite of issue 8 in one program (run by {@code examples/benchmarks/run-suite.sh}): one
 * throwaway PostgreSQL (zonky's binaries, {@code pg_stat_statements} preloaded), the shared data set generated inside
 * it from a fixed seed ({@link SuiteData}), then W1, W2/W3, W4 and W5 in interleaved rounds, each against its baseline
 * and against itself (the A/A control: the noise floor), with a pgbench select-only calibration line per round so a
 * degraded machine is visible. Every round runs every side of every workload; the order of the sides is reversed in
 * even rounds. Writes one JSON file under {@code examples/benchmarks/results/} and rewrites the tables between the
 * {@code <!-- suite:… -->} markers of {@code docs/performance.md} ({@link SuiteReport}).
 *
 * <p>Arguments (all optional, {@code --name value}): {@code participants} 1000000, {@code rounds} 5,
 * {@code seconds} 30 (one W2 side's round), {@code connections} 32 (W2), {@code w2-warmup} 30, {@code w1-seconds} 2
 * (one JMH measurement iteration; 3 a side a round), {@code w4-rows} = participants, {@code w5-reports} 5,
 * {@code calibration-seconds} 10, {@code results} examples/benchmarks/results, {@code docs} docs/performance.md,
 * {@code skip} (a comma-separated list of W1, W2, W4, W5).
 */
public final class Suite {

    static final long SEED = 20_261_124L;
    /** PostGraphile's folder (package.json, lockfile, server.mjs, views), from the repository's root. */
    private static final Path POSTGRAPHILE = Path.of(System.getProperty("w2.postgraphile",
            "examples/benchmarks/postgraphile"));

    private final Map<String, String> options;
    private final StringBuilder log = new StringBuilder();

    private Suite(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("arguments are --name value pairs; not understood: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        new Suite(options).run();
    }

    private int integer(String name, int otherwise) {
        String v = options.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + v);
        }
    }

    private boolean skipped(String workload) {
        return Arrays.asList(options.getOrDefault("skip", "").split(",")).contains(workload);
    }

    private void run() throws Exception {
        int participants = integer("participants", 1_000_000);
        int rounds = integer("rounds", 5);
        int seconds = integer("seconds", 300);
        int connections = integer("connections", 32);
        int w2WarmUp = integer("w2-warmup", 60);
        int w1Seconds = integer("w1-seconds", 2);
        int w4Rows = integer("w4-rows", participants);
        int w5Reports = integer("w5-reports", 5);
        int calibrationSeconds = integer("calibration-seconds", 10);
        Path resultsDir = Path.of(options.getOrDefault("results", "examples/benchmarks/results"));
        Path docs = Path.of(options.getOrDefault("docs", "docs/performance.md"));
        Instant started = Instant.now();
        var results = new SuiteResults(participants, rounds, SEED);
        log("suite: %,d participants, %d rounds, W2 %d s a side at %d connections, seed %d", participants, rounds,
                seconds, connections, SEED);
        log("machine: %d CPUs, max heap %,d MiB, %s %s, load average %.2f", Runtime.getRuntime()
                .availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), load());
        results.machine(Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"));

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("max_connections", "200").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
                s.execute("create database pgbench");
                var rs = s.executeQuery("select version()");
                rs.next();
                log("PostgreSQL: %s, port %d", rs.getString(1), pg.getPort());
                results.server(rs.getString(1));
            }
            long t0 = System.nanoTime();
            Map<String, Long> counts = SuiteData.generate(url, participants, SEED);
            log("data generated in %.0f s: %s", (System.nanoTime() - t0) / 1e9, counts);
            log("%s", SuiteData.verify(url));
            results.data(counts, (System.nanoTime() - t0) / 1e9);
            Pgbench pgbench = new Pgbench(pg.getPort(), calibrationSeconds);
            pgbench.initialise();

            NestedPageRounds w2 = null;
            W4BulkImport w4 = null;
            LeadDatabase w5db = null;
            Connection w5c = null;
            Path w4Work = Files.createTempDirectory("suite-w4-");
            try {
                if (!skipped("W2")) {
                    w2 = NestedPageRounds.start(url, connections, 100, SEED);
                    w2Sides(w2, pg);
                    log("%s", w2.check());
                    var w3 = w2.statementsByPageSize(3);
                    w3.forEach((size, row) -> row.forEach((side, n) -> log("W3 page of %4d: %-14s %.2f statements "
                            + "a request, %.2f of them data", size, side, n.all(), n.data())));
                    results.w3(w3);
                    for (var side : w2.sides()) {
                        w2.round(side, w2WarmUp);
                    }
                    log("W2 warmed up: %d s a side", w2WarmUp);
                }
                if (!skipped("W4")) {
                    w4 = W4BulkImport.on(url, "postgres", "postgres", w4Work);
                    w4.prepare(w4Rows, log);
                }
                EvaluationReports reports = null;
                if (!skipped("W5")) {
                    w5db = LeadDatabase.connect(DatabaseSettings.of(url).withPoolSize(2));
                    w5c = DriverManager.getConnection(url);
                    reports = w5db.evaluationReports();
                    log("W5 check: the library's report equals the hand-written statement's on all %d numbers (%s)",
                            W5OutcomeReport.check(reports, w5c), W5OutcomeReport.describe());
                    for (int i = 0; i < 3; i++) {
                        W5OutcomeReport.libraryReport(reports);
                        W5OutcomeReport.handWrittenReport(w5c);
                    }
                }
                for (int r = 1; r <= rounds; r++) {
                    boolean reversed = r % 2 == 0;
                    double tps = pgbench.selectOnly();
                    results.add("calibration", "pgbench -S", r, tps);
                    log("round %d calibration: pgbench select-only %,.0f tps (load average %.2f)", r, tps, load());
                    if (!skipped("W1")) {
                        for (String side : order(List.of("ours", "handWritten", "ours-AA"), reversed)) {
                            double[] w1 = w1(side.replace("-AA", ""), w1Seconds);
                            results.add("W1", side, r, w1[1]);
                            results.add("W1 throughput", side, r, w1[0]);
                            log("round %d W1 %-12s %,12.0f decisions/s  %6.1f CPU ns/decision", r, side, w1[0], w1[1]);
                        }
                    }
                    if (w2 != null) {
                        for (var side : order(w2.sides(), reversed)) {
                            var res = w2.round(side, seconds);
                            results.add("W2", side.name(), r, res.rps());
                            results.add("W2 p50 ms", side.name(), r, res.p50());
                            results.add("W2 p90 ms", side.name(), r, res.p90());
                            results.add("W2 p99 ms", side.name(), r, res.p99());
                            results.add("W2 server CPU ms", side.name(), r, res.serverCpuMs());
                            results.add("W2 database CPU ms", side.name(), r, res.databaseCpuMs());
                            results.add("W2 requests", side.name(), r, res.requests());
                            results.add("W2 drain s", side.name(), r, res.drainSeconds());
                            log("round %d W2 %-14s %8.1f req/s  p50 %7.1f  p90 %7.1f  p99 %7.1f ms  CPU per request:"
                                    + " server %6.1f ms, database %6.1f ms  non-2xx %d  drained in %.1f s", r,
                                    side.name(), res.rps(), res.p50(), res.p90(), res.p99(), res.serverCpuMs(),
                                    res.databaseCpuMs(), res.errors(), res.drainSeconds());
                            if (res.requests() < 2L * connections) {
                                log("  warning: only %d requests completed in the round at %d connections; the "
                                        + "figure is coarse — lengthen --seconds", res.requests(), connections);
                            }
                            if (res.errors() > 0) {
                                throw new IllegalStateException("W2 " + side.name() + " answered " + res.errors()
                                        + " requests with an error status in round " + r);
                            }
                        }
                    }
                    if (w4 != null) {
                        for (String side : order(List.of("library", "COPY", "library-AA"), reversed)) {
                            String schema = "w4_" + side.replace("-", "_").toLowerCase(Locale.ROOT) + "_" + r;
                            double rate = side.equals("COPY") ? w4.copyRound(schema) : w4.libraryRound(schema);
                            results.add("W4", side, r, rate);
                            log("round %d W4 %-11s %,10.0f referrals/s", r, side, rate);
                        }
                    }
                    if (reports != null) {
                        // W2 and W4 have just churned PostgreSQL's buffers: one report of each kind first, untimed, so
                        // that the round's first side does not pay alone for reading the data back into memory (in
                        // the first million-participant run it did: ≈ 900 ms against ≈ 530 ms for the same report)
                        W5OutcomeReport.libraryReport(reports);
                        W5OutcomeReport.handWrittenReport(w5c);
                        for (String side : order(List.of("library", "handwritten", "library-AA"), reversed)) {
                            var times = new double[w5Reports];
                            for (int i = 0; i < w5Reports; i++) {
                                long t = System.nanoTime();
                                if (side.equals("handwritten")) {
                                    W5OutcomeReport.handWrittenReport(w5c);
                                } else {
                                    W5OutcomeReport.libraryReport(reports);
                                }
                                times[i] = (System.nanoTime() - t) / 1e6;
                            }
                            double ms = SuiteResults.median(times);
                            results.add("W5", side, r, ms);
                            log("round %d W5 %-11s %9.1f ms a report (median of %d)", r, side, ms, w5Reports);
                        }
                    }
                }
            } finally {
                if (w2 != null) {
                    w2.close();
                }
                if (w4 != null) {
                    w4.cleanUp();
                }
                Files.deleteIfExists(w4Work);
                if (w5c != null) {
                    w5c.close();
                }
                if (w5db != null) {
                    w5db.close();
                }
            }
        }
        Duration took = Duration.between(started, Instant.now()).withNanos(0);
        results.took(took.toSeconds());
        log("whole suite: %s", took);
        for (String line : results.summaryLines()) {
            log("%s", line);
        }
        Files.createDirectories(resultsDir);
        String stem = "suite-" + LocalDate.now(ZoneOffset.UTC) + "-N" + participants;
        ObjectNode json = results.json();
        Files.writeString(resultsDir.resolve(stem + ".json"), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json), StandardCharsets.UTF_8);
        Files.writeString(resultsDir.resolve(stem + ".txt"), log, StandardCharsets.UTF_8);
        log("results in %s.{json,txt}", resultsDir.resolve(stem));
        if (Files.exists(docs)) {
            SuiteReport.rewrite(docs, results, stem + ".json");
            log("tables rewritten in %s", docs);
        }
    }

    /**
     * The W2 sides beyond the library's own three: PostGraphile (issue 8's peer, {@code examples/benchmarks/postgraphile})
     * in 1 and in 2 worker processes, each with the library's pool size in all.
     */
    private static void w2Sides(NestedPageRounds w2, EmbeddedPostgres pg) throws Exception {
        String postgresUrl = "postgres://postgres@127.0.0.1:" + pg.getPort() + "/postgres";
        for (int workers : new int[] {1, 2}) {
            w2.addPostGraphile(POSTGRAPHILE, postgresUrl, workers);
        }
    }

    private static <T> List<T> order(List<T> sides, boolean reversed) {
        var out = new ArrayList<>(sides);
        if (reversed) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    /** One W1 JMH run of {@code benchmark} in a fresh fork: {decisions/s, CPU ns of the benchmark thread/decision}. */
    private static double[] w1(String benchmark, int seconds) throws Exception {
        var opts = new OptionsBuilder()
                .include(Pattern.quote(W1ScreeningBenchmark.class.getName() + "." + benchmark) + "$")
                .forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .timeUnit(TimeUnit.SECONDS)
                .addProfiler(CpuTimeProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(opts).runSingle();
        return new double[] {result.getPrimaryResult().getScore(),
            result.getSecondaryResults().get("cpu.worker.norm").getScore()};
    }

    private void log(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** pgbench's select-only run against the suite's server: the calibration line of each round. */
    private static final class Pgbench {
        private final int port;
        private final int seconds;

        Pgbench(int port, int seconds) {
            this.port = port;
            this.seconds = seconds;
        }

        void initialise() throws Exception {
            run("pgbench", "-i", "-q", "-s", "10", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                    "pgbench");
        }

        double selectOnly() throws Exception {
            String out = run("pgbench", "-S", "-n", "-c", "2", "-j", "2", "-T", Integer.toString(seconds), "-h",
                    "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "pgbench");
            Matcher m = Pattern.compile("tps = ([\\d.]+)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no tps in pgbench's output: " + out);
            }
            return Double.parseDouble(m.group(1));
        }

        private static String run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.persistence.DatabaseSettings;
import org.leaddiversion.persistence.ImportReport;
import org.leaddiversion.persistence.LeadDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Workload W4 (docs/performance.md): a bulk import of N participants' referrals from CSV through the library (parse,
 * validate, screen, write in batches) against {@code COPY … FROM STDIN (FORMAT binary)} of the same rows the library
 * wrote, pre-rendered in PostgreSQL's binary format, into an identical fresh schema (same migrations, same indexes,
 * same constraints) on the same server, in interleaved rounds. Before timing, a COPY of the pre-rendered rows must give
 * the library's tables exactly (counts and checksums of every column); every timed round is checked the same way after
 * its clock stops. The library's peak heap is sampled at N and at N/10.
 *
 * <p>Run: {@code java -Xmx1g -cp examples/benchmarks/target/benchmarks.jar org.leaddiversion.benchmarks.W4BulkImport
 * [rows] [rounds]} (defaults 1,000,000 and 5). PostgreSQL: {@code LEAD_PG_URL} (with {@code LEAD_PG_USER},
 * {@code LEAD_PG_PASSWORD}) or, when unset, a throwaway embedded server. Results go to
 * {@code examples/benchmarks/results/} (or {@code -Dw4.results=DIR}).
 */
public final class W4BulkImport {

    private static final long SEED = 20_261_122L;
    private static final SitePolicyHistory SEATTLE = ReferenceProfiles.load("seattle-king-county");

    /**
     * The tables an import writes, with their columns as the migrations leave them (read from the reference schema, so
     * that a migration adding a column cannot make COPY and the checks miss it); domain_event's seq is the database's
     * own.
     */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        for (String t : new String[] {"referral", "screening_reason", "diverted_case", "domain_event"}) {
            TABLES.put(t, "");
        }
    }

    /** Fills {@link #TABLES} from the columns of {@code schema}. */
    private static void readColumns(Connection c, String schema) throws SQLException {
        for (String table : TABLES.keySet()) {
            var columns = new ArrayList<String>();
            try (var ps = c.prepareStatement("select column_name from information_schema.columns where table_schema = ?"
                    + " and table_name = ? and column_name <> 'seq' order by ordinal_position")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("no table " + schema + "." + table);
            }
            TABLES.put(table, String.join(", ", columns));
        }
    }

    private final String url;
    private final String user;
    private final String password;
    private final Path work;

    private W4BulkImport(String url, String user, String password, Path work) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path results = Path.of(System.getProperty("w4.results", "examples/benchmarks/results"));
        Path work = Files.createTempDirectory("w4-");
        EmbeddedPostgres embedded = null;
        String url = System.getenv("LEAD_PG_URL");
        String user = env("LEAD_PG_USER", "postgres");
        String password = env("LEAD_PG_PASSWORD", "");
        if (url == null || url.isBlank()) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        try {
            new W4BulkImport(url, user, password, work).run(rows, rounds, results);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private Path csv;
    private ImportReport reference;
    private final Map<String, Path> copyFiles = new LinkedHashMap<>();
    private Map<String, String> expected;

    /**
     * The suite's entry: a W4 bench on the server at {@code url}, its files in {@code work}; call {@link #prepare}
     * once, then {@link #libraryRound} and {@link #copyRound} in any order.
     */
    public static W4BulkImport on(String url, String user, String password, Path work) {
        return new W4BulkImport(url, user, password, work);
    }

    /**
     * Writes the CSV of {@code rows} rows, imports it once through the library (the reference, which also warms the
     * JIT), pre-renders the library's rows in binary COPY format and checks that a COPY of them gives the library's
     * tables exactly.
     */
    public void prepare(int rows, StringBuilder log) throws IOException, SQLException {
        csv = work.resolve("referrals.csv");
        W4Csv.write(csv, rows, SEED);
        log(log, "W4 CSV: %,d rows, %,d bytes", rows, Files.size(csv));
        try (LeadDatabase db = open("w4_ref")) {
            long t0 = System.nanoTime();
            reference = importCsv(db, csv);
            log(log, "W4 reference import (warm-up): %s in %.1f s", summary(reference),
                    (System.nanoTime() - t0) / 1e9);
        }
        log(log, "W4 by status: %s; first problems: %s", reference.byStatus(),
                reference.problems().subList(0, Math.min(3, reference.problems().size())));
        try (Connection c = connect()) {
            readColumns(c, "w4_ref");
            for (var t : TABLES.entrySet()) {
                Path file = work.resolve(t.getKey() + ".pgcopy");
                long n = BinaryCopy.render(c, "w4_ref." + t.getKey(), t.getValue(), file);
                copyFiles.put(t.getKey(), file);
                log(log, "W4 pre-rendered %s: %,d rows, %,d bytes", t.getKey(), n, Files.size(file));
            }
            expected = checksums(c, "w4_ref");
        }
        log(log, "W4 reference tables: %s", expected);
        prepare("w4_check");
        copy("w4_check", copyFiles);
        require("COPY check", expected, "w4_check");
        drop("w4_check");
        drop("w4_ref");
        log(log, "W4 check: COPY of the pre-rendered rows equals the library's tables (counts and checksums)");
    }

    /** One timed library import into a fresh schema, checked against the reference: referrals stored per second. */
    public double libraryRound(String schema) throws IOException, SQLException {
        double rate;
        try (LeadDatabase db = open(schema)) {
            long t0 = System.nanoTime();
            ImportReport report = importCsv(db, csv);
            double s = (System.nanoTime() - t0) / 1e9;
            if (report.imported() != reference.imported() || report.rejected() != reference.rejected()) {
                throw new IllegalStateException(schema + " imported differently: " + summary(report));
            }
            rate = reference.imported() / s;
        }
        require(schema, expected, schema);
        drop(schema);
        return rate;
    }

    /** One timed COPY of the pre-rendered rows into a fresh schema, checked: referrals stored per second. */
    public double copyRound(String schema) throws IOException, SQLException {
        prepare(schema);
        long t0 = System.nanoTime();
        copy(schema, copyFiles);
        double rate = reference.imported() / ((System.nanoTime() - t0) / 1e9);
        require(schema, expected, schema);
        drop(schema);
        return rate;
    }

    /** Deletes the CSV and the pre-rendered files. */
    public void cleanUp() throws IOException {
        try (var files = Files.list(work)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void run(int rows, int rounds, Path results) throws Exception {
        var log = new StringBuilder();
        Instant started = Instant.now();
        log(log, "W4 bulk import: %,d rows, %d interleaved rounds, seed %d", rows, rounds, SEED);
        log(log, "machine: %d CPUs, max heap %,d MiB, %s %s; %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), serverVersion());
        Path small = work.resolve("referrals-tenth.csv");
        W4Csv.write(small, rows / 10, SEED);
        prepare(rows, log);

        long stored = reference.imported();
        var lib = new ArrayList<Double>();
        var cop = new ArrayList<Double>();
        var libHeap = new ArrayList<HeapSampler.Peak>();
        for (int r = 1; r <= rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean library = (side == 0) == (r % 2 == 1); // odd rounds: library first; even rounds: COPY first
                String schema = (library ? "w4_lib_" : "w4_copy_") + r;
                if (library) {
                    try (LeadDatabase db = open(schema)) {
                        System.gc();
                        var sampler = HeapSampler.start();
                        long t0 = System.nanoTime();
                        ImportReport report = importCsv(db, csv);
                        double s = (System.nanoTime() - t0) / 1e9;
                        HeapSampler.Peak peak = sampler.stop();
                        if (report.imported() != stored || report.rejected() != reference.rejected()) {
                            throw new IllegalStateException("round " + r + " imported differently: " + summary(report));
                        }
                        lib.add(stored / s);
                        libHeap.add(peak);
                        log(log, "round %d library: %.1f s, %,.0f referrals/s (%,.0f CSV rows/s), heap %s", r, s,
                                stored / s, report.read() / s, peak);
                    }
                } else {
                    prepare(schema);
                    long t0 = System.nanoTime();
                    copy(schema, copyFiles);
                    double s = (System.nanoTime() - t0) / 1e9;
                    cop.add(stored / s);
                    log(log, "round %d COPY:    %.1f s, %,.0f referrals/s", r, s, stored / s);
                }
                require("round " + r + (library ? " library" : " COPY"), expected, schema);
                drop(schema);
            }
        }
        // heap at N/10, for flatness
        HeapSampler.Peak tenth;
        try (LeadDatabase db = open("w4_tenth")) {
            System.gc();
            var sampler = HeapSampler.start();
            ImportReport report = importCsv(db, small);
            tenth = sampler.stop();
            log(log, "library at N/10 (%,d rows): %s, heap %s", rows / 10, summary(report), tenth);
        }
        drop("w4_tenth");

        double libMedian = median(lib);
        double copyMedian = median(cop);
        HeapSampler.Peak heapN = libHeap.stream().reduce(HeapSampler.Peak::max).orElseThrow();
        log(log, "library referrals/s per round: %s; median %,.0f", format(lib), libMedian);
        log(log, "COPY referrals/s per round:    %s; median %,.0f", format(cop), copyMedian);
        log(log, "ratio library / COPY (medians): %.3f (goal >= 0.5: %s)", libMedian / copyMedian,
                libMedian / copyMedian >= 0.5 ? "met" : "NOT met");
        log(log, "library heap at N: %s; at N/10: %s", heapN, tenth);
        log(log, "whole run: %s", Duration.between(started, Instant.now()).withNanos(0));

        Files.createDirectories(results);
        String stem = "W4-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "-N" + rows;
        Files.writeString(results.resolve(stem + ".txt"), log);
        Files.writeString(results.resolve(stem + ".json"), String.format(Locale.ROOT, """
                {"workload":"W4","rows":%d,"rounds":%d,"seed":%d,"imported":%d,"rejected":%d,
                 "libraryReferralsPerSecond":%s,"copyReferralsPerSecond":%s,
                 "libraryMedian":%.0f,"copyMedian":%.0f,"ratio":%.3f,
                 "heapAtN":{"peakUsedMiB":%d,"peakAfterGcMiB":%d},"heapAtTenth":{"peakUsedMiB":%d,"peakAfterGcMiB":%d},
                 "byStatus":"%s"}
                """, rows, rounds, SEED, reference.imported(), reference.rejected(), json(lib), json(cop), libMedian,
                copyMedian, libMedian / copyMedian, heapN.usedMiB(), heapN.afterGcMiB(), tenth.usedMiB(),
                tenth.afterGcMiB(), reference.byStatus()));
    }

    private static ImportReport importCsv(LeadDatabase db, Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return db.referralImport(db.sitePolicies(), IdGenerator.sequential(SEED)).from(in);
        }
    }

    /** A fresh schema, migrated by the library, with Seattle's policy stored. */
    private LeadDatabase open(String schema) {
        drop(schema);
        LeadDatabase db = LeadDatabase.connect(DatabaseSettings.of(url).withCredentials(user, password)
                .inSchema(schema).withPoolSize(2));
        db.sitePolicies().put(SEATTLE);
        return db;
    }

    private void prepare(String schema) {
        open(schema).close();
    }

    /** COPY of every table from its pre-rendered file, in one transaction. */
    private void copy(String schema, Map<String, Path> files) throws SQLException, IOException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (var f : files.entrySet()) {
                try (InputStream in = Files.newInputStream(f.getValue())) {
                    copy.copyIn("copy " + schema + "." + f.getKey() + " (" + TABLES.get(f.getKey())
                            + ") from stdin (format binary)", in, 1 << 16);
                }
            }
            c.commit();
        }
    }

    /** Per table: row count and the sum of a 64-bit hash of each row's text (order-independent). */
    private static Map<String, String> checksums(Connection c, String schema) throws SQLException {
        var sums = new LinkedHashMap<String, String>();
        try (Statement st = c.createStatement()) {
            for (var t : TABLES.entrySet()) {
                try (ResultSet rs = st.executeQuery("select count(*), coalesce(sum(hashtextextended(t::text, 0)), 0) "
                        + "from (select " + t.getValue() + " from " + schema + "." + t.getKey() + ") t")) {
                    rs.next();
                    sums.put(t.getKey(), rs.getLong(1) + " rows #" + rs.getBigDecimal(2).toPlainString());
                }
            }
        }
        return sums;
    }

    private void require(String what, Map<String, String> expected, String schema) throws SQLException {
        try (Connection c = connect()) {
            Map<String, String> actual = checksums(c, schema);
            if (!actual.equals(expected)) {
                throw new IllegalStateException(what + ": tables differ from the reference: " + actual + " vs "
                        + expected);
            }
        }
    }

    private void drop(String schema) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private String serverVersion() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String summary(ImportReport r) {
        return String.format(Locale.ROOT, "%,d rows read, %,d referrals stored, %,d rows refused", r.read(),
                r.imported(), r.rejected());
    }

    private static double median(List<Double> xs) {
        var s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String format(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%,.0f", x)).toList().toString();
    }

    private static String json(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList().toString();
    }

    private static void log(StringBuilder log, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /**
     * Samples the heap every 5 ms while a run goes: the peak of the used heap (garbage included, so it follows the
     * collector's rhythm more than the program's needs) and the peak of what the heap pools held right after a
     * collection (the live data: what must stay flat).
     */
    static final class HeapSampler {

        record Peak(long usedMiB, long afterGcMiB) {
            Peak max(Peak o) {
                return new Peak(Math.max(usedMiB, o.usedMiB), Math.max(afterGcMiB, o.afterGcMiB));
            }

            @Override
            public String toString() {
                return "peak used " + usedMiB + " MiB, peak after GC " + afterGcMiB + " MiB";
            }
        }

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile long used;
        private volatile long afterGc;

        private HeapSampler() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
            for (MemoryPoolMXBean p : pools) {
                p.resetPeakUsage();
            }
            var memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running.get()) {
                    used = Math.max(used, memory.getHeapMemoryUsage().getUsed());
                    long live = 0;
                    for (MemoryPoolMXBean p : pools) {
                        var u = p.getCollectionUsage();
                        live += u == null ? 0 : u.getUsed();
                    }
                    afterGc = Math.max(afterGc, live);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "w4-heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            var s = new HeapSampler();
            s.thread.start();
            return s;
        }

        Peak stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return new Peak(used >> 20, afterGc >> 20);
        }
    }
}

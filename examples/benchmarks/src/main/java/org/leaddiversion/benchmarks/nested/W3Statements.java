/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * W3 against PostGraphile: the SQL statements one request of the nested page costs as the page grows from 1 to
 * 1,000 participants, for the library, PostGraphile (1 worker) and the hand-written endpoint, counted by PostgreSQL
 * itself ({@code pg_stat_statements}) rather than on a pool, so that the three sides are counted alike. For each page
 * size the three answers are first compared ({@link ThreeSides#compare}: a mismatch stops the run); then, per side,
 * the statistics are reset, {@code requests} requests are sent one after another, and the calls recorded — all
 * statements, and data statements (SELECT, INSERT, UPDATE, DELETE, WITH; not BEGIN, COMMIT, SET or
 * {@code set_config}) — are divided by the requests. The statistics' own queries are left out.
 *
 * <pre>java -cp "$(cat examples/benchmarks/target/classpath.txt):examples/benchmarks/target/classes" \
 *   org.leaddiversion.benchmarks.nested.W3Statements [participants=2000] [requests=20] [pool=8]</pre>
 */
public final class W3Statements {

    private static final List<Integer> PAGE_SIZES = List.of(1, 10, 100, 1_000);
    private static final String[] SIDES = {"library", "postgraphile", "handwritten"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private W3Statements() {
    }

    /**
     * One side at one page size: statements per request, all and data only, what they were (calls), and the
     * milliseconds PostgreSQL spent executing each ({@code total_exec_time}, all calls together).
     */
    public record Count(double all, double data, Map<String, Long> statements, Map<String, Double> millis) {
    }

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int pool = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Map<Integer, Map<String, Count>> table = new LinkedHashMap<>();
        int imported;
        try (ThreeSides sides = ThreeSides.start(participants, pool, 1, true);
             Connection stats = DriverManager.getConnection(sides.pg.getJdbcUrl("postgres", "postgres"))) {
            imported = sides.participants;
            try (Statement s = stats.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            for (int size : PAGE_SIZES) {
                sides.compare(size);
                Map<String, Count> row = new LinkedHashMap<>();
                for (String side : SIDES) {
                    send(sides, side, size, 2); // warm: connections open, plans cached, nothing lazy left
                    reset(stats);
                    send(sides, side, size, requests);
                    row.put(side, count(stats, requests));
                }
                table.put(size, row);
                System.out.printf(Locale.ROOT, "page of %4d: library %.2f (%.2f data), PostGraphile %.2f (%.2f data), "
                        + "hand-written %.2f (%.2f data) statements per request%n", size, row.get("library").all,
                        row.get("library").data, row.get("postgraphile").all, row.get("postgraphile").data,
                        row.get("handwritten").all, row.get("handwritten").data);
            }
        }
        report(table, imported, requests, pool);
    }

    private static void send(ThreeSides sides, String side, int size, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            if (side.equals("library")) {
                sides.libraryRaw(size);
            } else if (side.equals("postgraphile")) {
                sides.postGraphileRaw(size);
            } else {
                sides.handWrittenRaw(size);
            }
        }
    }

    static void reset(Connection stats) throws SQLException {
        try (Statement s = stats.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** The calls recorded since the reset in this database, other than the statistics' own, per request. */
    static Count count(Connection stats, int requests) throws SQLException {
        Map<String, Long> statements = new LinkedHashMap<>();
        Map<String, Double> millis = new LinkedHashMap<>();
        long all = 0;
        long data = 0;
        try (Statement s = stats.createStatement();
             ResultSet rs = s.executeQuery("""
                     select query, calls, total_exec_time from pg_stat_statements
                     where dbid = (select oid from pg_database where datname = current_database())
                       and query not like '%pg_stat_statements%'
                     order by calls desc, query""")) {
            while (rs.next()) {
                String query = rs.getString(1).strip();
                long calls = rs.getLong(2);
                statements.merge(query, calls, Long::sum);
                millis.merge(query, rs.getDouble(3), Double::sum);
                all += calls;
                if (isData(query)) {
                    data += calls;
                }
            }
        }
        return new Count((double) all / requests, (double) data / requests, statements, millis);
    }

    /** A statement that reads or writes rows: not transaction control, nor a setting. */
    static boolean isData(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        if (q.startsWith("select set_config(") || q.startsWith("select pg_catalog.set_config(")) {
            return false;
        }
        return q.startsWith("select") || q.startsWith("insert") || q.startsWith("update") || q.startsWith("delete")
                || q.startsWith("with") || q.startsWith("(");
    }

    private static void report(Map<Integer, Map<String, Count>> table, int participants, int requests, int pool)
            throws Exception {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "W3 statements per request (pg_stat_statements; %,d participants, %d "
                + "requests per side and page size, pool %d, PostGraphile 1 worker)%n", participants, requests, pool));
        text.append(String.format(Locale.ROOT, "%-13s", "page size"));
        PAGE_SIZES.forEach(size -> text.append(String.format(Locale.ROOT, "%20d", size)));
        text.append(String.format("%n"));
        for (String side : SIDES) {
            text.append(String.format(Locale.ROOT, "%-13s", side));
            for (int size : PAGE_SIZES) {
                Count c = table.get(size).get(side);
                text.append(String.format(Locale.ROOT, "%20s", String.format(Locale.ROOT, "%.2f (%.2f data)", c.all,
                        c.data)));
            }
            text.append(String.format("%n"));
        }
        Map<String, Count> page = table.get(100);
        if (page != null) {
            text.append(String.format("%nPostgreSQL's execution time per request at a page of 100 (total_exec_time)%n"));
            page.forEach((side, c) -> {
                text.append(String.format(Locale.ROOT, "%s: %.2f ms%n", side,
                        c.millis.values().stream().mapToDouble(Double::doubleValue).sum() / requests));
                c.statements.forEach((query, calls) -> {
                    String line = query.replaceAll("\\s+", " ");
                    text.append(String.format(Locale.ROOT, "  %7.2f ms %5.2f x %s%n", c.millis.get(query) / requests,
                            (double) calls / requests, line.substring(0, Math.min(90, line.length()))));
                });
            });
        }
        System.out.print(text);
        ObjectNode json = JSON.createObjectNode();
        json.put("participants", participants).put("requests", requests).put("pool", pool)
                .put("postgraphileWorkers", 1).put("counter", "pg_stat_statements");
        ObjectNode sizes = json.putObject("statementsPerRequest");
        table.forEach((size, row) -> {
            ObjectNode r = sizes.putObject(Integer.toString(size));
            row.forEach((side, c) -> {
                ObjectNode o = r.putObject(side).put("all", c.all).put("data", c.data);
                ArrayNode list = o.putArray("statements");
                c.statements.forEach((query, calls) -> list.addObject().put("calls", calls)
                        .put("execMsPerRequest", c.millis.get(query) / requests).put("query", query));
            });
        });
        Path dir = Path.of("examples/benchmarks/results");
        if (Files.isDirectory(dir)) {
            String stem = "W3-" + LocalDate.now(ZoneOffset.UTC) + "-N" + participants;
            Files.writeString(dir.resolve(stem + ".txt"), text.toString());
            Files.writeString(dir.resolve(stem + ".json"), json.toPrettyString());
            System.out.println("results in " + dir.resolve(stem + ".{txt,json}"));
        }
    }
}

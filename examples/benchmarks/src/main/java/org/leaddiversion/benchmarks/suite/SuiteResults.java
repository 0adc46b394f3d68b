/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leaddiversion.benchmarks.nested.W3Statements;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a suite run measured — per workload, per side, one figure a round — and the claims made from it: each a ratio
 * of the medians of the interleaved rounds against its goal, next to the A/A ratio of the same side against itself.
 */
final class SuiteResults {

    /** A claim: {@code numerator / denominator} (medians over rounds) against a goal. */
    record Claim(String workload, String text, String numerator, String denominator, double goal, boolean atMost,
                 String aa) {
    }

    static final List<Claim> CLAIMS = List.of(
            new Claim("W1", "CPU per decision, ours / hand-written", "ours", "handWritten", 1.5, true, "ours-AA"),
            new Claim("W2", "requests/s, library / hand-written (page of 100)", "library", "handwritten", 0.65, false,
                    "library-AA"),
            new Claim("W2", "requests/s, library / PostGraphile 1 worker", "library", "postgraphile-1", 2.0, false,
                    "library-AA"),
            new Claim("W4", "referrals/s, library import / COPY BINARY", "library", "COPY", 0.5, false,
                    "library-AA"),
            new Claim("W5", "time per report, library / one hand-written statement", "library", "handwritten", 1.2,
                    true, "library-AA"));

    /** Units of each workload's figure, for the tables. */
    static final Map<String, String> UNITS = Map.ofEntries(Map.entry("W1", "CPU ns per decision"),
            Map.entry("W1 throughput", "decisions/s"), Map.entry("W2", "requests/s"), Map.entry("W2 p50 ms", "ms"),
            Map.entry("W2 p90 ms", "ms"), Map.entry("W2 p99 ms", "ms"),
            Map.entry("W2 server CPU ms", "server CPU ms per request"),
            Map.entry("W2 database CPU ms", "PostgreSQL CPU ms per request"),
            Map.entry("W2 requests", "requests completed in the round"),
            Map.entry("W2 drain s", "s the database ran on after wrk stopped"), Map.entry("W4", "referrals/s"),
            Map.entry("W5", "ms per report"), Map.entry("calibration", "transactions/s"));

    final int participants;
    final int rounds;
    final long seed;
    final Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();
    /** W3: per page size, per side, statements per request (all, and data only) from pg_stat_statements. */
    Map<Integer, Map<String, W3Statements.Count>> w3 = Map.of();
    Map<String, Long> data = Map.of();
    double dataSeconds;
    long seconds;
    int cpus;
    String java = "";
    String server = "";

    SuiteResults(int participants, int rounds, long seed) {
        this.participants = participants;
        this.rounds = rounds;
        this.seed = seed;
    }

    void machine(int cpus, String java) {
        this.cpus = cpus;
        this.java = java;
    }

    void server(String version) {
        this.server = version;
    }

    void data(Map<String, Long> counts, double seconds) {
        this.data = counts;
        this.dataSeconds = seconds;
    }

    void w3(Map<Integer, Map<String, W3Statements.Count>> counts) {
        this.w3 = counts;
    }

    void took(long seconds) {
        this.seconds = seconds;
    }

    void add(String workload, String side, int round, double value) {
        figures.computeIfAbsent(workload, w -> new LinkedHashMap<>()).computeIfAbsent(side, s -> new ArrayList<>())
                .add(value);
    }

    Optional<Double> median(String workload, String side) {
        var values = figures.getOrDefault(workload, Map.of()).get(side);
        return values == null || values.isEmpty() ? Optional.empty()
                : Optional.of(median(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** The ratio of the medians, when both sides were measured. */
    Optional<Double> ratio(String workload, String numerator, String denominator) {
        var a = median(workload, numerator);
        var b = median(workload, denominator);
        return a.isPresent() && b.isPresent() ? Optional.of(a.get() / b.get()) : Optional.empty();
    }

    /** Per-round ratios of two sides, for the spread. */
    double[] roundRatios(String workload, String numerator, String denominator) {
        var a = figures.get(workload).get(numerator);
        var b = figures.get(workload).get(denominator);
        double[] out = new double[Math.min(a.size(), b.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i) / b.get(i);
        }
        return out;
    }

    /** "met by 12 %" / "missed by 8 %": how far the ratio is from the goal, relative to the goal. */
    static String verdict(Claim claim, double ratio) {
        boolean met = claim.atMost() ? ratio <= claim.goal() : ratio >= claim.goal();
        double margin = Math.abs(ratio - claim.goal()) / claim.goal() * 100;
        return String.format(Locale.ROOT, "%s by %.0f %%", met ? "met" : "missed", margin);
    }

    /**
     * W3: the library's data statements per request are constant over the page sizes, at most 4, and at most
     * PostGraphile's + 1 (when PostGraphile ran).
     */
    Optional<String> w3Verdict() {
        if (w3.isEmpty()) {
            return Optional.empty();
        }
        double min = w3.values().stream().mapToDouble(row -> row.get("library").data()).min().orElseThrow();
        double max = w3.values().stream().mapToDouble(row -> row.get("library").data()).max().orElseThrow();
        var peer = w3.values().stream().map(row -> row.get("postgraphile-1")).filter(Objects::nonNull)
                .mapToDouble(W3Statements.Count::data).max();
        boolean constant = Math.round(min) == Math.round(max) && Math.abs(max - min) < 0.5;
        String verdict = constant && max <= 4 ? "constant and ≤ 4: met" : "constant and ≤ 4: missed";
        if (peer.isPresent()) {
            double over = max - (peer.getAsDouble() + 1);
            verdict += String.format(Locale.ROOT, "; ≤ PostGraphile's %.0f + 1: %s", peer.getAsDouble(),
                    over <= 0 ? "met" : String.format(Locale.ROOT, "missed by %.0f", over));
        }
        return Optional.of(String.format(Locale.ROOT, "%.0f–%.0f data statements a request over pages of %s: %s",
                min, max, w3.keySet(), verdict));
    }

    List<String> summaryLines() {
        var out = new ArrayList<String>();
        for (Claim claim : CLAIMS) {
            ratio(claim.workload(), claim.numerator(), claim.denominator()).ifPresent(r -> out.add(String.format(
                    Locale.ROOT, "%s %s: %.3f (goal %s %.2f) %s; A/A %s", claim.workload(), claim.text(), r,
                    claim.atMost() ? "≤" : "≥", claim.goal(), verdict(claim, r), ratio(claim.workload(),
                            claim.numerator(), claim.aa()).map(a -> String.format(Locale.ROOT, "%.3f", a))
                            .orElse("—"))));
        }
        w3Verdict().ifPresent(v -> out.add("W3 " + v));
        median("calibration", "pgbench -S").ifPresent(t -> out.add(String.format(Locale.ROOT,
                "calibration: pgbench select-only median %,.0f tps", t)));
        return out;
    }

    ObjectNode json() {
        var mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("suite", "issue 8").put("participants", participants).put("rounds", rounds).put("seed", seed)
                .put("seconds", seconds).put("cpus", cpus).put("java", java).put("server", server)
                .put("dataSeconds", Math.round(dataSeconds));
        ObjectNode d = root.putObject("data");
        data.forEach(d::put);
        ObjectNode f = root.putObject("figures");
        figures.forEach((workload, sides) -> {
            ObjectNode w = f.putObject(workload);
            w.put("unit", UNITS.getOrDefault(workload, ""));
            sides.forEach((side, values) -> {
                ArrayNode a = w.putObject(side).put("median", median(workload, side).orElseThrow())
                        .putArray("rounds");
                values.forEach(a::add);
            });
        });
        ArrayNode claims = root.putArray("claims");
        for (Claim claim : CLAIMS) {
            ratio(claim.workload(), claim.numerator(), claim.denominator()).ifPresent(r -> {
                ObjectNode c = claims.addObject().put("workload", claim.workload()).put("claim", claim.text())
                        .put("ratio", r).put("goal", claim.goal()).put("atMost", claim.atMost())
                        .put("verdict", verdict(claim, r));
                ratio(claim.workload(), claim.numerator(), claim.aa()).ifPresent(a -> c.put("aa", a));
                ArrayNode per = c.putArray("roundRatios");
                Arrays.stream(roundRatios(claim.workload(), claim.numerator(), claim.denominator())).forEach(per::add);
            });
        }
        ObjectNode w3n = root.putObject("w3StatementsByPageSize");
        w3.forEach((size, row) -> {
            ObjectNode r = w3n.putObject(Integer.toString(size));
            row.forEach((side, n) -> r.putObject(side).put("all", n.all()).put("data", n.data()));
        });
        w3Verdict().ifPresent(v -> root.put("w3", v));
        return root;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

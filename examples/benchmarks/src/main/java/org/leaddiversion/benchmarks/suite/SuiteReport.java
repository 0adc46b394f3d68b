/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites the suite's tables in {@code docs/performance.md}: the text between {@code <!-- suite:KEY -->} and
 * {@code <!-- /suite:KEY -->} for KEY = {@code claims} (the ratios, the claim) and {@code figures} (this machine's
 * absolute figures). Everything outside the markers is left as it is; a missing marker pair stops the rewrite.
 */
final class SuiteReport {

    private SuiteReport() {
    }

    static void rewrite(Path docs, SuiteResults results, String jsonFile) throws IOException {
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        text = replace(text, "claims", claims(results, jsonFile));
        text = replace(text, "figures", figures(results));
        Files.writeString(docs, text, StandardCharsets.UTF_8);
    }

    private static String replace(String text, String key, String table) {
        Pattern p = Pattern.compile("(<!-- suite:" + key + " -->\n)(.*?)(<!-- /suite:" + key + " -->)",
                Pattern.DOTALL);
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("docs/performance.md has no <!-- suite:" + key + " --> … <!-- /suite:"
                    + key + " --> markers");
        }
        return text.substring(0, m.start()) + m.group(1) + table + m.group(3) + text.substring(m.end());
    }

    private static String claims(SuiteResults r, String jsonFile) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run of %s (`examples/benchmarks/results/%s`): %,d participants, %d "
                + "interleaved rounds, seed %d; whole suite %d min. Ratios are medians of the rounds, A/A is the "
                + "same side measured twice in every round (the noise floor).%n%n", LocalDate.now(ZoneOffset.UTC),
                jsonFile, r.participants, r.rounds, r.seed, Math.round(r.seconds / 60.0)));
        out.append("| workload | claim | goal | ratio (median) | rounds | A/A | verdict |\n");
        out.append("|---|---|---:|---:|---|---:|---|\n");
        for (SuiteResults.Claim c : SuiteResults.CLAIMS) {
            var ratio = r.ratio(c.workload(), c.numerator(), c.denominator());
            if (ratio.isEmpty()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s %.2f | — | | | not measured in this run |%n",
                        c.workload(), c.text(), c.atMost() ? "≤" : "≥", c.goal()));
                continue;
            }
            double[] per = r.roundRatios(c.workload(), c.numerator(), c.denominator());
            double lo = java.util.Arrays.stream(per).min().orElse(Double.NaN);
            double hi = java.util.Arrays.stream(per).max().orElse(Double.NaN);
            String aa = r.ratio(c.workload(), c.numerator(), c.aa()).map(a -> String.format(Locale.ROOT, "%.3f", a))
                    .orElse("—");
            out.append(String.format(Locale.ROOT, "| %s | %s | %s %.2f | **%.3f** | %.2f–%.2f | %s | %s |%n",
                    c.workload(), c.text(), c.atMost() ? "≤" : "≥", c.goal(), ratio.get(), lo, hi, aa,
                    SuiteResults.verdict(c, ratio.get())));
        }
        r.w3Verdict().ifPresent(v -> out.append("| W3 | SQL data statements per request, library | constant, ≤ 4, "
                + "≤ PostGraphile + 1 | | | | ")
                .append(v).append(" |\n"));
        return out.toString();
    }

    private static String figures(SuiteResults r) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "**This machine's figures**, not a claim: %d CPUs, Java %s, %s. Data "
                + "set (generated in %.0f s): %s.%n%n", r.cpus, r.java, r.server.replaceAll(" on .*", ""),
                r.dataSeconds, r.data.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(),
                        e.getKey())).collect(Collectors.joining(", "))));
        out.append("| workload | side | unit | median | each round |\n|---|---|---|---:|---|\n");
        for (Map.Entry<String, Map<String, List<Double>>> w : r.figures.entrySet()) {
            for (var side : w.getValue().entrySet()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", w.getKey(), side.getKey(),
                        SuiteResults.UNITS.getOrDefault(w.getKey(), ""), number(r.median(w.getKey(), side.getKey())
                                .orElseThrow()), side.getValue().stream().map(SuiteReport::number)
                                .collect(Collectors.joining(" · "))));
            }
        }
        if (!r.w3.isEmpty()) {
            var sides = r.w3.values().iterator().next().keySet();
            out.append("\n| W3 page size | ").append(String.join(" | ", sides))
                    .append(" |\n|---:|").append("---:|".repeat(sides.size())).append('\n');
            r.w3.forEach((size, row) -> {
                out.append(String.format(Locale.ROOT, "| %,d |", size));
                row.values().forEach(n -> out.append(String.format(Locale.ROOT, " %.2f (%.2f data) |", n.all(),
                        n.data())));
                out.append('\n');
            });
            out.append("\n(statements per request counted by `pg_stat_statements`: all, and data statements — "
                    + "SELECT, INSERT, UPDATE, DELETE, WITH)\n");
        }
        return out.toString();
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

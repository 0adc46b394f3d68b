/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.leaddiversion.domain.evaluation.CostComponent;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.persistence.DatabaseSettings;
import org.leaddiversion.persistence.EvaluationReports;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.OutcomeReport;

/**
 * Workload W5 (docs/performance.md): the quarterly outcome report of a site — participants who entered in the quarter
 * against the comparison cohort, every outcome measure before and after entry — computed through the library
 * ({@link EvaluationReports#outcomes}) and by one hand-written SQL statement over the same tables and indexes, in
 * interleaved rounds. Before timing, the two answers must agree on every count, base, cost and statistic; the run
 * stops otherwise. The library's allocation per report is measured at the full event count and again after nine in ten
 * legal events are deleted, to show it does not grow with the events.
 *
 * <p>Run: {@code java -Xmx1g -cp examples/benchmarks/target/benchmarks.jar
 * org.leaddiversion.benchmarks.W5OutcomeReport [csvRows] [rounds] [reportsPerRound]} (defaults 1,815,000 — about a
 * million participants and ten million legal events — 5 and 5). PostgreSQL: {@code LEAD_PG_URL} (a JDBC URL with its
 * credentials) or, when unset, a throwaway embedded server. Results go to {@code examples/benchmarks/results/} (or
 * {@code -Dw5.results=DIR}).
 */
public final class W5OutcomeReport {

    private static final long SEED = 20_261_123L;
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Currency USD = Currency.getInstance("USD");
    private static final ReportScope SCOPE = new ReportScope(new SiteId(OutcomeReportData.SITE),
            ReportingPeriod.quarter(2023, 2, ZONE));
    private static final OutcomeWindow WINDOW = new OutcomeWindow(Period.ofMonths(6), LocalDate.of(2025, 12, 31));

    /**
     * The report by hand: PostgreSQL's own date arithmetic for the windows, {@code FILTER} clauses, an anti-join for
     * each person's first intake, {@code percentile_cont} for the median. One row per cohort.
     */
    static final String HAND_WRITTEN = """
            with participants as (
                select r.person_id, (r.referred_at at time zone ?)::date as entry
                from referral r
                where r.site_id = ? and r.referred_at >= ? and r.referred_at < ? and r.intake_completed_at is not null
                  and not exists (select from referral f
                                  where f.person_id = r.person_id and f.site_id = r.site_id
                                    and f.intake_completed_at is not null
                                    and (f.referred_at < r.referred_at or (f.referred_at = r.referred_at and f.id < r.id)))
            ), comparison as (
                select e.person_id, min(e.encounter_date) as entry
                from encounter e
                where e.site_id = ? and e.encounter_date >= ? and e.encounter_date < ?
                  and e.divertible_offence and e.in_catchment and e.diversion_window = 'DIVERSION_NOT_ALLOWED'
                  and not exists (select from participants p where p.person_id = e.person_id)
                group by e.person_id
            ), followed as (
                select cohort, person_id, entry, (entry - make_interval(months => ?))::date as pre_start,
                       (entry + make_interval(months => ?))::date as post_end
                from (select 'LEAD' as cohort, person_id, entry from participants
                      union all select 'COMPARISON', person_id, entry from comparison) m
                where (entry + make_interval(months => ?))::date <= ?
            ), per_member as (
                select f.cohort, f.person_id, f.entry - f.pre_start as pre_days, f.post_end - f.entry as post_days,
                    count(*) filter (where e.kind = 'ARREST' and e.event_date < f.entry and e.event_date >= f.pre_start) > 0 as arrest_pre,
                    count(*) filter (where e.kind = 'ARREST' and e.event_date > f.entry) > 0 as arrest_post,
                    count(*) filter (where e.kind = 'CHARGE_FILED' and e.offence_level = 'FELONY' and e.event_date < f.entry and e.event_date >= f.pre_start) > 0 as felony_pre,
                    count(*) filter (where e.kind = 'CHARGE_FILED' and e.offence_level = 'FELONY' and e.event_date > f.entry) > 0 as felony_post,
                    count(*) filter (where e.kind = 'CHARGE_FILED' and e.offence_level = 'MISDEMEANOR' and e.event_date < f.entry and e.event_date >= f.pre_start) > 0 as misdemeanor_pre,
                    count(*) filter (where e.kind = 'CHARGE_FILED' and e.offence_level = 'MISDEMEANOR' and e.event_date > f.entry) > 0 as misdemeanor_post,
                    count(*) filter (where e.kind = 'PRISON_ADMISSION' and e.event_date < f.entry and e.event_date >= f.pre_start) > 0 as prison_pre,
                    count(*) filter (where e.kind = 'PRISON_ADMISSION' and e.event_date > f.entry) > 0 as prison_post,
                    count(*) filter (where e.kind = 'JAIL_BOOKING' and e.event_date < f.entry and e.event_date >= f.pre_start) as bookings_pre,
                    count(*) filter (where e.kind = 'JAIL_BOOKING' and e.event_date > f.entry) as bookings_post,
                    coalesce(sum(greatest(0, least(coalesce(e.released_on, ?), f.entry - 1) - greatest(e.event_date, f.pre_start) + 1))
                             filter (where e.kind = 'JAIL_BOOKING'), 0) as jail_days_pre,
                    coalesce(sum(greatest(0, least(coalesce(e.released_on, ?), f.post_end) - greatest(e.event_date, f.entry + 1) + 1))
                             filter (where e.kind = 'JAIL_BOOKING'), 0) as jail_days_post,
                    min(e.event_date - f.entry) filter (where e.kind = 'ARREST' and e.event_date > f.entry) as rearrest_days
                from followed f
                left join legal_event e on e.person_id = f.person_id and e.event_date <= f.post_end
                     and (e.event_date >= f.pre_start or (e.kind = 'JAIL_BOOKING' and coalesce(e.released_on, ?) >= f.pre_start))
                group by f.cohort, f.person_id, f.entry, f.pre_start, f.post_end
            ), totals as (
                select cohort, count(*) as followed, sum(pre_days) as pre_days, sum(post_days) as post_days,
                    count(*) filter (where arrest_pre) as arrest_pre, count(*) filter (where arrest_post) as arrest_post,
                    count(*) filter (where felony_pre) as felony_pre, count(*) filter (where felony_post) as felony_post,
                    count(*) filter (where misdemeanor_pre) as misdemeanor_pre,
                    count(*) filter (where misdemeanor_post) as misdemeanor_post,
                    count(*) filter (where prison_pre) as prison_pre, count(*) filter (where prison_post) as prison_post,
                    sum(bookings_pre) as bookings_pre, sum(bookings_post) as bookings_post,
                    sum(jail_days_pre) as jail_days_pre, sum(jail_days_post) as jail_days_post,
                    count(rearrest_days) as rearrested, sum(rearrest_days) as rearrest_sum,
                    percentile_cont(0.5) within group (order by rearrest_days) as rearrest_median
                from per_member group by cohort
            ), costs as (
                select f.cohort,
                    sum(c.amount_minor) filter (where c.component = 'JAIL' and c.cost_date < f.entry) as cost_jail_pre,
                    sum(c.amount_minor) filter (where c.component = 'JAIL' and c.cost_date > f.entry) as cost_jail_post,
                    sum(c.amount_minor) filter (where c.component = 'PRISON' and c.cost_date < f.entry) as cost_prison_pre,
                    sum(c.amount_minor) filter (where c.component = 'PRISON' and c.cost_date > f.entry) as cost_prison_post,
                    sum(c.amount_minor) filter (where c.component = 'PROSECUTION' and c.cost_date < f.entry) as cost_prosecution_pre,
                    sum(c.amount_minor) filter (where c.component = 'PROSECUTION' and c.cost_date > f.entry) as cost_prosecution_post,
                    sum(c.amount_minor) filter (where c.component = 'DEFENCE' and c.cost_date < f.entry) as cost_defence_pre,
                    sum(c.amount_minor) filter (where c.component = 'DEFENCE' and c.cost_date > f.entry) as cost_defence_post,
                    count(*) filter (where c.currency <> ?) as foreign_costs
                from followed f
                join legal_cost c on c.person_id = f.person_id and c.cost_date between f.pre_start and f.post_end
                group by f.cohort
            )
            select t.*, c.cost_jail_pre, c.cost_jail_post, c.cost_prison_pre, c.cost_prison_post, c.cost_prosecution_pre,
                   c.cost_prosecution_post, c.cost_defence_pre, c.cost_defence_post, c.foreign_costs
            from totals t left join costs c on c.cohort = t.cohort
            """;

    private static final List<String> YES_NO = List.of("arrest", "felony", "misdemeanor", "prison");
    private static final List<Measure> YES_NO_MEASURES = List.of(Measure.ARREST_ANY, Measure.CHARGE_FILED_FELONY,
            Measure.CHARGE_FILED_MISD, Measure.PRISON_ADMISSION_ANY);

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String url;

    private W5OutcomeReport(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_815_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path results = Path.of(System.getProperty("w5.results", "examples/benchmarks/results"));
        EmbeddedPostgres embedded = null;
        String url = System.getenv("LEAD_PG_URL");
        if (url == null || url.isBlank()) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        try {
            new W5OutcomeReport(url).run(rows, rounds, perRound, results);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private void run(int rows, int rounds, int perRound, Path results) throws Exception {
        var log = new StringBuilder();
        Instant started = Instant.now();
        log(log, "W5 outcome report: %,d CSV rows, %d interleaved rounds of %d reports a side, seed %d", rows, rounds,
                perRound, SEED);
        log(log, "machine: %d CPUs, max heap %,d MiB, %s %s; load average %.2f", Runtime.getRuntime()
                .availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        Map<String, Long> counts;
        try (LeadDatabase db = LeadDatabase.connect(DatabaseSettings.of(url).withPoolSize(2));
             Connection c = DriverManager.getConnection(url)) {
            counts = OutcomeReportData.counts(c);
            if (counts.get("referrals") == 0) {
                long t0 = System.nanoTime();
                OutcomeReportData.load(url, rows, SEED);
                counts = OutcomeReportData.counts(c);
                log(log, "data generated in %.0f s", (System.nanoTime() - t0) / 1e9);
            } else {
                log(log, "data already there (LEAD_PG_URL): not generated again");
            }
            log(log, "data: %s; %s", counts, serverVersion(c));
            log(log, "report: %s, window %s, data through %s", SCOPE, WINDOW.length(), WINDOW.dataThrough());
            EvaluationReports reports = db.evaluationReports();

            // the answers must agree before any timing
            OutcomeReport library = reports.outcomes(SCOPE, WINDOW, USD);
            Map<String, Double> ours = numbers(library);
            Map<String, Double> theirs = handWritten(c);
            if (!ours.equals(theirs)) {
                throw new IllegalStateException("the two reports differ:\n library " + ours + "\n by hand " + theirs);
            }
            log(log, "check: the library's report equals the hand-written statement's on all %d numbers: %s",
                    ours.size(), ours);

            // warm-up
            for (int i = 0; i < 3; i++) {
                reports.outcomes(SCOPE, WINDOW, USD);
                handWritten(c);
            }
            var lib = new ArrayList<Double>();
            var hand = new ArrayList<Double>();
            var ratios = new ArrayList<Double>();
            var libCpu = new ArrayList<Double>();
            var handCpu = new ArrayList<Double>();
            for (int r = 1; r <= rounds; r++) {
                double libMs = 0;
                double handMs = 0;
                for (int side = 0; side < 2; side++) {
                    boolean first = side == 0;
                    boolean libraryNow = first == (r % 2 == 1); // odd rounds: library first
                    var times = new ArrayList<Double>();
                    var cpu = new ArrayList<Double>();
                    for (int i = 0; i < perRound; i++) {
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        if (libraryNow) {
                            reports.outcomes(SCOPE, WINDOW, USD);
                        } else {
                            handWritten(c);
                        }
                        times.add((System.nanoTime() - t0) / 1e6);
                        cpu.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e6);
                    }
                    double m = median(times);
                    (libraryNow ? libCpu : handCpu).add(median(cpu));
                    if (libraryNow) {
                        libMs = m;
                        lib.add(m);
                    } else {
                        handMs = m;
                        hand.add(m);
                    }
                    log(log, "round %d %s: median %.1f ms of %s; JVM CPU %.1f ms a report", r,
                            libraryNow ? "library" : "by hand", m, format(times), median(cpu));
                }
                ratios.add(libMs / handMs);
                log(log, "round %d ratio library / by hand: %.3f (load average %.2f)", r, libMs / handMs,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            double ratio = median(lib) / median(hand);
            log(log, "median library %.1f ms, by hand %.1f ms: ratio %.3f (round ratios %s); JVM CPU a report: "
                    + "library %.1f ms, by hand %.1f ms", median(lib), median(hand), ratio, format(ratios),
                    median(libCpu), median(handCpu));

            // the library's allocation per report, at the full event count and at a tenth of it
            // (nine in ten events are set aside in another table and put back after, so the data stay reusable)
            long full = allocatedPerReport(reports);
            try (Statement s = c.createStatement()) {
                s.execute("create table legal_event_aside as select * from legal_event where seq % 10 <> 0");
                s.execute("delete from legal_event where seq % 10 <> 0");
                s.execute("vacuum analyze legal_event");
            }
            long tenthEvents = OutcomeReportData.counts(c).get("legal events");
            long tenth = allocatedPerReport(reports);
            try (Statement s = c.createStatement()) {
                s.execute("insert into legal_event overriding system value select * from legal_event_aside");
                s.execute("drop table legal_event_aside");
                s.execute("vacuum analyze legal_event");
            }
            log(log, "library allocation per report: %,d bytes at %,d legal events, %,d bytes at %,d", full,
                    counts.get("legal events"), tenth, tenthEvents);
            log(log, "finished in %d s", Duration.between(started, Instant.now()).toSeconds());

            Files.createDirectories(results);
            String stem = "W5-" + LocalDate.now() + "-N" + rows;
            Files.writeString(results.resolve(stem + ".txt"), log, StandardCharsets.UTF_8);
            Files.writeString(results.resolve(stem + ".json"), String.format(Locale.ROOT, """
                    {"workload": "W5", "csvRows": %d, "data": "%s", "rounds": %d, "reportsPerRound": %d,
                     "libraryMs": %s, "handWrittenMs": %s, "ratio": %.4f,
                     "libraryJvmCpuMs": %s, "handWrittenJvmCpuMs": %s,
                     "libraryAllocatedBytesPerReport": {"fullEvents": %d, "tenthEvents": %d}}
                    """, rows, counts, rounds, perRound, json(lib), json(hand), ratio, json(libCpu), json(handCpu),
                    full, tenth),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * The suite's check: the library's report and the hand-written statement's must agree on every number; the run
     * stops otherwise. Returns how many numbers were compared.
     */
    public static int check(EvaluationReports reports, Connection c) throws SQLException {
        Map<String, Double> ours = numbers(reports.outcomes(SCOPE, WINDOW, USD));
        Map<String, Double> theirs = handWritten(c);
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the two reports differ:\n library " + ours + "\n by hand " + theirs);
        }
        return ours.size();
    }

    /** One report through the library (the suite's library side). */
    public static void libraryReport(EvaluationReports reports) {
        reports.outcomes(SCOPE, WINDOW, USD);
    }

    /** One report by the hand-written statement (the suite's baseline side). */
    public static void handWrittenReport(Connection c) throws SQLException {
        handWritten(c);
    }

    /** The report's scope and window, for the record. */
    public static String describe() {
        return SCOPE + ", window " + WINDOW.length() + ", data through " + WINDOW.dataThrough();
    }

    /** Bytes the calling thread allocates for one report (the median of five). */
    private static long allocatedPerReport(EvaluationReports reports) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        var bytes = new ArrayList<Double>();
        for (int i = 0; i < 5; i++) {
            long before = bean.getThreadAllocatedBytes(thread);
            reports.outcomes(SCOPE, WINDOW, USD);
            bytes.add((double) (bean.getThreadAllocatedBytes(thread) - before));
        }
        return (long) median(bytes);
    }

    /** The numbers of the library's report, named as the hand-written statement's columns. */
    static Map<String, Double> numbers(OutcomeReport report) {
        var out = new TreeMap<String, Double>();
        for (List<MeasureResult> rows : List.of(report.participants(), report.comparison())) {
            for (MeasureResult m : rows) {
                String cohort = m.stratum().get("cohort").orElseThrow();
                String window = m.stratum().get("window").orElse("").toLowerCase(Locale.ROOT);
                int yesNo = YES_NO_MEASURES.indexOf(m.measure());
                if (yesNo >= 0) {
                    out.put(cohort + ".followed", (double) m.base());
                    out.put(cohort + "." + YES_NO.get(yesNo) + "_" + window, (double) m.count());
                } else if (m.measure() == Measure.JAIL_BOOKINGS_PER_YEAR) {
                    out.put(cohort + ".bookings_" + window, (double) m.count());
                    out.put(cohort + "." + window + "_days", (double) m.base());
                } else if (m.measure() == Measure.JAIL_DAYS_PER_YEAR) {
                    out.put(cohort + ".jail_days_" + window, (double) m.count());
                } else if (m.measure() == Measure.LEGAL_COST_DELTA && !window.equals("change")) {
                    String component = m.stratum().get("component").orElseThrow().toLowerCase(Locale.ROOT);
                    if (!component.equals("total")) {
                        out.put(cohort + ".cost_" + component + "_" + window, (double) m.count());
                    }
                } else if (m.measure() == Measure.TIME_TO_REARREST) {
                    String statistic = m.stratum().get("statistic").orElseThrow().toLowerCase(Locale.ROOT);
                    out.put(cohort + ".rearrested", (double) m.count());
                    out.put(cohort + ".rearrest_" + statistic, m.value().map(v -> round(v.toDouble())).orElse(null));
                }
            }
        }
        return out;
    }

    /** The hand-written statement's numbers (an absent cohort has zero counts and no statistics). */
    private static Map<String, Double> handWritten(Connection c) throws SQLException {
        var out = new TreeMap<String, Double>();
        for (String cohort : List.of("LEAD", "COMPARISON")) {
            for (String k : List.of("followed", "pre_days", "post_days", "rearrested")) {
                out.put(cohort + "." + k, 0.0);
            }
            for (String w : List.of("pre", "post")) {
                for (String k : List.of("arrest", "felony", "misdemeanor", "prison", "bookings", "jail_days")) {
                    out.put(cohort + "." + k + "_" + w, 0.0);
                }
                for (CostComponent cc : CostComponent.values()) {
                    out.put(cohort + ".cost_" + cc.name().toLowerCase(Locale.ROOT) + "_" + w, 0.0);
                }
            }
            out.put(cohort + ".rearrest_median", null);
            out.put(cohort + ".rearrest_mean", null);
        }
        try (PreparedStatement ps = c.prepareStatement(HAND_WRITTEN)) {
            int i = 0;
            Timestamp from = Timestamp.from(SCOPE.period().start().atStartOfDay(ZONE).toInstant());
            Timestamp to = Timestamp.from(SCOPE.period().end().atStartOfDay(ZONE).toInstant());
            int months = WINDOW.length().getMonths();
            ps.setString(++i, ZONE.getId());
            ps.setString(++i, SCOPE.site().value());
            ps.setTimestamp(++i, from);
            ps.setTimestamp(++i, to);
            ps.setString(++i, SCOPE.site().value());
            ps.setObject(++i, SCOPE.period().start());
            ps.setObject(++i, SCOPE.period().end());
            ps.setInt(++i, months);
            ps.setInt(++i, months);
            ps.setInt(++i, months);
            ps.setObject(++i, WINDOW.dataThrough());
            for (int k = 0; k < 3; k++) {
                ps.setObject(++i, WINDOW.dataThrough());
            }
            ps.setString(++i, USD.getCurrencyCode());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cohort = rs.getString("cohort");
                    for (String k : out.keySet().stream().filter(k -> k.startsWith(cohort + ".")).toList()) {
                        String column = k.substring(cohort.length() + 1);
                        if (column.equals("rearrest_mean")) {
                            long n = rs.getLong("rearrested");
                            out.put(k, n == 0 ? null : round(rs.getDouble("rearrest_sum") / n));
                        } else if (column.equals("rearrest_median")) {
                            double v = rs.getDouble("rearrest_median");
                            out.put(k, rs.wasNull() ? null : round(v));
                        } else {
                            out.put(k, (double) rs.getLong(column));
                        }
                    }
                    if (rs.getLong("foreign_costs") > 0) {
                        throw new IllegalStateException("costs in another currency");
                    }
                }
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double median(List<Double> xs) {
        var s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String format(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList().toString();
    }

    private static String json(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList().toString();
    }

    private static void log(StringBuilder log, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }
}

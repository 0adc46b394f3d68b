/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leaddiversion.persistence.ImportReport;

/**
 * The data set of the outcome-report workload (W5) at any size: Seattle's referrals generated from a seed
 * ({@link W4Csv}, one person each) and imported through the library's bulk path; then, inside PostgreSQL and
 * deterministically from the seed (every draw is a hash of a row's id and the seed, never {@code random()}):
 * <ul>
 *   <li>nine in ten of the referrals the import left {@code SUBMITTED} complete intake 1–9 days after referral, the
 *       rest lapse — written to the projection columns the evaluation reads ({@code status}, {@code accepted_at},
 *       {@code intake_completed_at}, {@code ended_at}); the state documents stay as imported, which no workload here reads;</li>
 *   <li>a comparison pool: for about one person in seven referred, another person booked for a divertible offence in
 *       the catchment when diversion was not allowed (an {@code encounter} row, a tenth with a second one);</li>
 *   <li>1–11 legal events per person (mean 6) within two years either side of the person's referral or encounter —
 *       arrests 35 %, charges filed 25 % (felony, misdemeanour, infraction), jail bookings 25 % (released 0–19 days
 *       later, one in fifty not yet), prison admissions 3 %, warrants 7 %, dispositions 5 % — with two in five of a
 *       participant's events after entry left out, so the cohorts differ;</li>
 *   <li>the legal costs of those events (jail per day, prosecution and defence per charge, prison per admission,
 *       in USD cents).</li>
 * </ul>
 */
public final class OutcomeReportData {

    /** The site of every generated row. */
    static final String SITE = "seattle-king-county";

    /** Intake: nine in ten complete, the rest lapse. */
    private static final String INTAKE = """
        update referral set
            status = case when h.v % 10 = 0 then 'INTAKE_LAPSED' else 'INTAKE_COMPLETED' end,
            accepted_at = referred_at + interval '35 minutes',
            intake_completed_at = case when h.v % 10 = 0 then null
                                       else referred_at + (1 + h.v % 9) * interval '1 day' end,
            ended_at = case when h.v % 10 = 0 then referred_at + interval '31 days'
                            else referred_at + (1 + h.v % 9) * interval '1 day' end,
            lapse_due_at = null
        from (select id, hashtextextended(id::text || ':intake', :seed) & 2147483647 as v from referral
              where status = 'SUBMITTED') h
        where referral.id = h.id""";

    /**
     * The comparison pool of booked people (:comparison of them), every person's legal events — :eventsMin to
     * :eventsMin + :eventsSpread - 1 each, before and after their anchor day — and their costs, in SQL; drawn from
     * :seed. W5's data set and the benchmark suite's shared one both end with these.
     */
    private static final List<String> LEGAL_HISTORY = List.of(
        // the comparison pool
        """
        insert into encounter (person_id, encounter_date, site_id, equity_group, kind, offence, divertible_offence,
                               in_catchment, diversion_window, disposition)
        select 'C' || lpad(n::text, 8, '0'),
               date '2017-01-01' + ((hashtextextended(n || ':date', :seed) & 2147483647) % 3287)::int,
               'seattle-king-county',
               case when g.v < 55 then 'BLACK' when g.v < 82 then 'WHITE' when g.v < 90 then 'ASIAN'
                    when g.v < 95 then 'NATIVE' else 'UNKNOWN' end,
               'ARREST', 'VUCSA possession', true, true, 'DIVERSION_NOT_ALLOWED', 'BOOKED'
        from generate_series(1, :comparison) n
        cross join lateral (select (hashtextextended(n || ':group', :seed) & 2147483647) % 100 as v) g""",
        """
        insert into encounter (person_id, encounter_date, site_id, equity_group, kind, offence, divertible_offence,
                               in_catchment, diversion_window, disposition)
        select person_id, encounter_date + 30 + ((hashtextextended(seq || ':again', :seed) & 2147483647) % 300)::int,
               site_id, equity_group, kind, offence, true, true, 'DIVERSION_NOT_ALLOWED', 'BOOKED'
        from encounter where (hashtextextended(seq || ':second', :seed) & 2147483647) % 10 = 0""",
        // every person's anchor date: the referral's day, or the first encounter's
        """
        create temporary table anchor as
        select person_id, min(referred_at)::date as day, bool_or(intake_completed_at is not null) as participant
        from referral group by person_id
        union all
        select person_id, min(encounter_date), false from encounter group by person_id""",
        // :eventsMin to :eventsMin + :eventsSpread - 1 events each
        """
        insert into legal_event (person_id, kind, event_date, released_on, arrest_kind, offence_level,
                                 disposition_kind)
        select person_id, kind, event_date,
               case when kind = 'JAIL_BOOKING' and d.v % 50 <> 0 then event_date + (d.v % 20)::int end,
               case when kind = 'ARREST' then case when d.v % 5 = 0 then 'WARRANT' else 'NEW_OFFENCE' end end,
               case when kind in ('CHARGE_FILED', 'DISPOSITION') then
                   case when d.v % 4 = 0 then 'FELONY' when d.v % 4 = 3 then 'INFRACTION' else 'MISDEMEANOR' end end,
               case when kind = 'DISPOSITION' then
                   (array['CONVICTED', 'DISMISSED', 'ACQUITTED', 'DEFERRED', 'OTHER'])[1 + d.v % 5] end
        from (select a.person_id, a.participant, a.day,
                     a.day + ((hashtextextended(a.person_id || ':' || e || ':day', :seed) & 2147483647) % 1461
                              - 730)::int as event_date,
                     case when k.v < 35 then 'ARREST' when k.v < 60 then 'CHARGE_FILED'
                          when k.v < 85 then 'JAIL_BOOKING' when k.v < 88 then 'PRISON_ADMISSION'
                          when k.v < 95 then 'WARRANT_ISSUED' else 'DISPOSITION' end as kind,
                     e
              from anchor a
              cross join lateral generate_series(1,

                  :eventsMin + ((hashtextextended(a.person_id || ':events', :seed) & 2147483647) % :eventsSpread)::int) e
              cross join lateral (select (hashtextextended(a.person_id || ':' || e || ':kind', :seed)
                                          & 2147483647) % 100 as v) k) ev
        cross join lateral (select hashtextextended(ev.person_id || ':' || ev.e || ':detail', :seed)
                                   & 2147483647 as v) d
        where not (ev.participant and ev.event_date > ev.day and d.v % 5 < 2)""",
        // their costs
        """
        insert into legal_cost (person_id, cost_date, component, amount_minor, currency)
        select person_id, event_date, 'JAIL', 15000 * (1 + coalesce(released_on - event_date, 0)), 'USD'
        from legal_event where kind = 'JAIL_BOOKING'
        union all
        select person_id, event_date, 'PROSECUTION', 60000, 'USD' from legal_event where kind = 'CHARGE_FILED'
        union all
        select person_id, event_date, 'DEFENCE', 45000, 'USD' from legal_event where kind = 'CHARGE_FILED'
        union all
        select person_id, event_date, 'PRISON', 3500000, 'USD' from legal_event where kind = 'PRISON_ADMISSION'""",
        "drop table anchor",
        "vacuum analyze");


    private OutcomeReportData() {
    }

    /**
     * Fills the empty, migrated-on-connect database at {@code url} (credentials in the URL) from {@code rows} CSV rows
     * (about 0.55 participants per row) and returns the import's report.
     */
    static ImportReport load(String url, int rows, long seed) {
        try {
            ImportReport report = W4Csv.importInto(url, rows, seed);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute(INTAKE.replace(":seed", Long.toString(seed)));
                for (String sql : legalHistory(rows / 7, 1, 11)) {
                    s.execute(sql.replace(":seed", Long.toString(seed)));
                }
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("generating the outcome report's data failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #LEGAL_HISTORY} for a comparison pool of {@code comparison} people and {@code eventsMin} to
     * {@code eventsMin + eventsSpread - 1} legal events a person; {@code :seed} is left for the caller.
     */
    public static List<String> legalHistory(int comparison, int eventsMin, int eventsSpread) {
        return LEGAL_HISTORY.stream().map(sql -> sql.replace(":comparison", Integer.toString(comparison))
                .replace(":eventsMin", Integer.toString(eventsMin))
                .replace(":eventsSpread", Integer.toString(eventsSpread))).toList();
    }

    /** The row counts of the tables the report reads, for the record. */
    static Map<String, Long> counts(Connection c) throws SQLException {
        return counted(c, "select 'referrals', count(*) from referral",
                "select 'participants', count(distinct person_id) from referral where intake_completed_at is not null",
                "select 'encounters', count(*) from encounter",
                "select 'legal events', count(*) from legal_event",
                "select 'legal costs', count(*) from legal_cost");
    }

    /** Runs each query ({@code select 'label', count(…) …}) and keeps its count under its label, in order. */
    public static Map<String, Long> counted(Connection c, String... queries) throws SQLException {
        var out = new LinkedHashMap<String, Long>();
        try (Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    rs.next();
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}

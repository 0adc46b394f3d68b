/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.suite;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leaddiversion.benchmarks.NestedPageData;
import org.leaddiversion.benchmarks.OutcomeReportData;
import org.leaddiversion.benchmarks.W4Csv;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.DatabaseSettings;
import org.leaddiversion.persistence.ImportReport;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.Reader;

/**
 * The suite's shared data set, generated inside PostgreSQL from a fixed seed: every draw is
 * {@code hashtextextended(<row key>, seed)}, never {@code random()}, so the same seed and size give the same rows.
 *
 * <ul>
 *   <li><b>Referrals in the library's own form.</b> A referral is stored as its state's JSON with projection columns
 *       beside it. The generator first imports {@value #TEMPLATES} (or as many as participants) Seattle referrals
 *       through the library's bulk path ({@link W4Csv}, the W4 generator), so every template is exactly what the
 *       library writes. Then each of N people ({@code S00000001}…) gets 2–4 referrals (3 on average), each a copy of
 *       a template drawn by hash, with a new id and the new person's id substituted in the state and its projection
 *       (columns, screening reasons, held charge). The templates are then removed.</li>
 *   <li>One active enrollment per person a day after her first referral, a plan of four goals, ten contacts.</li>
 *   <li>Three in ten people with a prosecution record: a post-enrollment case filed by the prosecutor, one offence.</li>
 *   <li>For the evaluation (W5): nine in ten people whose first referral is open complete intake 1–9 days later
 *       (the projection columns {@code accepted_at} and {@code intake_completed_at} the evaluation reads; the state
 *       document is left as imported), a comparison pool of N/7 booked people (a tenth booked twice), 2–18 legal
 *       events a person (≈10 per person, ≈10 M at a million) two years either side of the anchor date, two in five of
 *       a participant's post-entry events left out, and their costs.</li>
 * </ul>
 *
 * <p>After generation, {@link #verify} reads generated people back through the library's audited read (referrals,
 * cases): a check at set-up, not a test. W2 then compares the library's page with a hand-written one over these rows.
 */
public final class SuiteData {

    /** Templates imported through the library (fewer when the suite is smaller). */
    static final int TEMPLATES = 50_000;

    static final String SITE = "seattle-king-county";

    private SuiteData() {
    }

    /**
     * Generates the data set into the empty database at {@code url} (a JDBC URL with credentials; the library
     * migrates it on connect) and returns the row counts.
     */
    public static Map<String, Long> generate(String url, int participants, long seed) throws IOException,
            SQLException {
        int templates = Math.min(TEMPLATES, Math.max(1_000, participants));
        ImportReport report = W4Csv.importInto(url, templates, seed);
        if (report.imported() == 0) {
            throw new IllegalStateException("no template referral was imported: " + report.problems());
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> columns = referralColumns(c);
            for (String sql : statements(columns, participants)) {
                long t0 = System.nanoTime();
                String text = sql.replace(":seed", Long.toString(seed)).replace(":participants",
                        Integer.toString(participants));
                s.execute(text);
                System.out.printf("  data: %-60.60s %6.1f s%n", text.strip().replaceAll("\\s+", " "),
                        (System.nanoTime() - t0) / 1e9);
            }
            return counts(c);
        }
    }

    /** The referral table's columns other than those the copy substitutes (id, person_id, state). */
    private static List<String> referralColumns(Connection c) throws SQLException {
        var out = new ArrayList<String>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select column_name from "
                + "information_schema.columns where table_name = 'referral' and table_schema = current_schema() "
                + "order by ordinal_position")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!Set.of("id", "person_id", "state").contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static List<String> statements(List<String> columns, int participants) {
        String cols = String.join(", ", columns);
        String tcols = "t." + String.join(", t.", columns);
        List<String> setUp = List.of(
            // the templates, numbered; each gets its own held-charge id substitution
            """
            create table suite_template as
            select row_number() over (order by r.id) - 1 as k, r.*, d.id as case_id from referral r
            left join diverted_case d on d.referral_id = r.id""",
            "create unique index on suite_template (k)",
            // 2-4 referrals a person, each a template with new ids
            """
            create table suite_copy as
            select p, i, t.k, 'S' || lpad(p::text, 8, '0') as person_id,
                   md5(:seed || ':referral:' || p || ':' || i)::uuid as id,
                   md5(:seed || ':case:' || p || ':' || i)::uuid as case_id
            from generate_series(1, :participants) p
            cross join lateral generate_series(1, 2 + ((hashtextextended(p || ':referrals', :seed)
                                                         & 2147483647) % 3)::int) i
            join suite_template t on t.k = (hashtextextended(p || ':' || i || ':template', :seed) & 2147483647)
                                            % (select count(*) from suite_template)""",
            "insert into referral (id, person_id, " + cols + ", state)\n"
                    + "select c.id, c.person_id, " + tcols + ",\n"
                    + "       replace(replace(case when t.case_id is null then t.state\n"
                    + "                            else replace(t.state, t.case_id::text, c.case_id::text) end,\n"
                    + "                       t.id::text, c.id::text), '\"' || t.person_id || '\"',\n"
                    + "               '\"' || c.person_id || '\"')\n"
                    + "from suite_copy c join suite_template t on t.k = c.k",
            """
            insert into screening_reason (referral_id, ordinal, kind, exclusion, strength, rule, field, code, message)
            select c.id, s.ordinal, s.kind, s.exclusion, s.strength, s.rule, s.field, s.code, s.message
            from suite_copy c join suite_template t on t.k = c.k join screening_reason s on s.referral_id = t.id""",
            """
            insert into diverted_case (id, referral_id, status, reviewing_office, offences, held_at, resolved_at,
                                       release_reason)
            select c.case_id, c.id, d.status, d.reviewing_office, d.offences, d.held_at, d.resolved_at,
                   d.release_reason
            from suite_copy c join suite_template t on t.k = c.k join diverted_case d on d.id = t.case_id""",
            // the templates go: only generated people remain
            // domain_event is append-only (a trigger); the templates' events go with the templates, in this
            // throwaway database only, with the triggers off for this one statement
            "set session_replication_role = replica",
            "delete from domain_event where aggregate_id in (select id::text from suite_template)",
            "set session_replication_role = default",
            "delete from screening_reason where referral_id in (select id from suite_template)",
            "delete from diverted_case where referral_id in (select id from suite_template)",
            "delete from referral where id in (select id from suite_template)",
            "drop table suite_copy",
            "drop table suite_template",
            // W5: nine in ten people whose first referral is open complete intake (projection columns)
            """
            update referral set accepted_at = referred_at + interval '35 minutes',
                   intake_completed_at = referred_at + (1 + h.v % 9) * interval '1 day'
            from (select distinct on (person_id) id, hashtextextended(id::text || ':intake', :seed) & 2147483647 as v
                  from referral order by person_id, referred_at, id) h
            where referral.id = h.id and referral.status = 'SUBMITTED' and h.v % 10 <> 0""",
            // one active enrollment a person, its plan of four goals, ten contacts
            """
            insert into enrollment (id, person_id, site_id, started_at, last_engagement_at, status, open_key, version)
            select md5('enrollment:' || person_id)::uuid, person_id, site_id, first + interval '1 day',
                   first + interval '20 days', 'ACTIVE', site_id || ' ' || person_id, 0
            from (select person_id, min(site_id) as site_id, min(referred_at) as first from referral
                  group by person_id) p""",
            """
            insert into enrollment_referral (enrollment_id, ordinal, referral_id)
            select md5('enrollment:' || person_id)::uuid, 0, id
            from (select distinct on (person_id) person_id, id from referral order by person_id, referred_at, id) r"""
        );
        List<String> prosecution = List.of(
            // three in ten with a prosecution record: a case filed after enrollment, one offence
            """
            insert into post_enrollment_case (id, person_id, site_id, lead_participant, open_enrollment_id,
                filed_or_arrested_at, decision, decided_by_id, decided_by_role, decided_by_agency, decided_at,
                based_on_lead_disclosure, basis, version)
            select md5('case:' || e.id)::uuid, e.person_id, e.site_id, true, e.id, e.started_at + h.v % 60 * interval '1 day',
                   'FILE_STANDARD', 'prosecutor-1', 'PROSECUTOR', 'KCPAO',
                   e.started_at + (h.v % 60 + 3) * interval '1 day', false, 'generated', 0
            from enrollment e
            cross join lateral (select hashtextextended(e.person_id || ':prosecution', :seed) & 2147483647 as v) h
            where h.v % 10 < 3""",
            """
            insert into post_enrollment_offence (case_id, position, code, level, requires_restitution)
            select id, 0, 'THEFT_LOW_LEVEL', 'MISDEMEANOR', false from post_enrollment_case""");
        // W5's comparison pool, about ten legal events a person (2-18) and their costs
        var out = new ArrayList<>(setUp);
        out.addAll(NestedPageData.PLANS_AND_CONTACTS);
        out.addAll(prosecution);
        out.addAll(OutcomeReportData.legalHistory(participants / 7, 2, 17));
        return out;
    }

    /** Row counts of the data set, for the record. */
    public static Map<String, Long> counts(Connection c) throws SQLException {
        return OutcomeReportData.counted(c, "select 'people', count(distinct person_id) from referral",
                "select 'referrals', count(*) from referral",
                "select 'participants (intake completed)', count(distinct person_id) from referral "
                        + "where intake_completed_at is not null",
                "select 'plan goals', count(*) from plan_goal",
                "select 'contacts', count(*) from contact",
                "select 'prosecution records', count(*) from post_enrollment_case",
                "select 'encounters', count(*) from encounter",
                "select 'legal events', count(*) from legal_event",
                "select 'legal costs', count(*) from legal_cost");
    }

    /**
     * Reads fifty generated people back through the library's audited read — their referrals restored from the
     * stored state, their prosecution records — and stops the run unless every referral comes back with the id,
     * person, status and door its projection columns hold, and every case the database holds comes back.
     */
    public static String verify(String url) throws SQLException {
        var referralsOf = new LinkedHashMap<String, Map<String, String>>();
        var casesOf = new LinkedHashMap<String, Long>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select r.person_id, r.id, r.status || ' ' || r.door, (select count(*) "
                     + "from post_enrollment_case p where p.person_id = r.person_id) from referral r "
                     + "where r.person_id in (select distinct person_id from referral order by person_id limit 50)")) {
            while (rs.next()) {
                referralsOf.computeIfAbsent(rs.getString(1), p -> new LinkedHashMap<>()).put(rs.getString(2),
                        rs.getString(3));
                casesOf.put(rs.getString(1), rs.getLong(4));
            }
        }
        Reader reader = Reader.of(Actor.of("suite-check", Role.PROJECT_MANAGER), Purpose.CARE_COORDINATION);
        long referrals = 0;
        long cases = 0;
        try (LeadDatabase db = LeadDatabase.connect(DatabaseSettings.of(url).withPoolSize(2))) {
            var records = db.records(Clock.systemUTC());
            for (var person : referralsOf.entrySet()) {
                var id = new PersonId(person.getKey());
                var read = new LinkedHashMap<String, String>();
                for (var view : records.referralsOf(reader, id).data()) {
                    if (!view.person().id().equals(id)) {
                        throw new IllegalStateException("a generated referral restores with another person's id");
                    }
                    read.put(view.id().value().toString(), view.status().name() + " " + view.door().name());
                }
                if (!read.equals(person.getValue())) {
                    throw new IllegalStateException("the library reads a generated person's referrals back as "
                            + read + " where the projection holds " + person.getValue());
                }
                int k = records.casesOf(reader, id).data().size();
                if (k != casesOf.get(person.getKey())) {
                    throw new IllegalStateException("the library reads " + k + " prosecution records back where the "
                            + "database holds " + casesOf.get(person.getKey()));
                }
                referrals += read.size();
                cases += k;
            }
        }
        return String.format("set-up check: the library read %d generated people back — %d referrals (id, person, "
                + "status, door as projected), %d prosecution records", referralsOf.size(), referrals, cases);
    }
}

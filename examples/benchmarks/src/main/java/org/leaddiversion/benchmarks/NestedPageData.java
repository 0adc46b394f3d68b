/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.leaddiversion.persistence.ImportReport;

/**
 * The data set of the nested-page workloads (W2/W3) at any size, fast: Seattle's referrals generated from a seed
 * ({@link W4Csv}, one person each) and imported through the library's bulk path, then inside PostgreSQL, for every
 * person, an active enrollment a day after her referral, a plan of four goals she set and ten contacts two days apart.
 * Ids are derived from the person's (md5), so the same seed gives the same rows.
 */
public final class NestedPageData {

    /**
     * For every enrollment a plan of four goals (housing, substance use, income, employment) and ten contacts two days
     * apart: the W2 page's nested data, here and in the benchmark suite's shared data set.
     */
    public static final List<String> PLANS_AND_CONTACTS = List.of(
        """
        insert into intervention_plan (id, enrollment_id, version)
        select md5('plan:' || e.id)::uuid, e.id, 4 from enrollment e""",
        """
        insert into plan_goal (plan_id, ordinal, id, plan_domain, kind, description, set_by_participant, status,
                               created_at)
        select p.id, g, md5('goal:' || p.id || ':' || g)::uuid,
               (array['HOUSING', 'SUBSTANCE_USE', 'INCOME_BENEFITS', 'EMPLOYMENT_EDUCATION'])[g + 1], 'GENERAL',
               'goal ' || g, true, (array['OPEN', 'IN_PROGRESS', 'ACHIEVED', 'OPEN'])[g + 1],
               e.started_at + g * interval '1 day'
        from intervention_plan p join enrollment e on e.id = p.enrollment_id cross join generate_series(0, 3) g""",
        """
        insert into contact (enrollment_id, contact_type, contact_at, recorded_at)
        select e.id,
               (array['IN_PERSON_FIELD', 'OFFICE', 'PHONE', 'TEXT', 'ACCOMPANIMENT', 'COLLATERAL'])[1 + c % 6],
               e.started_at + c * interval '2 days', e.started_at + c * interval '2 days' + interval '1 hour'
        from enrollment e cross join generate_series(0, 9) c
        order by e.id, c""");

    private static final String[] AFTER_IMPORT = {
        """
        insert into enrollment (id, person_id, site_id, started_at, last_engagement_at, status, open_key, version)
        select md5('enrollment:' || person_id)::uuid, person_id, site_id, referred_at + interval '1 day',
               referred_at + interval '20 days', 'ACTIVE', site_id || ' ' || person_id, 0
        from referral""",
        """
        insert into enrollment_referral (enrollment_id, ordinal, referral_id)
        select md5('enrollment:' || person_id)::uuid, 0, id from referral""",
    };

    private NestedPageData() {
    }

    /**
     * Fills the empty, migrated-on-connect database at {@code url} with {@code participants} people (fewer by the
     * rows the import rejects, about one in two hundred).
     *
     * @return the import's report
     */
    public static ImportReport load(String url, int participants, long seed) {
        try {
            ImportReport report = W4Csv.importInto(url, participants, seed);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (String sql : AFTER_IMPORT) {
                    s.execute(sql);
                }
                for (String sql : PLANS_AND_CONTACTS) {
                    s.execute(sql);
                }
                s.execute("analyze");
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("generating the nested page's data failed: " + e.getMessage(), e);
        }
    }
}

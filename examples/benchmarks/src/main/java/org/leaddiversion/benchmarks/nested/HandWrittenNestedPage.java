/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.ParticipantCursor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hand-written baseline of W2: the case-management page (participants → referrals, plans → goals, last five
 * contacts) as an engineer would write it for one screen on PostgreSQL — four queries over plain JDBC, the audit
 * entries the library would write in one insert, and Jackson (Spring MVC's) turning records into the same JSON the
 * GraphQL endpoint returns. It knows its reader (a project manager, who reads every field group without consent), so
 * it reads no consents and asks no access policy: that is the work the library does and this endpoint does not.
 */
@RestController
class HandWrittenNestedPage {

    private static final String PAGE = """
            with listed as (
              select r.person_id, r.referred_at, r.id from referral r
              where not exists (select 1 from referral e where e.person_id = r.person_id
                                and (e.referred_at, e.id) < (r.referred_at, r.id))
                and (cast(? as timestamptz) is null or (r.referred_at, r.id) > (?, ?)))
            select c.total, p.person_id, p.referred_at, p.id
            from (select count(distinct person_id) as total from referral) c
            left join (select * from listed order by referred_at, id limit ?) p on true
            order by p.referred_at, p.id""";

    private static final String REFERRALS = """
            select person_id, id, status, door from referral where person_id = any(?)
            order by person_id, referred_at, id""";

    private static final String GOALS = """
            select e.person_id, e.id, g.id, g.plan_domain, g.status
            from enrollment e join intervention_plan p on p.enrollment_id = e.id
            left join plan_goal g on g.plan_id = p.id
            where e.person_id = any(?)
            order by e.person_id, e.started_at, e.id, g.ordinal""";

    private static final String CONTACTS = """
            select person_id, contact_type, contact_at from (
              select e.person_id, c.contact_type, c.contact_at, c.seq,
                     row_number() over (partition by e.person_id order by c.contact_at desc, c.seq desc) as latest
              from contact c join enrollment e on e.id = c.enrollment_id
              where e.person_id = any(?)) t
            where latest <= 5
            order by person_id, contact_at, seq""";

    private static final String AUDIT = """
            insert into audit_entry (actor_id, actor_role, actor_agency, purpose, own_record, assigned,
                                     in_owg_meeting, participant_id, what, data_classes, outcome, record_ids, at)
            select ?, ?, null, 'CARE_COORDINATION', false, false, false, u.participant, u.what, u.classes, 'ALLOWED',
                   u.ids, ?
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) with ordinality
                 as u(participant, what, classes, ids, position)
            order by u.position""";

    private final DataSource dataSource;

    HandWrittenNestedPage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Response(Data data) {
    }

    record Data(Connection participants) {
    }

    record Connection(long totalCount, List<Edge> edges, PageInfo pageInfo) {
    }

    record Edge(Node node) {
    }

    record Node(String id, List<Referral> referrals, List<Plan> plans, List<Contact> contacts) {
    }

    record Referral(String id, String status, String door) {
    }

    record Plan(String enrollmentId, List<Goal> goals) {
    }

    record Goal(String id, String domain, String status) {
    }

    record Contact(String contactType, String contactAt) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    @PostMapping("/handwritten/caseload-page")
    Response page(@RequestParam(defaultValue = "100") int first, @RequestParam(required = false) String after)
            throws SQLException {
        ParticipantCursor from = after == null ? null : ParticipantCursor.of(after, "after");
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Response r = read(c, first, from);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Response read(java.sql.Connection c, int first, ParticipantCursor after) throws SQLException {
        long total = 0;
        List<String> people = new ArrayList<>();
        List<String> firstReferrals = new ArrayList<>();
        Instant lastAt = null;
        String lastReferral = null;
        try (PreparedStatement s = c.prepareStatement(PAGE)) {
            OffsetDateTime at = after == null ? null : after.firstReferredAt().atOffset(ZoneOffset.UTC);
            s.setObject(1, at, Types.TIMESTAMP_WITH_TIMEZONE);
            s.setObject(2, at, Types.TIMESTAMP_WITH_TIMEZONE);
            s.setObject(3, after == null ? null : after.firstReferral().value(), Types.OTHER);
            s.setInt(4, first + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong(1);
                    if (rs.getString(2) != null && people.size() < first + 1) {
                        people.add(rs.getString(2));
                        firstReferrals.add(rs.getString(4));
                        if (people.size() <= first) {
                            lastAt = rs.getTimestamp(3).toInstant();
                            lastReferral = rs.getString(4);
                        }
                    }
                }
            }
        }
        boolean more = people.size() > first;
        if (more) {
            people.remove(first);
            firstReferrals.remove(first);
        }
        Map<String, List<Referral>> referrals = new LinkedHashMap<>();
        Map<String, Map<String, List<Goal>>> plans = new LinkedHashMap<>();
        Map<String, List<Contact>> contacts = new LinkedHashMap<>();
        Array ids = c.createArrayOf("varchar", people.toArray());
        try (PreparedStatement s = c.prepareStatement(REFERRALS)) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    referrals.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Referral(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(GOALS)) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Goal> goals = plans.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>());
                    if (rs.getString(3) != null) {
                        goals.add(new Goal(rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(CONTACTS)) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    contacts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Contact(rs.getString(2), rs.getTimestamp(3).toInstant().toString()));
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (String p : people) {
            List<Plan> theirs = new ArrayList<>();
            plans.getOrDefault(p, Map.of()).forEach((enrollment, goals) -> theirs.add(new Plan(enrollment, goals)));
            edges.add(new Edge(new Node(p, referrals.getOrDefault(p, List.of()), theirs,
                    contacts.getOrDefault(p, List.of()))));
        }
        audit(c, people, firstReferrals, referrals, plans, contacts);
        String end = lastAt == null ? null : new ParticipantCursor(lastAt,
                new ReferralId(java.util.UUID.fromString(lastReferral))).token();
        return new Response(new Data(new Connection(total, edges, new PageInfo(more, end))));
    }

    /** The entries the library writes for this page: one per person listed and one for the page, one per group. */
    private static void audit(java.sql.Connection c, List<String> people, List<String> firstReferrals,
                              Map<String, List<Referral>> referrals, Map<String, Map<String, List<Goal>>> plans,
                              Map<String, List<Contact>> contacts) throws SQLException {
        List<String> who = new ArrayList<>();
        List<String> what = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            add(who, what, classes, ids, people.get(i), "participants", "REFERRAL_CORE",
                    "referral:" + firstReferrals.get(i));
        }
        add(who, what, classes, ids, null, "participants", "REFERRAL_CORE",
                String.join(",", firstReferrals.stream().map(r -> "referral:" + r).toList()));
        for (String p : people) {
            add(who, what, classes, ids, p, "referrals", "LEGAL_COORDINATION,REFERRAL_CORE,SCREENING",
                    String.join(",", referrals.getOrDefault(p, List.of()).stream().map(r -> "referral:" + r.id())
                            .toList()));
        }
        for (String p : people) {
            add(who, what, classes, ids, p, "plans", "PLAN_SUMMARY", String.join(",",
                    plans.getOrDefault(p, Map.of()).keySet().stream().map(e -> "plan-of:" + e).toList()));
        }
        for (String p : people) {
            add(who, what, classes, ids, p, "contacts", "CASE_NOTES", "contacts:" + contacts.getOrDefault(p,
                    List.of()).size());
        }
        try (PreparedStatement s = c.prepareStatement(AUDIT)) {
            s.setString(1, NestedPageServer.READER.id().value());
            s.setString(2, NestedPageServer.READER.role().name());
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.setArray(4, c.createArrayOf("varchar", who.toArray()));
            s.setArray(5, c.createArrayOf("varchar", what.toArray()));
            s.setArray(6, c.createArrayOf("varchar", classes.toArray()));
            s.setArray(7, c.createArrayOf("varchar", ids.toArray()));
            s.executeUpdate();
        }
    }

    private static void add(List<String> who, List<String> what, List<String> classes, List<String> ids,
                            String person, String group, String dataClasses, String recordIds) {
        who.add(person);
        what.add(group);
        classes.add(dataClasses);
        ids.add(recordIds);
    }
}

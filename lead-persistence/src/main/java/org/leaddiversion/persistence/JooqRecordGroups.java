/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Result;
import org.jooq.RowN;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Loads the field groups of many participants' records in at most two statements: their referrals (a referral is
 * stored as its state's JSON text, best read as a plain column), and every other group in one statement of one row per
 * participant, each group a nested collection ({@code MULTISET}, which jOOQ writes as SQL/JSON on PostgreSQL and H2)
 * read only for the people whose group is to be loaded. It only finds; deciding what may be loaded and auditing are
 * {@link ParticipantRecords}'.
 */
final class JooqRecordGroups {

    private final JooqTransactions tx;
    private final JooqReferrals referrals;

    JooqRecordGroups(JooqTransactions tx, JooqReferrals referrals) {
        this.tx = tx;
        this.referrals = referrals;
    }

    /** What one statement loaded: each group's data by participant (a participant not loaded has none). */
    record Loaded(Map<RecordGroup, Map<PersonId, List<?>>> data) {

        static final Loaded NOTHING = new Loaded(Map.of());

        /** The data of {@code group} loaded for {@code person}. */
        @SuppressWarnings("unchecked")
        <T> List<T> of(RecordGroup group, PersonId person) {
            return (List<T>) data.getOrDefault(group, Map.of()).getOrDefault(person, List.of());
        }
    }

    /**
     * Loads each group of {@code who} (consents excepted: they are read with the decisions) for the people named
     * there: the referrals in one statement, the other groups in one more; nothing when nobody is named.
     *
     * @param lastContacts the number of latest contacts to load, or all of them when empty
     */
    Loaded load(Map<RecordGroup, Set<PersonId>> who, OptionalInt lastContacts) {
        List<RecordGroup> groups = new ArrayList<>();
        Set<PersonId> people = new TreeSet<>();
        Map<RecordGroup, Map<PersonId, List<?>>> out = new EnumMap<>(RecordGroup.class);
        who.forEach((group, persons) -> {
            if (group == RecordGroup.REFERRALS && !persons.isEmpty()) {
                // a referral is stored as its state's JSON text: nested in a collection, that text would be escaped
                // into the collection's JSON and parsed twice, so referrals come in a plain statement of their own
                var byPerson = new HashMap<PersonId, List<?>>();
                Map<PersonId, List<Object>> theirs = new HashMap<>();
                referrals.ofPeople(persons).forEach(r -> theirs.computeIfAbsent(r.submission().person().id(),
                        k -> new ArrayList<>()).add(r));
                persons.forEach(p -> byPerson.put(p, theirs.getOrDefault(p, List.of())));
                out.put(group, byPerson);
            } else if (group != RecordGroup.CONSENTS && !persons.isEmpty()) {
                groups.add(group);
                people.addAll(persons);
            }
        });
        if (people.isEmpty()) {
            return new Loaded(out);
        }
        groups.sort(Comparator.naturalOrder());
        // one row per person: her id, then for each group her id again where the group is to be loaded, else null
        List<String> names = new ArrayList<>(List.of("person_id"));
        groups.forEach(g -> names.add(g.name().toLowerCase(java.util.Locale.ROOT)));
        List<RowN> rows = new ArrayList<>();
        for (PersonId p : people) {
            List<Field<?>> cells = new ArrayList<>(List.of(val(p.value(), SQLDataType.VARCHAR)));
            for (RecordGroup g : groups) {
                cells.add(val(who.get(g).contains(p) ? p.value() : null, SQLDataType.VARCHAR));
            }
            rows.add(row(cells));
        }
        Table<Record> table = values(rows.toArray(RowN[]::new)).as("people", names.toArray(String[]::new));
        Field<String> person = table.field("person_id", String.class);
        Map<RecordGroup, Field<? extends Result<? extends Record>>> nested = new EnumMap<>(RecordGroup.class);
        for (RecordGroup g : groups) {
            nested.put(g, nested(g, table.field(names.get(groups.indexOf(g) + 1), String.class), lastContacts,
                    tx.dsl().dialect()));
        }
        List<SelectField<?>> columns = new ArrayList<>(List.of(person));
        columns.addAll(nested.values());
        groups.forEach(g -> out.put(g, new HashMap<>()));
        for (Record r : tx.dsl().select(columns).from(table).fetch()) {
            PersonId p = new PersonId(r.get(person));
            nested.forEach((g, field) -> out.get(g).put(p, read(g, r.get(field))));
        }
        return new Loaded(out);
    }

    // ---- the nested collection of each group ----------------------------------------------------------------------

    private static final Field<UUID> ENROLLMENT_ID = ENROLLMENT.ID;
    private static final Field<Result<Record>> PLAN = JooqInterventionPlans.planOf(ENROLLMENT_ID).as("plan");
    private static final Field<Result<Record>> FUND = JooqFlexFunds.fundOf(ENROLLMENT_ID).as("fund");

    private static Field<? extends Result<? extends Record>> nested(RecordGroup group, Field<String> person,
                                                                     OptionalInt lastContacts, SQLDialect dialect) {
        String alias = group.name().toLowerCase(java.util.Locale.ROOT) + "_of";
        switch (group) {
            case ENROLLMENTS:
                return JooqEnrollments.enrollmentsOf(person).as(alias);
            case PLANS:
                return multiset(select(ENROLLMENT.ID, ENROLLMENT.STARTED_AT, PLAN, FUND).from(ENROLLMENT)
                        .where(ENROLLMENT.PERSON_ID.eq(person))).as(alias);
            case CONTACTS:
                return JooqContacts.contactsOf(person, lastContacts, dialect).as(alias);
            case CASES:
                return JooqPostEnrollmentCases.casesOf(person).as(alias);
            default:
                throw new IllegalArgumentException("not loaded with the others: " + group);
        }
    }

    @SuppressWarnings("unchecked")
    private List<?> read(RecordGroup group, Result<? extends Record> rows) {
        switch (group) {
            case ENROLLMENTS:
                return JooqEnrollments.enrollments((Result<Record>) rows);
            case PLANS:
                return plans((Result<Record4<UUID, OffsetDateTime, Result<Record>, Result<Record>>>) rows);
            case CONTACTS:
                return JooqContacts.contacts(
                        (Result<org.jooq.Record5<UUID, String, OffsetDateTime, OffsetDateTime, Long>>) rows);
            case CASES:
                return JooqPostEnrollmentCases.cases((Result<Record>) rows);
            default:
                throw new IllegalArgumentException("not loaded with the others: " + group);
        }
    }

    /** One summary per enrollment with a plan or a fund, in the order the enrollments started. */
    private static List<PlanSummary> plans(Result<Record4<UUID, OffsetDateTime, Result<Record>, Result<Record>>> rows) {
        Comparator<Record4<UUID, OffsetDateTime, Result<Record>, Result<Record>>> started = Comparator.comparing(
                r -> r.value2().toInstant());
        var out = new ArrayList<PlanSummary>();
        rows.stream().sorted(started.thenComparing(r -> r.value1())).forEach(r -> {
            var plan = JooqInterventionPlans.plan(r.value3());
            var fund = JooqFlexFunds.fund(r.value4());
            if (plan.isPresent() || fund.isPresent()) {
                out.add(new PlanSummary(new EnrollmentId(r.value1()), plan, fund));
            }
        });
        return out;
    }
}

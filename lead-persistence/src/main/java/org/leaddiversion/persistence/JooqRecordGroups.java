/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.RowN;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Loads the field groups of many participants' records in at most two statements: their referrals, plans and
 * contacts in one statement of plain tagged rows ({@link JooqGroupRows}: what a case-management page asks for, read by
 * column), and their enrollments and cases in one statement of one row per participant, each group a nested
 * collection ({@code MULTISET}, which jOOQ writes as SQL/JSON on PostgreSQL and H2) read only for the people whose
 * group is to be loaded. It only finds; deciding what may be loaded and auditing are {@link ParticipantRecords}'.
 */
final class JooqRecordGroups {

    private final JooqTransactions tx;
    private final JooqGroupRows rows;

    JooqRecordGroups(JooqTransactions tx) {
        this.tx = tx;
        this.rows = new JooqGroupRows(tx);
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
     * there: the referrals, plans and contacts in one statement, enrollments and cases in one more; nothing when nobody
     * is named.
     *
     * @param lastContacts the number of latest contacts to load, or all of them when empty
     */
    Loaded load(Map<RecordGroup, Set<PersonId>> who, OptionalInt lastContacts) {
        List<RecordGroup> groups = new ArrayList<>();
        Set<PersonId> people = new TreeSet<>();
        Map<RecordGroup, Map<PersonId, List<?>>> out = new EnumMap<>(RecordGroup.class);
        Map<RecordGroup, Set<PersonId>> inRows = new EnumMap<>(RecordGroup.class);
        who.forEach((group, persons) -> {
            if (JooqGroupRows.GROUPS.contains(group)) {
                if (!persons.isEmpty()) {
                    inRows.put(group, persons);
                }
            } else if (group != RecordGroup.CONSENTS && !persons.isEmpty()) {
                groups.add(group);
                people.addAll(persons);
            }
        });
        if (!inRows.isEmpty()) {
            out.putAll(rows.load(inRows, lastContacts));
        }
        if (people.isEmpty()) {
            return new Loaded(out);
        }
        groups.sort(Comparator.naturalOrder());
        // one row per person: her id, then for each group her id again where the group is to be loaded, else null
        List<String> names = new ArrayList<>(List.of("person_id"));
        groups.forEach(g -> names.add(g.name().toLowerCase(java.util.Locale.ROOT)));
        List<RowN> rowsOfPeople = new ArrayList<>();
        for (PersonId p : people) {
            List<Field<?>> cells = new ArrayList<>(List.of(val(p.value(), SQLDataType.VARCHAR)));
            for (RecordGroup g : groups) {
                cells.add(val(who.get(g).contains(p) ? p.value() : null, SQLDataType.VARCHAR));
            }
            rowsOfPeople.add(row(cells));
        }
        Table<Record> table = values(rowsOfPeople.toArray(RowN[]::new)).as("people", names.toArray(String[]::new));
        Field<String> person = table.field("person_id", String.class);
        Map<RecordGroup, Field<? extends Result<? extends Record>>> nested = new EnumMap<>(RecordGroup.class);
        for (RecordGroup g : groups) {
            nested.put(g, nested(g, table.field(names.get(groups.indexOf(g) + 1), String.class)));
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

    private static Field<? extends Result<? extends Record>> nested(RecordGroup group, Field<String> person) {
        String alias = group.name().toLowerCase(java.util.Locale.ROOT) + "_of";
        switch (group) {
            case ENROLLMENTS:
                return JooqEnrollments.enrollmentsOf(person).as(alias);
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
            case CASES:
                return JooqPostEnrollmentCases.cases((Result<Record>) rows);
            default:
                throw new IllegalArgumentException("not loaded with the others: " + group);
        }
    }
}

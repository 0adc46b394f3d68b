/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.AUDIT_ENTRY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.jooq.tables.records.AuditEntryRecord;

/** The append-only {@code audit_entry} table: it only ever inserts, in the reading transaction. */
final class JooqAuditLog {

    private final JooqTransactions tx;

    JooqAuditLog(JooqTransactions tx) {
        this.tx = tx;
    }

    /** One entry to append: everything but the reader, which a read shares across its entries. */
    record Pending(Optional<PersonId> participant, String what, Set<DataClass> released, AuditOutcome outcome,
                   List<String> recordIds, Instant at) {
    }

    /** Appends one entry; must run in the read's transaction. */
    void append(Reader reader, Optional<PersonId> participant, String what, Set<DataClass> released,
                AuditOutcome outcome, List<String> recordIds, Instant at) {
        appendAll(reader, List.of(new Pending(participant, what, released, outcome, recordIds, at)));
    }

    /**
     * Appends the entries of one read in order, in one statement whatever their number: the reader's columns are bound
     * once, each entry's own values travel as arrays the database unnests (one statement per distinct time, and a read
     * has one).
     */
    void appendAll(Reader reader, List<Pending> entries) {
        Actor a = reader.actor();
        RecipientCircumstances c = reader.circumstances();
        Map<Instant, List<Pending>> byTime = new LinkedHashMap<>();
        entries.forEach(e -> byTime.computeIfAbsent(e.at(), k -> new ArrayList<>()).add(e));
        byTime.forEach((at, pending) -> {
            int n = pending.size();
            String[] participants = new String[n];
            String[] whats = new String[n];
            String[] classes = new String[n];
            String[] outcomes = new String[n];
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                Pending e = pending.get(i);
                participants[i] = e.participant().map(PersonId::value).orElse(null);
                whats[i] = e.what();
                classes[i] = EnumSet.copyOf(withNone(e.released())).stream().map(Enum::name)
                        .collect(Collectors.joining(","));
                outcomes[i] = e.outcome().name();
                ids[i] = String.join(",", e.recordIds());
            }
            Map<String, Object> values = new HashMap<>();
            values.put("actor_id", a.id().value());
            values.put("actor_role", a.role().name());
            values.put("actor_agency", a.agency().orElse(null));
            values.put("purpose", reader.purpose().name());
            values.put("own_record", c.own());
            values.put("assigned", c.assigned());
            values.put("in_owg_meeting", c.inOwgMeeting());
            values.put("at", at);
            values.put("participant_ids", participants);
            values.put("whats", whats);
            values.put("data_classes", classes);
            values.put("outcomes", outcomes);
            values.put("record_ids", ids);
            insert().update(tx.dsl(), values);
        });
    }

    /** The insert of one read's entries: its text is the same for every read, so it is rendered once. */
    private volatile FixedStatement insert;

    private FixedStatement insert() {
        FixedStatement rendered = insert;
        if (rendered == null) {
            Table<?> rows = DSL.table("unnest({0}, {1}, {2}, {3}, {4}) with ordinality", texts("participant_ids"),
                    texts("whats"), texts("data_classes"), texts("outcomes"), texts("record_ids"))
                    .as("pending", "participant_id", "what", "data_classes", "outcome", "record_ids", "position");
            var query = tx.dsl().insertInto(AUDIT_ENTRY, AUDIT_ENTRY.ACTOR_ID, AUDIT_ENTRY.ACTOR_ROLE,
                            AUDIT_ENTRY.ACTOR_AGENCY, AUDIT_ENTRY.PURPOSE, AUDIT_ENTRY.OWN_RECORD, AUDIT_ENTRY.ASSIGNED,
                            AUDIT_ENTRY.IN_OWG_MEETING, AUDIT_ENTRY.PARTICIPANT_ID, AUDIT_ENTRY.WHAT,
                            AUDIT_ENTRY.DATA_CLASSES, AUDIT_ENTRY.OUTCOME, AUDIT_ENTRY.RECORD_IDS, AUDIT_ENTRY.AT)
                    .select(DSL.select(DSL.param("actor_id", SQLDataType.VARCHAR),
                                    DSL.param("actor_role", SQLDataType.VARCHAR),
                                    DSL.param("actor_agency", SQLDataType.VARCHAR),
                                    DSL.param("purpose", SQLDataType.VARCHAR),
                                    DSL.param("own_record", SQLDataType.BOOLEAN),
                                    DSL.param("assigned", SQLDataType.BOOLEAN),
                                    DSL.param("in_owg_meeting", SQLDataType.BOOLEAN), pending("participant_id"),
                                    pending("what"), pending("data_classes"), pending("outcome"),
                                    pending("record_ids"), DSL.param("at", SQLDataType.TIMESTAMPWITHTIMEZONE))
                            .from(rows).orderBy(DSL.field(DSL.name("pending", "position"))));
            rendered = FixedStatement.of(tx.dsl(), query);
            insert = rendered;
        }
        return rendered;
    }

    private static Field<String> pending(String column) {
        return DSL.field(DSL.name("pending", column), String.class);
    }

    private static Field<String[]> texts(String name) {
        return DSL.param(name, SQLDataType.VARCHAR.array());
    }

    /** The entries about {@code participant}, oldest first. */
    List<AuditEntry> about(PersonId participant) {
        return tx.dsl().selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.PARTICIPANT_ID.eq(participant.value()))
                .orderBy(AUDIT_ENTRY.SEQ).fetch(JooqAuditLog::entry);
    }

    /** Every entry, oldest first (tests and the compliance export). */
    List<AuditEntry> all() {
        return tx.dsl().selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetch(JooqAuditLog::entry);
    }

    private static Set<DataClass> withNone(Set<DataClass> released) {
        return released.isEmpty() ? EnumSet.noneOf(DataClass.class) : released;
    }

    private static AuditEntry entry(AuditEntryRecord r) {
        Set<DataClass> classes = r.getDataClasses().isEmpty() ? Set.of()
                : Arrays.stream(r.getDataClasses().split(",")).map(DataClass::valueOf).collect(Collectors.toSet());
        List<String> ids = r.getRecordIds().isEmpty() ? List.of() : List.of(r.getRecordIds().split(","));
        return new AuditEntry(r.getSeq(), new Actor(new ActorId(r.getActorId()), Role.valueOf(r.getActorRole()),
                Optional.ofNullable(r.getActorAgency())), Purpose.valueOf(r.getPurpose()),
                new RecipientCircumstances(r.getOwnRecord(), r.getAssigned(), r.getInOwgMeeting()),
                Optional.ofNullable(r.getParticipantId()).map(PersonId::new), r.getWhat(), classes,
                AuditOutcome.valueOf(r.getOutcome()), ids, r.getAt().toInstant());
    }
}

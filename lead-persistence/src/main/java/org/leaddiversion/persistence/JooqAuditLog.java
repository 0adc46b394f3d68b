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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
     * Appends the entries of one read in order, as few multi-row inserts as the bind limit allows (one for up to
     * {@value #ENTRIES_PER_STATEMENT} entries): a batched read costs the same statements whatever its size.
     */
    void appendAll(Reader reader, List<Pending> entries) {
        Actor a = reader.actor();
        RecipientCircumstances c = reader.circumstances();
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_STATEMENT) {
            var rows = new ArrayList<AuditEntryRecord>();
            for (Pending e : entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_STATEMENT))) {
                var r = new AuditEntryRecord();
                r.setActorId(a.id().value());
                r.setActorRole(a.role().name());
                r.setActorAgency(a.agency().orElse(null));
                r.setPurpose(reader.purpose().name());
                r.setOwnRecord(c.own());
                r.setAssigned(c.assigned());
                r.setInOwgMeeting(c.inOwgMeeting());
                r.setParticipantId(e.participant().map(PersonId::value).orElse(null));
                r.setWhat(e.what());
                r.setDataClasses(EnumSet.copyOf(withNone(e.released())).stream().map(Enum::name)
                        .collect(Collectors.joining(",")));
                r.setOutcome(e.outcome().name());
                r.setRecordIds(String.join(",", e.recordIds()));
                r.setAt(EventStore.utc(e.at()));
                rows.add(r);
            }
            var insert = tx.dsl().insertInto(AUDIT_ENTRY, COLUMNS);
            for (AuditEntryRecord r : rows) {
                insert = insert.values(COLUMNS.stream().map(f -> (Object) r.get(f)).toList());
            }
            insert.execute();
        }
    }

    private static final List<org.jooq.Field<?>> COLUMNS = List.of(AUDIT_ENTRY.ACTOR_ID, AUDIT_ENTRY.ACTOR_ROLE,
            AUDIT_ENTRY.ACTOR_AGENCY, AUDIT_ENTRY.PURPOSE, AUDIT_ENTRY.OWN_RECORD, AUDIT_ENTRY.ASSIGNED,
            AUDIT_ENTRY.IN_OWG_MEETING, AUDIT_ENTRY.PARTICIPANT_ID, AUDIT_ENTRY.WHAT, AUDIT_ENTRY.DATA_CLASSES,
            AUDIT_ENTRY.OUTCOME, AUDIT_ENTRY.RECORD_IDS, AUDIT_ENTRY.AT);

    /** 13 bind values an entry: 2,000 × 13 = 26,000, under PostgreSQL's 65,535 and H2's limits. */
    private static final int ENTRIES_PER_STATEMENT = 2_000;

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

package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.AUDIT_ENTRY;

import java.time.Instant;
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

    /** Appends one entry; must run in the read's transaction. */
    void append(Reader reader, Optional<PersonId> participant, String what, Set<DataClass> released,
                AuditOutcome outcome, List<String> recordIds, Instant at) {
        Actor a = reader.actor();
        RecipientCircumstances c = reader.circumstances();
        tx.dsl().insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ACTOR_ID, a.id().value())
                .set(AUDIT_ENTRY.ACTOR_ROLE, a.role().name())
                .set(AUDIT_ENTRY.ACTOR_AGENCY, a.agency().orElse(null))
                .set(AUDIT_ENTRY.PURPOSE, reader.purpose().name())
                .set(AUDIT_ENTRY.OWN_RECORD, c.own())
                .set(AUDIT_ENTRY.ASSIGNED, c.assigned())
                .set(AUDIT_ENTRY.IN_OWG_MEETING, c.inOwgMeeting())
                .set(AUDIT_ENTRY.PARTICIPANT_ID, participant.map(PersonId::value).orElse(null))
                .set(AUDIT_ENTRY.WHAT, what)
                .set(AUDIT_ENTRY.DATA_CLASSES, EnumSet.copyOf(withNone(released)).stream()
                        .map(Enum::name).collect(Collectors.joining(",")))
                .set(AUDIT_ENTRY.OUTCOME, outcome.name())
                .set(AUDIT_ENTRY.RECORD_IDS, String.join(",", recordIds))
                .set(AUDIT_ENTRY.AT, EventStore.utc(at))
                .execute();
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

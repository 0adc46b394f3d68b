/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.DISCLOSURE_ENTRY;
import static org.leaddiversion.persistence.jooq.Tables.LOG_SEQUENCE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.consent.Part2Exception;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.jooq.tables.records.DisclosureEntryRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link DisclosureLog} in the {@code disclosure_entry} table: an entry and its event are written in one
 * transaction, numbered without gaps. On PostgreSQL the table refuses UPDATE, DELETE and TRUNCATE itself.
 */
final class JooqDisclosureLog implements DisclosureLog {

    private final JooqTransactions tx;
    private final EventStore events;
    private final JsonMapper json = JsonMapper.builder().build();

    JooqDisclosureLog(JooqTransactions tx, EventStore events) {
        this.tx = tx;
        this.events = events;
    }

    @Override
    public Entry record(DisclosureDecision decision) {
        Require.present(decision, "decision");
        return tx.inTransaction(() -> {
            tx.dsl().update(LOG_SEQUENCE).set(LOG_SEQUENCE.LAST_VALUE, LOG_SEQUENCE.LAST_VALUE.plus(1))
                    .where(LOG_SEQUENCE.NAME.eq("disclosure")).execute();
            long seq = tx.dsl().select(LOG_SEQUENCE.LAST_VALUE).from(LOG_SEQUENCE)
                    .where(LOG_SEQUENCE.NAME.eq("disclosure")).fetchSingle(LOG_SEQUENCE.LAST_VALUE);
            Entry entry = Entry.of(seq, decision);
            tx.dsl().insertInto(DISCLOSURE_ENTRY).set(record(entry)).execute();
            events.append(List.of(decision.event()));
            return entry;
        });
    }

    /**
     * Writes {@code entries} as they are, sequence numbers included, and moves the log's sequence past the last: a
     * loaded log (see {@link ProgrammeLoad}). Their events belong to the event log and are not written here.
     */
    void restore(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        tx.dsl().batchInsert(entries.stream().map(this::record).toList()).execute();
        long last = entries.stream().mapToLong(Entry::sequence).max().getAsLong();
        tx.dsl().update(LOG_SEQUENCE).set(LOG_SEQUENCE.LAST_VALUE, last).where(LOG_SEQUENCE.NAME.eq("disclosure"))
                .execute();
    }

    @Override
    public List<Entry> entries() {
        return tx.dsl().selectFrom(DISCLOSURE_ENTRY).orderBy(DISCLOSURE_ENTRY.SEQ).fetch(this::entry);
    }

    @Override
    public List<Entry> entriesAbout(PersonId participant) {
        return tx.dsl().selectFrom(DISCLOSURE_ENTRY).where(DISCLOSURE_ENTRY.PARTICIPANT_ID.eq(participant.value()))
                .orderBy(DISCLOSURE_ENTRY.SEQ).fetch(this::entry);
    }

    private DisclosureEntryRecord record(Entry e) {
        var r = new DisclosureEntryRecord();
        r.setSeq(e.sequence());
        r.setRequesterId(e.who().value());
        r.setRequesterRole(e.whoRole().name());
        r.setRecipientRole(e.to().name());
        r.setRecipientAgency(e.toAgency().orElse(null));
        r.setOwnRecord(e.circumstances().own());
        r.setAssigned(e.circumstances().assigned());
        r.setInOwgMeeting(e.circumstances().inOwgMeeting());
        r.setParticipantId(e.participant().value());
        r.setDataClasses(e.dataClasses().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        r.setPurpose(e.purpose().name());
        r.setPart2Exception(e.part2Exception().map(Enum::name).orElse(null));
        r.setConsentIds(e.consents().stream().map(c -> c.value().toString()).collect(Collectors.joining(",")));
        r.setGranted(e.granted());
        r.setRedisclosureNotice(e.redisclosureNotice().orElse(null));
        r.setNonEvidentiary(e.nonEvidentiary());
        r.setReasons(json.writeValueAsString(e.reasons()));
        r.setAt(EventStore.utc(e.at()));
        return r;
    }

    private Entry entry(DisclosureEntryRecord r) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        for (String c : r.getDataClasses().split(",")) {
            classes.add(DataClass.valueOf(c));
        }
        List<ConsentId> consents = r.getConsentIds().isEmpty() ? List.of()
                : Arrays.stream(r.getConsentIds().split(",")).map(s -> new ConsentId(UUID.fromString(s))).toList();
        List<DomainError> reasons = json.readValue(r.getReasons(), new TypeReference<List<DomainError>>() { });
        return new Entry(r.getSeq(), new ActorId(r.getRequesterId()), Role.valueOf(r.getRequesterRole()),
                Role.valueOf(r.getRecipientRole()), Optional.ofNullable(r.getRecipientAgency()),
                new RecipientCircumstances(r.getOwnRecord(), r.getAssigned(), r.getInOwgMeeting()),
                new PersonId(r.getParticipantId()), classes, Purpose.valueOf(r.getPurpose()),
                Optional.ofNullable(r.getPart2Exception()).map(Part2Exception::valueOf), consents, r.getGranted(),
                Optional.ofNullable(r.getRedisclosureNotice()), r.getNonEvidentiary(), reasons,
                r.getAt().toInstant());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.leaddiversion.persistence.jooq.Tables.CONSENT;
import static org.leaddiversion.persistence.jooq.Tables.CONSENT_SCOPE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SelectField;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Consents;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.jooq.tables.records.ConsentRecord;
import org.leaddiversion.persistence.jooq.tables.records.ConsentScopeRecord;

/** {@link Consents} in the {@code consent} and {@code consent_scope} tables, with optimistic locking. */
final class JooqConsents implements Consents {

    private final JooqTransactions tx;
    private final EventStore events;

    JooqConsents(JooqTransactions tx, EventStore events) {
        this.tx = tx;
        this.events = events;
    }

    @Override
    public Optional<Consent> find(ConsentId id) {
        return load(CONSENT.ID.eq(id.value())).stream().findFirst();
    }

    @Override
    public List<Consent> of(PersonId participant) {
        return load(CONSENT.PARTICIPANT_ID.eq(participant.value()));
    }

    /** The consents of {@code people}, in the order signed (one statement, scopes nested). */
    List<Consent> ofPeople(java.util.Collection<PersonId> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return load(CONSENT.PARTICIPANT_ID.in(people.stream().map(PersonId::value).toList()));
    }

    /**
     * The consents of the person {@code person} names, in the order signed, each with its scope: a nested collection
     * for a query that reads participants, mapped back by {@link #consents(Result)}.
     */
    static Field<Result<Record>> consentsOf(Field<String> person) {
        return multiset(select(COLUMNS).from(CONSENT).where(CONSENT.PARTICIPANT_ID.eq(person))
                .orderBy(CONSENT.SIGNED_AT, CONSENT.ID));
    }

    /** The consents a {@link #consentsOf} collection holds, in the order signed. */
    static List<Consent> consents(Result<Record> rows) {
        var out = new ArrayList<Consent>(rows.size());
        rows.forEach(r -> out.add(toConsent(r)));
        out.sort(SIGNED);
        return out;
    }

    @Override
    public void save(Consent consent, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            UUID id = consent.id().value();
            if (expectedVersion < 0) {
                if (tx.dsl().fetchExists(CONSENT, CONSENT.ID.eq(id))) {
                    throw new ConcurrentUpdateException("Consent", consent.id().toString(), expectedVersion, 0);
                }
                tx.dsl().insertInto(CONSENT).set(record(consent)).execute();
                var scopes = tx.dsl().insertInto(CONSENT_SCOPE, CONSENT_SCOPE.CONSENT_ID, CONSENT_SCOPE.KIND,
                        CONSENT_SCOPE.VAL);
                for (Role r : consent.recipientRoles()) {
                    scopes = scopes.values(id, "ROLE", r.name());
                }
                for (String a : consent.recipientAgencies()) {
                    scopes = scopes.values(id, "AGENCY", a);
                }
                for (Purpose p : consent.purposes()) {
                    scopes = scopes.values(id, "PURPOSE", p.name());
                }
                for (DataClass d : consent.dataClasses()) {
                    scopes = scopes.values(id, "DATA_CLASS", d.name());
                }
                scopes.execute();
            } else {
                // only the revocation changes a stored consent
                int updated = tx.dsl().update(CONSENT)
                        .set(CONSENT.REVOKED_AT, consent.revokedAt().map(EventStore::utc).orElse(null))
                        .set(CONSENT.VERSION, consent.version())
                        .where(CONSENT.ID.eq(id)).and(CONSENT.VERSION.eq(expectedVersion))
                        .execute();
                if (updated != 1) {
                    long actual = tx.dsl().select(CONSENT.VERSION).from(CONSENT).where(CONSENT.ID.eq(id))
                            .fetchOptional(CONSENT.VERSION).orElse(-1L);
                    throw new ConcurrentUpdateException("Consent", consent.id().toString(), expectedVersion, actual);
                }
            }
            events.append(newEvents);
            return null;
        });
    }

    @Override
    public List<Consent> all() {
        return load(noCondition());
    }

    /** The consents {@code where} selects with their scopes, in the order signed: one statement. */
    private List<Consent> load(Condition where) {
        return tx.dsl().select(COLUMNS).from(CONSENT).where(where).orderBy(CONSENT.SIGNED_AT, CONSENT.ID)
                .fetch(JooqConsents::toConsent);
    }

    /** A consent's scope rows, nested in its row. */
    private static final Field<Result<Record2<String, String>>> SCOPE = multiset(
            select(CONSENT_SCOPE.KIND, CONSENT_SCOPE.VAL).from(CONSENT_SCOPE)
                    .where(CONSENT_SCOPE.CONSENT_ID.eq(CONSENT.ID))).as("scope");

    private static final List<SelectField<?>> COLUMNS = columns();

    private static List<SelectField<?>> columns() {
        List<SelectField<?>> out = new ArrayList<>(List.of(CONSENT.fields()));
        out.add(SCOPE);
        return List.copyOf(out);
    }

    private static final Comparator<Consent> SIGNED = Comparator.comparing(Consent::signedAt)
            .thenComparing(c -> c.id().value());

    private static final class Scope {
        final Set<Role> roles = EnumSet.noneOf(Role.class);
        final Set<String> agencies = new HashSet<>();
        final Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        final Set<DataClass> classes = EnumSet.noneOf(DataClass.class);

        Scope(Result<Record2<String, String>> rows) {
            for (var row : rows) {
                String val = row.value2();
                switch (row.value1()) {
                    case "ROLE" -> roles.add(Role.valueOf(val));
                    case "AGENCY" -> agencies.add(val);
                    case "PURPOSE" -> purposes.add(Purpose.valueOf(val));
                    case "DATA_CLASS" -> classes.add(DataClass.valueOf(val));
                    default -> throw new IllegalStateException("unknown consent scope kind " + row.value1());
                }
            }
        }
    }

    private static Consent toConsent(Record row) {
        ConsentRecord r = row.into(CONSENT);
        Scope scope = new Scope(row.get(SCOPE));
        return new Consent(new ConsentId(r.getId()), new PersonId(r.getParticipantId()),
                ConsentType.valueOf(r.getConsentType()), scope.roles, scope.agencies, scope.purposes, scope.classes,
                r.getSignedAt().toInstant(), Optional.ofNullable(r.getExpiresAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getRevokedAt()).map(OffsetDateTime::toInstant));
    }

    /**
     * Inserts consents stored nowhere yet, with their scopes, in bulk ({@link BulkRows}): the rows {@link #save} writes
     * for each (a loaded programme record, {@link ProgrammeLoad}).
     */
    void insertNew(List<Consent> fresh) {
        var rows = new ArrayList<ConsentRecord>(fresh.size());
        var scopes = new ArrayList<ConsentScopeRecord>();
        for (Consent c : fresh) {
            UUID id = c.id().value();
            rows.add(record(c));
            c.recipientRoles().forEach(r -> scopes.add(new ConsentScopeRecord(id, "ROLE", r.name())));
            c.recipientAgencies().forEach(a -> scopes.add(new ConsentScopeRecord(id, "AGENCY", a)));
            c.purposes().forEach(p -> scopes.add(new ConsentScopeRecord(id, "PURPOSE", p.name())));
            c.dataClasses().forEach(d -> scopes.add(new ConsentScopeRecord(id, "DATA_CLASS", d.name())));
        }
        BulkRows.insertSet(tx.dsl(), CONSENT, rows);
        BulkRows.insertSet(tx.dsl(), CONSENT_SCOPE, scopes);
    }

    private static ConsentRecord record(Consent c) {
        var r = new ConsentRecord();
        r.setId(c.id().value());
        r.setParticipantId(c.participant().value());
        r.setConsentType(c.type().name());
        r.setSignedAt(EventStore.utc(c.signedAt()));
        r.setExpiresAt(c.expiresAt().map(EventStore::utc).orElse(null));
        r.setRevokedAt(c.revokedAt().map(EventStore::utc).orElse(null));
        r.setVersion(c.version());
        return r;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.CONSENT;
import static org.leaddiversion.persistence.jooq.Tables.CONSENT_SCOPE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
        return tx.dsl().selectFrom(CONSENT).where(CONSENT.ID.eq(id.value())).fetchOptional()
                .map(r -> toConsent(r, scopes(List.of(r.getId())).get(r.getId())));
    }

    @Override
    public List<Consent> of(PersonId participant) {
        return load(tx.dsl().selectFrom(CONSENT).where(CONSENT.PARTICIPANT_ID.eq(participant.value()))
                .orderBy(CONSENT.SIGNED_AT, CONSENT.ID).fetch());
    }

    /** The consents of {@code people} (one query for the consents, one for their scopes). */
    List<Consent> ofPeople(java.util.Collection<PersonId> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return load(tx.dsl().selectFrom(CONSENT)
                .where(CONSENT.PARTICIPANT_ID.in(people.stream().map(PersonId::value).toList()))
                .orderBy(CONSENT.SIGNED_AT, CONSENT.ID).fetch());
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
        return load(tx.dsl().selectFrom(CONSENT).orderBy(CONSENT.SIGNED_AT, CONSENT.ID).fetch());
    }

    private List<Consent> load(List<ConsentRecord> rows) {
        Map<UUID, Scope> scopes = scopes(rows.stream().map(ConsentRecord::getId).toList());
        var out = new ArrayList<Consent>(rows.size());
        for (ConsentRecord r : rows) {
            out.add(toConsent(r, scopes.get(r.getId())));
        }
        return out;
    }

    /** The scopes of the consents, in one query. */
    private Map<UUID, Scope> scopes(List<UUID> ids) {
        Map<UUID, Scope> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (var row : tx.dsl().selectFrom(CONSENT_SCOPE).where(CONSENT_SCOPE.CONSENT_ID.in(ids)).fetch()) {
            Scope s = out.computeIfAbsent(row.getConsentId(), k -> new Scope());
            switch (row.getKind()) {
                case "ROLE" -> s.roles.add(Role.valueOf(row.getVal()));
                case "AGENCY" -> s.agencies.add(row.getVal());
                case "PURPOSE" -> s.purposes.add(Purpose.valueOf(row.getVal()));
                case "DATA_CLASS" -> s.classes.add(DataClass.valueOf(row.getVal()));
                default -> throw new IllegalStateException("unknown consent scope kind " + row.getKind());
            }
        }
        return out;
    }

    private static final class Scope {
        final Set<Role> roles = EnumSet.noneOf(Role.class);
        final Set<String> agencies = new HashSet<>();
        final Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        final Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
    }

    private static Consent toConsent(ConsentRecord r, Scope s) {
        Scope scope = s == null ? new Scope() : s;
        return new Consent(new ConsentId(r.getId()), new PersonId(r.getParticipantId()),
                ConsentType.valueOf(r.getConsentType()), scope.roles, scope.agencies, scope.purposes, scope.classes,
                r.getSignedAt().toInstant(), Optional.ofNullable(r.getExpiresAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getRevokedAt()).map(OffsetDateTime::toInstant));
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

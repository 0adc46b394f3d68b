/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.leaddiversion.persistence.jooq.Tables.CONTACT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT_PRIOR;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT_REFERRAL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SelectField;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.enrollment.Enrollments;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.jooq.tables.records.EnrollmentPriorRecord;
import org.leaddiversion.persistence.jooq.tables.records.EnrollmentRecord;
import org.leaddiversion.persistence.jooq.tables.records.EnrollmentReferralRecord;

/**
 * {@link Enrollments} in the {@code enrollment} table with its referrals and prior enrollments, with optimistic
 * locking. A second open enrollment of a person at a site is refused by the {@code open_key} unique constraint and
 * reported as a conflict, whoever writes second (rule R23). Every {@link EnrollmentEvent.ContactRecorded} handed to
 * {@link #save} is also written to the {@code contact} table, in the same transaction.
 */
final class JooqEnrollments implements Enrollments {

    static final String AGGREGATE = "Enrollment";

    private final JooqTransactions tx;
    private final EventStore events;
    private final CommittedVersions<UUID, Children> committed;

    JooqEnrollments(JooqTransactions tx, EventStore events) {
        this(tx, events, new CommittedVersions<>(8_192));
    }

    JooqEnrollments(JooqTransactions tx, EventStore events, CommittedVersions<UUID, Children> committed) {
        this.tx = tx;
        this.events = events;
        this.committed = committed;
    }

    /**
     * An enrollment's referrals and prior enrollments at one version. Both lists only ever grow and every change is a
     * new version, so what a committed version holds never changes: {@link #load} reads them from the database only
     * for the versions neither the open transaction ({@link JooqTransactions#memo()}) nor this node
     * ({@link CommittedVersions}) has seen, and a save appends only what is new without counting the stored rows.
     */
    record Children(List<ReferralId> referrals, List<EnrollmentId> priors) {
        Children {
            referrals = List.copyOf(referrals);
            priors = List.copyOf(priors);
        }
    }

    @Override
    public Optional<Enrollment> find(EnrollmentId id) {
        return withChildren(byKey(BY_ID, id.value())).stream().findFirst();
    }

    @Override
    public Optional<Enrollment> openFor(PersonId person, SiteId site) {
        return withChildren(byKey(BY_OPEN_KEY, openKey(site, person))).stream().findFirst();
    }

    /** The enrollment's columns, named as in the migrations. */
    private static final String COLUMNS = java.util.Arrays.stream(ENROLLMENT.fields()).map(Field::getName)
            .collect(java.util.stream.Collectors.joining(", "));
    /** The two lookups of one enrollment by a unique key, run on every command: fixed text, rendered once. */
    private static final String BY_ID = "select " + COLUMNS + " from enrollment where id = ?";
    private static final String BY_OPEN_KEY = "select " + COLUMNS + " from enrollment where open_key = ?";

    /** The rows {@code sql} selects with its one bind value {@code key} (at most one: the key is unique). */
    private List<EnrollmentRecord> byKey(String sql, Object key) {
        try {
            return tx.dsl().connectionResult(c -> {
                try (var select = c.prepareStatement(sql)) {
                    select.setObject(1, key);
                    try (var rows = select.executeQuery()) {
                        return tx.dsl().fetch(rows, ENROLLMENT.fields()).into(ENROLLMENT);
                    }
                }
            });
        } catch (org.jooq.exception.DataAccessException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public List<Enrollment> of(PersonId person, SiteId site) {
        return load(ENROLLMENT.PERSON_ID.eq(person.value()).and(ENROLLMENT.SITE_ID.eq(site.value())));
    }

    @Override
    public Set<PersonId> currentParticipantsAmong(Set<PersonId> people, SiteId site) {
        var found = new TreeSet<PersonId>();
        if (people.isEmpty()) {
            return found;
        }
        tx.dsl().selectDistinct(ENROLLMENT.PERSON_ID).from(ENROLLMENT)
                .where(ENROLLMENT.SITE_ID.eq(site.value()))
                .and(ENROLLMENT.STATUS.ne(EnrollmentStatus.CLOSED.name()))
                .and(ENROLLMENT.PERSON_ID.in(people.stream().map(PersonId::value).toList()))
                .fetch(ENROLLMENT.PERSON_ID).forEach(p -> found.add(new PersonId(p)));
        return found;
    }

    @Override
    public int countOpen(SiteId site) {
        return tx.dsl().fetchCount(ENROLLMENT, ENROLLMENT.SITE_ID.eq(site.value())
                .and(ENROLLMENT.STATUS.ne(EnrollmentStatus.CLOSED.name())));
    }

    @Override
    public void save(Enrollment enrollment, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            UUID id = enrollment.id().value();
            String idText = enrollment.id().toString();
            if (expectedVersion < 0) {
                if (tx.dsl().fetchExists(ENROLLMENT, ENROLLMENT.ID.eq(id))) {
                    throw new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, actualVersion(id));
                }
                // a second open enrollment of the person at the site collides on open_key, here or in a racing writer
                Conflicts.mapped(() -> tx.dsl().insertInto(ENROLLMENT).set(record(enrollment)).execute(),
                        () -> new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, 0));
                insertChildren(enrollment, 0, 0);
            } else {
                EnrollmentRecord row = record(enrollment);
                row.changed(ENROLLMENT.ID, false);
                int[] updated = new int[1];
                Conflicts.mapped(() -> updated[0] = RecordUpdates.update(tx.dsl(), row, ENROLLMENT.ID, id,
                                ENROLLMENT.VERSION, expectedVersion),
                        () -> new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, 0));
                if (updated[0] != 1) {
                    throw new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, actualVersion(id));
                }
                // referrals and prior enrollments only ever grow: append what is new (the version just matched, so
                // the children known at it are the stored ones)
                Optional<Children> stored = committed.known(tx.memo(), id, expectedVersion);
                int referrals = stored.isPresent() ? stored.get().referrals().size()
                        : tx.dsl().fetchCount(ENROLLMENT_REFERRAL, ENROLLMENT_REFERRAL.ENROLLMENT_ID.eq(id));
                int priors = stored.isPresent() ? stored.get().priors().size()
                        : tx.dsl().fetchCount(ENROLLMENT_PRIOR, ENROLLMENT_PRIOR.ENROLLMENT_ID.eq(id));
                insertChildren(enrollment, referrals, priors);
            }
            Children written = new Children(enrollment.referrals(), enrollment.priorEnrollments());
            committed.written(tx, id, enrollment.version(), written);
            projectContacts(newEvents);
            events.append(newEvents);
            return null;
        });
    }

    /**
     * Inserts enrollments stored nowhere yet, with their referrals and prior enrollments, in bulk ({@link BulkRows}):
     * the rows {@link #save} writes for each (a loaded programme record, {@link ProgrammeLoad}).
     */
    void insertNew(List<Enrollment> fresh) {
        var rows = new ArrayList<EnrollmentRecord>(fresh.size());
        var referrals = new ArrayList<EnrollmentReferralRecord>();
        var priors = new ArrayList<EnrollmentPriorRecord>();
        for (Enrollment e : fresh) {
            UUID id = e.id().value();
            rows.add(record(e));
            for (int i = 0; i < e.referrals().size(); i++) {
                referrals.add(new EnrollmentReferralRecord(id, i, e.referrals().get(i).value()));
            }
            for (int i = 0; i < e.priorEnrollments().size(); i++) {
                priors.add(new EnrollmentPriorRecord(id, i, e.priorEnrollments().get(i).value()));
            }
        }
        BulkRows.insertSet(tx.dsl(), ENROLLMENT, rows);
        BulkRows.insertSet(tx.dsl(), ENROLLMENT_REFERRAL, referrals);
        BulkRows.insertSet(tx.dsl(), ENROLLMENT_PRIOR, priors);
    }

    @Override
    public List<Enrollment> all() {
        return load(org.jooq.impl.DSL.noCondition());
    }

    @Override
    public List<Enrollment> active() {
        return load(ENROLLMENT.STATUS.eq(EnrollmentStatus.ACTIVE.name()));
    }

    private long actualVersion(UUID id) {
        return tx.dsl().select(ENROLLMENT.VERSION).from(ENROLLMENT).where(ENROLLMENT.ID.eq(id))
                .fetchOptional(ENROLLMENT.VERSION).orElse(-1L);
    }

    private void insertChildren(Enrollment e, int referralsStored, int priorsStored) {
        UUID id = e.id().value();
        List<ReferralId> referrals = e.referrals();
        if (referrals.size() > referralsStored) {
            var insert = tx.dsl().insertInto(ENROLLMENT_REFERRAL, ENROLLMENT_REFERRAL.ENROLLMENT_ID,
                    ENROLLMENT_REFERRAL.ORDINAL, ENROLLMENT_REFERRAL.REFERRAL_ID);
            for (int i = referralsStored; i < referrals.size(); i++) {
                insert = insert.values(id, i, referrals.get(i).value());
            }
            insert.execute();
        }
        List<EnrollmentId> priors = e.priorEnrollments();
        if (priors.size() > priorsStored) {
            var insert = tx.dsl().insertInto(ENROLLMENT_PRIOR, ENROLLMENT_PRIOR.ENROLLMENT_ID,
                    ENROLLMENT_PRIOR.ORDINAL, ENROLLMENT_PRIOR.PRIOR_ENROLLMENT_ID);
            for (int i = priorsStored; i < priors.size(); i++) {
                insert = insert.values(id, i, priors.get(i).value());
            }
            insert.execute();
        }
    }

    /** The contact table: one row per recorded contact, from the events of a change (or of a whole loaded log). */
    void projectContacts(List<? extends DomainEvent> newEvents) {
        var insert = tx.dsl().insertInto(CONTACT, CONTACT.ENROLLMENT_ID, CONTACT.CONTACT_TYPE, CONTACT.CONTACT_AT,
                CONTACT.RECORDED_AT);
        boolean any = false;
        for (DomainEvent e : newEvents) {
            if (e instanceof EnrollmentEvent.ContactRecorded c) {
                insert = insert.values(c.enrollmentId().value(), c.contactType().name(), EventStore.utc(c.contactAt()),
                        EventStore.utc(c.occurredAt()));
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    List<Enrollment> load(Condition where) {
        return withChildren(tx.dsl().selectFrom(ENROLLMENT).where(where)
                .orderBy(ENROLLMENT.STARTED_AT, ENROLLMENT.ID).fetch());
    }

    /** The enrollments of {@code rows}, in their order, each with its referrals and prior enrollments. */
    private List<Enrollment> withChildren(List<EnrollmentRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Object, Object> memo = tx.memo();
        Map<UUID, Children> children = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (EnrollmentRecord r : rows) {
            committed.known(memo, r.getId(), r.getVersion()).ifPresentOrElse(c -> children.put(r.getId(), c),
                    () -> unknown.add(r.getId()));
        }
        if (!unknown.isEmpty()) {
            Map<UUID, List<ReferralId>> referrals = new HashMap<>();
            tx.dsl().selectFrom(ENROLLMENT_REFERRAL).where(ENROLLMENT_REFERRAL.ENROLLMENT_ID.in(unknown))
                    .orderBy(ENROLLMENT_REFERRAL.ENROLLMENT_ID, ENROLLMENT_REFERRAL.ORDINAL).fetch()
                    .forEach(r -> referrals.computeIfAbsent(r.getEnrollmentId(), k -> new ArrayList<>())
                            .add(new ReferralId(r.getReferralId())));
            Map<UUID, List<EnrollmentId>> priors = new HashMap<>();
            tx.dsl().selectFrom(ENROLLMENT_PRIOR).where(ENROLLMENT_PRIOR.ENROLLMENT_ID.in(unknown))
                    .orderBy(ENROLLMENT_PRIOR.ENROLLMENT_ID, ENROLLMENT_PRIOR.ORDINAL).fetch()
                    .forEach(r -> priors.computeIfAbsent(r.getEnrollmentId(), k -> new ArrayList<>())
                            .add(new EnrollmentId(r.getPriorEnrollmentId())));
            for (EnrollmentRecord r : rows) {
                if (children.containsKey(r.getId())) {
                    continue;
                }
                var read = new Children(referrals.getOrDefault(r.getId(), List.of()),
                        priors.getOrDefault(r.getId(), List.of()));
                children.put(r.getId(), read);
                committed.read(memo, r.getId(), r.getVersion(), read);
            }
        }
        var out = new ArrayList<Enrollment>(rows.size());
        for (EnrollmentRecord r : rows) {
            Children c = children.get(r.getId());
            out.add(toEnrollment(r, c.referrals(), c.priors()));
        }
        return out;
    }

    // ---- nested in a read of participants ------------------------------------------------------------------------

    private static final Field<Result<Record2<Integer, UUID>>> REFERRAL_IDS = multiset(
            select(ENROLLMENT_REFERRAL.ORDINAL, ENROLLMENT_REFERRAL.REFERRAL_ID).from(ENROLLMENT_REFERRAL)
                    .where(ENROLLMENT_REFERRAL.ENROLLMENT_ID.eq(ENROLLMENT.ID))).as("referral_ids");

    private static final Field<Result<Record2<Integer, UUID>>> PRIOR_IDS = multiset(
            select(ENROLLMENT_PRIOR.ORDINAL, ENROLLMENT_PRIOR.PRIOR_ENROLLMENT_ID).from(ENROLLMENT_PRIOR)
                    .where(ENROLLMENT_PRIOR.ENROLLMENT_ID.eq(ENROLLMENT.ID))).as("prior_ids");

    /**
     * The enrollments of the person {@code person} names, each with its referrals and prior enrollments: a nested
     * collection for a query that reads participants, mapped back by {@link #enrollments(Result)}.
     */
    static Field<Result<Record>> enrollmentsOf(Field<String> person) {
        List<SelectField<?>> columns = new ArrayList<>(List.of(ENROLLMENT.fields()));
        columns.add(REFERRAL_IDS);
        columns.add(PRIOR_IDS);
        return multiset(select(columns).from(ENROLLMENT).where(ENROLLMENT.PERSON_ID.eq(person)));
    }

    /** The enrollments an {@link #enrollmentsOf} collection holds, in the order they started. */
    static List<Enrollment> enrollments(Result<Record> rows) {
        var out = new ArrayList<Enrollment>(rows.size());
        for (Record r : rows) {
            out.add(toEnrollment(r.into(ENROLLMENT),
                    Nested.inOrder(r.get(REFERRAL_IDS)).stream().map(ReferralId::new).toList(),
                    Nested.inOrder(r.get(PRIOR_IDS)).stream().map(EnrollmentId::new).toList()));
        }
        out.sort(STARTED);
        return out;
    }

    /** Enrollments in the order they started, then by id. */
    static final java.util.Comparator<Enrollment> STARTED = java.util.Comparator.comparing(Enrollment::startedAt)
            .thenComparing(e -> e.id().value());

    static String openKey(SiteId site, PersonId person) {
        return site.value() + " " + person.value();
    }

    private static Enrollment toEnrollment(EnrollmentRecord r, List<ReferralId> referrals, List<EnrollmentId> priors) {
        return Enrollment.restore(new EnrollmentId(r.getId()), r.getVersion(), new PersonId(r.getPersonId()),
                new SiteId(r.getSiteId()), r.getStartedAt().toInstant(), r.getLastEngagementAt().toInstant(),
                EnrollmentStatus.valueOf(r.getStatus()), referrals, priors,
                Optional.ofNullable(r.getClosedAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getClosureReason()).map(ClosureReason::valueOf));
    }

    private static EnrollmentRecord record(Enrollment e) {
        var r = new EnrollmentRecord();
        r.setId(e.id().value());
        r.setPersonId(e.person().value());
        r.setSiteId(e.site().value());
        r.setStartedAt(EventStore.utc(e.startedAt()));
        r.setLastEngagementAt(EventStore.utc(e.lastEngagementAt()));
        r.setStatus(e.status().name());
        r.setClosedAt(e.closedAt().map(EventStore::utc).orElse(null));
        r.setClosureReason(e.closureReason().map(Enum::name).orElse(null));
        r.setOpenKey(e.isOpen() ? openKey(e.site(), e.person()) : null);
        r.setVersion(e.version());
        return r;
    }
}

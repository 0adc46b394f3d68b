/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.DIVERTED_CASE;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SCREENING_REASON;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.intake.DivertedCase;
import org.leaddiversion.domain.intake.IntakeDeadline;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.intake.Referrals;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.screening.ScreeningDecision;
import org.leaddiversion.persistence.jooq.tables.records.DivertedCaseRecord;
import org.leaddiversion.persistence.jooq.tables.records.ReferralRecord;
import org.leaddiversion.persistence.jooq.tables.records.ScreeningReasonRecord;

/**
 * {@link Referrals} in the {@code referral} table, with optimistic locking. A referral is restored from its
 * {@code state} document ({@link ReferralJson}); the query columns, the screening reasons and the held charge are
 * projections of that state, rewritten in the same transaction on every save. {@code lapse_due_at} is the deadline's
 * first late instant while the referral is open, so {@link #dueForLapse} is one indexed range query that agrees with
 * {@link Referral#isLapseDue}.
 */
final class JooqReferrals implements Referrals {

    private static final String AGGREGATE = "Referral";
    private static final String UNIQUE_VIOLATION = "23505";

    private final JooqTransactions tx;
    private final EventStore events;
    private final ReferralJson json = new ReferralJson();
    private final CommittedVersions<UUID, Referral.State> committed;

    JooqReferrals(JooqTransactions tx, EventStore events) {
        // a parsed state holds the whole submission (a few kilobytes): fewer are kept than of the small child lists
        this(tx, events, new CommittedVersions<>(2_048));
    }

    /**
     * @param committed the parsed states of committed versions this node has read or written: a find at a version
     *                  found there skips parsing the state document again
     */
    JooqReferrals(JooqTransactions tx, EventStore events, CommittedVersions<UUID, Referral.State> committed) {
        this.tx = tx;
        this.events = events;
        this.committed = committed;
    }

    @Override
    public Optional<Referral> find(ReferralId id) {
        return tx.dsl().select(REFERRAL.VERSION, REFERRAL.STATE).from(REFERRAL).where(REFERRAL.ID.eq(id.value()))
                .fetchOptional().map(row -> {
                    UUID key = id.value();
                    long version = row.value1();
                    Map<Object, Object> memo = tx.memo();
                    var at = new Stored(key, version);
                    Referral.State read;
                    if (memo.get(at) instanceof Referral.State known) {
                        read = known;
                    } else {
                        read = committed.get(key, version).orElse(null);
                        if (read == null) {
                            read = json.read(row.value2());
                            // a row this transaction did not write is a committed version: shared with the node
                            if (!memo.containsKey(new Written(key)) && !memo.containsKey(BULK_WRITTEN)) {
                                committed.put(key, version, read);
                            }
                        }
                        memo.put(at, read);
                    }
                    return Referral.restore(read);
                });
    }

    /** The memo key marking a referral the open transaction wrote (its versions are not committed yet). */
    private record Written(UUID id) {
    }

    /** The memo key marking a transaction that bulk-inserted referrals ({@link #insertNew}): its reads stay its own. */
    private static final Object BULK_WRITTEN = new Object();

    /**
     * The memo key of a referral's state at a version, as the open transaction read or wrote it: a save at that
     * version rewrites the screening reasons and the held charge only when they changed.
     */
    private record Stored(UUID id, long version) {
    }

    @Override
    public List<ReferralId> dueForLapse(Instant now) {
        // lapse_due_at is a whole microsecond, so "due <= now" is "due <= now truncated to microseconds"; truncating
        // here keeps a driver from rounding the last nanosecond of a day up into the next one
        return tx.dsl().select(REFERRAL.ID).from(REFERRAL)
                .where(REFERRAL.LAPSE_DUE_AT.le(EventStore.utc(now.truncatedTo(ChronoUnit.MICROS))))
                .orderBy(REFERRAL.LAPSE_DUE_AT, REFERRAL.ID)
                .fetch(r -> new ReferralId(r.value1()));
    }

    /**
     * The site's open referrals whose intake deadline is before {@code before}, soonest first and, on the same
     * deadline, in the order referred: the deadlines due (the column {@code lapse_due_at} is set only while a referral
     * is open).
     */
    List<Referral> openDueBefore(SiteId site, java.time.LocalDate before) {
        return tx.dsl().select(REFERRAL.STATE).from(REFERRAL)
                .where(REFERRAL.SITE_ID.eq(site.value()))
                .and(REFERRAL.LAPSE_DUE_AT.isNotNull())
                .and(REFERRAL.INTAKE_DEADLINE.lt(before))
                .orderBy(REFERRAL.LAPSE_DUE_AT, REFERRAL.REFERRED_AT, REFERRAL.ID)
                .fetch(REFERRAL.STATE).stream().map(this::restore).toList();
    }

    @Override
    public int countPendingIntake(SiteId site) {
        return tx.dsl().fetchCount(REFERRAL, REFERRAL.SITE_ID.eq(site.value())
                .and(REFERRAL.STATUS.eq(ReferralStatus.PENDING_INTAKE.name())));
    }

    @Override
    public void save(Referral referral, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            UUID id = referral.id().value();
            ReferralRecord row = record(referral.state());
            if (expectedVersion < 0) {
                if (tx.dsl().fetchExists(REFERRAL, REFERRAL.ID.eq(id))) {
                    throw conflict(referral, expectedVersion);
                }
                try {
                    tx.dsl().insertInto(REFERRAL).set(row).execute();
                } catch (DataAccessException e) {
                    if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                        // a concurrent writer inserted the same referral first
                        throw new ConcurrentUpdateException(AGGREGATE, referral.id().toString(), expectedVersion, 0);
                    }
                    throw e;
                }
            } else {
                row.changed(REFERRAL.ID, false);
                int updated = RecordUpdates.update(tx.dsl(), row, REFERRAL.ID, id, REFERRAL.VERSION, expectedVersion);
                if (updated != 1) {
                    throw conflict(referral, expectedVersion);
                }
            }
            // the projections as stored at the expected version, when this transaction read or wrote that version
            // (the version just matched, so they are what the rows hold)
            Referral.State before = expectedVersion < 0 ? null
                    : tx.memo().get(new Stored(id, expectedVersion)) instanceof Referral.State s ? s : null;
            List<ScreeningReasonRecord> reasons = reasons(id, referral.screening());
            boolean reasonsKept = before != null && reasons.equals(reasons(id, before.screening()));
            Optional<DivertedCaseRecord> held = referral.divertedCase().map(c -> heldCharge(id, c));
            boolean heldKept = before != null && held.equals(before.divertedCase().map(c -> heldCharge(id, c)));
            if (expectedVersion >= 0 && !reasonsKept) {
                tx.dsl().deleteFrom(SCREENING_REASON).where(SCREENING_REASON.REFERRAL_ID.eq(id)).execute();
            }
            if (expectedVersion >= 0 && !heldKept) {
                tx.dsl().deleteFrom(DIVERTED_CASE).where(DIVERTED_CASE.REFERRAL_ID.eq(id)).execute();
            }
            if (!reasons.isEmpty() && !reasonsKept) {
                tx.dsl().batchInsert(reasons).execute();
            }
            if (held.isPresent() && !heldKept) {
                tx.dsl().insertInto(DIVERTED_CASE).set(held.get()).execute();
            }
            Referral.State written = referral.state();
            tx.memo().put(new Written(id), Boolean.TRUE);
            tx.memo().put(new Stored(id, written.version()), written);
            tx.afterCommit(() -> committed.put(id, written.version(), written));
            events.append(newEvents);
            return null;
        });
    }

    /** The referrals of {@code people}, in the order they were made (one query, for the audited reads). */
    List<Referral> ofPeople(java.util.Collection<PersonId> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(REFERRAL.STATE).from(REFERRAL)
                .where(REFERRAL.PERSON_ID.in(people.stream().map(PersonId::value).toList()))
                .orderBy(REFERRAL.REFERRED_AT, REFERRAL.ID).fetch(REFERRAL.STATE).stream().map(this::restore).toList();
    }

    /**
     * Inserts referrals never stored before (at the version each has: 0 from an import) with their screening reasons, held charges and events,
     * in the current transaction: the same rows {@link #save} writes for each, through {@link BulkRows} (COPY on
     * PostgreSQL, multi-row inserts elsewhere). A referral already stored fails the whole call on the primary key.
     */
    void insertNew(List<Referral> fresh, List<DomainEvent> newEvents) {
        insertNew(render(fresh, newEvents));
    }

    /**
     * New referrals and their events rendered for {@link #insertNew(NewRows)}: the state and event documents, the
     * projection rows and, on PostgreSQL, the COPY data. Reads nothing from the database, so the bulk import renders
     * one batch on its own thread while the previous one is being written.
     */
    NewRows render(List<Referral> fresh, List<DomainEvent> newEvents) {
        var dialect = tx.dsl().dialect();
        var rows = new ArrayList<ReferralRecord>(fresh.size());
        var reasons = new ArrayList<ScreeningReasonRecord>();
        var held = new ArrayList<DivertedCaseRecord>();
        for (Referral referral : fresh) {
            UUID id = referral.id().value();
            rows.add(record(referral.state()));
            reasons.addAll(reasons(id, referral.screening()));
            referral.divertedCase().ifPresent(c -> held.add(heldCharge(id, c)));
        }
        return new NewRows(fresh.size(), List.of(
                BulkRows.render(dialect, REFERRAL, REFERRAL_COLUMNS, rows),
                BulkRows.render(dialect, SCREENING_REASON, REASON_COLUMNS, reasons),
                BulkRows.render(dialect, DIVERTED_CASE, HELD_COLUMNS, held),
                events.render(dialect, newEvents)));
    }

    /** Writes rendered new referrals, their child rows and events in one transaction (joining an open one). */
    void insertNew(NewRows batch) {
        if (batch.referrals() == 0) {
            return;
        }
        tx.inTransaction(() -> {
            tx.memo().put(BULK_WRITTEN, Boolean.TRUE);
            for (BulkRows.Rendered table : batch.tables()) {
                table.writeTo(tx.dsl());
            }
            return null;
        });
    }

    /** New referrals rendered for writing: how many, and each table's rows in the order they are written. */
    record NewRows(int referrals, List<BulkRows.Rendered> tables) {
    }

    private static final List<org.jooq.Field<?>> REFERRAL_COLUMNS = List.of(REFERRAL.fields());
    private static final List<org.jooq.Field<?>> REASON_COLUMNS = List.of(SCREENING_REASON.fields());
    private static final List<org.jooq.Field<?>> HELD_COLUMNS = List.of(DIVERTED_CASE.fields());

    @Override
    public List<Referral> all() {
        return tx.dsl().select(REFERRAL.STATE).from(REFERRAL).orderBy(REFERRAL.REFERRED_AT, REFERRAL.ID)
                .fetch(REFERRAL.STATE).stream().map(this::restore).toList();
    }

    private ConcurrentUpdateException conflict(Referral referral, long expectedVersion) {
        long actual = tx.dsl().select(REFERRAL.VERSION).from(REFERRAL).where(REFERRAL.ID.eq(referral.id().value()))
                .fetchOptional(REFERRAL.VERSION).orElse(-1L);
        return new ConcurrentUpdateException(AGGREGATE, referral.id().toString(), expectedVersion, actual);
    }

    private Referral restore(String state) {
        return Referral.restore(json.read(state));
    }

    // ---- mapping ---------------------------------------------------------------------------------------------

    private ReferralRecord record(Referral.State s) {
        var r = new ReferralRecord();
        r.setId(s.id().value());
        r.setVersion(s.version());
        r.setSiteId(s.submission().site().value());
        r.setPersonId(s.submission().person().id().value());
        r.setDoor(s.submission().door().name());
        r.setStatus(s.status().name());
        r.setScreeningResult(s.screening().result().name());
        r.setReferredAt(EventStore.utc(s.referredAt()));
        r.setPolicyVersion(s.policyVersion());
        r.setZone(s.zone().getId());
        r.setIntakeDeadline(s.deadline().map(IntakeDeadline::date).orElse(null));
        r.setLapseDueAt(lapseDueAt(s).map(EventStore::utc).orElse(null));
        r.setAcceptedAt(s.acceptedAt().map(EventStore::utc).orElse(null));
        r.setIntakeCompletedAt(s.intakeCompletedAt().map(EventStore::utc).orElse(null));
        r.setEndedAt(s.endedAt().map(EventStore::utc).orElse(null));
        r.setEnrollmentId(s.enrollment().map(e -> e.value()).orElse(null));
        r.setDivertedCaseStatus(s.divertedCase().map(c -> c.status().name()).orElse(null));
        Demographics d = s.submission().person().demographics();
        r.setRace(d.race().orElse(null));
        r.setEquityGroup(EquityGroup.ofRace(d).code());
        r.setEthnicity(d.ethnicity().orElse(null));
        r.setGender(d.gender().orElse(null));
        stageFacts(r, s);
        r.setState(json.write(s));
        return r;
    }

    /**
     * The stage facts kept as columns for the process funnel (V8): when the consent and an eligibility override were
     * recorded, and the hand-off's whole minutes ({@link Referral.Handoff#minutes()}, from the exact instants); null
     * when not recorded. Also what migration V8_1 fills in for rows stored before V8.
     */
    static void stageFacts(ReferralRecord r, Referral.State s) {
        r.setConsentAt(s.consent().map(c -> EventStore.utc(c.at())).orElse(null));
        r.setOverrideAt(s.override().map(o -> EventStore.utc(o.at())).orElse(null));
        r.setHandoffMinutes(s.handoff().map(Referral.Handoff::minutes).orElse(null));
    }

    /**
     * When a lapse becomes due: the deadline's first late instant, while the referral is open. Exactly the condition
     * of {@link Referral#isLapseDue}: {@code !status.isTerminal() && !deadline.isMetBy(now)}.
     */
    static Optional<Instant> lapseDueAt(Referral.State s) {
        if (s.status().isTerminal()) {
            return Optional.empty();
        }
        return s.deadline().map(IntakeDeadline::firstLateInstant);
    }

    private static List<ScreeningReasonRecord> reasons(UUID referral, ScreeningDecision d) {
        var rows = new ArrayList<ScreeningReasonRecord>();
        for (Finding f : d.findings()) {
            rows.add(finding(referral, rows.size() + 1, "FINDING", f));
        }
        for (Finding f : d.notes()) {
            rows.add(finding(referral, rows.size() + 1, "NOTE", f));
        }
        for (DomainError e : d.rejections()) {
            var r = new ScreeningReasonRecord();
            r.setReferralId(referral);
            r.setOrdinal(rows.size() + 1);
            r.setKind("REJECTION");
            r.setRule(e.rule().name());
            r.setField(e.field());
            r.setCode(e.code().name());
            r.setMessage(e.message());
            rows.add(r);
        }
        return rows;
    }

    private static ScreeningReasonRecord finding(UUID referral, int ordinal, String kind, Finding f) {
        var r = new ScreeningReasonRecord();
        r.setReferralId(referral);
        r.setOrdinal(ordinal);
        r.setKind(kind);
        r.setExclusion(f.exclusion().name());
        r.setStrength(f.strength().name());
        r.setRule(f.rule().name());
        r.setField(f.field());
        r.setMessage(f.fact());
        return r;
    }

    private static DivertedCaseRecord heldCharge(UUID referral, DivertedCase c) {
        var r = new DivertedCaseRecord();
        r.setId(c.id().value());
        r.setReferralId(referral);
        r.setStatus(c.status().name());
        r.setReviewingOffice(c.reviewingOffice().orElse(null));
        r.setOffences(c.offences().stream().map(o -> o.code().value() + " " + o.level().name()
                + (o.requiresRestitution() ? " RESTITUTION" : "")).collect(Collectors.joining(", ")));
        r.setHeldAt(EventStore.utc(c.heldAt()));
        r.setResolvedAt(c.resolvedAt().map(EventStore::utc).orElse(null));
        r.setReleaseReason(c.releaseReason().map(Enum::name).orElse(null));
        return r;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.CASELOAD_ASSIGNMENT;
import static org.leaddiversion.persistence.jooq.Tables.SITE_CASELOADS;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.SiteCaseloads;
import org.leaddiversion.domain.policy.SiteId;

/**
 * {@link SiteCaseloads} as one versioned {@code site_caseloads} row per site and its {@code caseload_assignment}
 * rows. A site without a row reads as {@link Caseloads#empty()} (version 0), so its first save expects version 0 and
 * inserts the row; two racing first saves collide on the primary key and the second is a conflict. Every save of a
 * site goes through its one version, so two assignments can never together take a case manager over the cap.
 *
 * <p>A site's assignments at a given version are what the transaction that wrote that version left, for ever (a
 * version is committed once; a rolled-back one was never seen by anyone else). So every read asks the database for
 * the site's version only (one primary-key lookup) and takes the assignments at that version, in this order, from
 * what the transaction read or wrote ({@link JooqTransactions#memo()}), from what this node has of committed versions
 * ({@link CommittedVersions}), or from the database. A transaction's own writes reach the node's versions only once
 * it has committed ({@link JooqTransactions#afterCommit}); a save diffs against the assignments at the version it
 * replaces instead of reading them all again.
 */
final class JooqSiteCaseloads implements SiteCaseloads {

    static final String AGGREGATE = "Caseloads";

    private final JooqTransactions tx;
    private final EventStore events;
    private final CommittedVersions<SiteId, Caseloads> committed;

    JooqSiteCaseloads(JooqTransactions tx, EventStore events, CommittedVersions<SiteId, Caseloads> committed) {
        this.tx = tx;
        this.events = events;
        this.committed = committed;
    }

    /** The memo key of a site's caseloads at a version, as this transaction read or wrote them. */
    private record AtVersion(SiteId site, long version) {
    }

    @Override
    public Caseloads of(SiteId site) {
        return version(site).map(version -> at(site, version)).orElse(Caseloads.empty());
    }

    private Optional<Long> version(SiteId site) {
        return tx.dsl().select(SITE_CASELOADS.VERSION).from(SITE_CASELOADS)
                .where(SITE_CASELOADS.SITE_ID.eq(site.value())).fetchOptional(SITE_CASELOADS.VERSION);
    }

    /** The site's caseloads at {@code version}, the version stored now. */
    private Caseloads at(SiteId site, long version) {
        Map<Object, Object> memo = tx.memo();
        var key = new AtVersion(site, version);
        if (memo.get(key) instanceof Caseloads known) {
            return known;
        }
        Optional<Caseloads> shared = committed.get(site, version);
        if (shared.isPresent()) {
            memo.put(key, shared.get());
            return shared.get();
        }
        Caseloads read = Caseloads.restore(version, assignments(site));
        memo.put(key, read);
        // shared only if no other transaction committed a version between the two reads (and this one wrote none:
        // then the version read is its own, and not committed)
        if (!memo.containsKey(new Written(site)) && version(site).equals(Optional.of(version))) {
            committed.put(site, version, read);
        }
        return read;
    }

    /** The memo key marking a site whose caseloads the open transaction wrote. */
    private record Written(SiteId site) {
    }

    @Override
    public void save(SiteId site, Caseloads caseloads, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            String id = site.value();
            int updated = tx.dsl().update(SITE_CASELOADS).set(SITE_CASELOADS.VERSION, caseloads.version())
                    .where(SITE_CASELOADS.SITE_ID.eq(id)).and(SITE_CASELOADS.VERSION.eq(expectedVersion)).execute();
            Map<EnrollmentId, CaseManagerId> stored;
            if (updated == 1) {
                // the stored assignments are those of the expected version, which the update just found
                stored = at(site, expectedVersion).assignments();
            } else {
                var actual = tx.dsl().select(SITE_CASELOADS.VERSION).from(SITE_CASELOADS)
                        .where(SITE_CASELOADS.SITE_ID.eq(id)).fetchOptional(SITE_CASELOADS.VERSION);
                if (actual.isPresent() || expectedVersion != 0) {
                    throw new ConcurrentUpdateException(AGGREGATE, id, expectedVersion, actual.orElse(0L));
                }
                // a racing first save that commits before ours makes this insert collide: it stored at least version 1
                Conflicts.mapped(() -> tx.dsl().insertInto(SITE_CASELOADS).set(SITE_CASELOADS.SITE_ID, id)
                                .set(SITE_CASELOADS.VERSION, caseloads.version()).execute(),
                        () -> new ConcurrentUpdateException(AGGREGATE, id, expectedVersion, 1));
                stored = Map.of();
            }
            writeChanges(id, stored, caseloads.assignments());
            events.append(newEvents);
            Map<Object, Object> memo = tx.memo();
            memo.put(new Written(site), Boolean.TRUE);
            memo.put(new AtVersion(site, caseloads.version()), caseloads);
            tx.afterCommit(() -> committed.put(site, caseloads.version(), caseloads));
            return null;
        });
    }

    @Override
    public Map<SiteId, Caseloads> all() {
        Map<String, Map<EnrollmentId, CaseManagerId>> bySite = new HashMap<>();
        tx.dsl().selectFrom(CASELOAD_ASSIGNMENT).fetch().forEach(r -> bySite
                .computeIfAbsent(r.getSiteId(), k -> new HashMap<>())
                .put(new EnrollmentId(r.getEnrollmentId()), new CaseManagerId(r.getCaseManagerId())));
        var out = new LinkedHashMap<SiteId, Caseloads>();
        tx.dsl().selectFrom(SITE_CASELOADS).orderBy(SITE_CASELOADS.SITE_ID).fetch().forEach(r -> out.put(
                new SiteId(r.getSiteId()),
                Caseloads.restore(r.getVersion(), bySite.getOrDefault(r.getSiteId(), Map.of()))));
        return java.util.Collections.unmodifiableMap(out);
    }

    private Map<EnrollmentId, CaseManagerId> assignments(SiteId site) {
        var out = new HashMap<EnrollmentId, CaseManagerId>();
        tx.dsl().selectFrom(CASELOAD_ASSIGNMENT).where(CASELOAD_ASSIGNMENT.SITE_ID.eq(site.value())).fetch()
                .forEach(r -> out.put(new EnrollmentId(r.getEnrollmentId()), new CaseManagerId(r.getCaseManagerId())));
        return out;
    }

    /** Writes only what changed: released, moved and new assignments. */
    private void writeChanges(String site, Map<EnrollmentId, CaseManagerId> stored,
                              Map<EnrollmentId, CaseManagerId> wanted) {
        List<UUID> gone = stored.keySet().stream().filter(e -> !Objects.equals(stored.get(e), wanted.get(e)))
                .map(EnrollmentId::value).toList();
        if (!gone.isEmpty()) {
            tx.dsl().deleteFrom(CASELOAD_ASSIGNMENT).where(CASELOAD_ASSIGNMENT.SITE_ID.eq(site))
                    .and(CASELOAD_ASSIGNMENT.ENROLLMENT_ID.in(gone)).execute();
        }
        var insert = tx.dsl().insertInto(CASELOAD_ASSIGNMENT, CASELOAD_ASSIGNMENT.SITE_ID,
                CASELOAD_ASSIGNMENT.ENROLLMENT_ID, CASELOAD_ASSIGNMENT.CASE_MANAGER_ID);
        boolean any = false;
        for (var e : wanted.entrySet()) {
            if (!e.getValue().equals(stored.get(e.getKey()))) {
                insert = insert.values(site, e.getKey().value(), e.getValue().value());
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }
}

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
 * version is written once; a rolled-back one was never seen by anyone else). So within one transaction the site's
 * caseloads read or written at a version are remembered ({@link JooqTransactions#memo()}): a later read finding the
 * same version in the database reads only that version, and a save diffs against what was read instead of reading
 * every assignment again. Nothing is remembered beyond the transaction.
 */
final class JooqSiteCaseloads implements SiteCaseloads {

    static final String AGGREGATE = "Caseloads";

    private final JooqTransactions tx;
    private final EventStore events;

    JooqSiteCaseloads(JooqTransactions tx, EventStore events) {
        this.tx = tx;
        this.events = events;
    }

    /** The memo key of a site's caseloads at a version, as this transaction read or wrote them. */
    private record AtVersion(SiteId site, long version) {
    }

    @Override
    public Caseloads of(SiteId site) {
        return tx.dsl().select(SITE_CASELOADS.VERSION).from(SITE_CASELOADS)
                .where(SITE_CASELOADS.SITE_ID.eq(site.value())).fetchOptional(SITE_CASELOADS.VERSION)
                .map(version -> {
                    Map<Object, Object> memo = tx.memo();
                    Object known = memo.get(new AtVersion(site, version));
                    if (known instanceof Caseloads c) {
                        return c;
                    }
                    Caseloads read = Caseloads.restore(version, assignments(site));
                    memo.put(new AtVersion(site, version), read);
                    return read;
                })
                .orElse(Caseloads.empty());
    }

    @Override
    public void save(SiteId site, Caseloads caseloads, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            String id = site.value();
            int updated = tx.dsl().update(SITE_CASELOADS).set(SITE_CASELOADS.VERSION, caseloads.version())
                    .where(SITE_CASELOADS.SITE_ID.eq(id)).and(SITE_CASELOADS.VERSION.eq(expectedVersion)).execute();
            Map<EnrollmentId, CaseManagerId> stored;
            if (updated == 1) {
                // the stored assignments are those of the expected version: read in this transaction, or read now
                Object known = tx.memo().get(new AtVersion(site, expectedVersion));
                stored = known instanceof Caseloads c ? c.assignments() : assignments(site);
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
            tx.memo().put(new AtVersion(site, caseloads.version()), caseloads);
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

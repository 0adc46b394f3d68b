/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.SITE_POLICY_VERSION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyFile;
import org.leaddiversion.domain.policy.SitePolicyHistory;

/**
 * {@link SitePolicyStore} in {@code site_policy_version}: one row per version holding that version's part of the
 * site's policy file; the rows joined in version order are the file, read back with {@link SitePolicyFile#parse}.
 * Two appends of the same version number race on the primary key: one commits, the other is a conflict.
 *
 * <p>A transaction's first read of a site asks the database for the site's latest version number (one primary-key
 * lookup), so a version published by any node is seen by the next transaction; the parsed history up to that version
 * comes from the node's cache of parsed histories ({@link CommittedVersions}, by site and latest version) when it is there. Later reads in the same transaction get the same
 * history again (one transaction runs under one policy; a new version never takes effect before tomorrow anyway,
 * rule R40). A transaction that writes a site's versions reads that site past both, and fills neither: what it wrote
 * is not committed, and may yet be rolled back.
 */
final class JooqSitePolicies implements SitePolicyStore {

    private static final String AGGREGATE = "SitePolicy";

    private final JooqTransactions tx;
    private final Clock clock;
    private final CommittedVersions<SiteId, SitePolicyHistory> parsed;

    JooqSitePolicies(JooqTransactions tx, Clock clock, CommittedVersions<SiteId, SitePolicyHistory> parsed) {
        this.tx = tx;
        this.clock = clock;
        this.parsed = parsed;
    }

    /** The memo key marking a site whose versions the open transaction wrote. */
    private record Written(SiteId site) {
    }

    /** The memo key of a site's history as the open transaction first read it. */
    private record ReadInTransaction(SiteId site) {
    }

    @Override
    public Optional<SitePolicyHistory> history(SiteId site) {
        Map<Object, Object> memo = tx.memo();
        Object known = memo.get(new ReadInTransaction(site));
        if (known instanceof SitePolicyHistory h && !memo.containsKey(new Written(site))) {
            return Optional.of(h);
        }
        Optional<SitePolicyHistory> history = stored(site);
        history.ifPresent(h -> memo.put(new ReadInTransaction(site), h));
        return history;
    }

    /** The site's versions as stored now: the latest version number read, the history parsed or from the cache. */
    private Optional<SitePolicyHistory> stored(SiteId site) {
        if (tx.memo().containsKey(new Written(site))) {
            // this transaction wrote the site's versions: read them as written, cache nothing
            return read(site);
        }
        Optional<Integer> latest = latestVersion(site);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        return parsed.get(site, latest.get()).or(() -> {
            Optional<SitePolicyHistory> read = read(site);
            read.ifPresent(h -> parsed.put(site, h.latest().version(), h));
            return read;
        });
    }

    /** The site's versions as this transaction sees them, parsed. */
    private Optional<SitePolicyHistory> read(SiteId site) {
        List<String> parts = tx.dsl().select(SITE_POLICY_VERSION.POLICY_TEXT).from(SITE_POLICY_VERSION)
                .where(SITE_POLICY_VERSION.SITE_ID.eq(site.value())).orderBy(SITE_POLICY_VERSION.VERSION)
                .fetch(SITE_POLICY_VERSION.POLICY_TEXT);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SitePolicyFile.parse(site.value() + ".policy", String.join("", parts)));
    }

    @Override
    public List<SiteId> sites() {
        return tx.dsl().selectDistinct(SITE_POLICY_VERSION.SITE_ID).from(SITE_POLICY_VERSION)
                .orderBy(SITE_POLICY_VERSION.SITE_ID).fetch(r -> new SiteId(r.value1()));
    }

    @Override
    public void put(SitePolicyHistory history) {
        tx.inTransaction(() -> {
            Optional<Integer> latest = latestVersion(history.siteId());
            if (latest.isPresent()) {
                throw new ConcurrentUpdateException(AGGREGATE, history.siteId().value(), 0, latest.get());
            }
            insert(history, 0);
            return null;
        });
    }

    @Override
    public SitePolicyHistory append(SitePolicy next) {
        return tx.inTransaction(() -> {
            // checked against what is stored now, not what this transaction read before
            Optional<SitePolicyHistory> current = stored(next.siteId());
            SitePolicyHistory appended;
            if (current.isEmpty()) {
                appended = SitePolicyHistory.of(next);
                insert(appended, 0);
                return appended;
            }
            SitePolicyHistory h = current.get();
            int latest = h.latest().version();
            if (next.version() <= latest) {
                // built from a version that is no longer the latest: someone appended first
                throw new ConcurrentUpdateException(AGGREGATE, h.siteId().value(), next.version() - 1L, latest);
            }
            // the domain's rules: numbering, dates, never retroactive
            appended = h.append(next, LocalDate.ofInstant(clock.instant(), h.zone()));
            insert(appended, latest);
            return appended;
        });
    }

    private Optional<Integer> latestVersion(SiteId site) {
        return Optional.ofNullable(tx.dsl().select(DSL.max(SITE_POLICY_VERSION.VERSION))
                .from(SITE_POLICY_VERSION).where(SITE_POLICY_VERSION.SITE_ID.eq(site.value())).fetchOne().value1());
    }

    /** Inserts the versions after {@code stored}, each as its part of the history's policy file. */
    private void insert(SitePolicyHistory history, int stored) {
        tx.memo().put(new Written(history.siteId()), Boolean.TRUE);
        List<String> parts = parts(history);
        for (SitePolicy v : history.versions()) {
            if (v.version() <= stored) {
                continue;
            }
            try {
                tx.dsl().insertInto(SITE_POLICY_VERSION)
                        .set(SITE_POLICY_VERSION.SITE_ID, history.siteId().value())
                        .set(SITE_POLICY_VERSION.VERSION, v.version())
                        .set(SITE_POLICY_VERSION.EFFECTIVE_FROM, v.effectiveFrom())
                        .set(SITE_POLICY_VERSION.ZONE, history.zone().getId())
                        .set(SITE_POLICY_VERSION.POLICY_TEXT, parts.get(v.version() - 1))
                        .execute();
            } catch (DataAccessException e) {
                if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    throw e;
                }
                // the primary key (site, version) is taken: a concurrent writer stored this version first
                throw new ConcurrentUpdateException(AGGREGATE, history.siteId().value(), v.version() - 1L,
                        v.version());
            }
        }
    }

    /**
     * The policy file of the history cut after each version: version 1's part is the header and its section, each
     * later part its own section (the writer writes a version from the versions before it only).
     */
    static List<String> parts(SitePolicyHistory history) {
        String file = SitePolicyFile.format(history);
        var parts = new ArrayList<String>();
        int start = 0;
        for (SitePolicy v : history.versions()) {
            int end = v.version() == history.versions().size() ? file.length()
                    : file.indexOf("\n[version " + (v.version() + 1) + "]\n", start);
            if (end < 0) {
                throw new IllegalStateException("no section for version " + (v.version() + 1) + " in the written file");
            }
            parts.add(file.substring(start, end));
            start = end;
        }
        return parts;
    }
}

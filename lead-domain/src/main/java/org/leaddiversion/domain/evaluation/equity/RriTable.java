/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.ReferralStages;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.intake.Referral;

/**
 * The referral relative rate index by group (SPEC §8.5 item 1, rule R39), as the internal report a PCG monitors.
 *
 * <p>For each group g of the period:
 * <pre>
 *   rate_g = referrals_g / pool_g
 *   RRI_g  = rate_g / rate_ref = (referrals_g · pool_ref) / (pool_g · referrals_ref)
 * </pre>
 * where {@code referrals_g} counts the group's LEAD referrals through every door and {@code pool_g} its eligible pool:
 * the arrests and citations for divertible offences in the catchment from the records system, plus the group's
 * referrals not tied to an arrest (social-contact and community doors; see {@link ReferralStages#tiedToAnArrest}).
 *
 * <p>R39: the RRI of g is produced only when {@code pool_g} and {@code pool_ref} are both at least the minimum cell size
 * and the reference group has at least one referral; otherwise it is {@link RriStatus#SUPPRESSED}. A produced RRI is
 * flagged exactly when it is strictly outside {@code [lowerBound, upperBound]}. The reference group's own RRI, when
 * produced, is 1. Every group of the data has a row — {@code UNKNOWN} always, last — and no group is merged into
 * another. Counts are exact; {@link #publish()} gives the suppressed version for public reports.
 *
 * @param policy the equity policy applied
 * @param rows   one row per reported group, in the policy's report order
 */
public record RriTable(EquityPolicy policy, List<RriRow> rows) {

    /** Validates the parts. */
    public RriTable {
        Require.present(policy, "rriTable.policy");
        rows = List.copyOf(Require.noNulls(rows, "rriTable.rows"));
    }

    /** The table of a site's period: counts referrals and the pool by group, then applies {@link #of}. */
    public static RriTable compute(Collection<Referral> referrals, Collection<Encounter> encounters, ReportScope scope,
                                   EquityPolicy policy) {
        return of(counts(referrals, encounters, scope), policy);
    }

    /**
     * Each group's referrals and eligible pool in the scope: the referrals made at the site in the period by the group
     * recorded on them, and the encounters of the site in the period that are in the pool, plus the referrals not
     * tied to an arrest. Keyed in group order.
     */
    public static Map<EquityGroup, GroupCounts> counts(Collection<Referral> referrals, Collection<Encounter> encounters,
                                                      ReportScope scope) {
        Require.noNulls(referrals, "referrals");
        Require.noNulls(encounters, "encounters");
        Require.present(scope, "scope");
        Map<EquityGroup, GroupCounts> out = new TreeMap<>();
        for (Referral r : referrals) {
            if (ReferralStages.inScope(r, scope)) {
                out.merge(EquityGroup.of(r), new GroupCounts(1, ReferralStages.tiedToAnArrest(r) ? 0 : 1),
                        GroupCounts::plus);
            }
        }
        for (Encounter e : encounters) {
            if (e.site().equals(scope.site()) && scope.period().contains(e.date()) && e.inPool()) {
                out.merge(e.group(), new GroupCounts(0, 1), GroupCounts::plus);
            }
        }
        return out;
    }

    /** The table of given counts: a row per reported group (missing groups count zero), R39 applied. */
    public static RriTable of(Map<EquityGroup, GroupCounts> counts, EquityPolicy policy) {
        Require.present(counts, "counts");
        Require.present(policy, "policy");
        counts.forEach((g, c) -> {
            Require.present(g, "counts.group");
            Require.present(c, "counts.counts");
        });
        GroupCounts ref = counts.getOrDefault(policy.reference(), GroupCounts.NONE);
        var rows = new ArrayList<RriRow>();
        for (EquityGroup g : policy.reportedGroups(counts.keySet())) {
            GroupCounts c = counts.getOrDefault(g, GroupCounts.NONE);
            Optional<Fraction> rate = c.pool() == 0 ? Optional.empty() : Optional.of(Fraction.of(c.referrals(), c.pool()));
            boolean produced = c.pool() >= policy.minCellSize() && ref.pool() >= policy.minCellSize()
                    && ref.referrals() >= 1;
            if (produced) {
                Fraction rri = Fraction.of(c.referrals(), c.pool()).dividedBy(Fraction.of(ref.referrals(), ref.pool()));
                rows.add(new RriRow(g, g.equals(policy.reference()), c.referrals(), c.pool(), rate, RriStatus.PRODUCED,
                        Optional.of(rri), policy.flag(rri)));
            } else {
                rows.add(new RriRow(g, g.equals(policy.reference()), c.referrals(), c.pool(), rate,
                        RriStatus.SUPPRESSED, Optional.empty(), RriFlag.NOT_PRODUCED));
            }
        }
        return new RriTable(policy, rows);
    }

    /** The row of a group; every group of the data has one. */
    public Optional<RriRow> row(EquityGroup group) {
        return rows.stream().filter(r -> r.group().equals(group)).findFirst();
    }

    /** The reference group's row. */
    public RriRow referenceRow() {
        return row(policy.reference()).orElseThrow(() -> new InvalidValueException("rows", "no reference row"));
    }

    /** The rows whose RRI is flagged, in report order. */
    public List<RriRow> flagged() {
        return rows.stream().filter(r -> r.flag().isRaised()).toList();
    }

    /** All referrals of the table. */
    public long totalReferrals() {
        return rows.stream().mapToLong(RriRow::referrals).sum();
    }

    /** The whole eligible pool of the table. */
    public long totalPool() {
        return rows.stream().mapToLong(RriRow::pool).sum();
    }

    /**
     * The table as a public or aggregate report may show it (R39 "public/aggregate exports apply minCellSize to every
     * published count"): the referral counts and the pool counts are each published as a margin with their total
     * ({@link SmallCells}); a group's rate is shown only when both its counts are; its RRI and flag only when, in
     * addition, the reference group's two counts are shown — otherwise the RRI would let a reader work a suppressed
     * count back out.
     */
    public PublishedRriTable publish() {
        int min = policy.minCellSize();
        var referralParts = new LinkedHashMap<EquityGroup, Long>();
        var poolParts = new LinkedHashMap<EquityGroup, Long>();
        rows.forEach(r -> {
            referralParts.put(r.group(), r.referrals());
            poolParts.put(r.group(), r.pool());
        });
        SmallCells.Margin<EquityGroup> refs = SmallCells.publish(referralParts, totalReferrals(), true, min);
        SmallCells.Margin<EquityGroup> pools = SmallCells.publish(poolParts, totalPool(), true, min);
        boolean referenceShown = !refs.cells().get(policy.reference()).isSuppressed()
                && !pools.cells().get(policy.reference()).isSuppressed();
        var out = new ArrayList<PublishedRriRow>();
        for (RriRow r : rows) {
            Cell referrals = refs.cells().get(r.group());
            Cell pool = pools.cells().get(r.group());
            boolean ownShown = !referrals.isSuppressed() && !pool.isSuppressed();
            boolean rriShown = r.status() == RriStatus.PRODUCED && ownShown && referenceShown;
            out.add(new PublishedRriRow(r.group(), r.reference(), referrals, pool,
                    ownShown ? r.rate() : Optional.empty(), rriShown ? RriStatus.PRODUCED : RriStatus.SUPPRESSED,
                    rriShown ? r.rri() : Optional.empty(), rriShown ? r.flag() : RriFlag.NOT_PRODUCED));
        }
        return new PublishedRriTable(min, out, refs.total(), pools.total());
    }
}

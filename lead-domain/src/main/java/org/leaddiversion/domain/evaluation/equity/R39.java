/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.rules.Violation;

/**
 * The check of rule R39, re-derived from the evidence's data rather than trusting the code that built the tables:
 * counts are recounted, the suppression condition and the formula re-applied, the flags re-judged against the bounds,
 * and the public table's cells tested against the minimum cell size, subtraction from the totals included.
 */
final class R39 implements EquityInvariant {

    static final R39 INSTANCE = new R39();

    private R39() {
    }

    @Override
    public RuleId id() {
        return RuleId.R39;
    }

    @Override
    public String statement() {
        return "An RRI is produced only when the group's and the reference group's eligible pools reach the minimum "
                + "cell size and the reference group has a referral, equals (ref_g/pool_g)/(ref_r/pool_r), and is "
                + "flagged exactly outside the bounds; referral counts are never suppressed internally, every group "
                + "(UNKNOWN included) is reported on its own, and a public report shows no count from 1 to the "
                + "minimum minus one, not even by subtraction from a total.";
    }

    @Override
    public List<Violation> check(EquityEvidence ev) {
        var out = new ArrayList<Violation>();
        EquityPolicy p = ev.policy();
        long[] zero = {0, 0};
        Map<EquityGroup, long[]> expected = recount(ev);
        long[] ref = expected.getOrDefault(p.reference(), zero);

        Set<EquityGroup> seen = new HashSet<>();
        for (RriRow row : ev.table().rows()) {
            String subject = "equity group " + row.group();
            if (!seen.add(row.group())) {
                out.add(new Violation(RuleId.R39, subject, "reported twice"));
            }
            long[] c = expected.getOrDefault(row.group(), zero);
            if (row.referrals() != c[0] || row.pool() != c[1]) {
                out.add(new Violation(RuleId.R39, subject, "reports " + row.referrals() + " referrals and a pool of "
                        + row.pool() + "; the data give " + c[0] + " and " + c[1]));
            }
            if (row.reference() != row.group().equals(p.reference())) {
                out.add(new Violation(RuleId.R39, subject, "reference marking disagrees with the policy"));
            }
            boolean shouldProduce = c[1] >= p.minCellSize() && ref[1] >= p.minCellSize() && ref[0] >= 1;
            if (shouldProduce != (row.status() == RriStatus.PRODUCED)) {
                out.add(new Violation(RuleId.R39, subject, shouldProduce ? "suppressed although both pools reach the "
                        + "minimum and the reference group has a referral" : "produced although a pool is below the "
                        + "minimum or the reference group has no referral"));
                continue;
            }
            if (shouldProduce) {
                Fraction rri = Fraction.of(c[0], c[1]).dividedBy(Fraction.of(ref[0], ref[1]));
                if (!row.rri().orElseThrow().equals(rri)) {
                    out.add(new Violation(RuleId.R39, subject, "RRI " + row.rri().get() + " is not " + rri));
                }
                boolean outside = rri.isBelow(p.lowerBound()) || rri.isAbove(p.upperBound());
                if (outside != row.flag().isRaised()) {
                    out.add(new Violation(RuleId.R39, subject, outside ? "outside the bounds but not flagged"
                            : "flagged although within the bounds"));
                }
            }
        }
        for (EquityGroup g : expected.keySet()) {
            if (!seen.contains(g)) {
                out.add(new Violation(RuleId.R39, "equity group " + g, "has data but no row of its own"));
            }
        }
        if (!seen.contains(EquityGroup.UNKNOWN)) {
            out.add(new Violation(RuleId.R39, "equity group UNKNOWN", "is not reported"));
        }
        checkPublished(ev, out);
        return List.copyOf(out);
    }

    private static Map<EquityGroup, long[]> recount(EquityEvidence ev) {
        Map<EquityGroup, long[]> out = new TreeMap<>();
        for (Referral r : ev.referrals()) {
            if (r.submission().site().equals(ev.scope().site()) && ev.scope().period().contains(r.referredAt())) {
                long[] c = out.computeIfAbsent(EquityGroup.of(r), g -> new long[2]);
                c[0]++;
                if (!r.door().holdsCharge()) {
                    c[1]++;
                }
            }
        }
        for (Encounter e : ev.encounters()) {
            if (e.site().equals(ev.scope().site()) && ev.scope().period().contains(e.date()) && e.divertibleOffence()
                    && e.inCatchment()) {
                out.computeIfAbsent(e.group(), g -> new long[2])[1]++;
            }
        }
        return out;
    }

    private static void checkPublished(EquityEvidence ev, List<Violation> out) {
        PublishedRriTable pub = ev.published();
        int min = ev.policy().minCellSize();
        if (pub.minCellSize() != min) {
            out.add(new Violation(RuleId.R39, "public report", "applies a minimum cell size of " + pub.minCellSize()
                    + " instead of " + min));
        }
        long shownReferrals = 0;
        long shownPool = 0;
        boolean anyReferralHidden = false;
        boolean anyPoolHidden = false;
        for (PublishedRriRow row : pub.rows()) {
            String subject = "public report, equity group " + row.group();
            for (Cell cell : List.of(row.referrals(), row.pool())) {
                if (cell.number().isPresent() && SmallCells.isSmall(cell.number().getAsLong(), min)) {
                    out.add(new Violation(RuleId.R39, subject, "shows a count below the minimum cell size"));
                }
            }
            shownReferrals += row.referrals().number().orElse(0);
            shownPool += row.pool().number().orElse(0);
            anyReferralHidden |= row.referrals().isSuppressed();
            anyPoolHidden |= row.pool().isSuppressed();
            if (row.status() == RriStatus.PRODUCED) {
                var internal = ev.table().row(row.group());
                var refRow = pub.row(ev.policy().reference());
                boolean countsShown = !row.referrals().isSuppressed() && !row.pool().isSuppressed()
                        && refRow.isPresent() && !refRow.get().referrals().isSuppressed()
                        && !refRow.get().pool().isSuppressed();
                if (!countsShown) {
                    out.add(new Violation(RuleId.R39, subject, "publishes an RRI computed from a suppressed count"));
                }
                if (internal.isEmpty() || !internal.get().rri().equals(row.rri())) {
                    out.add(new Violation(RuleId.R39, subject, "publishes an RRI the internal report does not have"));
                }
            }
        }
        checkTotal("referrals", pub.totalReferrals(), shownReferrals, anyReferralHidden, min, out);
        checkTotal("eligible pool", pub.totalPool(), shownPool, anyPoolHidden, min, out);
    }

    private static void checkTotal(String what, Cell total, long shown, boolean anyHidden, int min,
                                   List<Violation> out) {
        if (total.isSuppressed()) {
            return;
        }
        long t = total.number().getAsLong();
        long derivable = t - shown;
        if (SmallCells.isSmall(t, min)) {
            out.add(new Violation(RuleId.R39, "public report, total " + what, "shows a count below the minimum"));
        } else if (anyHidden && SmallCells.isSmall(derivable, min)) {
            out.add(new Violation(RuleId.R39, "public report, total " + what, "lets a reader subtract the shown "
                    + "groups from the total and learn a hidden count below the minimum"));
        }
    }
}

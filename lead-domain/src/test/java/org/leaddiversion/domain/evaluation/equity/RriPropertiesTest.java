/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.evaluation.equity.EquityGenerators.groupCounts;
import static org.leaddiversion.domain.evaluation.equity.EquityGenerators.policies;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;

/**
 * Rule R39 as properties over any per-group counts and any equity policy: an RRI exactly when both pools reach the
 * minimum cell size and the reference group has a referral; the formula; flags exactly outside the bounds; the
 * reference group's RRI is 1; UNKNOWN never disappears and no group is merged into another; internal counts are never
 * suppressed; the public table shows no small count, not even by subtraction from its totals.
 */
@DisplayName("R39 relative rate index: properties")
class RriPropertiesTest {

    @Test
    void an_rri_exactly_when_r39_allows_it_with_the_formula_and_flags_exactly_outside_the_bounds() {
        qt().withExamples(3000).forAll(groupCounts(), policies()).checkAssert((counts, policy) -> {
            RriTable t = RriTable.of(counts, policy);
            GroupCounts ref = counts.getOrDefault(policy.reference(), GroupCounts.NONE);
            for (RriRow row : t.rows()) {
                GroupCounts c = counts.getOrDefault(row.group(), GroupCounts.NONE);
                assertEquals(c.referrals(), row.referrals(), "internal counts are never suppressed");
                assertEquals(c.pool(), row.pool());
                boolean allowed = c.pool() >= policy.minCellSize() && ref.pool() >= policy.minCellSize()
                        && ref.referrals() >= 1;
                assertEquals(allowed, row.status() == RriStatus.PRODUCED, row::toString);
                if (allowed) {
                    Fraction rri = row.rri().orElseThrow();
                    assertEquals(Fraction.of(c.referrals() * ref.pool(), c.pool() * ref.referrals()), rri);
                    boolean outside = rri.compareTo(Fraction.of(policy.lowerBound())) < 0
                            || rri.compareTo(Fraction.of(policy.upperBound())) > 0;
                    assertEquals(outside, row.flag().isRaised(), row::toString);
                    if (row.reference()) {
                        assertEquals(Fraction.ONE, rri, "the reference group's RRI is 1");
                        assertFalse(row.flag().isRaised());
                    }
                } else {
                    assertEquals(RriFlag.NOT_PRODUCED, row.flag());
                }
            }
        });
    }

    @Test
    void unknown_is_always_reported_last_and_every_group_exactly_once() {
        qt().withExamples(1000).forAll(groupCounts(), policies()).checkAssert((counts, policy) -> {
            List<EquityGroup> groups = RriTable.of(counts, policy).rows().stream().map(RriRow::group).toList();
            assertEquals(new HashSet<>(groups).size(), groups.size(), "no group twice");
            assertEquals(EquityGroup.UNKNOWN, groups.get(groups.size() - 1));
            assertTrue(groups.containsAll(counts.keySet()), "no group folded into another");
            assertTrue(groups.contains(policy.reference()));
            assertTrue(groups.containsAll(policy.categories()));
            assertEquals(counts.values().stream().mapToLong(GroupCounts::referrals).sum(),
                    RriTable.of(counts, policy).totalReferrals());
        });
    }

    @Test
    void the_order_the_counts_come_in_does_not_matter() {
        qt().withExamples(500).forAll(groupCounts(), policies()).checkAssert((counts, policy) -> {
            var keys = new ArrayList<>(counts.keySet());
            Collections.reverse(keys);
            var reversed = new LinkedHashMap<EquityGroup, GroupCounts>();
            keys.forEach(k -> reversed.put(k, counts.get(k)));
            RriTable t = RriTable.of(counts, policy);
            assertEquals(t, RriTable.of(reversed, policy));
            assertEquals(t, RriTable.of(new HashMap<>(counts), policy));
            assertEquals(t, RriTable.of(new TreeMap<>(counts), policy));
            assertEquals(t.publish(), RriTable.of(reversed, policy).publish());
        });
    }

    @Test
    void the_public_table_never_shows_a_small_count_not_even_by_subtraction_from_a_total() {
        qt().withExamples(3000).forAll(groupCounts(), policies()).checkAssert((counts, policy) -> {
            RriTable t = RriTable.of(counts, policy);
            PublishedRriTable p = t.publish();
            int min = policy.minCellSize();
            checkMargin(p.rows().stream().map(PublishedRriRow::referrals).toList(), p.totalReferrals(),
                    t.totalReferrals(), min);
            checkMargin(p.rows().stream().map(PublishedRriRow::pool).toList(), p.totalPool(), t.totalPool(), min);
            PublishedRriRow ref = p.row(policy.reference()).orElseThrow();
            for (int i = 0; i < p.rows().size(); i++) {
                PublishedRriRow row = p.rows().get(i);
                RriRow internal = t.rows().get(i);
                assertEquals(internal.group(), row.group());
                if (!row.referrals().isSuppressed()) {
                    assertEquals(internal.referrals(), row.referrals().number().getAsLong());
                }
                if (row.rate().isPresent()) {
                    assertFalse(row.referrals().isSuppressed() || row.pool().isSuppressed());
                }
                if (row.status() == RriStatus.PRODUCED) {
                    assertEquals(internal.rri(), row.rri());
                    assertEquals(internal.flag(), row.flag());
                    assertFalse(row.referrals().isSuppressed() || row.pool().isSuppressed()
                            || ref.referrals().isSuppressed() || ref.pool().isSuppressed(),
                            "an RRI would let a reader work a suppressed count back out");
                }
            }
        });
    }

    /** No shown cell is small; the total is shown unless small; total − Σ shown is never small. */
    static void checkMargin(List<Cell> cells, Cell total, long trueTotal, int min) {
        long shown = 0;
        for (Cell c : cells) {
            if (!c.isSuppressed()) {
                assertFalse(SmallCells.isSmall(c.number().getAsLong(), min), () -> "small cell shown: " + cells);
                shown += c.number().getAsLong();
            }
        }
        assertEquals(SmallCells.isSmall(trueTotal, min), total.isSuppressed());
        if (!total.isSuppressed()) {
            assertEquals(trueTotal, total.number().getAsLong());
            long derivable = trueTotal - shown;
            assertFalse(SmallCells.isSmall(derivable, min),
                    () -> "total " + trueTotal + " minus shown cells reveals " + derivable + ": " + cells);
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.evaluation.EvaluationFixtures.group;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.SantaFeQuarter;

/**
 * The referral relative rate index (SPEC §8.5, rule R39) on worked examples.
 *
 * <p>The worked example: WHITE (the reference) 40 referrals from a pool of 400 (rate 0.10); BLACK 30 of 500 (0.06,
 * RRI 0.6, below 0.80); ASIAN 13 of 100 (0.13, RRI 1.3, above 1.25); NATIVE 2 of 8 (pool under 10: suppressed);
 * PACIFIC 0 of 60 (RRI 0: the large pool with no referral R39 is there to catch); UNKNOWN 5 of 50 (RRI 1).
 */
@DisplayName("R39 referral relative rate index")
class RriTableTest {

    private static final EquityPolicy POLICY = EquityPolicy.defaults().withGroups(
            List.of(group("WHITE"), group("BLACK"), group("ASIAN"), group("NATIVE")), group("WHITE"));

    private static Map<EquityGroup, GroupCounts> worked() {
        var counts = new LinkedHashMap<EquityGroup, GroupCounts>();
        counts.put(group("WHITE"), new GroupCounts(40, 400));
        counts.put(group("BLACK"), new GroupCounts(30, 500));
        counts.put(group("ASIAN"), new GroupCounts(13, 100));
        counts.put(group("NATIVE"), new GroupCounts(2, 8));
        counts.put(group("PACIFIC"), new GroupCounts(0, 60));
        counts.put(EquityGroup.UNKNOWN, new GroupCounts(5, 50));
        return counts;
    }

    @Test
    void a_worked_table_with_both_flags_a_suppression_and_a_zero() {
        RriTable t = RriTable.of(worked(), POLICY);
        assertEquals(List.of(
                row("WHITE", true, 40, 400, Fraction.of(1), RriFlag.WITHIN_BOUNDS),
                row("BLACK", false, 30, 500, Fraction.of(3, 5), RriFlag.BELOW_LOWER_BOUND),
                row("ASIAN", false, 13, 100, Fraction.of(13, 10), RriFlag.ABOVE_UPPER_BOUND),
                new RriRow(group("NATIVE"), false, 2, 8, Optional.of(Fraction.of(1, 4)), RriStatus.SUPPRESSED,
                        Optional.empty(), RriFlag.NOT_PRODUCED),
                row("PACIFIC", false, 0, 60, Fraction.ZERO, RriFlag.BELOW_LOWER_BOUND),
                row("UNKNOWN", false, 5, 50, Fraction.of(1), RriFlag.WITHIN_BOUNDS)), t.rows());
        assertEquals(List.of(group("BLACK"), group("ASIAN"), group("PACIFIC")),
                t.flagged().stream().map(RriRow::group).toList());
        assertEquals(90, t.totalReferrals());
        assertEquals(1118, t.totalPool());
    }

    @Test
    void the_bounds_themselves_are_not_flagged() {
        var counts = Map.of(group("WHITE"), new GroupCounts(10, 100), group("A"), new GroupCounts(8, 100),
                group("B"), new GroupCounts(125, 1000), group("C"), new GroupCounts(79, 1000),
                group("D"), new GroupCounts(126, 1000));
        RriTable t = RriTable.of(counts, EquityPolicy.defaults());
        assertEquals(RriFlag.WITHIN_BOUNDS, t.row(group("A")).orElseThrow().flag(), "0.80 exactly");
        assertEquals(RriFlag.WITHIN_BOUNDS, t.row(group("B")).orElseThrow().flag(), "1.25 exactly");
        assertEquals(RriFlag.BELOW_LOWER_BOUND, t.row(group("C")).orElseThrow().flag(), "0.79");
        assertEquals(RriFlag.ABOVE_UPPER_BOUND, t.row(group("D")).orElseThrow().flag(), "1.26");
    }

    @Test
    void no_referral_in_the_reference_group_or_a_small_reference_pool_suppresses_every_rri() {
        RriTable none = RriTable.of(Map.of(group("WHITE"), new GroupCounts(0, 400),
                group("BLACK"), new GroupCounts(30, 500)), EquityPolicy.defaults());
        assertTrue(none.rows().stream().allMatch(r -> r.status() == RriStatus.SUPPRESSED));
        assertEquals(30, none.row(group("BLACK")).orElseThrow().referrals(), "counts are never suppressed internally");
        RriTable small = RriTable.of(Map.of(group("WHITE"), new GroupCounts(3, 9),
                group("BLACK"), new GroupCounts(30, 500)), EquityPolicy.defaults());
        assertTrue(small.rows().stream().allMatch(r -> r.status() == RriStatus.SUPPRESSED));
    }

    @Test
    void unknown_and_the_reference_group_are_reported_even_without_data() {
        RriTable t = RriTable.of(Map.of(group("BLACK"), new GroupCounts(30, 500)), EquityPolicy.defaults());
        assertEquals(List.of(group("WHITE"), group("BLACK"), EquityGroup.UNKNOWN),
                t.rows().stream().map(RriRow::group).toList());
        assertEquals(new RriRow(EquityGroup.UNKNOWN, false, 0, 0, Optional.empty(), RriStatus.SUPPRESSED,
                Optional.empty(), RriFlag.NOT_PRODUCED), t.row(EquityGroup.UNKNOWN).orElseThrow());
    }

    /**
     * Publishing the worked table with a minimum cell size of 10: NATIVE's 2 and UNKNOWN's 5 referrals are small; the
     * 7 they add up to would be total − shown, so the smallest shown count, ASIAN's 13, is suppressed too. In the pool
     * NATIVE's 8 is small and UNKNOWN's 50 goes with it. PACIFIC's zero stays visible, with its RRI of 0.
     */
    @Test
    void the_public_table_suppresses_small_counts_and_what_subtraction_would_reveal() {
        PublishedRriTable p = RriTable.of(worked(), POLICY).publish();
        assertEquals(Cell.shown(90), p.totalReferrals());
        assertEquals(Cell.shown(1118), p.totalPool());
        assertEquals(List.of(Cell.shown(40), Cell.shown(30), Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.shown(0),
                Cell.SUPPRESSED), p.rows().stream().map(PublishedRriRow::referrals).toList());
        assertEquals(List.of(Cell.shown(400), Cell.shown(500), Cell.shown(100), Cell.SUPPRESSED, Cell.shown(60),
                Cell.SUPPRESSED), p.rows().stream().map(PublishedRriRow::pool).toList());
        assertEquals(List.of(Optional.of(Fraction.ONE), Optional.of(Fraction.of(3, 5)), Optional.empty(),
                Optional.empty(), Optional.of(Fraction.ZERO), Optional.empty()),
                p.rows().stream().map(PublishedRriRow::rri).toList());
        assertEquals(Optional.empty(), p.row(group("ASIAN")).orElseThrow().rate());
        assertEquals(RriFlag.BELOW_LOWER_BOUND, p.row(group("PACIFIC")).orElseThrow().flag());
    }

    /**
     * The Santa Fe quarter ({@link SantaFeQuarter}): referrals HISPANIC 53, WHITE 42, NATIVE 6, UNKNOWN 4; pools are
     * the records system's pool arrests plus the social referrals: HISPANIC 175 + 25 = 200, WHITE 120 + 20 = 140,
     * NATIVE 30, UNKNOWN 5 + 3 = 8 (the 15 arrests outside the pool do not count). RRIs: HISPANIC (53/200)/(42/140) =
     * 53/60 ≈ 0.88, NATIVE (6/30)/(42/140) = 2/3, flagged; UNKNOWN's pool of 8 is too small.
     */
    @Test
    void the_santa_fe_quarter() {
        var santaFe = new SantaFeQuarter();
        RriTable t = RriTable.compute(santaFe.referrals(), santaFe.encounters, SantaFeQuarter.SCOPE,
                EquityPolicy.defaults());
        assertEquals(List.of(
                row("WHITE", true, 42, 140, Fraction.ONE, RriFlag.WITHIN_BOUNDS),
                row("HISPANIC", false, 53, 200, Fraction.of(53, 60), RriFlag.WITHIN_BOUNDS),
                row("NATIVE", false, 6, 30, Fraction.of(2, 3), RriFlag.BELOW_LOWER_BOUND),
                new RriRow(EquityGroup.UNKNOWN, false, 4, 8, Optional.of(Fraction.of(1, 2)), RriStatus.SUPPRESSED,
                        Optional.empty(), RriFlag.NOT_PRODUCED)), t.rows());
        assertEquals(new BigDecimal("0.88"), t.row(group("HISPANIC")).orElseThrow().rri().orElseThrow().toDecimal(2));
        // in public, NATIVE's 6 and UNKNOWN's 4 referrals are small (together 10: enough); in the pool UNKNOWN's 8 is
        // small and NATIVE's 30 is suppressed with it, so NATIVE's RRI is not published
        PublishedRriTable p = t.publish();
        assertEquals(List.of(Cell.shown(42), Cell.shown(53), Cell.SUPPRESSED, Cell.SUPPRESSED),
                p.rows().stream().map(PublishedRriRow::referrals).toList());
        assertEquals(List.of(Cell.shown(140), Cell.shown(200), Cell.SUPPRESSED, Cell.SUPPRESSED),
                p.rows().stream().map(PublishedRriRow::pool).toList());
        assertEquals(RriStatus.SUPPRESSED, p.row(group("NATIVE")).orElseThrow().status());
        assertEquals(Optional.of(Fraction.of(53, 60)), p.row(group("HISPANIC")).orElseThrow().rri());
        assertEquals(List.of(), EquityInvariant.r39().check(EquityEvidence.of(santaFe.referrals(),
                santaFe.encounters, SantaFeQuarter.SCOPE, EquityPolicy.defaults())));
    }

    @Test
    void the_policy_keeps_the_spec_defaults_and_refuses_what_cannot_work() {
        EquityPolicy d = EquityPolicy.defaults();
        assertEquals(new BigDecimal("0.80"), d.lowerBound());
        assertEquals(new BigDecimal("1.25"), d.upperBound());
        assertEquals(10, d.minCellSize());
        assertEquals(java.time.Period.ofMonths(3), d.reportingPeriod());
        assertEquals(group("WHITE"), d.reference());
        assertEquals("equity.reference", assertThrows(InvalidValueException.class,
                () -> d.withGroups(List.of(), EquityGroup.UNKNOWN)).field());
        assertEquals("equity.categories", assertThrows(InvalidValueException.class,
                () -> d.withGroups(List.of(group("WHITE"), EquityGroup.UNKNOWN), group("WHITE"))).field());
        assertEquals("equity.reference", assertThrows(InvalidValueException.class,
                () -> d.withGroups(List.of(group("BLACK")), group("WHITE"))).field());
        assertEquals("equity.lowerBound", assertThrows(InvalidValueException.class,
                () -> d.withBounds(new BigDecimal("1.10"), new BigDecimal("1.25"))).field());
        assertEquals("equity.upperBound", assertThrows(InvalidValueException.class,
                () -> d.withBounds(new BigDecimal("0.80"), new BigDecimal("0.90"))).field());
        assertEquals("equity.minCellSize", assertThrows(InvalidValueException.class,
                () -> d.withMinCellSize(0)).field());
    }

    private static RriRow row(String g, boolean reference, long referrals, long pool, Fraction rri, RriFlag flag) {
        return new RriRow(group(g), reference, referrals, pool, Optional.of(Fraction.of(referrals, pool)),
                RriStatus.PRODUCED, Optional.of(rri), flag);
    }
}

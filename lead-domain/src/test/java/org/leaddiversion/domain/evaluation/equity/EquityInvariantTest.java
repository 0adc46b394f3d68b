/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.evaluation.EvaluationFixtures.group;
import static org.leaddiversion.domain.evaluation.equity.EquityGenerators.Q1_2024;
import static org.leaddiversion.domain.evaluation.equity.EquityGenerators.policies;
import static org.leaddiversion.domain.evaluation.equity.EquityGenerators.seattleQuarters;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.SantaFeQuarter;
import org.leaddiversion.domain.rules.Violation;

/**
 * R39 as an engine-neutral invariant ({@link EquityInvariant#r39()}): it holds for every table the library computes
 * from generated Seattle quarters under any policy, whatever the order of the data, and it is not vacuous — each way
 * of breaking the rule is found and named.
 */
@DisplayName("R39 equity computation: the invariant")
class EquityInvariantTest {

    private static EquityEvidence santaFe;

    @BeforeAll
    static void aSantaFeQuarter() {
        var q = new SantaFeQuarter();
        santaFe = EquityEvidence.of(q.referrals(), q.encounters, SantaFeQuarter.SCOPE, EquityPolicy.defaults());
    }

    @Test
    void holds_for_every_table_computed_from_referrals_and_encounters_in_any_order() {
        qt().withExamples(300).forAll(seattleQuarters(), policies()).checkAssert((data, policy) -> {
            EquityEvidence ev = EquityEvidence.of(data.referrals(), data.encounters(), Q1_2024, policy);
            assertEquals(List.of(), EquityInvariant.r39().check(ev));
            var referrals = new ArrayList<>(data.referrals());
            var encounters = new ArrayList<>(data.encounters());
            Collections.reverse(referrals);
            Collections.reverse(encounters);
            assertEquals(ev.table(), RriTable.compute(referrals, encounters, Q1_2024, policy));
            assertTrue(ev.table().row(EquityGroup.UNKNOWN).isPresent());
        });
    }

    @Test
    void states_the_rule() {
        assertEquals(RuleId.R39, EquityInvariant.r39().id());
        assertTrue(EquityInvariant.r39().statement().contains("minimum cell size"));
        assertEquals(List.of(), EquityInvariant.r39().check(santaFe));
    }

    @Test
    void an_rri_suppressed_although_both_pools_are_large_enough_is_a_violation() {
        assertBroken(rows -> replace(rows, "HISPANIC", r -> new RriRow(r.group(), false, r.referrals(), r.pool(),
                r.rate(), RriStatus.SUPPRESSED, Optional.empty(), RriFlag.NOT_PRODUCED)), "suppressed although");
    }

    @Test
    void an_rri_over_a_small_pool_is_a_violation() {
        assertBroken(rows -> replace(rows, "UNKNOWN", r -> new RriRow(r.group(), false, r.referrals(), r.pool(),
                r.rate(), RriStatus.PRODUCED, Optional.of(Fraction.ONE), RriFlag.WITHIN_BOUNDS)), "produced although");
    }

    @Test
    void a_wrong_value_or_a_missing_flag_is_a_violation() {
        assertBroken(rows -> replace(rows, "HISPANIC", r -> new RriRow(r.group(), false, r.referrals(), r.pool(),
                r.rate(), RriStatus.PRODUCED, Optional.of(Fraction.of(9, 10)), r.flag())), "is not");
        assertBroken(rows -> replace(rows, "NATIVE", r -> new RriRow(r.group(), false, r.referrals(), r.pool(),
                r.rate(), RriStatus.PRODUCED, r.rri(), RriFlag.WITHIN_BOUNDS)), "outside the bounds but not flagged");
    }

    @Test
    void a_suppressed_internal_count_or_a_group_folded_into_another_is_a_violation() {
        assertBroken(rows -> replace(rows, "NATIVE", r -> new RriRow(r.group(), false, 0, r.pool(), r.rate(),
                r.status(), r.rri(), r.flag())), "the data give");
        assertBroken(rows -> rows.stream().filter(r -> !r.group().isUnknown()).toList(), "is not reported");
        assertBroken(rows -> rows.stream().filter(r -> !r.group().equals(group("NATIVE"))).toList(),
                "no row of its own");
    }

    @Test
    void a_public_report_showing_a_small_count_or_letting_subtraction_reveal_one_is_a_violation() {
        PublishedRriTable p = santaFe.published();
        var rows = new ArrayList<>(p.rows());
        PublishedRriRow unknown = rows.get(3);
        rows.set(3, new PublishedRriRow(unknown.group(), false, Cell.shown(4), unknown.pool(), unknown.rate(),
                unknown.status(), unknown.rri(), unknown.flag()));
        List<Violation> v = EquityInvariant.r39().check(withPublished(new PublishedRriTable(10, rows,
                p.totalReferrals(), p.totalPool())));
        assertTrue(v.stream().anyMatch(x -> x.message().contains("below the minimum")), v::toString);

        // showing NATIVE's pool of 30 lets a reader compute UNKNOWN's 8 from the total of 378
        rows = new ArrayList<>(p.rows());
        PublishedRriRow nat = rows.get(2);
        rows.set(2, new PublishedRriRow(nat.group(), false, nat.referrals(), Cell.shown(30), nat.rate(), nat.status(),
                nat.rri(), nat.flag()));
        v = EquityInvariant.r39().check(withPublished(new PublishedRriTable(10, rows, p.totalReferrals(),
                p.totalPool())));
        assertTrue(v.stream().anyMatch(x -> x.message().contains("subtract")), v::toString);
    }

    private static void assertBroken(UnaryOperator<List<RriRow>> tamper, String expected) {
        var table = new RriTable(santaFe.policy(), tamper.apply(santaFe.table().rows()));
        List<Violation> v = EquityInvariant.r39().check(new EquityEvidence(santaFe.scope(), santaFe.policy(),
                santaFe.referrals(), santaFe.encounters(), table, santaFe.published()));
        assertTrue(v.stream().anyMatch(x -> x.rule() == RuleId.R39 && x.message().contains(expected)),
                () -> "expected '" + expected + "' in " + v);
    }

    private static EquityEvidence withPublished(PublishedRriTable p) {
        return new EquityEvidence(santaFe.scope(), santaFe.policy(), santaFe.referrals(), santaFe.encounters(),
                santaFe.table(), p);
    }

    private static List<RriRow> replace(List<RriRow> rows, String g, UnaryOperator<RriRow> change) {
        return rows.stream().map(r -> r.group().equals(new EquityGroup(g)) ? change.apply(r) : r).toList();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.leaddiversion.domain.screening.ScreeningCases.cleanReferral;
import static org.leaddiversion.domain.screening.ScreeningCases.of;
import static org.leaddiversion.domain.screening.ScreeningCases.plainPolicy;
import static org.leaddiversion.domain.screening.ScreeningCases.screen;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SalesPolicy;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.DrugFacts;
import org.quicktheories.core.Gen;

/**
 * Rule R11 — sales policy (E2). The truth table:
 * <pre>
 *   sales policy       sale/PWID  for profit above subsistence   E2
 *   NO_SALES           yes        either                         yes
 *   NO_SALES           no         (impossible without a sale)    no
 *   SUBSISTENCE_ONLY   yes        yes                            yes
 *   SUBSISTENCE_ONLY   yes        no                             no
 *   SUBSISTENCE_ONLY   no         —                              no
 *   ANY                any        any                            never
 * </pre>
 * and a referral without drug facts never has E2.
 */
class SalesPolicyTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);
    private static final Instant AT = at(DAY, LocalTime.NOON, ZONE);

    private static boolean expectedE2(SalesPolicy policy, boolean sale, boolean forProfit) {
        return switch (policy) {
            case NO_SALES -> sale;
            case SUBSISTENCE_ONLY -> sale && forProfit;
            case ANY -> false;
        };
    }

    private static DrugFacts facts(boolean sale, boolean forProfit) {
        return new DrugFacts("HEROIN", "POWDER", Optional.of(new BigDecimal("0.5")), sale, forProfit, false);
    }

    @Test
    void the_sales_truth_table_holds_for_every_door_and_policy() {
        for (SalesPolicy policy : SalesPolicy.values()) {
            SitePolicy site = plainPolicy(ZONE).salesPolicy(policy).build();
            for (Door door : Door.values()) {
                for (boolean sale : List.of(true, false)) {
                    for (boolean forProfit : sale ? List.of(true, false) : List.of(false)) {
                        ScreeningDecision d = screen(site, cleanReferral(door, DAY).drugFacts(facts(sale, forProfit))
                                .build(), AT);
                        boolean expected = expectedE2(policy, sale, forProfit);
                        var e2 = of(d, ExclusionKind.SALES_ABOVE_SUBSISTENCE);
                        String row = policy + " sale=" + sale + " forProfit=" + forProfit + " door=" + door;
                        assertEquals(expected ? 1 : 0, e2.size(), row);
                        assertEquals(expected ? EligibilityResult.PRESUMPTIVELY_INELIGIBLE : EligibilityResult.ELIGIBLE,
                                d.result(), row);
                        if (expected) {
                            assertEquals(RuleId.R11, e2.get(0).rule());
                        }
                    }
                }
            }
        }
    }

    @Test
    void a_for_profit_indicator_without_a_sale_is_not_a_valid_fact() {
        assertThrows(InvalidValueException.class, () -> facts(false, true));
    }

    @Test
    void without_drug_facts_no_sales_policy_excludes() {
        for (SalesPolicy policy : SalesPolicy.values()) {
            ScreeningDecision d = screen(plainPolicy(ZONE).salesPolicy(policy).build(),
                    cleanReferral(Door.ARREST_DIVERSION, DAY).build(), AT);
            assertEquals(EligibilityResult.ELIGIBLE, d.result(), policy::toString);
        }
    }

    @Test
    void clackamas_style_no_sales_as_hard_makes_any_seller_ineligible() {
        SitePolicy site = plainPolicy(ZONE).salesPolicy(SalesPolicy.NO_SALES)
                .exclusion(ExclusionKind.SALES_ABOVE_SUBSISTENCE, RuleStrength.HARD).build();
        ScreeningDecision d = screen(site, cleanReferral(Door.ARREST_DIVERSION, DAY).drugFacts(facts(true, false)).build(),
                AT);
        assertEquals(EligibilityResult.INELIGIBLE, d.result());
        assertEquals(RuleStrength.HARD, of(d, ExclusionKind.SALES_ABOVE_SUBSISTENCE).get(0).strength());
    }

    record SaleCase(ScreeningCase c, boolean sale, boolean forProfit) {
    }

    @Test
    void E2_follows_the_truth_table_at_generated_sites() {
        Gen<ScreeningCase> cases = admittedCases(Door.values());
        Gen<SaleCase> sales = in -> {
            ScreeningCase c = cases.generate(in);
            boolean sale = chance(in, 60);
            return new SaleCase(c, sale, sale && chance(in, 50));
        };
        qt().withExamples(1500).forAll(sales).checkAssert(s -> {
            SitePolicy p = s.c().policy();
            var facts = new DrugFacts("HEROIN", "POWDER", Optional.empty(), s.sale(), s.forProfit(), false);
            ScreeningDecision d = screen(p, s.c().submission().toBuilder().drugFacts(facts).build(), s.c().referredAt());
            boolean active = p.exclusion(ExclusionKind.SALES_ABOVE_SUBSISTENCE)
                    .map(x -> x.appliesTo(s.c().submission().door())).orElse(false);
            boolean expected = active && expectedE2(p.salesPolicy(), s.sale(), s.forProfit());
            assertEquals(expected, !of(d, ExclusionKind.SALES_ABOVE_SUBSISTENCE).isEmpty(), d::toString);
            if (p.salesPolicy() == SalesPolicy.ANY) {
                assertTrue(of(d, ExclusionKind.SALES_ABOVE_SUBSISTENCE).isEmpty());
            }
        });
    }
}

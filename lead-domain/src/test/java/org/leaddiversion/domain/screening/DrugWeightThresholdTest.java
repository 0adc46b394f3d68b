/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.between;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.leaddiversion.domain.screening.ScreeningCases.cleanReferral;
import static org.leaddiversion.domain.screening.ScreeningCases.of;
import static org.leaddiversion.domain.screening.ScreeningCases.pick;
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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Comparator;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DrugPolicy;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.DrugFacts;
import org.quicktheories.core.Gen;

/**
 * Rule R10 — drug-weight threshold (E1): with comparator {@code GT} and threshold T a net weight above T is a finding
 * and exactly T is not; with {@code GE} exactly T is a finding too. A form listed as weight-exempt (Santa Fe's
 * prescription opiate pills) never produces E1, whatever the weight. The rule is monotonic: if weight w triggers E1,
 * every heavier weight does. Where a site uses "substantial quantity" instead of a number, the officer's finding
 * triggers E1 exactly when the site says it excludes. E1 is PRESUMPTIVE by default.
 */
class DrugWeightThresholdTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 9);
    private static final Instant AT = at(DAY, LocalTime.of(2, 30), ZONE);
    private static final String PILLS = "PRESCRIPTION_OPIATE_PILLS";
    private static final BigDecimal ONE_MILLIGRAM = new BigDecimal("0.001");

    /** A threshold in grams with up to three decimals, 0.001 g to 20 g. */
    private static Gen<BigDecimal> thresholds() {
        return in -> BigDecimal.valueOf(between(in, 1, 20_000), 3);
    }

    private static SitePolicy siteWith(BigDecimal threshold, Comparator comparator, boolean substantialQuantityExcludes) {
        return plainPolicy(ZONE).drug(new DrugPolicy(Optional.of(threshold), comparator, Set.of(PILLS),
                substantialQuantityExcludes)).build();
    }

    private static ScreeningDecision arrestWith(SitePolicy policy, DrugFacts facts) {
        return screen(policy, cleanReferral(Door.ARREST_DIVERSION, DAY).drugFacts(facts).build(), AT);
    }

    private static DrugFacts powder(BigDecimal grams) {
        return DrugFacts.possession("HEROIN", "POWDER", grams);
    }

    private static boolean weightFinding(ScreeningDecision d) {
        return of(d, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD).stream()
                .anyMatch(f -> f.field().equals("drugFacts.netWeightGrams"));
    }

    @Test
    void under_GT_exactly_the_threshold_is_eligible_and_a_milligram_more_is_presumptively_ineligible() {
        qt().withExamples(500).forAll(thresholds()).checkAssert(t -> {
            SitePolicy policy = siteWith(t, Comparator.GT, false);
            ScreeningDecision atThreshold = arrestWith(policy, powder(t));
            ScreeningDecision sameWeightOtherScale = arrestWith(policy, powder(t.setScale(t.scale() + 2)));
            ScreeningDecision over = arrestWith(policy, powder(t.add(ONE_MILLIGRAM)));
            assertEquals(EligibilityResult.ELIGIBLE, atThreshold.result(), atThreshold::toString);
            assertEquals(EligibilityResult.ELIGIBLE, sameWeightOtherScale.result());
            assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE, over.result());
            var e1 = of(over, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD);
            assertEquals(1, e1.size());
            assertEquals(RuleStrength.PRESUMPTIVE, e1.get(0).strength());
            assertEquals(RuleId.R10, e1.get(0).rule());
            assertEquals("drugFacts.netWeightGrams", e1.get(0).field());
        });
    }

    @Test
    void under_GE_exactly_the_threshold_is_a_finding_and_a_milligram_less_is_not() {
        qt().withExamples(500).forAll(thresholds()).checkAssert(t -> {
            SitePolicy policy = siteWith(t, Comparator.GE, false);
            assertTrue(weightFinding(arrestWith(policy, powder(t))));
            assertTrue(weightFinding(arrestWith(policy, powder(t.setScale(t.scale() + 1)))));
            assertEquals(EligibilityResult.ELIGIBLE, arrestWith(policy, powder(t.subtract(ONE_MILLIGRAM))).result());
        });
    }

    record ExemptCase(BigDecimal threshold, Comparator comparator, BigDecimal weight, boolean substantial,
                      boolean substantialExcludes) {
    }

    @Test
    void a_weight_exempt_form_never_triggers_E1_whatever_the_weight() {
        Gen<ExemptCase> cases = in -> new ExemptCase(thresholds().generate(in), pick(in, List.of(Comparator.values())),
                BigDecimal.valueOf(between(in, 0, 1_000_000), 2), chance(in, 50), chance(in, 50));
        qt().withExamples(500).forAll(cases).checkAssert(c -> {
            SitePolicy policy = siteWith(c.threshold(), c.comparator(), c.substantialExcludes());
            var pills = new DrugFacts("OXYCODONE", PILLS, Optional.of(c.weight()), false, false, c.substantial());
            ScreeningDecision d = arrestWith(policy, pills);
            assertTrue(of(d, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD).isEmpty(), d::toString);
            assertEquals(EligibilityResult.ELIGIBLE, d.result());
        });
    }

    record Heavier(ScreeningCase c, DrugFacts facts, BigDecimal extra) {
    }

    @Test
    void if_a_weight_triggers_E1_every_heavier_weight_does() {
        Gen<ScreeningCase> cases = admittedCases(Door.values());
        Gen<Heavier> heavier = in -> {
            ScreeningCase c = cases.generate(in);
            BigDecimal t = c.policy().drug().thresholdGrams().orElse(BigDecimal.valueOf(3));
            BigDecimal w = t.add(BigDecimal.valueOf(between(in, -3000, 3000), 3)).max(BigDecimal.ZERO);
            var facts = new DrugFacts("HEROIN", pick(in, List.of("POWDER", "ROCK", PILLS)), Optional.of(w),
                    false, false, chance(in, 20));
            return new Heavier(c, facts, BigDecimal.valueOf(between(in, 1, 100_000), 3));
        };
        qt().withExamples(1500).forAll(heavier).checkAssert(h -> {
            ScreeningCase c = h.c();
            ScreeningDecision light = screen(c.policy(), c.submission().toBuilder().drugFacts(h.facts()).build(),
                    c.referredAt());
            DrugFacts more = new DrugFacts(h.facts().substance(), h.facts().form(),
                    Optional.of(h.facts().netWeightGrams().get().add(h.extra())), false, false,
                    h.facts().substantialQuantity());
            ScreeningDecision heavy = screen(c.policy(), c.submission().toBuilder().drugFacts(more).build(),
                    c.referredAt());
            if (weightFinding(light)) {
                assertTrue(weightFinding(heavy), () -> h.facts() + " triggered E1 but " + more + " did not");
            }
        });
    }

    @Test
    void E1_applies_exactly_as_the_site_threshold_comparator_and_exemptions_say() {
        qt().withExamples(2000).forAll(admittedCases(Door.values())).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            DrugPolicy drug = c.policy().drug();
            boolean active = c.policy().exclusion(ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD)
                    .map(s -> s.appliesTo(c.submission().door())).orElse(false);
            long expected = 0;
            if (active && c.submission().drugFacts().isPresent()) {
                DrugFacts f = c.submission().drugFacts().get();
                if (!drug.weightExemptForms().contains(f.form())) {
                    if (drug.thresholdGrams().isPresent() && f.netWeightGrams().isPresent()) {
                        int cmp = f.netWeightGrams().get().compareTo(drug.thresholdGrams().get());
                        if (drug.comparator() == Comparator.GT ? cmp > 0 : cmp >= 0) {
                            expected++;
                        }
                    }
                    if (drug.substantialQuantityExcludes() && f.substantialQuantity()) {
                        expected++;
                    }
                }
            }
            assertEquals(expected, of(d, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD).size(), d::toString);
        });
    }

    @Test
    void a_substantial_quantity_excludes_only_where_the_site_says_so() {
        for (boolean excludes : List.of(true, false)) {
            SitePolicy policy = plainPolicy(ZONE).drug(new DrugPolicy(Optional.empty(), Comparator.GT, Set.of(), excludes))
                    .build();
            for (boolean substantial : List.of(true, false)) {
                var facts = new DrugFacts("METHAMPHETAMINE", "ROCK", Optional.empty(), false, false, substantial);
                ScreeningDecision d = arrestWith(policy, facts);
                boolean expected = excludes && substantial;
                assertEquals(expected, of(d, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD).stream()
                        .anyMatch(f -> f.field().equals("drugFacts.substantialQuantity")), d::toString);
                assertEquals(expected ? EligibilityResult.PRESUMPTIVELY_INELIGIBLE : EligibilityResult.ELIGIBLE,
                        d.result());
            }
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;

/**
 * Rule R08 — determinism: screening the same facts against the same policy version and context always gives the
 * same decision — result, findings in the same order, notes and rejections — and putting any input list (offences,
 * verification evidence, convictions, pending cases, orders, supervisions, prison releases) in another order changes
 * nothing. Findings are ordered by criterion id (E1 before E17), as SPEC §4.8 step 5 requires.
 */
class ScreeningDeterminismTest {

    /** A case with several entries in every list, the same facts in another order, and a programme context. */
    record Reordered(ScreeningCase original, ReferralSubmission permuted, ScreeningContext context) {
    }

    private static Gen<Reordered> reorderedCases() {
        Gen<ScreeningCase> admitted = admittedCases(Door.values());
        Gen<ScreeningCase> any = LeadGenerators.screeningCases();
        return in -> {
            ScreeningCase c = chance(in, 70) ? admitted.generate(in) : any.generate(in);
            LocalDate date = LocalDate.ofInstant(c.referredAt(), c.policy().zone());
            ReferralSubmission rich = ScreeningCases.enriched(in, c.submission(), date);
            ReferralSubmission permuted = chance(in, 20) ? ScreeningCases.reversed(rich)
                    : ScreeningCases.permuted(in, rich);
            return new Reordered(new ScreeningCase(c.policy(), c.referredAt(), rich), permuted,
                    ScreeningCases.context(in));
        };
    }

    @Test
    void screening_the_same_facts_twice_gives_equal_decisions() {
        qt().withExamples(1000).forAll(reorderedCases()).checkAssert(r -> {
            ScreeningCase c = r.original();
            EligibilityScreening screening = EligibilityScreening.of(c.policy());
            ScreeningDecision first = screening.screen(c.submission(), c.referredAt(), r.context());
            ScreeningDecision again = screening.screen(c.submission(), c.referredAt(), r.context());
            ScreeningDecision fresh = EligibilityScreening.of(c.policy()).screen(c.submission(), c.referredAt(), r.context());
            assertEquals(first, again);
            assertEquals(first, fresh);
        });
    }

    @Test
    void the_order_of_the_input_lists_does_not_change_the_decision_or_the_order_of_its_reasons() {
        qt().withExamples(1500).forAll(reorderedCases()).checkAssert(r -> {
            ScreeningCase c = r.original();
            EligibilityScreening screening = EligibilityScreening.of(c.policy());
            ScreeningDecision asGiven = screening.screen(c.submission(), c.referredAt(), r.context());
            ScreeningDecision reordered = screening.screen(r.permuted(), c.referredAt(), r.context());
            assertEquals(asGiven.result(), reordered.result());
            assertEquals(asGiven.findings(), reordered.findings(), "findings, in order");
            assertEquals(asGiven.notes(), reordered.notes(), "notes, in order");
            assertEquals(asGiven.rejections(), reordered.rejections(), "rejections, in order");
            assertEquals(asGiven, reordered);
        });
    }

    @Test
    void findings_and_notes_are_ordered_by_criterion_id() {
        qt().withExamples(1500).forAll(reorderedCases()).checkAssert(r -> {
            ScreeningCase c = r.original();
            ScreeningDecision d = EligibilityScreening.of(c.policy()).screen(r.permuted(), c.referredAt(), r.context());
            assertOrderedByCriterion(d.findings());
            assertOrderedByCriterion(d.notes());
        });
    }

    private static void assertOrderedByCriterion(List<Finding> findings) {
        for (int i = 1; i < findings.size(); i++) {
            Finding before = findings.get(i - 1);
            Finding after = findings.get(i);
            assertTrue(before.exclusion().number() <= after.exclusion().number(),
                    () -> before.exclusion().id() + " listed before " + after.exclusion().id() + " in " + findings);
            assertTrue(before.compareTo(after) <= 0, () -> "not in criterion, field, fact order: " + findings);
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.leaddiversion.domain.screening.ScreeningCases.of;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.OfficerJudgement;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;

/**
 * Rule R09 — rule strength decides the result: any HARD finding makes the referral INELIGIBLE; PRESUMPTIVE findings
 * alone make it PRESUMPTIVELY_INELIGIBLE; a DISCRETIONARY factor (E3, the officer's "not amenable") is only a note and
 * never changes the result, the findings or the rejections by itself. E3 is always DISCRETIONARY and E16 always HARD.
 */
class RuleStrengthTest {

    record Screened(ScreeningCase c, ScreeningContext context) {
    }

    private static Gen<Screened> screenedCases() {
        Gen<ScreeningCase> admitted = admittedCases(Door.values());
        Gen<ScreeningCase> any = LeadGenerators.screeningCases();
        return in -> new Screened(chance(in, 70) ? admitted.generate(in) : any.generate(in), ScreeningCases.context(in));
    }

    private static ScreeningDecision screen(Screened s) {
        return EligibilityScreening.of(s.c().policy()).screen(s.c().submission(), s.c().referredAt(), s.context());
    }

    @Test
    void any_hard_finding_makes_the_referral_ineligible_and_only_a_hard_finding_does() {
        qt().withExamples(2000).forAll(screenedCases()).checkAssert(s -> {
            ScreeningDecision d = screen(s);
            boolean hard = d.findings().stream().anyMatch(f -> f.strength() == RuleStrength.HARD);
            assertEquals(hard, d.result() == EligibilityResult.INELIGIBLE, d::toString);
        });
    }

    @Test
    void presumptive_findings_alone_make_the_referral_presumptively_ineligible() {
        qt().withExamples(2000).forAll(screenedCases()).checkAssert(s -> {
            ScreeningDecision d = screen(s);
            boolean onlyPresumptive = !d.findings().isEmpty()
                    && d.findings().stream().allMatch(f -> f.strength() == RuleStrength.PRESUMPTIVE);
            assertEquals(onlyPresumptive, d.result() == EligibilityResult.PRESUMPTIVELY_INELIGIBLE, d::toString);
        });
    }

    @Test
    void discretionary_factors_are_notes_never_findings() {
        qt().withExamples(2000).forAll(screenedCases()).checkAssert(s -> {
            ScreeningDecision d = screen(s);
            assertTrue(d.notes().stream().allMatch(f -> f.strength() == RuleStrength.DISCRETIONARY), d::toString);
            assertTrue(d.findings().stream().noneMatch(f -> f.strength() == RuleStrength.DISCRETIONARY), d::toString);
            if (d.result() == EligibilityResult.ELIGIBLE || d.result() == EligibilityResult.DEFERRED_CAPACITY) {
                assertTrue(d.findings().isEmpty(), d::toString);
            }
        });
    }

    /** Generated cases at sites where E3 is on for every door. */
    private static Gen<Screened> atSitesThatRecordAmenability() {
        Gen<Screened> cases = screenedCases();
        return in -> {
            Screened s = cases.generate(in);
            SitePolicy p = s.c().policy().toBuilder().version(1, s.c().policy().effectiveFrom())
                    .exclusion(ExclusionKind.NOT_AMENABLE, RuleStrength.DISCRETIONARY).build();
            return new Screened(new ScreeningCase(p, s.c().referredAt(), s.c().submission()), s.context());
        };
    }

    @Test
    void an_officer_judging_the_person_not_amenable_changes_nothing_but_the_notes() {
        qt().withExamples(2000).forAll(atSitesThatRecordAmenability()).checkAssert(s -> {
            ReferralSubmission facts = s.c().submission();
            OfficerJudgement j = facts.judgement();
            var amenable = facts.toBuilder()
                    .judgement(new OfficerJudgement(false, j.exploitsMinors(), j.promotesProstitution())).build();
            var notAmenable = facts.toBuilder()
                    .judgement(new OfficerJudgement(true, j.exploitsMinors(), j.promotesProstitution())).build();
            EligibilityScreening screening = EligibilityScreening.of(s.c().policy());
            ScreeningDecision without = screening.screen(amenable, s.c().referredAt(), s.context());
            ScreeningDecision with = screening.screen(notAmenable, s.c().referredAt(), s.context());

            assertEquals(without.result(), with.result());
            assertEquals(without.findings(), with.findings());
            assertEquals(without.rejections(), with.rejections());
            if (!with.refusedAtTheDoor()) {
                assertEquals(1, of(with, ExclusionKind.NOT_AMENABLE).size(), "the factor is recorded as a note");
                var expectedNotes = new ArrayList<>(without.notes());
                expectedNotes.addAll(of(with, ExclusionKind.NOT_AMENABLE));
                Collections.sort(expectedNotes);
                assertEquals(expectedNotes, with.notes());
            }
        });
    }

    @Test
    void not_amenable_cannot_be_made_binding_and_the_informant_rule_cannot_be_softened() {
        Set<Door> all = EnumSet.allOf(Door.class);
        for (RuleStrength s : EnumSet.of(RuleStrength.HARD, RuleStrength.PRESUMPTIVE)) {
            assertThrows(InvalidValueException.class,
                    () -> new ExclusionSetting(ExclusionKind.NOT_AMENABLE, s, all, Set.of()));
        }
        for (RuleStrength s : EnumSet.of(RuleStrength.PRESUMPTIVE, RuleStrength.DISCRETIONARY)) {
            assertThrows(InvalidValueException.class,
                    () -> new ExclusionSetting(ExclusionKind.ACTIVE_CONFIDENTIAL_INFORMANT, s, all, Set.of()));
            assertThrows(InvalidValueException.class,
                    () -> new ExclusionSetting(ExclusionKind.NOT_LEAD_ELIGIBLE_OFFENCE, s, all, Set.of()));
        }
    }
}

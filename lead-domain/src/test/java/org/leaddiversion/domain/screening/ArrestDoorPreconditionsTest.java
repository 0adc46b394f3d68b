/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.between;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.leaddiversion.domain.screening.ScreeningCases.pick;
import static org.leaddiversion.domain.screening.ScreeningCases.refusedFor;
import static org.leaddiversion.domain.screening.ScreeningCases.screen;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Offence;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Rule R04 — arrest-door preconditions: an arrest diversion without probable cause, or without at least one offence
 * on the site's divertible list, is refused at the door ({@code REJECTED}, {@code PRECONDITION_MISSING}) with an
 * error naming the missing field ({@code probableCause}, {@code offences}) and R04. The prosecutor door needs a
 * divertible offence too, but no probable-cause flag.
 */
class ArrestDoorPreconditionsTest {

    private static final List<String> OTHER_CODES = List.of("ASSAULT", "BURGLARY", "ARSON", "DRUG_POSSESSION",
            "THEFT_LOW_LEVEL", "TRESPASS", "SHOPLIFTING", "PROSTITUTION");

    /** Offences none of which the site lets anyone divert (possibly none at all). */
    private static List<Offence> nonDivertible(RandomnessSource in, SitePolicy policy) {
        var out = new ArrayList<Offence>();
        for (int i = between(in, 0, 3); i > 0; i--) {
            Offence o = new Offence(OffenceCode.of(pick(in, OTHER_CODES)), pick(in, List.of(OffenceLevel.values())),
                    chance(in, 10));
            if (!policy.isDivertible(o.code(), o.level())) {
                out.add(o);
            }
        }
        return out;
    }

    private static Gen<ScreeningCase> withoutDivertibleOffence(Door door) {
        Gen<ScreeningCase> cases = admittedCases(door);
        return in -> {
            ScreeningCase c = cases.generate(in);
            var s = c.submission().toBuilder().offences(nonDivertible(in, c.policy())).build();
            return new ScreeningCase(c.policy(), c.referredAt(), s);
        };
    }

    @Test
    void an_arrest_diversion_without_probable_cause_is_refused_naming_probableCause() {
        qt().withExamples(1000).forAll(admittedCases(Door.ARREST_DIVERSION)).checkAssert(c -> {
            var s = c.submission().toBuilder().probableCause(false).build();
            ScreeningDecision d = screen(c.policy(), s, c.referredAt());
            assertEquals(EligibilityResult.REJECTED, d.result());
            assertTrue(d.refusedAtTheDoor());
            assertTrue(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "probableCause", RuleId.R04), d.rejections()::toString);
            assertTrue(d.findings().isEmpty());
        });
    }

    @Test
    void an_arrest_diversion_without_a_divertible_offence_is_refused_naming_offences() {
        qt().withExamples(1000).forAll(withoutDivertibleOffence(Door.ARREST_DIVERSION)).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            assertEquals(EligibilityResult.REJECTED, d.result());
            assertTrue(d.refusedAtTheDoor());
            assertTrue(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "offences", RuleId.R04), d.rejections()::toString);
            assertFalse(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "probableCause", RuleId.R04));
        });
    }

    @Test
    void both_missing_preconditions_are_reported_together() {
        qt().withExamples(300).forAll(withoutDivertibleOffence(Door.ARREST_DIVERSION)).checkAssert(c -> {
            var s = c.submission().toBuilder().probableCause(false).build();
            ScreeningDecision d = screen(c.policy(), s, c.referredAt());
            assertTrue(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "probableCause", RuleId.R04));
            assertTrue(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "offences", RuleId.R04));
        });
    }

    @Test
    void with_probable_cause_and_one_divertible_offence_the_arrest_door_is_passed() {
        qt().withExamples(1000).forAll(admittedCases(Door.ARREST_DIVERSION)).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            assertFalse(d.refusedAtTheDoor(), d.rejections()::toString);
            assertTrue(d.rejections().stream().noneMatch(e -> e.rule() == RuleId.R04));
        });
    }

    @Test
    void a_non_divertible_offence_beside_a_divertible_one_is_a_hard_E17_finding() {
        qt().withExamples(500).forAll(admittedCases(Door.ARREST_DIVERSION, Door.PROSECUTOR)).checkAssert(c -> {
            var extra = new Offence(OffenceCode.of("ARSON"), OffenceLevel.FELONY, false);
            var s = c.submission().toBuilder().offence(extra).build();
            ScreeningDecision d = screen(c.policy(), s, c.referredAt());
            assertEquals(EligibilityResult.INELIGIBLE, d.result());
            assertTrue(d.findings().stream().anyMatch(f -> f.exclusion() == ExclusionKind.NOT_LEAD_ELIGIBLE_OFFENCE
                    && f.strength() == RuleStrength.HARD && f.rule() == RuleId.R04 && f.field().equals("offences")));
        });
    }

    @Test
    void a_prosecutor_referral_without_a_divertible_offence_is_refused_naming_offences() {
        qt().withExamples(1000).forAll(withoutDivertibleOffence(Door.PROSECUTOR)).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            assertEquals(EligibilityResult.REJECTED, d.result());
            assertTrue(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "offences", RuleId.R04), d.rejections()::toString);
        });
    }

    @Test
    void a_prosecutor_referral_needs_no_probable_cause() {
        qt().withExamples(500).forAll(admittedCases(Door.PROSECUTOR)).checkAssert(c -> {
            var s = c.submission().toBuilder().probableCause(false).build();
            ScreeningDecision d = screen(c.policy(), s, c.referredAt());
            assertFalse(d.refusedAtTheDoor(), d.rejections()::toString);
        });
    }
}

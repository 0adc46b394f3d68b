/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.between;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.leaddiversion.domain.screening.ScreeningCases.cleanReferral;
import static org.leaddiversion.domain.screening.ScreeningCases.pick;
import static org.leaddiversion.domain.screening.ScreeningCases.plainPolicy;
import static org.leaddiversion.domain.screening.ScreeningCases.refusedFor;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.CapacityAction;
import org.leaddiversion.domain.policy.CapacityPolicy;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.OfficerJudgement;
import org.quicktheories.core.Gen;

/**
 * Rule R17 — the capacity gate, run only for an eligible referral (discretionary notes do not stop it) and only
 * when capacity figures are known:
 * <ul>
 *   <li>a charge-holding door (arrest, prosecutor) is REJECTED with {@code CAPACITY_EXHAUSTED} only when
 *       {@code open ≥ capacity};</li>
 *   <li>the other doors stop at {@code open ≥ capacity − K} when the site gives arrests priority, with the reserve K
 *       configured or ⌈10 % of capacity⌉, and at {@code open ≥ capacity} otherwise; they are then
 *       DEFERRED_CAPACITY, or REJECTED with {@code CAPACITY_EXHAUSTED} when the site rejects instead of queueing;</li>
 *   <li>without capacity figures there is no gate.</li>
 * </ul>
 */
class CapacityGateTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate DAY = LocalDate.of(2023, 8, 1);
    private static final Instant AT = at(DAY, LocalTime.of(14, 0), ZONE);

    record GateCase(boolean arrestPriority, OptionalInt reserve, CapacityAction whenFull, int capacity, int open,
                    Door door, boolean notAmenable) {
        SitePolicy policy() {
            return plainPolicy(ZONE).capacity(new CapacityPolicy(arrestPriority, reserve, whenFull))
                    .exclusion(ExclusionKind.NOT_AMENABLE, RuleStrength.DISCRETIONARY).build();
        }
    }

    private static Gen<GateCase> cases() {
        return in -> {
            int capacity = between(in, 0, 60);
            int open = chance(in, 50) ? Math.max(0, capacity + between(in, -8, 2)) : between(in, 0, 70);
            return new GateCase(chance(in, 50), chance(in, 50) ? OptionalInt.of(between(in, 0, 8)) : OptionalInt.empty(),
                    pick(in, List.of(CapacityAction.values())), capacity, open, pick(in, List.of(Door.values())),
                    chance(in, 20));
        };
    }

    /** The reserve for arrest diversions: as configured, else ten per cent of capacity rounded up. */
    private static int reserve(GateCase g) {
        return g.reserve().isPresent() ? g.reserve().getAsInt() : (int) Math.ceil(g.capacity() / 10.0);
    }

    private static EligibilityResult expected(GateCase g) {
        if (g.door() == Door.ARREST_DIVERSION || g.door() == Door.PROSECUTOR) {
            return g.open() >= g.capacity() ? EligibilityResult.REJECTED : EligibilityResult.ELIGIBLE;
        }
        int threshold = g.arrestPriority() ? g.capacity() - reserve(g) : g.capacity();
        if (g.open() < threshold) {
            return EligibilityResult.ELIGIBLE;
        }
        return g.whenFull() == CapacityAction.DEFER ? EligibilityResult.DEFERRED_CAPACITY : EligibilityResult.REJECTED;
    }

    private static ScreeningDecision screen(GateCase g, ScreeningContext context) {
        var referral = cleanReferral(g.door(), DAY).judgement(new OfficerJudgement(g.notAmenable(), false, false)).build();
        return EligibilityScreening.of(g.policy()).screen(referral, AT, context);
    }

    @Test
    void an_eligible_referral_meets_the_capacity_gate_of_its_door() {
        qt().withExamples(3000).forAll(cases()).checkAssert(g -> {
            ScreeningDecision d = screen(g, ScreeningContext.of(Set.of(), new CapacityFigures(g.capacity(), g.open())));
            EligibilityResult expected = expected(g);
            assertEquals(expected, d.result(), () -> g + " gave " + d);
            if (expected == EligibilityResult.REJECTED) {
                assertTrue(refusedFor(d, ErrorCode.CAPACITY_EXHAUSTED, "capacity", RuleId.R17), d::toString);
                assertFalse(d.refusedAtTheDoor(), "a capacity rejection is not a refusal at the door");
            } else {
                assertTrue(d.rejections().isEmpty());
            }
        });
    }

    @Test
    void without_capacity_figures_there_is_no_gate() {
        qt().withExamples(500).forAll(cases()).checkAssert(g ->
                assertEquals(EligibilityResult.ELIGIBLE, screen(g, ScreeningContext.withoutCapacityGate(Set.of())).result()));
    }

    @Test
    void the_default_reserve_is_ten_per_cent_of_capacity_rounded_up() {
        SitePolicy california = plainPolicy(ZONE)
                .capacity(new CapacityPolicy(true, OptionalInt.empty(), CapacityAction.DEFER)).build();
        // capacity 25: reserve 3, so social contact stops at 22 open; arrests go on until 25.
        assertEquals(EligibilityResult.ELIGIBLE, resultAt(california, Door.SOCIAL_CONTACT, 25, 21));
        assertEquals(EligibilityResult.DEFERRED_CAPACITY, resultAt(california, Door.SOCIAL_CONTACT, 25, 22));
        assertEquals(EligibilityResult.DEFERRED_CAPACITY, resultAt(california, Door.COMMUNITY, 25, 24));
        assertEquals(EligibilityResult.ELIGIBLE, resultAt(california, Door.ARREST_DIVERSION, 25, 24));
        assertEquals(EligibilityResult.REJECTED, resultAt(california, Door.ARREST_DIVERSION, 25, 25));
        // capacity 20: reserve exactly 2.
        assertEquals(EligibilityResult.ELIGIBLE, resultAt(california, Door.SOCIAL_CONTACT, 20, 17));
        assertEquals(EligibilityResult.DEFERRED_CAPACITY, resultAt(california, Door.SOCIAL_CONTACT, 20, 18));
        // capacity 1: reserve 1, so only arrests fit.
        assertEquals(EligibilityResult.DEFERRED_CAPACITY, resultAt(california, Door.SOCIAL_CONTACT, 1, 0));
        assertEquals(EligibilityResult.ELIGIBLE, resultAt(california, Door.ARREST_DIVERSION, 1, 0));
    }

    private static EligibilityResult resultAt(SitePolicy p, Door door, int capacity, int open) {
        return EligibilityScreening.of(p).screen(cleanReferral(door, DAY).build(), AT,
                ScreeningContext.of(Set.of(), new CapacityFigures(capacity, open))).result();
    }

    @Test
    void the_gate_never_changes_the_result_of_a_referral_with_findings_or_refused_at_the_door() {
        Gen<ScreeningCase> cases = LeadGenerators.screeningCases();
        Gen<CapacityFigures> figures = in -> new CapacityFigures(between(in, 0, 30), between(in, 0, 40));
        qt().withExamples(1500).forAll(cases, figures).checkAssert((c, f) -> {
            EligibilityScreening s = EligibilityScreening.of(c.policy());
            ScreeningDecision ungated = s.screen(c.submission(), c.referredAt(), ScreeningContext.withoutCapacityGate(Set.of()));
            ScreeningDecision gated = s.screen(c.submission(), c.referredAt(), ScreeningContext.of(Set.of(), f));
            if (!ungated.findings().isEmpty() || ungated.refusedAtTheDoor()) {
                assertEquals(ungated.result(), gated.result());
                assertEquals(ungated.findings(), gated.findings());
                assertEquals(ungated.rejections(), gated.rejections());
            }
        });
    }
}

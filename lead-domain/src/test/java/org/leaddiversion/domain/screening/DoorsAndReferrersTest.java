/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.leaddiversion.domain.screening.ScreeningCases.cleanReferral;
import static org.leaddiversion.domain.screening.ScreeningCases.pick;
import static org.leaddiversion.domain.screening.ScreeningCases.plainPolicy;
import static org.leaddiversion.domain.screening.ScreeningCases.refusedFor;
import static org.leaddiversion.domain.screening.ScreeningCases.screen;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.ReferrerKind;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.quicktheories.core.Gen;

/**
 * Rule R06 — disabled door, disallowed referrer: a referral through a door the site has not enabled is
 * {@code REJECTED} with {@code DOOR_DISABLED} (field {@code door}) and nothing else is checked; a referrer whose role
 * the door does not list, whose relationship to the person is not among the door's referrer kinds, or — where the
 * site requires LEAD training — an untrained officer or sergeant, is {@code REJECTED} with
 * {@code REFERRER_NOT_ALLOWED} naming {@code referrer.role}, {@code referrer.kind} or {@code referrer.leadTrained}.
 * Such a referral is refused at the door, so no referral (and no enrollment) can come of it.
 */
class DoorsAndReferrersTest {

    private static final ZoneId ZONE = ZoneId.of("America/Denver");
    private static final LocalDate DAY = LocalDate.of(2024, 11, 3);
    private static final Instant AT = at(DAY, LocalTime.of(10, 0), ZONE);

    /** Generated cases made through a door the policy has not enabled. */
    private static Gen<ScreeningCase> throughADisabledDoor() {
        Gen<SitePolicy> policies = LeadGenerators.sitePolicies().assuming(p -> p.doors().size() < Door.values().length);
        return in -> {
            SitePolicy p = policies.generate(in);
            var disabled = new ArrayList<Door>();
            for (Door d : Door.values()) {
                if (!p.isEnabled(d)) {
                    disabled.add(d);
                }
            }
            Instant at = LeadGenerators.referralInstants().generate(in);
            ReferralSubmission s = LeadGenerators.submission(in, p, LocalDate.ofInstant(at, p.zone()));
            return new ScreeningCase(p, at, s.toBuilder().door(pick(in, disabled)).build());
        };
    }

    @Test
    void a_referral_through_a_disabled_door_is_refused_with_door_disabled_only() {
        qt().withExamples(1000).forAll(throughADisabledDoor()).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            assertEquals(EligibilityResult.REJECTED, d.result());
            assertTrue(d.refusedAtTheDoor());
            assertEquals(List.of(ErrorCode.DOOR_DISABLED), d.rejections().stream().map(DomainError::code).toList());
            assertTrue(refusedFor(d, ErrorCode.DOOR_DISABLED, "door", RuleId.R06));
            assertTrue(d.findings().isEmpty() && d.notes().isEmpty());
        });
    }

    @Test
    void a_referrer_whose_role_the_door_does_not_list_is_refused_naming_referrer_role() {
        Gen<ScreeningCase> cases = admittedCases(Door.values());
        qt().withExamples(1000).forAll(cases).checkAssert(c -> {
            DoorPolicy door = c.policy().door(c.submission().door()).orElseThrow();
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(door.referrers()))) {
                Referrer r = c.submission().referrer();
                var s = c.submission().toBuilder()
                        .referrer(new Referrer(new Actor(r.actor().id(), role, Optional.empty()), r.kind(), true)).build();
                ScreeningDecision d = screen(c.policy(), s, c.referredAt());
                assertEquals(EligibilityResult.REJECTED, d.result());
                assertTrue(refusedFor(d, ErrorCode.REFERRER_NOT_ALLOWED, "referrer.role", RuleId.R06), () -> role + ": "
                        + d.rejections());
                assertTrue(d.rejections().stream().allMatch(e -> e.code() == ErrorCode.REFERRER_NOT_ALLOWED),
                        "screening stops at the referrer");
            }
        });
    }

    /** The plain site with one door restricted to some referrer kinds, and a referral with some kind (or none). */
    record KindCase(SitePolicy policy, Door door, Set<ReferrerKind> allowed, Optional<ReferrerKind> kind) {
    }

    private static Gen<KindCase> kindCases() {
        return in -> {
            Door door = pick(in, List.of(Door.values()));
            var allowed = EnumSet.noneOf(ReferrerKind.class);
            for (ReferrerKind k : ReferrerKind.values()) {
                if (chance(in, 40)) {
                    allowed.add(k);
                }
            }
            var b = plainPolicy(ZONE);
            if (!allowed.isEmpty()) {
                b.door(new DoorPolicy(door, Set.copyOf(EnumSet.allOf(Role.class)), allowed, Set.of(),
                        EligibilityAuthority.OFFICER_ONLY, Set.of()));
            } else {
                b.door(door, EnumSet.allOf(Role.class));
            }
            Optional<ReferrerKind> kind = chance(in, 80) ? Optional.of(pick(in, List.of(ReferrerKind.values())))
                    : Optional.empty();
            return new KindCase(b.build(), door, allowed, kind);
        };
    }

    @Test
    void a_door_restricted_to_some_referrer_kinds_refuses_every_other_kind_and_an_unrecorded_kind() {
        qt().withExamples(1000).forAll(kindCases()).checkAssert(c -> {
            ReferralSubmission base = cleanReferral(c.door(), DAY).build();
            var s = base.toBuilder().referrer(new Referrer(base.referrer().actor(), c.kind(), true)).build();
            ScreeningDecision d = screen(c.policy(), s, AT);
            boolean expectRefusal = !c.allowed().isEmpty() && (c.kind().isEmpty() || !c.allowed().contains(c.kind().get()));
            assertEquals(expectRefusal, refusedFor(d, ErrorCode.REFERRER_NOT_ALLOWED, "referrer.kind", RuleId.R06),
                    d.rejections()::toString);
            assertEquals(expectRefusal, d.result() == EligibilityResult.REJECTED);
        });
    }

    /** Any role may use the door; the site may require training; the referrer may or may not be trained. */
    record TrainingCase(Door door, boolean required, Role role, boolean trained) {
    }

    @Test
    void where_training_is_required_only_untrained_officers_and_sergeants_are_refused() {
        Gen<TrainingCase> cases = in -> new TrainingCase(pick(in, List.of(Door.values())), chance(in, 50),
                pick(in, List.of(Role.values())), chance(in, 50));
        qt().withExamples(1000).forAll(cases).checkAssert(c -> {
            SitePolicy policy = plainPolicy(ZONE).door(c.door(), EnumSet.allOf(Role.class))
                    .officerTrainingRequired(c.required()).build();
            ReferralSubmission base = cleanReferral(c.door(), DAY).build();
            var referrer = new Referrer(Actor.of("someone", c.role()), Optional.empty(), c.trained());
            ScreeningDecision d = screen(policy, base.toBuilder().referrer(referrer).build(), AT);
            boolean lawEnforcement = c.role() == Role.OFFICER || c.role() == Role.SERGEANT;
            boolean expectRefusal = c.required() && lawEnforcement && !c.trained();
            assertEquals(expectRefusal, refusedFor(d, ErrorCode.REFERRER_NOT_ALLOWED, "referrer.leadTrained", RuleId.R06));
            assertEquals(expectRefusal, d.result() == EligibilityResult.REJECTED, d.rejections()::toString);
        });
    }

    @Test
    void an_allowed_trained_referrer_through_an_enabled_door_is_never_refused_for_the_door_or_the_referrer() {
        qt().withExamples(1000).forAll(admittedCases(Door.values())).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            assertFalse(d.rejections().stream().anyMatch(e -> e.rule() == RuleId.R06), d.rejections()::toString);
        });
    }
}

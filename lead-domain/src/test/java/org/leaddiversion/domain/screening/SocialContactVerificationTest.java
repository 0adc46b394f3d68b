/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.screening.ScreeningCases.NORTH;
import static org.leaddiversion.domain.screening.ScreeningCases.OUTSIDE;
import static org.leaddiversion.domain.screening.ScreeningCases.SOUTH;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.between;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.policy.Catchment;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EvidenceKind;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SocialContactPolicy;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.VerificationEvidence;
import org.quicktheories.core.Gen;

/**
 * Rule R05 — social-contact verification: a social-contact referral passes the door only with at least one
 * verification item of a kind the site accepts, dated on or before the referral date and after
 * {@code referralDate − M months} (so an item exactly M months old is too old), and — when {@code inArea} — located
 * in the programme area (here the areas NORTH and SOUTH). Items of other kinds never count, whatever their date and
 * place. Otherwise the referral is {@code REJECTED} with {@code PRECONDITION_MISSING} on
 * {@code verificationEvidence}, rule R05.
 */
class SocialContactVerificationTest {

    /** A site whose programme area is NORTH and SOUTH, with a verification rule drawn at random. */
    record Case(SitePolicy policy, LocalDate referralDate, Instant referredAt, List<VerificationEvidence> evidence) {
    }

    private static Gen<SocialContactPolicy> verificationRules() {
        return in -> {
            var kinds = EnumSet.noneOf(EvidenceKind.class);
            for (EvidenceKind k : EvidenceKind.values()) {
                if (chance(in, 50)) {
                    kinds.add(k);
                }
            }
            if (kinds.isEmpty()) {
                kinds.add(pick(in, List.of(EvidenceKind.values())));
            }
            return new SocialContactPolicy(chance(in, 80) ? OptionalInt.of(between(in, 1, 36)) : OptionalInt.empty(),
                    chance(in, 60), kinds);
        };
    }

    private static SitePolicy siteWith(SocialContactPolicy rule, java.time.ZoneId zone) {
        return plainPolicy(zone).catchment(new Catchment(Set.of(NORTH, SOUTH), Map.of(), Optional.empty()))
                .socialContact(rule).build();
    }

    /** Dates clustered on the boundaries of the rule: M months back, the referral date, the day after. */
    private static LocalDate dateAround(org.quicktheories.core.RandomnessSource in, LocalDate referralDate, OptionalInt months) {
        LocalDate edge = referralDate.minusMonths(months.orElse(24));
        return switch (between(in, 0, 6)) {
            case 0 -> edge;
            case 1 -> edge.plusDays(1);
            case 2 -> edge.minusDays(1);
            case 3 -> referralDate;
            case 4 -> referralDate.plusDays(between(in, 1, 3));
            default -> referralDate.minusDays(between(in, 0, 1200));
        };
    }

    private static Gen<Case> cases() {
        return in -> {
            SocialContactPolicy rule = verificationRules().generate(in);
            SitePolicy policy = siteWith(rule, pick(in, LeadGenerators.ZONES));
            LocalDate date = ScreeningCases.referralDates().generate(in);
            Instant at = at(date, ScreeningCases.localTimes().generate(in), policy.zone());
            var evidence = new ArrayList<VerificationEvidence>();
            for (int i = between(in, 0, 3); i > 0; i--) {
                Location where = switch (between(in, 0, 3)) {
                    case 0 -> Location.in(NORTH);
                    case 1 -> Location.in(SOUTH);
                    case 2 -> Location.in(OUTSIDE);
                    default -> Location.unknown();
                };
                evidence.add(new VerificationEvidence(pick(in, List.of(EvidenceKind.values())),
                        dateAround(in, date, rule.lookbackMonths()), where));
            }
            return new Case(policy, date, at, evidence);
        };
    }

    /** The rule, stated independently of the implementation. */
    private static boolean qualifies(VerificationEvidence e, SocialContactPolicy rule, LocalDate referralDate) {
        boolean kind = rule.evidenceKinds().contains(e.kind());
        boolean notLater = !e.date().isAfter(referralDate);
        boolean recent = rule.lookbackMonths().isEmpty()
                || e.date().isAfter(referralDate.minusMonths(rule.lookbackMonths().getAsInt()));
        boolean inArea = !rule.inArea()
                || e.location().area().map(a -> a.equals(NORTH) || a.equals(SOUTH)).orElse(false);
        return kind && notLater && recent && inArea;
    }

    private static ScreeningDecision screenWith(Case c, List<VerificationEvidence> evidence) {
        ReferralSubmission s = cleanReferral(Door.SOCIAL_CONTACT, c.referralDate()).evidence(evidence).build();
        return screen(c.policy(), s, c.referredAt());
    }

    private static boolean refusedForEvidence(ScreeningDecision d) {
        return refusedFor(d, ErrorCode.PRECONDITION_MISSING, "verificationEvidence", RuleId.R05);
    }

    @Test
    void a_social_contact_referral_passes_the_door_iff_one_verification_qualifies() {
        qt().withExamples(2000).forAll(cases()).checkAssert(c -> {
            boolean expected = c.evidence().stream()
                    .anyMatch(e -> qualifies(e, c.policy().socialContact(), c.referralDate()));
            ScreeningDecision d = screenWith(c, c.evidence());
            assertEquals(!expected, refusedForEvidence(d), () -> "evidence " + c.evidence() + " under "
                    + c.policy().socialContact() + " on " + c.referralDate() + ": " + d.rejections());
            assertEquals(!expected, d.result() == EligibilityResult.REJECTED);
        });
    }

    @Test
    void evidence_exactly_M_months_old_is_too_old_and_a_day_younger_counts() {
        qt().withExamples(1000).forAll(cases()).checkAssert(c -> {
            SocialContactPolicy rule = c.policy().socialContact();
            if (rule.lookbackMonths().isEmpty()) {
                return;
            }
            LocalDate edge = c.referralDate().minusMonths(rule.lookbackMonths().getAsInt());
            EvidenceKind kind = rule.evidenceKinds().iterator().next();
            var onTheEdge = new VerificationEvidence(kind, edge, Location.in(NORTH));
            var dayAfter = new VerificationEvidence(kind, edge.plusDays(1), Location.in(NORTH));
            assertTrue(refusedForEvidence(screenWith(c, List.of(onTheEdge))), () -> "counted evidence of " + edge);
            assertFalse(refusedForEvidence(screenWith(c, List.of(dayAfter))), () -> "ignored evidence of " + edge.plusDays(1));
        });
    }

    @Test
    void evidence_dated_on_the_referral_date_counts_and_after_it_never_does() {
        qt().withExamples(500).forAll(cases()).checkAssert(c -> {
            EvidenceKind kind = c.policy().socialContact().evidenceKinds().iterator().next();
            var sameDay = new VerificationEvidence(kind, c.referralDate(), Location.in(SOUTH));
            var nextDay = new VerificationEvidence(kind, c.referralDate().plusDays(1), Location.in(SOUTH));
            assertFalse(refusedForEvidence(screenWith(c, List.of(sameDay))));
            assertTrue(refusedForEvidence(screenWith(c, List.of(nextDay))));
        });
    }

    @Test
    void kinds_the_site_does_not_accept_never_count() {
        qt().withExamples(1000).forAll(cases()).checkAssert(c -> {
            var refused = EnumSet.complementOf(EnumSet.copyOf(c.policy().socialContact().evidenceKinds()));
            var evidence = new ArrayList<VerificationEvidence>();
            for (EvidenceKind k : refused) {
                evidence.add(new VerificationEvidence(k, c.referralDate(), Location.in(NORTH)));
                evidence.add(new VerificationEvidence(k, c.referralDate().minusDays(1), Location.in(SOUTH)));
            }
            assertTrue(refusedForEvidence(screenWith(c, evidence)), () -> "kinds " + refused + " counted");
        });
    }

    @Test
    void outside_the_programme_area_evidence_counts_only_when_the_site_does_not_require_the_area() {
        qt().withExamples(500).forAll(cases()).checkAssert(c -> {
            SocialContactPolicy rule = c.policy().socialContact();
            EvidenceKind kind = rule.evidenceKinds().iterator().next();
            var outside = new VerificationEvidence(kind, c.referralDate().minusDays(1), Location.in(OUTSIDE));
            assertEquals(rule.inArea(), refusedForEvidence(screenWith(c, List.of(outside))));
        });
    }

    @Test
    void a_social_contact_referral_without_any_verification_is_refused() {
        SitePolicy policy = siteWith(new SocialContactPolicy(OptionalInt.of(24), true,
                EnumSet.allOf(EvidenceKind.class)), java.time.ZoneId.of("America/Los_Angeles"));
        LocalDate date = LocalDate.of(2024, 3, 31);
        ScreeningDecision d = screen(policy, cleanReferral(Door.SOCIAL_CONTACT, date).evidence(List.of()).build(),
                at(date, LocalTime.NOON, policy.zone()));
        assertEquals(EligibilityResult.REJECTED, d.result());
        assertTrue(refusedForEvidence(d));
    }

    @Test
    void the_california_window_of_24_months_ends_the_day_after_the_same_date_two_years_earlier() {
        SitePolicy policy = siteWith(new SocialContactPolicy(OptionalInt.of(24), true,
                EnumSet.allOf(EvidenceKind.class)), java.time.ZoneId.of("America/Los_Angeles"));
        LocalDate date = LocalDate.of(2024, 2, 29);
        // Local 23:30 on 29 February is already 1 March in UTC: the window is measured from the local date.
        Instant lateEvening = at(date, LocalTime.of(23, 30), policy.zone());
        var twoYearsBefore = new VerificationEvidence(EvidenceKind.RECORDS, LocalDate.of(2022, 2, 28), Location.in(NORTH));
        var dayAfterThat = new VerificationEvidence(EvidenceKind.RECORDS, LocalDate.of(2022, 3, 1), Location.in(NORTH));
        assertTrue(refusedForEvidence(screen(policy, cleanReferral(Door.SOCIAL_CONTACT, date)
                .evidence(List.of(twoYearsBefore)).build(), lateEvening)));
        assertFalse(refusedForEvidence(screen(policy, cleanReferral(Door.SOCIAL_CONTACT, date)
                .evidence(List.of(dayAfterThat)).build(), lateEvening)));
    }
}

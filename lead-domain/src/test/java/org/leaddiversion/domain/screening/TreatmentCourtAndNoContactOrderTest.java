/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leaddiversion.domain.screening.ScreeningCases.admittedCases;
import static org.leaddiversion.domain.screening.ScreeningCases.at;
import static org.leaddiversion.domain.screening.ScreeningCases.between;
import static org.leaddiversion.domain.screening.ScreeningCases.chance;
import static org.leaddiversion.domain.screening.ScreeningCases.cleanReferral;
import static org.leaddiversion.domain.screening.ScreeningCases.of;
import static org.leaddiversion.domain.screening.ScreeningCases.pick;
import static org.leaddiversion.domain.screening.ScreeningCases.plainPolicy;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.CourtOrder;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.PendingCase;
import org.leaddiversion.domain.referral.PersonId;
import org.quicktheories.core.Gen;

/**
 * Rule R15 — pending treatment-court case (E8) and no-contact order (E9): a pending case in a court type the site
 * lists (drug court, mental-health court…) excludes, one in any other court or in no specialty court does not; an
 * order barring contact with someone who is a participant <em>at screening time</em> ({@link ScreeningContext}'s
 * current participants) excludes, and the same order protecting someone who is not currently a participant does not.
 * Both are HARD in the California and Denver profiles, so the referral is INELIGIBLE.
 */
class TreatmentCourtAndNoContactOrderTest {

    private static final ZoneId ZONE = ZoneId.of("America/Denver");
    private static final LocalDate DAY = LocalDate.of(2019, 9, 9);
    private static final Instant AT = at(DAY, LocalTime.of(9, 0), ZONE);
    private static final List<String> COURTS = List.of("DRUG_COURT", "MENTAL_HEALTH_COURT", "SPECIALTY_COURT",
            "VETERANS_COURT");

    record CourtCase(Set<String> listed, List<PendingCase> pending, Set<PersonId> participants, List<CourtOrder> orders,
                     Door door) {
    }

    private static Gen<CourtCase> cases() {
        return in -> {
            var listed = new TreeSet<String>();
            for (String c : COURTS) {
                if (chance(in, 40)) {
                    listed.add(c);
                }
            }
            if (listed.isEmpty()) {
                listed.add(pick(in, COURTS));
            }
            var pending = new ArrayList<PendingCase>();
            for (int i = between(in, 0, 3); i > 0; i--) {
                pending.add(new PendingCase(OffenceCode.of("DRUG_POSSESSION"), pick(in, List.of(OffenceLevel.values())),
                        chance(in, 75) ? Optional.of(pick(in, COURTS)) : Optional.empty()));
            }
            var participants = new TreeSet<PersonId>();
            for (String p : LeadGenerators.PEOPLE) {
                if (chance(in, 40)) {
                    participants.add(new PersonId(p));
                }
            }
            var orders = new ArrayList<CourtOrder>();
            for (int i = between(in, 0, 3); i > 0; i--) {
                orders.add(new CourtOrder(pick(in, List.of(CourtOrder.Kind.values())),
                        new PersonId(pick(in, LeadGenerators.PEOPLE))));
            }
            return new CourtCase(listed, pending, participants, orders, pick(in, List.of(Door.values())));
        };
    }

    private static SitePolicy siteListing(Set<String> courts) {
        return plainPolicy(ZONE)
                .exclusion(ExclusionKind.PENDING_TREATMENT_COURT_CASE, RuleStrength.HARD, Set.of(), courts)
                .exclusion(ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT, RuleStrength.HARD).build();
    }

    private static ScreeningDecision screen(CourtCase c, Set<PersonId> participants) {
        var history = new CriminalHistory(List.of(), c.pending(), c.orders(), List.of(), List.of(), 0);
        var referral = cleanReferral(c.door(), DAY).history(history).build();
        return EligibilityScreening.of(siteListing(c.listed()))
                .screen(referral, AT, ScreeningContext.withoutCapacityGate(participants));
    }

    @Test
    void a_pending_case_excludes_iff_its_court_type_is_listed() {
        qt().withExamples(1500).forAll(cases()).checkAssert(c -> {
            ScreeningDecision d = screen(c, c.participants());
            long expected = c.pending().stream().filter(p -> p.court().map(c.listed()::contains).orElse(false)).count();
            var e8 = of(d, ExclusionKind.PENDING_TREATMENT_COURT_CASE);
            assertEquals(expected, e8.size(), d::toString);
            e8.forEach(f -> assertEquals(RuleId.R15, f.rule()));
        });
    }

    @Test
    void an_order_excludes_iff_it_protects_someone_who_is_a_participant_now() {
        qt().withExamples(1500).forAll(cases()).checkAssert(c -> {
            ScreeningDecision d = screen(c, c.participants());
            long expected = c.orders().stream().filter(o -> c.participants().contains(o.protectedPerson())).count();
            var e9 = of(d, ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT);
            assertEquals(expected, e9.size(), d::toString);
            e9.forEach(f -> assertEquals(RuleId.R15, f.rule()));
            boolean anyHit = expected > 0 || !of(d, ExclusionKind.PENDING_TREATMENT_COURT_CASE).isEmpty();
            assertEquals(anyHit ? EligibilityResult.INELIGIBLE : EligibilityResult.ELIGIBLE, d.result());
        });
    }

    @Test
    void the_same_order_stops_excluding_once_the_protected_person_is_no_longer_a_participant() {
        qt().withExamples(1000).forAll(cases()).checkAssert(c -> {
            for (CourtOrder order : c.orders()) {
                var withThem = new TreeSet<>(c.participants());
                withThem.add(order.protectedPerson());
                var withoutThem = new TreeSet<>(c.participants());
                withoutThem.remove(order.protectedPerson());
                long othersProtected = c.orders().stream()
                        .filter(o -> !o.protectedPerson().equals(order.protectedPerson()))
                        .filter(o -> withoutThem.contains(o.protectedPerson())).count();
                long sameProtected = c.orders().stream().filter(o -> o.protectedPerson().equals(order.protectedPerson()))
                        .count();
                assertEquals(othersProtected + sameProtected,
                        of(screen(c, withThem), ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT).size());
                assertEquals(othersProtected,
                        of(screen(c, withoutThem), ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT).size());
            }
        });
    }

    @Test
    void a_treatment_court_criterion_must_name_its_court_types() {
        assertThrows(InvalidValueException.class, () -> plainPolicy(ZONE)
                .exclusion(ExclusionKind.PENDING_TREATMENT_COURT_CASE, RuleStrength.HARD).build());
    }

    @Test
    void E8_and_E9_apply_exactly_as_configured_at_generated_sites() {
        Gen<ScreeningCase> admitted = admittedCases(Door.values());
        Gen<ScreeningCase> cases = in -> {
            ScreeningCase c = admitted.generate(in);
            LocalDate date = LocalDate.ofInstant(c.referredAt(), c.policy().zone());
            return new ScreeningCase(c.policy(), c.referredAt(), ScreeningCases.enriched(in, c.submission(), date));
        };
        Gen<ScreeningContext> contexts = ScreeningCases::context;
        qt().withExamples(1500).forAll(cases, contexts).checkAssert((c, context) -> {
            ScreeningDecision d = EligibilityScreening.of(c.policy()).screen(c.submission(), c.referredAt(), context);
            Door door = c.submission().door();
            long court = c.policy().exclusion(ExclusionKind.PENDING_TREATMENT_COURT_CASE).filter(s -> s.appliesTo(door))
                    .map(s -> c.submission().history().pendingCases().stream()
                            .filter(p -> p.court().map(s.scope()::contains).orElse(false)).count()).orElse(0L);
            long orders = c.policy().exclusion(ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT)
                    .filter(s -> s.appliesTo(door))
                    .map(s -> c.submission().history().orders().stream()
                            .filter(o -> context.currentParticipants().contains(o.protectedPerson())).count()).orElse(0L);
            assertEquals(court, of(d, ExclusionKind.PENDING_TREATMENT_COURT_CASE).size(), d::toString);
            assertEquals(orders, of(d, ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT).size(), d::toString);
        });
    }
}

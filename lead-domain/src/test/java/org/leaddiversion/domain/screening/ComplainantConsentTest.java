/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Complainant;
import org.leaddiversion.domain.referral.Offence;
import org.quicktheories.core.Gen;

/**
 * Rule R14 — complainant consent (E13): where the site requires it for an offence — every offence when the scope is
 * {@code ANY} (Albany), otherwise only the listed offence codes — an arrest diversion with an identified complainant
 * who has not agreed to forgo prosecution is INELIGIBLE (E13 is HARD). A consenting complainant, an unidentified
 * one, no complainant, or only offences outside the listed codes, never trigger it.
 */
class ComplainantConsentTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2021, 5, 4);
    private static final Instant AT = at(DAY, LocalTime.of(15, 0), ZONE);
    private static final List<String> LISTED = List.of("THEFT_LOW_LEVEL", "SHOPLIFTING");

    record ConsentCase(boolean any, Optional<Complainant> complainant, List<String> offences) {
    }

    private static Gen<ConsentCase> cases() {
        return in -> {
            Optional<Complainant> c = chance(in, 85) ? Optional.of(new Complainant(chance(in, 75), chance(in, 40)))
                    : Optional.empty();
            var offences = new ArrayList<String>();
            offences.add("DRUG_POSSESSION");
            for (int i = between(in, 0, 2); i > 0; i--) {
                offences.add(pick(in, ScreeningCases.PLAIN_CATALOGUE));
            }
            return new ConsentCase(chance(in, 50), c, ScreeningCases.shuffled(in, offences));
        };
    }

    private static SitePolicy siteRequiringConsentFor(boolean any) {
        return plainPolicy(ZONE).complainantConsentRequiredFor(any ? Set.of("ANY") : Set.copyOf(LISTED)).build();
    }

    @Test
    void an_identified_complainant_who_has_not_consented_makes_a_covered_arrest_diversion_ineligible() {
        qt().withExamples(1500).forAll(cases()).checkAssert(c -> {
            var b = cleanReferral(Door.ARREST_DIVERSION, DAY).offences(List.of());
            c.offences().forEach(code -> b.offence(Offence.of(code, OffenceLevel.MISDEMEANOR)));
            c.complainant().ifPresent(b::complainant);
            ScreeningDecision d = screen(siteRequiringConsentFor(c.any()), b.build(), AT);

            boolean covered = c.any() || c.offences().stream().anyMatch(LISTED::contains);
            boolean expected = covered && c.complainant().map(x -> x.identified() && !x.consentsToForgoProsecution())
                    .orElse(false);
            var e13 = of(d, ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT);
            assertEquals(expected, !e13.isEmpty(), d::toString);
            assertEquals(expected ? EligibilityResult.INELIGIBLE : EligibilityResult.ELIGIBLE, d.result());
            if (expected) {
                assertEquals(RuleStrength.HARD, e13.get(0).strength());
                assertEquals(RuleId.R14, e13.get(0).rule());
            }
        });
    }

    @Test
    void without_a_consent_requirement_the_complainant_never_matters() {
        for (boolean identified : List.of(true, false)) {
            for (boolean consents : List.of(true, false)) {
                var referral = cleanReferral(Door.ARREST_DIVERSION, DAY)
                        .offence(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR))
                        .complainant(new Complainant(identified, consents)).build();
                assertEquals(EligibilityResult.ELIGIBLE, screen(plainPolicy(ZONE).build(), referral, AT).result());
            }
        }
    }

    @Test
    void E13_applies_exactly_as_the_scope_says_at_generated_sites() {
        Gen<ScreeningCase> cases = admittedCases(Door.values());
        qt().withExamples(1500).forAll(cases, cases()).checkAssert((c, consent) -> {
            SitePolicy p = c.policy().toBuilder().version(1, c.policy().effectiveFrom())
                    .complainantConsentRequiredFor(consent.any() ? Set.of("ANY") : Set.copyOf(LISTED)).build();
            var b = c.submission().toBuilder();
            consent.complainant().ifPresent(b::complainant);
            var s = b.build();
            ScreeningDecision d = screen(p, s, c.referredAt());
            boolean covered = consent.any() || s.offences().stream().anyMatch(o -> LISTED.contains(o.code().value()));
            boolean expected = covered && s.complainant().map(x -> x.identified() && !x.consentsToForgoProsecution())
                    .orElse(false);
            assertEquals(expected, !of(d, ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT).isEmpty(), d::toString);
        });
    }
}

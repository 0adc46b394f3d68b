/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.policy.ProfileReferrals.at;
import static org.leaddiversion.domain.policy.ProfileReferrals.clean;
import static org.leaddiversion.domain.policy.ProfileReferrals.screen;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.intake.IntakeDeadline;
import org.leaddiversion.domain.referral.Complainant;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PendingCase;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.Supervision;
import org.leaddiversion.domain.screening.EligibilityResult;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.screening.ScreeningDecision;

/**
 * The reference site profiles of SPEC §9.3, as shipped policy files: each loads; values marked {@code (derived)} are
 * reported as such; a referral can be screened and its intake deadline computed at every site through the public API
 * (rule R18); and the site-specific facts of §9.3 hold when referrals are screened against them.
 */
class ReferenceProfilesTest {

    static final List<String> NAMES = ReferenceProfiles.NAMES;

    /** Mid-2024, after every profile's latest version took effect. */
    static final LocalDate DAY = LocalDate.of(2024, 7, 1);

    private static SitePolicy inForce(String name, LocalDate day) {
        SitePolicyHistory h = ReferenceProfiles.load(name);
        return h.inForceAt(day.atTime(12, 0).atZone(h.zone()).toInstant()).orElseThrow();
    }

    private static SitePolicy latest(String name) {
        return ReferenceProfiles.load(name).latest();
    }

    private static boolean hasFinding(ScreeningDecision d, ExclusionKind kind, RuleStrength strength) {
        return d.findings().stream().anyMatch(f -> f.exclusion() == kind && f.strength() == strength);
    }

    private static boolean refusedFor(ScreeningDecision d, ErrorCode code, String field) {
        return d.rejections().stream().anyMatch(e -> e.code() == code && e.field().equals(field));
    }

    // ---- every profile -------------------------------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("NAMES")
    void the_profile_loads_as_a_valid_history_of_its_site(String name) {
        SitePolicyHistory h = ReferenceProfiles.load(name);
        assertEquals(new SiteId(name), h.siteId());
        assertFalse(h.versions().isEmpty());
        for (int i = 0; i < h.versions().size(); i++) {
            assertEquals(i + 1, h.versions().get(i).version());
            assertEquals(h.zone(), h.versions().get(i).zone());
            assertTrue(h.versions().get(i).exclusion(ExclusionKind.ACTIVE_CONFIDENTIAL_INFORMANT).isPresent(),
                    "E16 is on at every site");
        }
    }

    @Test
    void all_profiles_load_together() {
        assertEquals(NAMES.size(), ReferenceProfiles.all().size());
        assertEquals(NAMES, ReferenceProfiles.all().stream().map(h -> h.siteId().value()).toList());
    }

    @Test
    void an_unknown_profile_name_is_a_malformed_policy_naming_the_resource() {
        var e = assertThrows(MalformedPolicyException.class, () -> ReferenceProfiles.load("atlantis"));
        assertTrue(e.file().contains("atlantis"));
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void values_marked_derived_in_the_file_are_reported_as_derived(String name) throws IOException {
        Map<Integer, Map<String, Boolean>> marked = derivedMarks(name);
        SitePolicyHistory h = ReferenceProfiles.load(name);
        for (SitePolicy v : h.versions()) {
            Map<String, Boolean> keys = marked.get(v.version());
            var expectedDerived = new TreeSet<String>();
            keys.forEach((k, derived) -> {
                if (derived) {
                    expectedDerived.add(k);
                }
            });
            assertEquals(expectedDerived, v.derivedKeys(), () -> name + " version " + v.version());
            keys.forEach((k, derived) -> assertEquals(derived ? Provenance.DERIVED : Provenance.SOURCED,
                    v.provenanceOf(k), () -> name + " " + k));
        }
        assertEquals(Provenance.DEFAULT, h.latest().provenanceOf("capacity.reserve"));
    }

    /**
     * For each version, the keys the file sets (its own and those it inherits) and whether the value written last
     * ends in "(derived)". Read independently of the library's parser.
     */
    private static Map<Integer, Map<String, Boolean>> derivedMarks(String name) throws IOException {
        String text;
        try (InputStream in = ReferenceProfiles.class.getResourceAsStream("profiles/" + name + ".policy")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var out = new TreeMap<Integer, Map<String, Boolean>>();
        Map<String, Boolean> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[version ")) {
                int v = Integer.parseInt(line.substring(9, line.indexOf(']')).strip());
                current = new TreeMap<>(current == null ? Map.of() : current);
                out.put(v, current);
                continue;
            }
            if (current == null) {
                continue;
            }
            int comment = line.indexOf(" #");
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            String key = content.substring(0, content.indexOf('=')).strip();
            current.put(key, content.endsWith("(derived)"));
        }
        return out;
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void a_clean_referral_through_every_enabled_door_is_eligible_and_gets_its_intake_deadline(String name) {
        SitePolicy p = inForce(name, DAY);
        for (Door door : p.doors().keySet()) {
            Instant referredAt = at(p, DAY, LocalTime.of(23, 45));
            ScreeningDecision d = screen(p, clean(p, door, DAY).build(), referredAt);
            assertEquals(EligibilityResult.ELIGIBLE, d.result(), () -> name + " " + door + ": " + d);
            assertEquals(p.version(), d.policyVersion());
            IntakeDeadline deadline = IntakeDeadline.of(referredAt, p.zone(), p.intake().deadlineDays());
            assertEquals(DAY.plusDays(p.intake().deadlineDays()), deadline.date(), "counted from the local date");
            Instant lastMoment = deadline.date().plusDays(1).atStartOfDay(p.zone()).toInstant().minusNanos(1);
            assertTrue(deadline.isMetBy(lastMoment));
            assertFalse(deadline.isMetBy(lastMoment.plusNanos(1)));
        }
    }

    @Test
    void the_intake_deadlines_are_those_of_spec_9_3() {
        Map<String, Integer> expected = Map.ofEntries(Map.entry("seattle-king-county", 30), Map.entry("santa-fe", 7),
                Map.entry("clackamas", 14), Map.entry("california-statute", 30), Map.entry("watauga-nc", 14),
                Map.entry("denver", 30), Map.entry("baltimore", 30), Map.entry("albany", 30),
                Map.entry("marion-county-or", 30), Map.entry("richland-sc", 30), Map.entry("carroll-county-md", 30));
        assertEquals(Set.copyOf(NAMES), expected.keySet());
        for (String name : NAMES) {
            for (SitePolicy v : ReferenceProfiles.load(name).versions()) {
                assertEquals(expected.get(name), v.intake().deadlineDays(), name);
            }
        }
    }

    @Test
    void owg_cadence_and_scope_are_those_of_spec_9_3_with_seattle_cadence_marked_derived() {
        for (String name : NAMES) {
            for (SitePolicy v : ReferenceProfiles.load(name).versions()) {
                var expected = name.equals("seattle-king-county") ? new OwgPolicy(14, OwgScope.PRECINCT)
                        : new OwgPolicy(14, OwgScope.SITE);
                assertEquals(expected, v.owg(), () -> name + " version " + v.version());
            }
        }
        SitePolicy seattle = latest("seattle-king-county");
        assertEquals(Provenance.SOURCED, seattle.provenanceOf("owg.scope"), "precinct-based OWGs [KC-LEGAL]");
        assertEquals(Provenance.DERIVED, seattle.provenanceOf("owg.cadenceDays"), "SPEC §12 item 7: not sourced");
        SitePolicy santaFe = latest("santa-fe");
        assertEquals(Provenance.SOURCED, santaFe.provenanceOf("owg.cadenceDays"), "every other week [SF-PART]");
        assertEquals(Provenance.DEFAULT, santaFe.provenanceOf("owg.scope"));
        assertEquals(Provenance.DEFAULT, latest("denver").provenanceOf("owg.cadenceDays"));
    }

    // ---- site by site --------------------------------------------------------------------------------------

    @Nested
    class Seattle {
        final SitePolicy seattle = inForce("seattle-king-county", DAY);

        private ScreeningDecision arrestWith(String grams) {
            var facts = DrugFacts.possession("HEROIN", "POWDER", new BigDecimal(grams));
            return screen(seattle, clean(seattle, Door.ARREST_DIVERSION, DAY).drugFacts(facts).build(),
                    at(seattle, DAY, LocalTime.NOON));
        }

        @Test
        void three_grams_is_eligible_and_anything_more_is_presumptively_ineligible() {
            assertEquals(Optional.of(new BigDecimal("3.0")), seattle.drug().thresholdGrams());
            assertEquals(Comparator.GT, seattle.drug().comparator());
            assertEquals(EligibilityResult.ELIGIBLE, arrestWith("3.0").result());
            assertEquals(EligibilityResult.ELIGIBLE, arrestWith("3.000").result());
            ScreeningDecision over = arrestWith("3.01");
            assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE, over.result());
            assertTrue(hasFinding(over, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD, RuleStrength.PRESUMPTIVE));
        }

        @Test
        void intake_is_due_thirty_local_days_after_the_referral() {
            // 23:30 on 29 February 2024 in Seattle is already 1 March in UTC.
            Instant referredAt = at(seattle, LocalDate.of(2024, 2, 29), LocalTime.of(23, 30));
            IntakeDeadline deadline = IntakeDeadline.of(referredAt, seattle.zone(), seattle.intake().deadlineDays());
            assertEquals(LocalDate.of(2024, 3, 30), deadline.date());
            assertEquals(LapseRecipient.PROSECUTOR, seattle.lapse().recipient());
        }

        @Test
        void drug_and_prostitution_convictions_never_disqualify_but_a_recent_robbery_does() {
            var drugs = CriminalHistory.convictions(List.of(Conviction.of("DRUG_POSSESSION", DAY.minusYears(1)),
                    Conviction.of("PROSTITUTION", DAY.minusMonths(2))));
            assertEquals(EligibilityResult.ELIGIBLE, screen(seattle, clean(seattle, Door.ARREST_DIVERSION, DAY)
                    .history(drugs).build(), at(seattle, DAY, LocalTime.NOON)).result());
            var robbery = CriminalHistory.convictions(List.of(Conviction.of("ROBBERY", DAY.minusYears(10).plusDays(1))));
            assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE, screen(seattle,
                    clean(seattle, Door.ARREST_DIVERSION, DAY).history(robbery).build(), at(seattle, DAY, LocalTime.NOON))
                    .result());
        }
    }

    @Nested
    class SantaFe {
        final SitePolicy santaFe = inForce("santa-fe", DAY);
        final Instant noon = at(santaFe, DAY, LocalTime.NOON);

        private ScreeningDecision arrestWith(DrugFacts facts) {
            return screen(santaFe, clean(santaFe, Door.ARREST_DIVERSION, DAY).drugFacts(facts).build(), noon);
        }

        @Test
        void six_grams_is_the_threshold_and_prescription_pills_are_never_weighed() {
            assertEquals(EligibilityResult.ELIGIBLE, arrestWith(DrugFacts.possession("HEROIN", "POWDER",
                    new BigDecimal("6.0"))).result());
            assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE, arrestWith(DrugFacts.possession("HEROIN", "POWDER",
                    new BigDecimal("6.1"))).result());
            assertTrue(santaFe.drug().weightExemptForms().contains("PRESCRIPTION_OPIATE_PILLS"));
            assertEquals(EligibilityResult.ELIGIBLE, arrestWith(DrugFacts.possession("OXYCODONE",
                    "PRESCRIPTION_OPIATE_PILLS", new BigDecimal("60"))).result());
        }

        @Test
        void intake_is_due_within_seven_days() {
            assertEquals(7, santaFe.intake().deadlineDays());
            Instant lateEvening = at(santaFe, LocalDate.of(2024, 6, 30), LocalTime.of(23, 0));
            assertEquals(LocalDate.of(2024, 7, 7), IntakeDeadline.of(lateEvening, santaFe.zone(), 7).date());
        }

        @Test
        void only_trained_officers_refer_and_there_is_no_community_door() {
            assertEquals(Set.of(Door.ARREST_DIVERSION, Door.SOCIAL_CONTACT), santaFe.doors().keySet());
            assertTrue(santaFe.officerTrainingRequired());
            for (Door door : santaFe.doors().keySet()) {
                assertEquals(Set.of(Role.OFFICER), santaFe.door(door).orElseThrow().referrers());
            }
            ReferralSubmission base = clean(santaFe, Door.ARREST_DIVERSION, DAY).build();
            var bySergeant = base.toBuilder().referrer(Referrer.trained(Actor.of("sgt", Role.SERGEANT))).build();
            assertTrue(refusedFor(screen(santaFe, bySergeant, noon), ErrorCode.REFERRER_NOT_ALLOWED, "referrer.role"));
            var untrained = base.toBuilder().referrer(new Referrer(Actor.of("o", Role.OFFICER), Optional.empty(), false))
                    .build();
            assertTrue(refusedFor(screen(santaFe, untrained, noon), ErrorCode.REFERRER_NOT_ALLOWED, "referrer.leadTrained"));
            var fromFamily = ReferralSubmission.builder(santaFe.siteId(), Door.COMMUNITY,
                    Referrer.trained(Actor.of("mother", Role.COMMUNITY_REFERRER)), base.person()).build();
            ScreeningDecision d = screen(santaFe, fromFamily, noon);
            assertEquals(List.of(ErrorCode.DOOR_DISABLED), d.rejections().stream().map(DomainError::code).toList());
        }

        @Test
        void the_prosecutor_has_the_final_say_and_alone_may_override() {
            assertEquals(EligibilityAuthority.PROSECUTOR, santaFe.door(Door.ARREST_DIVERSION).orElseThrow().authority());
            assertEquals(Set.of(Role.PROSECUTOR), santaFe.overrideAuthority());
        }

        @Test
        void minors_and_informants_are_ineligible() {
            var minor = new Person(new PersonId("P1"), Optional.of(DAY.minusYears(17)), Demographics.unknown(),
                    Optional.empty(), false);
            assertEquals(EligibilityResult.INELIGIBLE, screen(santaFe, clean(santaFe, Door.ARREST_DIVERSION, DAY)
                    .person(minor).build(), noon).result());
            var informant = new Person(new PersonId("P1"), Optional.of(DAY.minusYears(40)), Demographics.unknown(),
                    Optional.empty(), true);
            ScreeningDecision d = screen(santaFe, clean(santaFe, Door.ARREST_DIVERSION, DAY).person(informant).build(),
                    noon);
            assertTrue(hasFinding(d, ExclusionKind.ACTIVE_CONFIDENTIAL_INFORMANT, RuleStrength.HARD));
        }
    }

    @Nested
    class Clackamas {
        final SitePolicyHistory clackamas = ReferenceProfiles.load("clackamas");

        private ScreeningDecision screenOn(LocalDate day, CriminalHistory history, Optional<DrugFacts> drugs) {
            Instant at = day.atTime(10, 0).atZone(clackamas.zone()).toInstant();
            SitePolicy p = clackamas.inForceAt(at).orElseThrow();
            var b = clean(p, Door.ARREST_DIVERSION, day).history(history);
            drugs.ifPresent(b::drugFacts);
            return screen(p, b.build(), at);
        }

        @Test
        void any_involvement_in_sales_is_a_hard_exclusion() {
            assertEquals(SalesPolicy.NO_SALES, clackamas.latest().salesPolicy());
            var subsistenceSale = new DrugFacts("METHAMPHETAMINE", "ROCK", Optional.empty(), true, false, false);
            ScreeningDecision d = screenOn(DAY, CriminalHistory.none(), Optional.of(subsistenceSale));
            assertEquals(EligibilityResult.INELIGIBLE, d.result());
            assertTrue(hasFinding(d, ExclusionKind.SALES_ABOVE_SUBSISTENCE, RuleStrength.HARD));
        }

        @Test
        void intake_takes_fourteen_days_and_a_signed_release_of_information() {
            for (SitePolicy v : clackamas.versions()) {
                assertEquals(14, v.intake().deadlineDays());
                assertTrue(v.intake().requiresRoi());
            }
        }

        @Test
        void in_2018_any_supervision_excluded_and_from_november_2019_only_supervision_for_a_person_crime() {
            assertEquals(2, clackamas.versions().size());
            var theftProbation = new CriminalHistory(List.of(), List.of(), List.of(),
                    List.of(new Supervision(Supervision.Kind.PROBATION, Set.of(OffenceCode.of("THEFT_SMALL")))), List.of(), 0);
            var assaultProbation = new CriminalHistory(List.of(), List.of(), List.of(),
                    List.of(new Supervision(Supervision.Kind.PROBATION, Set.of(OffenceCode.of("PERSON_CRIME")))),
                    List.of(), 0);
            LocalDate in2019 = LocalDate.of(2019, 6, 1);
            LocalDate in2020 = LocalDate.of(2020, 1, 15);

            ScreeningDecision theft2019 = screenOn(in2019, theftProbation, Optional.empty());
            assertEquals(1, theft2019.policyVersion());
            assertTrue(hasFinding(theft2019, ExclusionKind.ON_SUPERVISION, RuleStrength.PRESUMPTIVE));
            assertTrue(hasFinding(screenOn(in2019, assaultProbation, Optional.empty()), ExclusionKind.ON_SUPERVISION,
                    RuleStrength.PRESUMPTIVE));

            ScreeningDecision theft2020 = screenOn(in2020, theftProbation, Optional.empty());
            assertEquals(2, theft2020.policyVersion());
            assertEquals(EligibilityResult.ELIGIBLE, theft2020.result());
            assertTrue(hasFinding(screenOn(in2020, assaultProbation, Optional.empty()), ExclusionKind.ON_SUPERVISION,
                    RuleStrength.PRESUMPTIVE));
        }

        @Test
        void a_pending_felony_excluded_only_under_the_2018_criteria() {
            var pendingFelony = new CriminalHistory(List.of(), List.of(new PendingCase(OffenceCode.of("THEFT"),
                    OffenceLevel.FELONY, Optional.empty())), List.of(), List.of(), List.of(), 0);
            assertTrue(hasFinding(screenOn(LocalDate.of(2019, 6, 1), pendingFelony, Optional.empty()),
                    ExclusionKind.PENDING_FELONY, RuleStrength.PRESUMPTIVE));
            assertEquals(EligibilityResult.ELIGIBLE,
                    screenOn(LocalDate.of(2020, 1, 15), pendingFelony, Optional.empty()).result());
        }
    }

    @Nested
    class CaliforniaStatute {
        final SitePolicy california = latest("california-statute");

        @Test
        void the_deadline_is_thirty_days_at_most() {
            assertEquals(30, california.intake().deadlineDays());
            assertEquals(OptionalInt.of(30), california.intake().statutoryMaxDays());
        }

        @Test
        void a_policy_with_a_31_day_deadline_under_the_30_day_statute_is_rejected() {
            var e = assertThrows(InvalidValueException.class,
                    () -> new IntakePolicy(31, OptionalInt.of(30), false, false, Set.of()));
            assertTrue(e.getMessage().contains(ErrorCode.DEADLINE_EXCEEDS_STATUTORY_MAX.name()), e::getMessage);
            assertEquals("intake.deadlineDays", e.field());
            assertEquals(30, new IntakePolicy(30, OptionalInt.of(30), false, false, Set.of()).deadlineDays());
        }

        @Test
        void a_california_policy_file_with_a_31_day_deadline_is_rejected() throws IOException {
            String text;
            try (InputStream in = ReferenceProfiles.class.getResourceAsStream("profiles/california-statute.policy")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String edited = text.replaceFirst("intake\\.deadlineDays = 30", "intake.deadlineDays = 31");
            var e = assertThrows(MalformedPolicyException.class,
                    () -> SitePolicyFile.parse("california-statute.policy", edited));
            assertTrue(e.getMessage().contains("DEADLINE_EXCEEDS_STATUTORY_MAX"), e::getMessage);
            assertEquals("california-statute.policy", e.file());
            assertTrue(e.key().endsWith("intake.deadlineDays"), e::key);
            assertEquals(ProfileReferrals.lineOf(edited, "intake.deadlineDays = 31"), e.line());
        }

        @Test
        void social_contact_needs_verification_within_24_months_inside_the_area_and_yields_to_arrests() {
            assertEquals(OptionalInt.of(24), california.socialContact().lookbackMonths());
            assertTrue(california.socialContact().inArea());
            assertEquals(EnumSet.allOf(EvidenceKind.class), california.socialContact().evidenceKinds());
            assertTrue(california.capacity().arrestPriority());
        }

        @Test
        void statutory_exclusions_are_hard() {
            assertEquals(RuleStrength.HARD,
                    california.exclusion(ExclusionKind.PENDING_TREATMENT_COURT_CASE).orElseThrow().strength());
            assertEquals(RuleStrength.HARD,
                    california.exclusion(ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT).orElseThrow().strength());
        }
    }

    @Nested
    class Denver {
        final SitePolicy denver = latest("denver");

        @Test
        void only_pilot_districts_1_2_and_6_are_in_the_catchment() {
            assertEquals(Set.of(AreaId.of("DPD_DISTRICT_1"), AreaId.of("DPD_DISTRICT_2"), AreaId.of("DPD_DISTRICT_6")),
                    denver.catchment().areas());
            Instant noon = at(denver, DAY, LocalTime.NOON);
            for (String district : List.of("DPD_DISTRICT_1", "DPD_DISTRICT_2", "DPD_DISTRICT_6")) {
                var inside = clean(denver, Door.ARREST_DIVERSION, DAY).location(Location.in(AreaId.of(district))).build();
                assertEquals(EligibilityResult.ELIGIBLE, screen(denver, inside, noon).result(), district);
            }
            for (Location outside : List.of(Location.in(AreaId.of("DPD_DISTRICT_3")), Location.unknown())) {
                ScreeningDecision d = screen(denver, clean(denver, Door.ARREST_DIVERSION, DAY).location(outside).build(),
                        noon);
                assertEquals(EligibilityResult.INELIGIBLE, d.result());
                assertTrue(hasFinding(d, ExclusionKind.OUTSIDE_CATCHMENT, RuleStrength.HARD));
            }
        }

        @Test
        void there_is_no_community_door() {
            assertEquals(Set.of(Door.ARREST_DIVERSION, Door.SOCIAL_CONTACT), denver.doors().keySet());
        }
    }

    @Nested
    class Baltimore {
        final SitePolicy baltimore = latest("baltimore");
        final Instant noon = at(baltimore, DAY, LocalTime.NOON);

        private ScreeningDecision encounterAt(double lat, double lon) {
            return screen(baltimore, clean(baltimore, Door.ARREST_DIVERSION, DAY)
                    .location(Location.at(new GeoPoint(lat, lon))).build(), noon);
        }

        @Test
        void an_encounter_inside_the_downtown_box_is_eligible_and_one_outside_is_not() {
            assertEquals(EligibilityResult.ELIGIBLE, encounterAt(39.2900, -76.6200).result());
            assertEquals(EligibilityResult.ELIGIBLE, encounterAt(39.2953, -76.6200).result(), "on Franklin St");
            for (double[] outside : new double[][] {{39.3000, -76.6200}, {39.2800, -76.6200}, {39.2900, -76.6300},
                    {39.2900, -76.6100}}) {
                ScreeningDecision d = encounterAt(outside[0], outside[1]);
                assertEquals(EligibilityResult.INELIGIBLE, d.result());
                assertTrue(hasFinding(d, ExclusionKind.OUTSIDE_CATCHMENT, RuleStrength.HARD));
            }
        }

        @Test
        void only_misdemeanour_possession_is_divertible() {
            var felony = clean(baltimore, Door.ARREST_DIVERSION, DAY).offences(List.of())
                    .offence(Offence.of("DRUG_POSSESSION", OffenceLevel.FELONY)).build();
            ScreeningDecision d = screen(baltimore, felony, noon);
            assertEquals(EligibilityResult.REJECTED, d.result());
            assertTrue(refusedFor(d, ErrorCode.PRECONDITION_MISSING, "offences"));
            assertEquals(EligibilityAuthority.ALL_PARTNERS, baltimore.door(Door.ARREST_DIVERSION).orElseThrow().authority());
        }
    }

    @Nested
    class Albany {
        final SitePolicy albany = latest("albany");

        @Test
        void an_identified_complainant_must_agree_to_forgo_prosecution() {
            Instant noon = at(albany, DAY, LocalTime.NOON);
            var larceny = clean(albany, Door.ARREST_DIVERSION, DAY).offences(List.of())
                    .offence(Offence.of("PETIT_LARCENY", OffenceLevel.MISDEMEANOR));
            ScreeningDecision refusing = screen(albany, larceny.complainant(new Complainant(true, false)).build(), noon);
            assertEquals(EligibilityResult.INELIGIBLE, refusing.result());
            Finding e13 = refusing.findings().get(0);
            assertEquals(ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT, e13.exclusion());
            assertEquals(RuleId.R14, e13.rule());
            assertEquals(EligibilityResult.ELIGIBLE,
                    screen(albany, larceny.complainant(new Complainant(true, true)).build(), noon).result());
            assertEquals(EligibilityResult.ELIGIBLE,
                    screen(albany, larceny.complainant(new Complainant(false, false)).build(), noon).result());
        }
    }

    @Nested
    class MarionCounty {
        final SitePolicy marion = latest("marion-county-or");
        final Instant noon = at(marion, DAY, LocalTime.NOON);

        private ScreeningDecision referralOf(Optional<AreaId> residence, CriminalHistory history) {
            var person = new Person(new PersonId("P1"), Optional.of(DAY.minusYears(30)), Demographics.unknown(),
                    residence, false);
            return screen(marion, clean(marion, Door.ARREST_DIVERSION, DAY).person(person).history(history).build(), noon);
        }

        @Test
        void only_residents_of_marion_county_are_eligible() {
            assertEquals(Optional.of(AreaId.of("MARION_COUNTY")), marion.catchment().residency());
            assertEquals(EligibilityResult.ELIGIBLE,
                    referralOf(Optional.of(AreaId.of("MARION_COUNTY")), CriminalHistory.none()).result());
            ScreeningDecision elsewhere = referralOf(Optional.of(AreaId.of("POLK_COUNTY")), CriminalHistory.none());
            assertEquals(EligibilityResult.INELIGIBLE, elsewhere.result());
            assertTrue(hasFinding(elsewhere, ExclusionKind.OUTSIDE_CATCHMENT, RuleStrength.HARD));
            ScreeningDecision unknown = referralOf(Optional.empty(), CriminalHistory.none());
            assertEquals(EligibilityResult.REJECTED, unknown.result());
            assertTrue(refusedFor(unknown, ErrorCode.PRECONDITION_MISSING, "person.residence"));
        }

        @Test
        void a_prison_release_less_than_five_years_ago_excludes() {
            var resident = Optional.of(AreaId.of("MARION_COUNTY"));
            var fourYears = new CriminalHistory(List.of(), List.of(), List.of(), List.of(), List.of(DAY.minusYears(4)), 0);
            var exactlyFive = new CriminalHistory(List.of(), List.of(), List.of(), List.of(), List.of(DAY.minusYears(5)), 0);
            ScreeningDecision recent = referralOf(resident, fourYears);
            assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE, recent.result());
            assertTrue(hasFinding(recent, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY, RuleStrength.PRESUMPTIVE));
            assertEquals(EligibilityResult.ELIGIBLE, referralOf(resident, exactlyFive).result());
        }

        @Test
        void sex_gun_and_domestic_violence_convictions_exclude_for_life_and_violence_for_ten_years() {
            var resident = Optional.of(AreaId.of("MARION_COUNTY"));
            var oldDv = CriminalHistory.convictions(List.of(Conviction.of("DOMESTIC_VIOLENCE", DAY.minusYears(30))));
            assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE, referralOf(resident, oldDv).result());
            var oldViolence = CriminalHistory.convictions(List.of(Conviction.of("VIOLENT", DAY.minusYears(10))));
            assertEquals(EligibilityResult.ELIGIBLE, referralOf(resident, oldViolence).result());
        }
    }

    @Nested
    class Watauga {
        final SitePolicy watauga = latest("watauga-nc");

        @Test
        void intake_is_due_in_two_weeks_and_a_lapse_is_reported_to_the_officer() {
            assertEquals(14, watauga.intake().deadlineDays());
            assertEquals(LapseRecipient.OFFICER, watauga.lapse().recipient());
            Instant referredAt = at(watauga, LocalDate.of(2024, 10, 31), LocalTime.of(20, 0));
            assertEquals(LocalDate.of(2024, 11, 14), IntakeDeadline.of(referredAt, watauga.zone(), 14).date());
        }

        @Test
        void family_and_friends_may_refer_through_the_community_door() {
            assertTrue(watauga.door(Door.COMMUNITY).orElseThrow().referrerKinds()
                    .containsAll(Set.of(ReferrerKind.FAMILY, ReferrerKind.FRIEND)));
        }
    }

    @Nested
    class CarrollCounty {
        final SitePolicy carroll = latest("carroll-county-md");

        @Test
        void law_enforcement_is_the_only_referral_source() {
            assertEquals(Set.of(Door.ARREST_DIVERSION), carroll.doors().keySet());
            Instant noon = at(carroll, DAY, LocalTime.NOON);
            ReferralSubmission arrest = clean(carroll, Door.ARREST_DIVERSION, DAY).build();
            assertEquals(EligibilityResult.ELIGIBLE, screen(carroll, arrest, noon).result());
            for (Door other : EnumSet.complementOf(EnumSet.of(Door.ARREST_DIVERSION))) {
                ScreeningDecision d = screen(carroll, arrest.toBuilder().door(other).build(), noon);
                assertTrue(refusedFor(d, ErrorCode.DOOR_DISABLED, "door"), other::toString);
            }
            assertEquals(OptionalInt.of(18), carroll.minAge());
        }
    }

    @Nested
    class RichlandCounty {
        final SitePolicy richland = latest("richland-sc");

        @Test
        void a_pending_felony_is_a_hard_exclusion() {
            var pending = new CriminalHistory(List.of(), List.of(new PendingCase(OffenceCode.of("BURGLARY"),
                    OffenceLevel.FELONY, Optional.empty())), List.of(), List.of(), List.of(), 0);
            ScreeningDecision d = screen(richland, clean(richland, Door.ARREST_DIVERSION, DAY).history(pending).build(),
                    at(richland, DAY, LocalTime.NOON));
            assertEquals(EligibilityResult.INELIGIBLE, d.result());
            assertTrue(hasFinding(d, ExclusionKind.PENDING_FELONY, RuleStrength.HARD));
        }
    }

    @Test
    void zones_are_those_of_the_sites() {
        assertEquals(ZoneId.of("America/Los_Angeles"), ReferenceProfiles.load("seattle-king-county").zone());
        assertEquals(ZoneId.of("America/Denver"), ReferenceProfiles.load("santa-fe").zone());
        assertEquals(ZoneId.of("America/New_York"), ReferenceProfiles.load("baltimore").zone());
    }
}

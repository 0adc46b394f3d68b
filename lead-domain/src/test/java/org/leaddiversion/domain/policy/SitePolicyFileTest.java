/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Role;

/**
 * The policy file format: a valid file with several versions, each inheriting the keys of the one before it (an empty
 * value clears an inherited one), parses to the expected history; a malformed file is rejected with a
 * {@link MalformedPolicyException} that names the file, the line, the key and the reason — for unknown and duplicate
 * keys, bad enum values (listing the allowed ones), bad numbers, a missing effective date, versions out of order,
 * effective dates that do not increase, a core-principle criterion softened (E16 PRESUMPTIVE), the fidelity variant
 * without its warning, and a door key for a door that is not enabled.
 */
class SitePolicyFileTest {

    private static final String FILE = "test-site.policy";

    /** Two versions: version 2 changes the deadline, clears the catchment areas and inherits everything else. */
    private static final String VALID = """
            # A test site
            site.id   = test-site
            site.name = Test LEAD
            site.zone = America/Chicago

            [version 1]
            effectiveFrom = 2020-01-01
            decision = PCG launch
            doors = ARREST_DIVERSION, SOCIAL_CONTACT
            door.ARREST_DIVERSION.referrers = OFFICER, SERGEANT
            door.SOCIAL_CONTACT.referrers = OFFICER
            divertibleOffences = DRUG_POSSESSION, THEFT_LOW_LEVEL:MISDEMEANOR
            drug.thresholdGrams = 2.5 (derived)
            minAge = 18
            overrideAuthority = PROSECUTOR
            catchment.areas = NORTH, SOUTH                # pilot areas
            socialContact.lookbackMonths = 12
            intake.deadlineDays = 14

            [version 2]
            effectiveFrom = 2021-06-01
            intake.deadlineDays = 21
            catchment.areas =
            """;

    private static MalformedPolicyException rejected(String text) {
        return assertThrows(MalformedPolicyException.class, () -> SitePolicyFile.parse(FILE, text));
    }

    private static int lineOf(String text, String fragment) {
        return ProfileReferrals.lineOf(text, fragment);
    }

    private static void assertNames(MalformedPolicyException e, int line, String key, String reasonPart) {
        assertEquals(FILE, e.file());
        assertEquals(line, e.line(), e::getMessage);
        assertTrue(e.key().endsWith(key), () -> "key " + e.key() + " in " + e.getMessage());
        assertTrue(e.reason().contains(reasonPart), () -> "reason: " + e.reason());
        assertTrue(e.getMessage().startsWith(FILE + ":" + line + ": "), e::getMessage);
    }

    // ---- a valid file --------------------------------------------------------------------------------------

    @Test
    void a_later_version_inherits_overrides_and_clears_keys_of_the_one_before() {
        SitePolicyHistory h = SitePolicyFile.parse(FILE, VALID);
        assertEquals(new SiteId("test-site"), h.siteId());
        assertEquals(ZoneId.of("America/Chicago"), h.zone());
        assertEquals(2, h.versions().size());

        SitePolicy v1 = h.version(1).orElseThrow();
        assertEquals("Test LEAD", v1.siteName());
        assertEquals(LocalDate.of(2020, 1, 1), v1.effectiveFrom());
        assertEquals(Optional.of("PCG launch"), v1.decision());
        assertEquals(Set.of(Door.ARREST_DIVERSION, Door.SOCIAL_CONTACT), v1.doors().keySet());
        assertEquals(EnumSet.of(Role.OFFICER, Role.SERGEANT), v1.door(Door.ARREST_DIVERSION).orElseThrow().referrers());
        assertTrue(v1.isDivertible(OffenceCode.of("THEFT_LOW_LEVEL"), OffenceLevel.MISDEMEANOR));
        assertFalse(v1.isDivertible(OffenceCode.of("THEFT_LOW_LEVEL"), OffenceLevel.FELONY));
        assertEquals(Optional.of(new BigDecimal("2.5")), v1.drug().thresholdGrams());
        assertEquals(Comparator.GT, v1.drug().comparator(), "the default comparator");
        assertEquals(Set.of(AreaId.of("NORTH"), AreaId.of("SOUTH")), v1.catchment().areas());
        assertTrue(v1.exclusion(ExclusionKind.OUTSIDE_CATCHMENT).isPresent());
        assertEquals(14, v1.intake().deadlineDays());
        assertEquals(Set.of("drug.thresholdGrams"), v1.derivedKeys());
        assertEquals(Provenance.SOURCED, v1.provenanceOf("minAge"));
        assertEquals(Provenance.DEFAULT, v1.provenanceOf("lapse.recipient"));
        assertEquals(LapseRecipient.PROSECUTOR, v1.lapse().recipient(), "the library default");

        SitePolicy v2 = h.version(2).orElseThrow();
        assertEquals(LocalDate.of(2021, 6, 1), v2.effectiveFrom());
        assertEquals(21, v2.intake().deadlineDays(), "overridden");
        assertTrue(v2.catchment().areas().isEmpty(), "cleared by the empty value");
        assertFalse(v2.catchment().restrictsLocation());
        assertTrue(v2.exclusion(ExclusionKind.OUTSIDE_CATCHMENT).isEmpty(), "no catchment, no E15");
        assertEquals(OptionalInt.of(18), v2.minAge(), "inherited");
        assertEquals(OptionalInt.of(12), v2.socialContact().lookbackMonths(), "inherited");
        assertEquals(v1.doors(), v2.doors(), "inherited");
        assertEquals(v1.drug(), v2.drug(), "inherited");
        assertEquals(Set.of("drug.thresholdGrams"), v2.derivedKeys(), "provenance is inherited with the value");
    }

    // ---- malformed files -----------------------------------------------------------------------------------

    @Test
    void an_unknown_key_is_rejected_at_its_line() {
        String text = VALID.replace("minAge = 18", "minimumAge = 18");
        assertNames(rejected(text), lineOf(text, "minimumAge"), "minimumAge", "unknown key");
    }

    @Test
    void a_key_set_twice_in_one_section_is_rejected_at_the_second() {
        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\nintake.deadlineDays = 7");
        assertNames(rejected(text), lineOf(text, "intake.deadlineDays = 7"), "intake.deadlineDays", "twice");
    }

    @Test
    void the_same_key_in_two_versions_is_not_a_duplicate() {
        assertEquals(21, SitePolicyFile.parse(FILE, VALID).latest().intake().deadlineDays());
    }

    @Test
    void a_bad_enum_value_is_rejected_listing_the_allowed_values() {
        String text = VALID.replace("minAge = 18", "minAge = 18\nsales.policy = SOMETIMES");
        MalformedPolicyException e = rejected(text);
        assertNames(e, lineOf(text, "SOMETIMES"), "sales.policy", "SOMETIMES");
        for (SalesPolicy allowed : SalesPolicy.values()) {
            assertTrue(e.reason().contains(allowed.name()), e::reason);
        }
        String badRole = VALID.replace("overrideAuthority = PROSECUTOR", "overrideAuthority = PROSECUTOR, JUDGE");
        MalformedPolicyException roleError = rejected(badRole);
        assertNames(roleError, lineOf(badRole, "JUDGE"), "overrideAuthority", "JUDGE");
        assertTrue(roleError.reason().contains("LIAISON_PROSECUTOR"), roleError::reason);
    }

    @Test
    void a_bad_number_is_rejected() {
        String days = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = fourteen");
        assertNames(rejected(days), lineOf(days, "fourteen"), "intake.deadlineDays", "whole number");
        String grams = VALID.replace("drug.thresholdGrams = 2.5 (derived)", "drug.thresholdGrams = two grams");
        assertNames(rejected(grams), lineOf(grams, "two grams"), "drug.thresholdGrams", "decimal");
        String negative = VALID.replace("drug.thresholdGrams = 2.5 (derived)", "drug.thresholdGrams = -1");
        assertNames(rejected(negative), lineOf(negative, "= -1"), "drug.thresholdGrams", "positive");
    }

    @Test
    void a_version_without_its_own_effective_date_is_rejected_at_its_header() {
        String text = VALID.replace("effectiveFrom = 2021-06-01\n", "");
        assertNames(rejected(text), lineOf(text, "[version 2]"), "effectiveFrom", "effective date");
        String badDate = VALID.replace("2021-06-01", "1 June 2021");
        assertNames(rejected(badDate), lineOf(badDate, "1 June 2021"), "effectiveFrom", "date");
    }

    @Test
    void versions_out_of_order_are_rejected_at_the_header() {
        String text = VALID.replace("[version 2]", "[version 3]");
        assertNames(rejected(text), lineOf(text, "[version 3]"), "version", "in order");
    }

    @Test
    void a_version_number_beyond_any_count_is_rejected_at_the_header() {
        String text = VALID.replace("[version 2]", "[version 99999999999]");
        assertNames(rejected(text), lineOf(text, "[version 99999999999]"), "version", "in order");
    }

    @Test
    void effective_dates_that_do_not_increase_are_rejected_at_the_later_date() {
        for (String date : new String[] {"2020-01-01", "2019-12-31"}) {
            String text = VALID.replace("effectiveFrom = 2021-06-01", "effectiveFrom = " + date);
            MalformedPolicyException e = rejected(text);
            int line = lineOf(text, "[version 2]") + 1;
            assertTrue(text.split("\n")[line - 1].contains(date));
            assertNames(e, line, "effectiveFrom", "after");
            assertTrue(e.key().contains("version 2"), e::key);
        }
    }

    @Test
    void the_informant_exclusion_cannot_be_made_presumptive() {
        String text = VALID.replace("minAge = 18", "minAge = 18\nexclusion.ACTIVE_CONFIDENTIAL_INFORMANT = PRESUMPTIVE");
        assertNames(rejected(text), lineOf(text, "ACTIVE_CONFIDENTIAL_INFORMANT"),
                "exclusion.ACTIVE_CONFIDENTIAL_INFORMANT", "core principle");
        String off = VALID.replace("minAge = 18", "minAge = 18\nexclusion.ACTIVE_CONFIDENTIAL_INFORMANT = OFF");
        assertNames(rejected(off), lineOf(off, "ACTIVE_CONFIDENTIAL_INFORMANT"),
                "exclusion.ACTIVE_CONFIDENTIAL_INFORMANT", "switched on");
    }

    @Test
    void the_fidelity_variant_needs_a_recorded_warning() {
        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "lapse.releaseOnLaterNonEngagement = true");
        MalformedPolicyException e = rejected(text);
        assertEquals(FILE, e.file());
        assertTrue(e.line() > 0, e::getMessage);
        assertTrue(e.key().endsWith("lapse.fidelityWarning"), e::key);
        assertTrue(e.reason().contains("releaseOnLaterNonEngagement"), e::reason);

        String withWarning = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "lapse.releaseOnLaterNonEngagement = true\n"
                + "lapse.fidelityWarning = PCG accepts the departure from harm reduction, 2020-01 minutes");
        assertTrue(SitePolicyFile.parse(FILE, withWarning).latest().lapse().releaseOnLaterNonEngagement());
    }

    @Test
    void a_door_key_for_a_door_that_is_not_enabled_is_rejected() {
        String text = VALID.replace("door.SOCIAL_CONTACT.referrers = OFFICER",
                "door.SOCIAL_CONTACT.referrers = OFFICER\ndoor.COMMUNITY.referrers = COMMUNITY_REFERRER");
        assertNames(rejected(text), lineOf(text, "door.COMMUNITY"), "door.COMMUNITY.referrers", "not listed in doors");
    }

    @Test
    void a_door_disabled_in_a_later_version_may_keep_its_inherited_keys() {
        String text = VALID.replace("intake.deadlineDays = 21", "intake.deadlineDays = 21\ndoors = ARREST_DIVERSION");
        SitePolicyHistory h = SitePolicyFile.parse(FILE, text);
        assertEquals(Set.of(Door.ARREST_DIVERSION), h.latest().doors().keySet());
    }

    @Test
    void a_file_without_site_id_or_versions_is_rejected() {
        MalformedPolicyException noId = rejected(VALID.replace("site.id   = test-site\n", ""));
        assertEquals("site.id", noId.key());
        String headerOnly = VALID.substring(0, VALID.indexOf("[version 1]"));
        assertEquals(FILE, rejected(headerOnly).file());
        String badZone = VALID.replace("America/Chicago", "Mars/Olympus_Mons");
        assertNames(rejected(badZone), lineOf(badZone, "site.zone"), "site.zone", "time zone");
    }

    // ---- core principles and switches a PCG cannot get wrong silently -------------------------------------

    @Test
    void a_comment_may_follow_a_version_header() {
        SitePolicyHistory h = SitePolicyFile.parse(FILE, VALID.replace("[version 2]", "[version 2]    # 2021 revision"));
        assertEquals(2, h.versions().size());
    }

    @Test
    void switching_off_a_criterion_that_its_parameter_switches_on_is_rejected_not_ignored() {
        String text = VALID.replace("minAge = 18", "minAge = 18\nsales.policy = NO_SALES\nexclusion.SALES_ABOVE_SUBSISTENCE = OFF");
        var e = rejected(text);
        assertNames(e, lineOf(text, "exclusion.SALES_ABOVE_SUBSISTENCE = OFF"), "exclusion.SALES_ABOVE_SUBSISTENCE",
                "remove the parameter");
        String catchment = VALID.replace("minAge = 18", "minAge = 18\nexclusion.OUTSIDE_CATCHMENT = OFF");
        assertNames(rejected(catchment), lineOf(catchment, "exclusion.OUTSIDE_CATCHMENT = OFF"),
                "exclusion.OUTSIDE_CATCHMENT", "remove the parameter");
    }

    @Test
    void the_minimum_age_is_always_hard() {
        String text = VALID.replace("minAge = 18", "minAge = 18\nexclusion.UNDER_MIN_AGE = PRESUMPTIVE");
        var e = rejected(text);
        assertTrue(e.reason().contains("always HARD"), e::getMessage);
    }

    @Test
    void the_informant_exclusion_covers_every_enabled_door() {
        String text = VALID.replace("minAge = 18",
                "minAge = 18\nexclusion.ACTIVE_CONFIDENTIAL_INFORMANT = HARD\nexclusion.ACTIVE_CONFIDENTIAL_INFORMANT.doors = ARREST_DIVERSION");
        var e = rejected(text);
        assertTrue(e.key().endsWith("exclusion.ACTIVE_CONFIDENTIAL_INFORMANT.doors"), e::getMessage);
        assertTrue(e.reason().contains("every enabled door"), e::getMessage);
    }

    @Test
    void the_non_divertible_offence_exclusion_covers_every_charge_holding_door() {
        String text = VALID.replace("minAge = 18",
                "minAge = 18\nexclusion.NOT_LEAD_ELIGIBLE_OFFENCE = HARD\nexclusion.NOT_LEAD_ELIGIBLE_OFFENCE.doors = SOCIAL_CONTACT");
        var e = rejected(text);
        assertTrue(e.reason().contains("charge-holding door"), e::getMessage);
    }

    @Test
    void extensions_without_an_authority_are_reported_at_the_extension_switch() {
        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\nintake.extensionsAllowed = true");
        var e = rejected(text);
        assertEquals(lineOf(text, "intake.extensionsAllowed = true"), e.line(), e::getMessage);
        assertTrue(e.reason().contains("intake.extensionAuthority"), e::getMessage);
    }

    @Test
    void the_enrollment_keys_default_to_90_days_and_the_default_reasons_and_are_inherited() {
        SitePolicyHistory defaults = SitePolicyFile.parse(FILE, VALID);
        assertEquals(EnrollmentPolicy.defaults(), defaults.latest().enrollment());
        assertFalse(defaults.latest().enrollment().allowedClosureReasons().contains(ClosureReason.ADMINISTRATIVE_INACTIVITY));

        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "inactivityThresholdDays = 365 (derived)\n"
                + "closure.allowedReasons = GOALS_MET_SELF_SUFFICIENT, TERMINATED_BY_SITE_CRITERIA");
        SitePolicyHistory h = SitePolicyFile.parse(FILE, text);
        for (SitePolicy p : h.versions()) {
            assertEquals(365, p.enrollment().inactivityThresholdDays());
            assertEquals(EnumSet.of(ClosureReason.GOALS_MET_SELF_SUFFICIENT, ClosureReason.TERMINATED_BY_SITE_CRITERIA,
                    ClosureReason.VOLUNTARY_WITHDRAWAL), p.enrollment().allowedClosureReasons());
        }
        assertEquals(Provenance.DERIVED, h.latest().provenance().get("inactivityThresholdDays"));
        // Santa Fe's coordinating committee may terminate on DA-set criteria (SPEC §9.3); Seattle keeps the defaults
        assertTrue(ReferenceProfiles.load("santa-fe").latest().enrollment().allowedClosureReasons()
                .contains(ClosureReason.TERMINATED_BY_SITE_CRITERIA));
        assertEquals(EnrollmentPolicy.defaults(), ReferenceProfiles.load("seattle-king-county").latest().enrollment());
    }

    @Test
    void a_forbidden_closure_reason_in_the_file_is_rejected_at_its_line() {
        for (ClosureReason forbidden : ClosureReason.values()) {
            if (!forbidden.isForbidden()) {
                continue;
            }
            String line = "closure.allowedReasons = DECEASED, " + forbidden;
            String text = VALID.replace("intake.deadlineDays = 21", "intake.deadlineDays = 21\n" + line);
            assertNames(rejected(text), lineOf(text, line), "closure.allowedReasons", forbidden.name());
        }
    }

    @Test
    void a_bad_inactivity_threshold_or_unknown_closure_reason_is_rejected_at_its_line() {
        String zero = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\ninactivityThresholdDays = 0");
        assertNames(rejected(zero), lineOf(zero, "inactivityThresholdDays = 0"), "inactivityThresholdDays", "");
        String words = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\ninactivityThresholdDays = soon");
        assertNames(rejected(words), lineOf(words, "inactivityThresholdDays = soon"), "inactivityThresholdDays",
                "whole number");
        String unknown = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "closure.allowedReasons = GRADUATED");
        assertNames(rejected(unknown), lineOf(unknown, "closure.allowedReasons = GRADUATED"), "closure.allowedReasons",
                "ADMINISTRATIVE_INACTIVITY");
    }

    @Test
    void an_enrollment_policy_never_allows_a_forbidden_reason_and_always_allows_voluntary_withdrawal() {
        for (ClosureReason r : ClosureReason.values()) {
            if (r.isForbidden()) {
                var e = assertThrows(org.leaddiversion.domain.common.InvalidValueException.class,
                        () -> new EnrollmentPolicy(90, EnumSet.of(ClosureReason.DECEASED, r)));
                assertEquals("closure.allowedReasons", e.field());
            }
        }
        assertEquals(EnumSet.of(ClosureReason.VOLUNTARY_WITHDRAWAL), new EnrollmentPolicy(30, Set.of())
                .allowedClosureReasons());
        assertEquals(EnumSet.of(ClosureReason.GOALS_MET_SELF_SUFFICIENT, ClosureReason.VOLUNTARY_WITHDRAWAL,
                ClosureReason.DECEASED, ClosureReason.MOVED_OUT_OF_AREA, ClosureReason.LONG_TERM_INCARCERATION),
                EnrollmentPolicy.defaults().allowedClosureReasons());
        assertEquals(90, EnrollmentPolicy.defaults().inactivityThresholdDays());
    }

    // ---- caseload and flexible funds (R30, R33) -------------------------------------------------------------

    @Test
    void caseload_and_flex_keys_default_and_are_read_and_inherited() {
        SitePolicy defaults = SitePolicyFile.parse(FILE, VALID).latest();
        assertEquals(new CaseloadPolicy(25, 20), defaults.caseload());
        assertEquals(FlexPolicy.defaults(), defaults.flex());

        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "caseload.cap = 15\ncaseload.target = 12\n"
                + "flex.capPerExpenditure = 250.00 USD\nflex.capPerParticipantMonth = 900 USD\n"
                + "flex.approvalRoles = PROJECT_MANAGER, CASE_MANAGER");
        SitePolicyHistory h = SitePolicyFile.parse(FILE, text);
        for (SitePolicy p : h.versions()) {
            assertEquals(new CaseloadPolicy(15, 12), p.caseload());
            assertEquals(Optional.of(org.leaddiversion.domain.common.Money.of("250.00", "USD")), p.flex().capPerExpenditure());
            assertEquals(Optional.of(org.leaddiversion.domain.common.Money.of("900.00", "USD")),
                    p.flex().capPerParticipantMonth());
            assertEquals(EnumSet.of(Role.PROJECT_MANAGER, Role.CASE_MANAGER), p.flex().approvalRoles());
        }
        // a cap below the default target lowers the default target to the cap (CoLEAD 1:12)
        String small = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\ncaseload.cap = 12");
        assertEquals(new CaseloadPolicy(12, 12), SitePolicyFile.parse(FILE, small).latest().caseload());
    }

    @Test
    void a_caseload_target_above_the_cap_or_a_zero_cap_is_rejected_at_its_line() {
        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\ncaseload.cap = 20\n"
                + "caseload.target = 21");
        assertNames(rejected(text), lineOf(text, "caseload.target = 21"), "caseload.target", "caseload.cap");
        String zero = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\ncaseload.cap = 0");
        assertNames(rejected(zero), lineOf(zero, "caseload.cap = 0"), "caseload.cap", "at least 1");
    }

    @Test
    void bad_money_mixed_currencies_and_missing_approval_roles_are_rejected_at_their_line() {
        for (String bad : new String[] {"250", "250.001 USD", "ten USD", "250.00 XYZ", "0 USD", "-5.00 USD"}) {
            String line = "flex.capPerExpenditure = " + bad;
            String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n" + line
                    + "\nflex.approvalRoles = PROJECT_MANAGER");
            assertNames(rejected(text), lineOf(text, line), "flex.capPerExpenditure", "");
        }
        String mixed = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "flex.capPerExpenditure = 250.00 USD\nflex.capPerParticipantMonth = 900.00 EUR\n"
                + "flex.approvalRoles = PROJECT_MANAGER");
        assertNames(rejected(mixed), lineOf(mixed, "flex.capPerParticipantMonth = 900.00 EUR"),
                "flex.capPerParticipantMonth", "currency");
        String noRoles = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "flex.capPerParticipantMonth = 900.00 USD");
        MalformedPolicyException e = rejected(noRoles);
        assertTrue(e.key().endsWith("flex.approvalRoles"), e::getMessage);
        assertTrue(e.line() > 0, e::getMessage);
    }

    // ---- prosecution coordination (R34) ---------------------------------------------------------------------

    @Test
    void consultation_window_days_defaults_to_14_and_is_read_and_inherited() {
        assertEquals(14, SitePolicyFile.parse(FILE, VALID).latest().consultationWindowDays());
        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\nconsultationWindowDays = 7");
        SitePolicyHistory h = SitePolicyFile.parse(FILE, text);
        for (SitePolicy p : h.versions()) {
            assertEquals(7, p.consultationWindowDays());
        }
    }

    @Test
    void a_zero_or_non_numeric_consultation_window_is_rejected_at_its_line() {
        String zero = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\nconsultationWindowDays = 0");
        assertNames(rejected(zero), lineOf(zero, "consultationWindowDays = 0"), "consultationWindowDays", "at least 1");
        String words = VALID.replace("intake.deadlineDays = 14",
                "intake.deadlineDays = 14\nconsultationWindowDays = fortnight");
        assertNames(rejected(words), lineOf(words, "consultationWindowDays = fortnight"), "consultationWindowDays",
                "whole number");
    }

    // ---- operational work group (SPEC §7.4, §9.2) -----------------------------------------------------------

    @Test
    void owg_keys_default_to_a_site_wide_meeting_every_14_days_and_are_read_and_inherited() {
        SitePolicy defaults = SitePolicyFile.parse(FILE, VALID).latest();
        assertEquals(new OwgPolicy(14, OwgScope.SITE), defaults.owg());
        assertEquals(Provenance.DEFAULT, defaults.provenanceOf("owg.cadenceDays"));

        String text = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\n"
                + "owg.cadenceDays = 7 (derived)\nowg.scope = PRECINCT");
        SitePolicyHistory h = SitePolicyFile.parse(FILE, text);
        for (SitePolicy p : h.versions()) {
            assertEquals(new OwgPolicy(7, OwgScope.PRECINCT), p.owg(), "version " + p.version());
            assertEquals(Provenance.DERIVED, p.provenanceOf("owg.cadenceDays"));
            assertEquals(Provenance.SOURCED, p.provenanceOf("owg.scope"));
        }
        String changed = text + "owg.cadenceDays = 21\nowg.scope = SITE\n";
        assertEquals(new OwgPolicy(21, OwgScope.SITE), SitePolicyFile.parse(FILE, changed).latest().owg());
    }

    @Test
    void a_zero_or_non_numeric_cadence_and_an_unknown_scope_are_rejected_at_their_line() {
        String zero = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\nowg.cadenceDays = 0");
        assertNames(rejected(zero), lineOf(zero, "owg.cadenceDays = 0"), "owg.cadenceDays", "at least 1");
        String words = VALID.replace("intake.deadlineDays = 14",
                "intake.deadlineDays = 14\nowg.cadenceDays = biweekly");
        assertNames(rejected(words), lineOf(words, "owg.cadenceDays = biweekly"), "owg.cadenceDays", "whole number");
        String scope = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\nowg.scope = precinct");
        assertNames(rejected(scope), lineOf(scope, "owg.scope = precinct"), "owg.scope", "SITE, PRECINCT");
        String later = VALID + "owg.scope = DISTRICT\n";
        MalformedPolicyException e = rejected(later);
        assertNames(e, lineOf(later, "owg.scope = DISTRICT"), "owg.scope", "is not one of SITE, PRECINCT");
        assertTrue(e.key().startsWith("[version 2]"), e::getMessage);
        String misspelt = VALID.replace("intake.deadlineDays = 14", "intake.deadlineDays = 14\nowg.cadence = 14");
        assertNames(rejected(misspelt), lineOf(misspelt, "owg.cadence = 14"), "owg.cadence", "unknown key");
    }

    @Test
    void the_owg_policy_names_a_bad_field_and_the_builder_sets_and_inherits_it() {
        var e = assertThrows(org.leaddiversion.domain.common.InvalidValueException.class, () -> new OwgPolicy(0,
                OwgScope.SITE));
        assertEquals("owg.cadenceDays", e.field());
        var noScope = assertThrows(org.leaddiversion.domain.common.InvalidValueException.class,
                () -> new OwgPolicy(14, null));
        assertEquals("owg.scope", noScope.field());
        SitePolicy p = SitePolicy.builder(new SiteId("test-site"), ZoneId.of("UTC"))
                .door(Door.SOCIAL_CONTACT, Set.of(Role.OFFICER)).owg(new OwgPolicy(10, OwgScope.PRECINCT)).build();
        assertEquals(new OwgPolicy(10, OwgScope.PRECINCT), p.owg());
        assertEquals(p.owg(), p.toBuilder().build().owg(), "the next version inherits the OWG policy");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.quicktheories.core.Gen;

/**
 * The writer is the parser's inverse: a history written with {@link SitePolicyFile#format} reads back equal, for
 * every shipped reference profile (provenance and {@code (derived)} markers included), for generated policies and
 * for histories of several versions.
 */
@DisplayName("Site policy files: format then parse gives the same history")
class SitePolicyFileFormatTest {

    static SitePolicyHistory roundTrip(SitePolicyHistory h) {
        return SitePolicyFile.parse("written.policy", SitePolicyFile.format(h));
    }

    @Test
    void every_reference_profile_reads_back_equal_with_its_derived_markers() {
        for (String name : ReferenceProfiles.NAMES) {
            SitePolicyHistory h = ReferenceProfiles.load(name);
            assertEquals(h, roundTrip(h), name + ":\n" + SitePolicyFile.format(h));
        }
    }

    @Test
    void any_reference_profile_reads_back_equal() {
        qt().forAll(LeadGenerators.referenceProfiles()).checkAssert(h -> assertEquals(h, roundTrip(h)));
    }

    /**
     * A policy built in code carries no provenance, and the format has no way to say "not from a file": its written
     * keys read back as SOURCED, and its history rules come back in the format's order (by name). Every other
     * component reads back exactly; and the policy as read is a fixed point, provenance included.
     */
    @Test
    void any_generated_policy_reads_back_equal() {
        qt().withExamples(300).forAll(LeadGenerators.sitePolicies()).checkAssert(p -> {
            SitePolicyHistory read = roundTrip(SitePolicyHistory.of(p));
            SitePolicy back = read.latest();
            assertTrue(back.provenance().values().stream().allMatch(v -> v == Provenance.SOURCED), "no invented markers");
            assertEquals(asFileStates(p, back.provenance()), back);
            assertEquals(read, roundTrip(read));
        });
    }

    /** Generated policies as a file states them, with random keys marked (derived), in histories of 1–3 versions. */
    static Gen<SitePolicyHistory> markedHistories() {
        return in -> {
            var zone = LeadGenerators.pick(in, LeadGenerators.ZONES);
            var site = new SiteId("gen-site");
            var versions = new ArrayList<SitePolicy>();
            int count = LeadGenerators.between(in, 1, 3);
            var provenance = new TreeMap<String, Provenance>();
            for (int n = 1; n <= count; n++) {
                SitePolicy generated = LeadGenerators.sitePolicy(in, site, 1, LocalDate.of(2010, 1, 1).plusYears(n), zone);
                if (n > 1) {
                    // the format cannot drop a history rule in a later version: keep the rules of version 1
                    generated = withRules(generated, versions.get(0).historyRules());
                }
                SitePolicy asRead = SitePolicyFile.parse("gen.policy", SitePolicyFile.format(SitePolicyHistory.of(
                        generated))).latest();
                // a later version inherits every key of the earlier ones
                for (String key : asRead.provenance().keySet()) {
                    provenance.put(key, LeadGenerators.chance(in, 30) ? Provenance.DERIVED : Provenance.SOURCED);
                }
                provenance.put("effectiveFrom", LeadGenerators.chance(in, 30) ? Provenance.DERIVED : Provenance.SOURCED);
                versions.add(withProvenance(asRead, n, provenance));
            }
            return new SitePolicyHistory(site, zone, versions);
        };
    }

    @Test
    void any_marked_history_of_several_versions_reads_back_equal() {
        qt().withExamples(200).forAll(markedHistories()).checkAssert(h -> assertEquals(h, roundTrip(h),
                SitePolicyFile.format(h)));
    }

    @Test
    void a_later_version_repeats_only_what_changed() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        SitePolicy v1 = seattle.latest();
        // the builder starts a version without provenance; this one keeps the markers of the version before
        var provenance = new TreeMap<>(v1.provenance());
        provenance.put("effectiveFrom", Provenance.SOURCED);
        provenance.put("decision", Provenance.SOURCED);
        provenance.put("consultationWindowDays", Provenance.SOURCED);
        SitePolicy v2 = withProvenance(v1.toBuilder().version(v1.version() + 1, v1.effectiveFrom().plusYears(1))
                .consultationWindowDays(21).build(), v1.version() + 1, provenance);
        var h = new SitePolicyHistory(seattle.siteId(), seattle.zone(), append(seattle.versions(), v2));
        String text = SitePolicyFile.format(h);
        String last = text.substring(text.lastIndexOf("[version"));
        // the builder does not carry the decision over, so the new version clears the inherited one
        assertEquals(List.of("[version " + v2.version() + "]", "effectiveFrom = " + v2.effectiveFrom(), "decision =",
                "consultationWindowDays = 21"), last.lines().filter(l -> !l.isBlank()).toList());
        assertEquals(h, roundTrip(h));
        SitePolicy back = roundTrip(h).latest();
        assertEquals(21, back.consultationWindowDays());
        assertEquals(Provenance.SOURCED, back.provenanceOf("consultationWindowDays"));
    }

    @Test
    void free_text_the_format_cannot_carry_is_refused_naming_the_key() {
        SitePolicy p = ReferenceProfiles.load("santa-fe").latest();
        SitePolicy commented = p.toBuilder().version(1, p.effectiveFrom()).decision("PCG minutes #12 # see notes")
                .build();
        var e = assertThrows(InvalidValueException.class, () -> SitePolicyFile.format(SitePolicyHistory.of(commented)));
        assertEquals("decision", e.field());
    }

    static List<SitePolicy> append(List<SitePolicy> versions, SitePolicy next) {
        var all = new ArrayList<>(versions);
        all.add(next);
        return all;
    }

    /** The policy as a file states it: these provenance entries, history rules ordered by name. */
    static SitePolicy asFileStates(SitePolicy p, Map<String, Provenance> provenance) {
        var rules = new ArrayList<>(p.historyRules());
        rules.sort(Comparator.comparing(CriminalHistoryRule::name));
        return copy(p, p.version(), rules, provenance);
    }

    static SitePolicy withRules(SitePolicy p, List<CriminalHistoryRule> rules) {
        var b = p.toBuilder().version(p.version(), p.effectiveFrom()).historyRules(rules);
        if (rules.isEmpty()) {
            b.exclusion(ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY, null, Set.of(), Set.of());
        }
        p.decision().ifPresent(b::decision);
        return b.build();
    }

    static SitePolicy withProvenance(SitePolicy p, int version, Map<String, Provenance> provenance) {
        return copy(p, version, p.historyRules(), provenance);
    }

    static SitePolicy copy(SitePolicy p, int version, List<CriminalHistoryRule> rules, Map<String, Provenance> prov) {
        return new SitePolicy(p.siteId(), p.siteName(), p.zone(), version, p.effectiveFrom(), p.decision(), p.doors(),
                p.officerTrainingRequired(), p.diversionWindows(), p.divertibleOffences(), p.drug(), p.salesPolicy(),
                p.minAge(), p.exclusions(), rules, p.neverDisqualifying(), p.countAttempts(), p.overrideAuthority(),
                p.socialContact(), p.communityCriteria(), p.capacity(), p.catchment(), p.handoffTargetMinutes(),
                p.intake(), p.lapse(), p.enrollment(), p.caseload(), p.flex(), p.consultationWindowDays(), p.owg(),
                p.chargeRouting(), p.equity(), Map.copyOf(prov));
    }
}

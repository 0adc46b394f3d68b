/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.policy.CriminalHistoryRule;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.HistoryAnchor;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;

/**
 * Rule R13 — look-back windows (E7): under a rule with a window of L years a conviction counts iff
 * {@code convictionDate > referralDate − L years}, the referral date being the local date in the site zone — so a
 * conviction exactly L years before does not count and one a day later does. Lifetime categories count whatever the
 * date; categories the site lists as never disqualifying (Seattle: drug and prostitution convictions) never count.
 * Marion County's prison rule counts releases the same way from the release date. Attempts and conspiracies count as
 * the offence unless the site says otherwise.
 */
class LookBackWindowTest {

    private static final OffenceCode ROBBERY = OffenceCode.of("ROBBERY");
    private static final OffenceCode MURDER = OffenceCode.of("MURDER");
    private static final Set<OffenceCode> NEVER = Set.of(OffenceCode.of("DRUG_POSSESSION"), OffenceCode.of("PROSTITUTION"));

    /** A site with one 'recent' rule of L years and one lifetime rule; a referral at a local date and time. */
    record Window(ZoneId zone, int years, LocalDate referralDate, LocalTime time, boolean countAttempts) {
        Instant referredAt() {
            return at(referralDate, time, zone);
        }

        LocalDate edge() {
            return referralDate.minusYears(years);
        }

        SitePolicy policy() {
            return plainPolicy(zone).historyRules(List.of(
                    new CriminalHistoryRule("recent", RuleStrength.PRESUMPTIVE, Set.of(ROBBERY), OptionalInt.of(years),
                            HistoryAnchor.CONVICTION_DATE),
                    new CriminalHistoryRule("lifetime", RuleStrength.PRESUMPTIVE, Set.of(MURDER), OptionalInt.empty(),
                            HistoryAnchor.CONVICTION_DATE),
                    new CriminalHistoryRule("prison", RuleStrength.PRESUMPTIVE, Set.of(), OptionalInt.of(years),
                            HistoryAnchor.RELEASE_DATE)))
                    .neverDisqualifying(NEVER).countAttempts(countAttempts).build();
        }
    }

    private static Gen<Window> windows() {
        Gen<LocalDate> dates = ScreeningCases.referralDates();
        Gen<LocalTime> times = ScreeningCases.localTimes();
        return in -> new Window(pick(in, LeadGenerators.ZONES), between(in, 1, 15), dates.generate(in),
                times.generate(in), chance(in, 50));
    }

    private static ScreeningDecision withHistory(Window w, CriminalHistory history) {
        ReferralSubmission s = cleanReferral(Door.ARREST_DIVERSION, w.referralDate()).history(history).build();
        return screen(w.policy(), s, w.referredAt());
    }

    private static ScreeningDecision withConviction(Window w, Conviction c) {
        return withHistory(w, CriminalHistory.convictions(List.of(c)));
    }

    @Test
    void a_conviction_exactly_L_years_before_does_not_count_and_one_a_day_later_does() {
        qt().withExamples(1500).forAll(windows()).checkAssert(w -> {
            ScreeningDecision onTheEdge = withConviction(w, new Conviction(Set.of(ROBBERY), w.edge(), false));
            ScreeningDecision dayLater = withConviction(w, new Conviction(Set.of(ROBBERY), w.edge().plusDays(1), false));
            assertEquals(EligibilityResult.ELIGIBLE, onTheEdge.result(), () -> "conviction on " + w.edge()
                    + ", referral " + w.referralDate() + ": " + onTheEdge);
            assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE, dayLater.result());
            var e7 = of(dayLater, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY);
            assertEquals(1, e7.size());
            assertEquals(RuleId.R13, e7.get(0).rule());
            assertEquals("criminalHistory.convictions", e7.get(0).field());
        });
    }

    @Test
    void a_lifetime_category_counts_whatever_the_date() {
        qt().withExamples(1000).forAll(windows(), ScreeningCases.referralDates()).checkAssert((w, anyDate) -> {
            LocalDate date = anyDate.isAfter(w.referralDate()) ? w.referralDate().minusYears(40) : anyDate;
            ScreeningDecision d = withConviction(w, new Conviction(Set.of(MURDER), date, false));
            assertEquals(1, of(d, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY).size(), d::toString);
        });
    }

    @Test
    void never_disqualifying_categories_never_count_whatever_the_date() {
        qt().withExamples(1000).forAll(windows(), ScreeningCases.referralDates()).checkAssert((w, anyDate) -> {
            var categories = new TreeSet<>(NEVER);
            ScreeningDecision d = withHistory(w, CriminalHistory.convictions(List.of(
                    new Conviction(categories, anyDate, false),
                    new Conviction(Set.of(OffenceCode.of("DRUG_POSSESSION")), w.edge().plusDays(1), false),
                    new Conviction(Set.of(OffenceCode.of("PROSTITUTION")), w.referralDate(), true))));
            assertTrue(of(d, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY).isEmpty(), d::toString);
            assertEquals(EligibilityResult.ELIGIBLE, d.result());
        });
    }

    @Test
    void a_category_cannot_be_both_disqualifying_and_never_disqualifying() {
        assertThrows(InvalidValueException.class, () -> plainPolicy(ZoneId.of("UTC"))
                .historyRules(List.of(new CriminalHistoryRule("recent", RuleStrength.PRESUMPTIVE,
                        Set.of(OffenceCode.of("DRUG_POSSESSION")), OptionalInt.of(10), HistoryAnchor.CONVICTION_DATE)))
                .neverDisqualifying(NEVER).build());
    }

    @Test
    void a_prison_release_exactly_L_years_before_does_not_count_and_one_a_day_later_does() {
        qt().withExamples(1000).forAll(windows()).checkAssert(w -> {
            var releasedOnTheEdge = new CriminalHistory(List.of(), List.of(), List.of(), List.of(), List.of(w.edge()), 0);
            var releasedDayLater = new CriminalHistory(List.of(), List.of(), List.of(), List.of(),
                    List.of(w.edge().plusDays(1)), 0);
            assertEquals(EligibilityResult.ELIGIBLE, withHistory(w, releasedOnTheEdge).result());
            ScreeningDecision d = withHistory(w, releasedDayLater);
            var e7 = of(d, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY);
            assertEquals(1, e7.size(), d::toString);
            assertEquals("criminalHistory.prisonReleases", e7.get(0).field());
        });
    }

    @Test
    void attempts_count_as_the_offence_unless_the_site_says_otherwise() {
        qt().withExamples(1000).forAll(windows()).checkAssert(w -> {
            ScreeningDecision recentAttempt = withConviction(w, new Conviction(Set.of(ROBBERY), w.edge().plusDays(1), true));
            ScreeningDecision lifetimeAttempt = withConviction(w, new Conviction(Set.of(MURDER), w.referralDate(), true));
            int expected = w.countAttempts() ? 1 : 0;
            assertEquals(expected, of(recentAttempt, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY).size());
            assertEquals(expected, of(lifetimeAttempt, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY).size());
        });
    }

    @Test
    void the_window_is_measured_from_the_local_referral_date() {
        ZoneId seattle = ZoneId.of("America/Los_Angeles");
        var w = new Window(seattle, 10, LocalDate.of(2024, 6, 14), LocalTime.of(23, 30), true);
        // At 23:30 local the UTC date is already 15 June. Measured from the local date (14 June), a conviction on
        // 14 June 2014 is exactly ten years old and does not count, and one on 15 June 2014 does.
        assertEquals(EligibilityResult.ELIGIBLE,
                withConviction(w, new Conviction(Set.of(ROBBERY), LocalDate.of(2014, 6, 14), false)).result());
        assertEquals(EligibilityResult.PRESUMPTIVELY_INELIGIBLE,
                withConviction(w, new Conviction(Set.of(ROBBERY), LocalDate.of(2014, 6, 15), false)).result());
        var lordHowe = new Window(ZoneId.of("Australia/Lord_Howe"), 10, LocalDate.of(2024, 6, 15), LocalTime.of(0, 15),
                true);
        // At 00:15 on 15 June at Lord Howe it is 14 June in UTC; 15 June 2014 is exactly ten years before locally.
        assertEquals(EligibilityResult.ELIGIBLE,
                withConviction(lordHowe, new Conviction(Set.of(ROBBERY), LocalDate.of(2014, 6, 15), false)).result());
    }

    @Test
    void E7_counts_exactly_what_the_look_back_rules_say_at_generated_sites() {
        qt().withExamples(2000).forAll(admittedCases(Door.values())).checkAssert(c -> {
            ScreeningDecision d = screen(c.policy(), c.submission(), c.referredAt());
            SitePolicy p = c.policy();
            LocalDate local = LocalDate.ofInstant(c.referredAt(), p.zone());
            long expected = 0;
            boolean active = p.exclusion(ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY)
                    .map(s -> s.appliesTo(c.submission().door())).orElse(false);
            if (active) {
                for (CriminalHistoryRule rule : p.historyRules()) {
                    if (rule.anchor() == HistoryAnchor.RELEASE_DATE) {
                        LocalDate from = local.minusYears(rule.lookbackYears().getAsInt());
                        expected += c.submission().history().prisonReleases().stream().filter(r -> r.isAfter(from)).count();
                        continue;
                    }
                    for (Conviction conviction : c.submission().history().convictions()) {
                        boolean listed = conviction.categories().stream()
                                .anyMatch(cat -> rule.offences().contains(cat) && !p.neverDisqualifying().contains(cat));
                        boolean inWindow = rule.lookbackYears().isEmpty()
                                || conviction.convictionDate().isAfter(local.minusYears(rule.lookbackYears().getAsInt()));
                        boolean attemptIgnored = conviction.attemptOrConspiracy() && !p.countAttempts();
                        if (listed && inWindow && !attemptIgnored) {
                            expected++;
                        }
                    }
                }
            }
            assertEquals(expected, of(d, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY).size(), d::toString);
        });
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.policy.ProfileReferrals.clean;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.screening.EligibilityResult;
import org.leaddiversion.domain.screening.ScreeningDecision;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Rule R40 at the policy level: a site's policy versions take effect at the start of their effective date in the
 * site zone, so the version in force at an instant is the last one whose local effective day has begun — one
 * nanosecond before local midnight the previous version still applies. Versions are numbered in order with strictly
 * increasing dates, and a new version can never take effect before today (no retroactive change of past outcomes).
 */
class SitePolicyHistoryTest {

    private static SitePolicy version(ZoneId zone, int number, LocalDate effectiveFrom, int deadlineDays) {
        return SitePolicy.builder(new SiteId("history-site"), zone)
                .version(number, effectiveFrom)
                .door(Door.ARREST_DIVERSION, Set.of(Role.OFFICER))
                .divertible("DRUG_POSSESSION")
                .intake(new IntakePolicy(deadlineDays, java.util.OptionalInt.empty(), false, false, Set.of()))
                .build();
    }

    record Change(ZoneId zone, LocalDate first, LocalDate second) {
        SitePolicyHistory history() {
            return new SitePolicyHistory(new SiteId("history-site"), zone,
                    List.of(version(zone, 1, first, 30), version(zone, 2, second, 14)));
        }

        Instant localMidnight() {
            return second.atStartOfDay(zone).toInstant();
        }
    }

    private static Gen<Change> changes() {
        Gen<ZoneId> zones = Generate.pick(LeadGenerators.ZONES);
        Gen<LocalDate> seconds = in -> Generate.range(0, 1).generate(in) == 0
                ? Generate.pick(List.of(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 11, 3), LocalDate.of(2025, 3, 30),
                LocalDate.of(2025, 10, 26), LocalDate.of(2025, 4, 6), LocalDate.of(2025, 10, 5))).generate(in)
                : LocalDate.of(2012, 1, 1).plusDays(Generate.range(0, 5000).generate(in));
        return in -> {
            LocalDate second = seconds.generate(in);
            return new Change(zones.generate(in), second.minusDays(Generate.range(1, 2000).generate(in)), second);
        };
    }

    @Test
    void the_new_version_applies_from_local_midnight_of_its_effective_date_and_not_a_nanosecond_before() {
        qt().withExamples(1000).forAll(changes()).checkAssert(c -> {
            SitePolicyHistory h = c.history();
            assertEquals(2, h.inForceAt(c.localMidnight()).orElseThrow().version());
            assertEquals(1, h.inForceAt(c.localMidnight().minusNanos(1)).orElseThrow().version());
            assertEquals(1, h.inForceAt(c.first().atStartOfDay(c.zone()).toInstant()).orElseThrow().version());
            assertEquals(Optional.empty(), h.inForceAt(c.first().atStartOfDay(c.zone()).toInstant().minusNanos(1)));
            assertEquals(2, h.inForceAt(c.localMidnight().plusSeconds(86_400L * 400)).orElseThrow().version());
        });
    }

    @Test
    void clackamas_2019_criteria_take_effect_at_midnight_pacific_time_on_7_november_2019() {
        SitePolicyHistory clackamas = ReferenceProfiles.load("clackamas");
        Instant midnight = Instant.parse("2019-11-07T08:00:00Z"); // 00:00 PST
        assertEquals(midnight, LocalDate.of(2019, 11, 7).atStartOfDay(clackamas.zone()).toInstant());
        assertEquals(2, clackamas.inForceAt(midnight).orElseThrow().version());
        assertEquals(1, clackamas.inForceAt(midnight.minusNanos(1)).orElseThrow().version());
        // Already 7 November in UTC, still 6 November in Oregon.
        assertEquals(1, clackamas.inForceAt(Instant.parse("2019-11-07T07:59:59Z")).orElseThrow().version());
        assertEquals(Optional.empty(), clackamas.inForceAt(Instant.parse("2018-12-12T07:59:59Z")));
    }

    @Test
    void a_referral_is_screened_under_the_version_in_force_when_it_was_made() {
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        LocalDate in2015 = LocalDate.of(2015, 5, 5);
        LocalDate in2017 = LocalDate.of(2017, 5, 5);
        SitePolicy v2 = seattle.version(2).orElseThrow();
        ReferralSubmission social2015 = clean(v2, Door.SOCIAL_CONTACT, in2015).build();
        ReferralSubmission social2017 = clean(v2, Door.SOCIAL_CONTACT, in2017).build();

        Instant at2015 = in2015.atTime(LocalTime.NOON).atZone(seattle.zone()).toInstant();
        SitePolicy then = seattle.inForceAt(at2015).orElseThrow();
        ScreeningDecision before = ProfileReferrals.screen(then, social2015, at2015);
        assertEquals(1, before.policyVersion());
        assertEquals(EligibilityResult.REJECTED, before.result());
        assertEquals(ErrorCode.DOOR_DISABLED, before.rejections().get(0).code());

        Instant at2017 = in2017.atTime(LocalTime.NOON).atZone(seattle.zone()).toInstant();
        ScreeningDecision after = ProfileReferrals.screen(seattle.inForceAt(at2017).orElseThrow(), social2017, at2017);
        assertEquals(2, after.policyVersion());
        assertEquals(EligibilityResult.ELIGIBLE, after.result());
    }

    @Test
    void a_new_version_takes_effect_from_a_future_day_only() {
        ZoneId zone = ZoneId.of("America/Denver");
        SitePolicyHistory h = SitePolicyHistory.of(version(zone, 1, LocalDate.of(2020, 1, 1), 30));
        LocalDate today = LocalDate.of(2024, 7, 1);
        var e = assertThrows(InvalidValueException.class,
                () -> h.append(version(zone, 2, today.minusDays(1), 14), today));
        assertEquals("effectiveFrom", e.field());
        assertThrows(InvalidValueException.class, () -> h.append(version(zone, 2, today, 14), today),
                "referrals made earlier today keep today's version (R40)");
        SitePolicyHistory appended = h.append(version(zone, 2, today.plusDays(1), 14), today);
        assertEquals(2, appended.latest().version());
        assertEquals(2, h.append(version(zone, 2, today.plusDays(30), 14), today).versions().size());
        assertEquals(1, h.versions().size(), "appending leaves the old history untouched");
    }

    @Test
    void versions_must_be_numbered_in_order_with_strictly_increasing_dates() {
        ZoneId zone = ZoneId.of("UTC");
        SiteId site = new SiteId("history-site");
        LocalDate d = LocalDate.of(2022, 1, 1);
        assertThrows(InvalidValueException.class, () -> new SitePolicyHistory(site, zone,
                List.of(version(zone, 1, d, 30), version(zone, 3, d.plusDays(1), 30))));
        assertThrows(InvalidValueException.class, () -> new SitePolicyHistory(site, zone,
                List.of(version(zone, 2, d, 30))));
        assertThrows(InvalidValueException.class, () -> new SitePolicyHistory(site, zone,
                List.of(version(zone, 1, d, 30), version(zone, 2, d, 30))));
        assertThrows(InvalidValueException.class, () -> new SitePolicyHistory(site, zone,
                List.of(version(zone, 1, d, 30), version(zone, 2, d.minusDays(1), 30))));
        assertThrows(InvalidValueException.class, () -> new SitePolicyHistory(site, zone, List.of()));
        SitePolicyHistory far = SitePolicyHistory.of(version(zone, 1, LocalDate.of(2030, 1, 1), 30));
        assertThrows(InvalidValueException.class, () -> far.append(version(zone, 2, LocalDate.of(2029, 1, 1), 30),
                LocalDate.of(2025, 1, 1)), "a version cannot take effect before the latest one");
    }

    @Test
    void every_version_of_a_history_belongs_to_the_same_site_and_zone() {
        LocalDate d = LocalDate.of(2022, 1, 1);
        SitePolicy denver = version(ZoneId.of("America/Denver"), 1, d, 30);
        SitePolicy utc = version(ZoneId.of("UTC"), 2, d.plusDays(1), 30);
        assertThrows(InvalidValueException.class,
                () -> new SitePolicyHistory(denver.siteId(), denver.zone(), List.of(denver, utc)));
        assertThrows(InvalidValueException.class,
                () -> new SitePolicyHistory(new SiteId("elsewhere"), denver.zone(), List.of(denver)));
        assertTrue(SitePolicyHistory.of(denver).version(2).isEmpty());
    }
}

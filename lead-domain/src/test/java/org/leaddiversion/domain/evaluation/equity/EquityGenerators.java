/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;
import static org.leaddiversion.domain.fixtures.LeadGenerators.pick;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.EvaluationFixtures;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators for the equity measures: per-group counts, equity policies, margins of counts, and a
 * Seattle quarter of referrals (every door, races recorded or not) with its records-system encounters.
 */
public final class EquityGenerators {

    /** Race codes used by generated data; {@code null} means nothing recorded. */
    public static final List<String> RACES = java.util.Arrays.asList("WHITE", "BLACK", "ASIAN", "NATIVE", null);
    public static final ZoneId SEATTLE_ZONE = ZoneId.of("America/Los_Angeles");
    public static final ReportScope Q1_2024 = new ReportScope(Fixtures.SEATTLE,
            ReportingPeriod.quarter(2024, 1, SEATTLE_ZONE));

    private EquityGenerators() {
    }

    /** Counts for some of WHITE, BLACK, ASIAN, NATIVE, HISPANIC and UNKNOWN, zero and small values included. */
    public static Gen<Map<EquityGroup, GroupCounts>> groupCounts() {
        return in -> {
            var out = new LinkedHashMap<EquityGroup, GroupCounts>();
            for (String g : List.of("WHITE", "BLACK", "ASIAN", "NATIVE", "HISPANIC", "UNKNOWN")) {
                if (chance(in, 75)) {
                    int pool = chance(in, 30) ? between(in, 0, 15) : between(in, 0, 400);
                    int referrals = chance(in, 15) ? 0 : between(in, 0, Math.max(pool, 3));
                    out.put(new EquityGroup(g), new GroupCounts(referrals, pool));
                }
            }
            return out;
        };
    }

    /** Policies with cell sizes 1–25, bounds around 1, reference WHITE or BLACK, categories configured or not. */
    public static Gen<EquityPolicy> policies() {
        return in -> {
            EquityGroup reference = new EquityGroup(pick(in, List.of("WHITE", "BLACK")));
            List<EquityGroup> categories = chance(in, 50) ? List.of()
                    : List.of(reference, new EquityGroup(reference.code().equals("WHITE") ? "BLACK" : "WHITE"),
                    new EquityGroup("ASIAN"));
            return new EquityPolicy(new BigDecimal(pick(in, List.of("0.50", "0.80", "0.95", "1"))),
                    new BigDecimal(pick(in, List.of("1", "1.10", "1.25", "2.00"))), between(in, 1, 25),
                    Period.ofMonths(3), categories, reference);
        };
    }

    /** A margin: parts (zeros and small counts likely), whether complete, the total, and a cell size. */
    public record MarginCase(List<Long> parts, boolean complete, long total, int minCellSize) {
    }

    /** Margins of 0–8 parts. */
    public static Gen<MarginCase> margins() {
        return in -> {
            var parts = new ArrayList<Long>();
            int n = between(in, 0, 8);
            for (int i = 0; i < n; i++) {
                parts.add((long) (chance(in, 50) ? between(in, 0, 12) : between(in, 0, 60)));
            }
            boolean complete = chance(in, 50);
            long sum = parts.stream().mapToLong(Long::longValue).sum();
            long total = complete ? sum : sum + (chance(in, 30) ? 0 : between(in, 0, 30));
            return new MarginCase(parts, complete, total, between(in, 1, 15));
        };
    }

    /** A Seattle quarter's referrals and encounters, with some of each outside the quarter or the site. */
    public record EquityData(List<Referral> referrals, List<Encounter> encounters) {
    }

    /** Up to 40 referrals through the three Seattle doors and up to 150 encounters, around the first quarter of 2024. */
    public static Gen<EquityData> seattleQuarters() {
        SitePolicy policy = Fixtures.seattle().latest();
        return in -> {
            var referrals = new ArrayList<Referral>();
            int n = between(in, 0, 40);
            for (int i = 0; i < n; i++) {
                LocalDate day = LocalDate.of(2023, 12, 20).plusDays(between(in, 0, 120));
                Instant at = day.atTime(LocalTime.of(between(in, 0, 23), between(in, 0, 59))).atZone(SEATTLE_ZONE)
                        .toInstant();
                Person person = EvaluationFixtures.person("p" + i, pick(in, RACES), LocalDate.of(1980, 1, 1));
                ReferralSubmission.Builder b = switch (between(in, 0, 2)) {
                    case 0 -> Fixtures.anArrestDiversion("p" + i);
                    case 1 -> Fixtures.aSocialContactReferral("p" + i, day);
                    default -> Fixtures.aCommunityReferral("p" + i);
                };
                referrals.add(EvaluationFixtures.submitted(policy, b.person(person).build(), at, i));
            }
            var encounters = new ArrayList<Encounter>();
            int m = between(in, 0, 150);
            for (int i = 0; i < m; i++) {
                String race = pick(in, RACES);
                encounters.add(new Encounter(new PersonId("rms-" + i), LocalDate.of(2023, 12, 20)
                        .plusDays(between(in, 0, 120)), chance(in, 95) ? Fixtures.SEATTLE : new SiteId("santa-fe"),
                        race == null ? EquityGroup.UNKNOWN : new EquityGroup(race),
                        pick(in, List.of(Encounter.Kind.values())), OffenceCode.of("DRUG_POSSESSION"),
                        chance(in, 85), chance(in, 85), pick(in, List.of(Encounter.Window.values())),
                        pick(in, List.of(Encounter.Disposition.values()))));
            }
            return new EquityData(referrals, encounters);
        };
    }
}

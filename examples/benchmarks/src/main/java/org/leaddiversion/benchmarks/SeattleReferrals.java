/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EvidenceKind;
import org.leaddiversion.domain.policy.GeoPoint;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Complainant;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.OfficerJudgement;
import org.leaddiversion.domain.referral.PendingCase;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.VerificationEvidence;

/**
 * A seeded, realistic mix of Seattle referrals for workload W1, built through the library's public builders so that
 * every input is a valid submission. Roughly: 72 % arrest diversions with one or two offences (mostly divertible,
 * drug weights spread around the 3 g threshold), 16 % social-contact referrals with verification evidence, 10 %
 * community referrals, 2 % refused at the door (a disabled door or a role not allowed); 0–3 prior convictions of
 * disqualifying and harmless categories at dates around the 10-year window; some minors, some encounters outside the
 * precincts, some informants and warrants. The same seed always gives the same referrals.
 */
final class SeattleReferrals {

    static final SiteId SEATTLE = new SiteId("seattle-king-county");
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private static final String[] PRECINCTS = {"WEST_PRECINCT", "EAST_PRECINCT", "NORTH_PRECINCT", "SOUTH_PRECINCT",
        "SOUTHWEST_PRECINCT"};
    private static final String[] OUTSIDE = {"BELLEVUE", "KENT", "RENTON", "SHORELINE"};
    private static final String[] DIVERTIBLE = {"DRUG_POSSESSION", "DRUG_POSSESSION", "DRUG_POSSESSION",
        "DRUG_POSSESSION", "THEFT_LOW_LEVEL", "THEFT_LOW_LEVEL", "PROSTITUTION", "DRUG_SALE_SUBSISTENCE",
        "TRANSIT_MISCONDUCT", "PARK_VIOLATION"};
    private static final String[] NOT_DIVERTIBLE = {"ASSAULT", "BURGLARY", "DUI", "WEAPON_POSSESSION"};
    /** Conviction categories, weighted by repetition: mostly harmless or never-disqualifying ones. */
    private static final String[] PRIOR = {"DRUG_POSSESSION", "DRUG_POSSESSION", "DRUG_POSSESSION",
        "DRUG_POSSESSION", "DRUG_POSSESSION", "DRUG_SALE_SUBSISTENCE", "PROSTITUTION", "PROSTITUTION",
        "THEFT", "THEFT", "THEFT", "THEFT", "ASSAULT", "ASSAULT", "TRESPASS", "ROBBERY", "BURGLARY", "BURGLARY",
        "DOMESTIC_VIOLENCE", "DOMESTIC_VIOLENCE", "FIREARM_ASSAULT_OR_VIOLATION", "RAPE_SEX_OFFENCE", "ARSON",
        "MURDER"};
    private static final String[] SUBSTANCES = {"HEROIN", "FENTANYL", "METHAMPHETAMINE", "COCAINE"};
    private static final String[] FORMS = {"POWDER", "CRYSTAL", "PILLS", "ROCK"};
    private static final Role[] COMMUNITY_ROLES = {Role.COMMUNITY_REFERRER, Role.CASE_MANAGER, Role.OUTREACH_WORKER};
    private static final EvidenceKind[] EVIDENCE = EvidenceKind.values();

    /** 2022-01-01T00:00:00Z. */
    private static final long FROM_EPOCH_SECOND = 1_640_995_200L;
    private static final long FOUR_YEARS_OF_SECONDS = 4L * 365 * 24 * 3600;

    /** The referrals and, at the same index, the instant each one is made. */
    record Batch(ReferralSubmission[] submissions, Instant[] referredAt) {
    }

    private final SplittableRandom random;

    private SeattleReferrals(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} referrals generated from {@code seed}. */
    static Batch generate(int count, long seed) {
        var generator = new SeattleReferrals(seed);
        var submissions = new ReferralSubmission[count];
        var instants = new Instant[count];
        for (int i = 0; i < count; i++) {
            instants[i] = Instant.ofEpochSecond(FROM_EPOCH_SECOND + generator.random.nextLong(FOUR_YEARS_OF_SECONDS));
            submissions[i] = generator.referral(i, LocalDate.ofInstant(instants[i], ZONE));
        }
        return new Batch(submissions, instants);
    }

    private ReferralSubmission referral(int n, LocalDate day) {
        double d = random.nextDouble();
        if (d < 0.72) {
            return anArrestDiversion(n, day);
        } else if (d < 0.88) {
            return aSocialContactReferral(n, day);
        } else if (d < 0.98) {
            return aCommunityReferral(n, day);
        }
        return random.nextBoolean()
                ? base(n, day, Door.PROSECUTOR, Role.PROSECUTOR).offence(divertibleOffence()).build()
                : base(n, day, Door.ARREST_DIVERSION, Role.CASE_MANAGER).probableCause(true)
                        .offence(divertibleOffence()).build();
    }

    private ReferralSubmission anArrestDiversion(int n, LocalDate day) {
        var b = base(n, day, Door.ARREST_DIVERSION, chance(0.85) ? Role.OFFICER : Role.SERGEANT)
                .probableCause(chance(0.97))
                .location(encounterLocation());
        int offences = chance(0.7) ? 1 : 2;
        boolean drugs = false;
        for (int i = 0; i < offences; i++) {
            Offence o = chance(0.94) ? divertibleOffence() : notDivertibleOffence();
            drugs |= o.code().value().startsWith("DRUG_");
            if (o.code().value().startsWith("THEFT") && chance(0.3)) {
                b.complainant(new Complainant(true, chance(0.5)));
            }
            b.offence(o);
        }
        if (drugs) {
            b.drugFacts(drugFacts());
        }
        return b.build();
    }

    private ReferralSubmission aSocialContactReferral(int n, LocalDate day) {
        var b = base(n, day, Door.SOCIAL_CONTACT, chance(0.9) ? Role.OFFICER : Role.SERGEANT)
                .location(encounterLocation());
        int items = chance(0.08) ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < items; i++) {
            // Mostly inside the 24-month look-back, some older, a few dated after the referral by mistake.
            double d = random.nextDouble();
            LocalDate date = d < 0.03 ? day.plusDays(1 + random.nextInt(10))
                    : d < 0.85 ? day.minusDays(random.nextInt(700)) : day.minusDays(700 + random.nextInt(400));
            b.evidence(new VerificationEvidence(EVIDENCE[random.nextInt(EVIDENCE.length)], date, encounterLocation()));
        }
        if (chance(0.2)) {
            b.drugFacts(drugFacts());
        }
        return b.build();
    }

    private ReferralSubmission aCommunityReferral(int n, LocalDate day) {
        var b = base(n, day, Door.COMMUNITY, COMMUNITY_ROLES[random.nextInt(COMMUNITY_ROLES.length)])
                .attestedCriteria(chance(0.8) ? Set.of("HOMELESS_OR_AT_RISK") : Set.of())
                .personConsents(chance(0.6));
        if (chance(0.5)) {
            b.location(encounterLocation());
        }
        return b.build();
    }

    private ReferralSubmission.Builder base(int n, LocalDate day, Door door, Role role) {
        var actor = new Actor(new ActorId("badge-" + (1000 + random.nextInt(400))), role,
                Optional.of(role.isLawEnforcement() ? "SPD" : "REACH"));
        var referrer = new Referrer(actor, Optional.empty(), chance(0.9));
        var demographics = chance(0.3)
                ? new Demographics(Optional.of("R" + random.nextInt(6)), Optional.empty(), Optional.of("G" + random.nextInt(3)))
                : Demographics.unknown();
        var person = new Person(new PersonId("person-" + n), dateOfBirth(day), demographics, Optional.empty(),
                chance(0.02));
        return ReferralSubmission.builder(SEATTLE, door, referrer, person)
                .history(history(day))
                .judgement(new OfficerJudgement(chance(0.06), chance(0.02), chance(0.02)));
    }

    private Optional<LocalDate> dateOfBirth(LocalDate day) {
        double d = random.nextDouble();
        if (d < 0.01) {
            return Optional.empty();
        } else if (d < 0.02) {
            return Optional.of(day.minusYears(18)); // 18th birthday today: old enough
        } else if (d < 0.03) {
            return Optional.of(day.minusYears(18).plusDays(1)); // 18 tomorrow: a minor
        } else if (d < 0.07) {
            return Optional.of(day.minusYears(15 + random.nextInt(3)).minusDays(random.nextInt(365)));
        }
        return Optional.of(day.minusYears(18 + random.nextInt(48)).minusDays(random.nextInt(365)));
    }

    private Location encounterLocation() {
        double d = random.nextDouble();
        if (d < 0.88) {
            return Location.in(AreaId.of(PRECINCTS[random.nextInt(PRECINCTS.length)]));
        } else if (d < 0.95) {
            return Location.in(AreaId.of(OUTSIDE[random.nextInt(OUTSIDE.length)]));
        } else if (d < 0.98) {
            return Location.at(new GeoPoint(47.6 + random.nextDouble() / 10, -122.3 - random.nextDouble() / 10));
        }
        return Location.unknown();
    }

    private Offence divertibleOffence() {
        String code = DIVERTIBLE[random.nextInt(DIVERTIBLE.length)];
        return new Offence(OffenceCode.of(code), chance(0.8) ? OffenceLevel.MISDEMEANOR : OffenceLevel.FELONY, false);
    }

    private Offence notDivertibleOffence() {
        String code = NOT_DIVERTIBLE[random.nextInt(NOT_DIVERTIBLE.length)];
        return new Offence(OffenceCode.of(code), chance(0.5) ? OffenceLevel.MISDEMEANOR : OffenceLevel.FELONY,
                chance(0.2));
    }

    /** Net weights from 0.1 g to 6.0 g in tenths, plus a few just above 3 g; exactly 3.0 g stays eligible (GT). */
    private DrugFacts drugFacts() {
        Optional<BigDecimal> grams;
        double d = random.nextDouble();
        if (d < 0.1) {
            grams = Optional.empty();
        } else if (d < 0.15) {
            grams = Optional.of(new BigDecimal(chance(0.5) ? "3.0" : "3.01"));
        } else {
            grams = Optional.of(BigDecimal.valueOf(1 + random.nextInt(60), 1));
        }
        boolean sale = chance(0.15);
        return new DrugFacts(SUBSTANCES[random.nextInt(SUBSTANCES.length)], FORMS[random.nextInt(FORMS.length)], grams,
                sale, sale && chance(0.35), false);
    }

    private CriminalHistory history(LocalDate day) {
        double d = random.nextDouble();
        int count = d < 0.45 ? 0 : d < 0.70 ? 1 : d < 0.88 ? 2 : 3;
        var convictions = new ArrayList<Conviction>(count);
        for (int i = 0; i < count; i++) {
            Set<OffenceCode> categories = chance(0.85) ? Set.of(prior()) : twoCategories();
            LocalDate date = chance(0.03) ? day.minusYears(10) // exactly at the window edge: outside
                    : day.minusDays(30 + random.nextInt(25 * 365));
            convictions.add(new Conviction(categories, date, chance(0.1)));
        }
        List<PendingCase> pending = chance(0.05)
                ? List.of(new PendingCase(OffenceCode.of("THEFT"), OffenceLevel.FELONY, Optional.empty())) : List.of();
        double w = random.nextDouble();
        int warrants = w < 0.88 ? 0 : w < 0.97 ? 1 : 2;
        return new CriminalHistory(convictions, pending, List.of(), List.of(), List.of(), warrants);
    }

    private OffenceCode prior() {
        return OffenceCode.of(PRIOR[random.nextInt(PRIOR.length)]);
    }

    private Set<OffenceCode> twoCategories() {
        OffenceCode a = prior();
        OffenceCode b = prior();
        return a.equals(b) ? Set.of(a) : Set.of(a, b);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}

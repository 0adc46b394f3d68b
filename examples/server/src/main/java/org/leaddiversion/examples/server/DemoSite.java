/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.OwgScope;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.referral.Complainant;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * One demo site: a reference profile of the library (SPEC §9.3) with the people who work there and the shape of its
 * referrals — doors, places, offences, demographics. Every share is documented, with its source or as an assumption,
 * in {@code docs/demo-data.md}.
 */
final class DemoSite {

    /** What a referral's screening is meant to find, so that the facts generated produce it. */
    enum Screening {
        /** Nothing excludes the person. */
        CLEAR,
        /** A PRESUMPTIVE exclusion that the override authority lifts or confirms. */
        PRESUMPTIVE,
        /** A HARD exclusion: ineligible, nobody can override. */
        HARD
    }

    /** Which reference profile, and the site-specific facts of its referrals. */
    enum Profile {
        SEATTLE("seattle-king-county", "sea"), SANTA_FE("santa-fe", "sf"), ALBANY("albany", "alb");

        final String name;
        final String prefix;

        Profile(String name, String prefix) {
            this.name = name;
            this.prefix = prefix;
        }
    }

    final Profile profile;
    final SitePolicyHistory history;
    final SitePolicy policy;
    final SiteId id;
    /** Share of the demo's people referred at this site. */
    final double share;
    final Weighted<Door> doors;
    final Weighted<AreaId> areas;
    final Weighted<String> races;
    final double hispanic;
    final double female;
    final double nonBinary;
    final double meanAge;
    final double sdAge;
    final List<Actor> officers = new ArrayList<>();
    final List<Actor> sergeants = new ArrayList<>();
    final List<Actor> caseManagers = new ArrayList<>();
    final List<Actor> projectManagers = new ArrayList<>();
    final List<Actor> communityReferrers = new ArrayList<>();
    final Actor prosecutor;
    /** Weights of {@link #officers}: a demo login refers more than a generated colleague. */
    private final List<Double> officerWeights = new ArrayList<>();

    private DemoSite(Profile profile, double share, Weighted<Door> doors, Weighted<AreaId> areas,
                     Weighted<String> races, double hispanic, double female, double nonBinary, double meanAge,
                     double sdAge, Actor prosecutor) {
        this.profile = profile;
        this.history = ReferenceProfiles.load(profile.name);
        this.policy = history.latest();
        this.id = policy.siteId();
        this.share = share;
        this.doors = doors;
        this.areas = areas;
        this.races = races;
        this.hispanic = hispanic;
        this.female = female;
        this.nonBinary = nonBinary;
        this.meanAge = meanAge;
        this.sdAge = sdAge;
        this.prosecutor = prosecutor;
    }

    /** The three demo sites, staffed for {@code people} people referred over the year. */
    static List<DemoSite> all(int people) {
        var seattle = new DemoSite(Profile.SEATTLE, 0.60,
                Weighted.of(Map.of(Door.SOCIAL_CONTACT, 0.50, Door.ARREST_DIVERSION, 0.35, Door.COMMUNITY, 0.15)),
                Weighted.of(Map.of(AreaId.of("WEST_PRECINCT"), 0.35, AreaId.of("EAST_PRECINCT"), 0.20,
                        AreaId.of("NORTH_PRECINCT"), 0.20, AreaId.of("SOUTH_PRECINCT"), 0.15,
                        AreaId.of("SOUTHWEST_PRECINCT"), 0.10)),
                Weighted.of(Map.of("BLACK", 0.55, "WHITE", 0.27, "NATIVE", 0.05, "ASIAN", 0.03,
                        "PACIFIC_ISLANDER", 0.02, "MULTIRACIAL", 0.04, "", 0.04)),
                0.07, 0.39, 0.02, 41, 10, Actor.of(DemoUsers.PROSECUTOR, Role.PROSECUTOR));
        seattle.staff(DemoUsers.OFFICER, 30, DemoUsers.SERGEANT, 5, DemoUsers.CASE_MANAGER, people,
                DemoUsers.PROJECT_MANAGER);
        seattle.communityReferrers.add(Actor.of(DemoUsers.COMMUNITY_REFERRER, Role.COMMUNITY_REFERRER));
        seattle.communityReferrers.add(Actor.of("sea-shelter-2", Role.COMMUNITY_REFERRER));
        seattle.communityReferrers.add(Actor.of("sea-clinic-1", Role.COMMUNITY_REFERRER));
        seattle.communityReferrers.add(Actor.of("sea-outreach-1", Role.OUTREACH_WORKER));

        var santaFe = new DemoSite(Profile.SANTA_FE, 0.20,
                Weighted.of(Map.of(Door.SOCIAL_CONTACT, 0.55, Door.ARREST_DIVERSION, 0.45)),
                Weighted.of(Map.of(AreaId.of("SANTA_FE_CATCHMENT"), 1.0)),
                Weighted.of(Map.of("WHITE", 0.78, "NATIVE", 0.10, "BLACK", 0.03, "MULTIRACIAL", 0.03, "", 0.06)),
                0.60, 0.65, 0.01, 27, 6, Actor.of("sf-prosecutor-1", Role.PROSECUTOR));
        santaFe.staff(null, 12, null, 0, null, people, null);

        var albany = new DemoSite(Profile.ALBANY, 0.20,
                Weighted.of(Map.of(Door.ARREST_DIVERSION, 0.70, Door.SOCIAL_CONTACT, 0.30)),
                Weighted.of(Map.of(AreaId.of("ALBANY_SOUTH"), 0.4, AreaId.of("ALBANY_CENTRE"), 0.35,
                        AreaId.of("ALBANY_WEST"), 0.25)),
                Weighted.of(Map.of("WHITE", 0.55, "BLACK", 0.35, "ASIAN", 0.02, "MULTIRACIAL", 0.03, "", 0.05)),
                0.08, 0.35, 0.01, 38, 11, Actor.of("alb-prosecutor-1", Role.PROSECUTOR));
        albany.staff(null, 15, null, 2, null, people, null);
        return List.of(seattle, santaFe, albany);
    }

    /**
     * Generated staff around the demo logins: officers, sergeants, enough case managers for the site's expected open
     * caseload at the caseload target (rule R30), and a project manager.
     */
    private void staff(String demoOfficer, int officerCount, String demoSergeant, int sergeantCount, String demoCm,
                       int people, String demoPm) {
        String p = profile.prefix;
        for (int i = 1; i <= officerCount; i++) {
            boolean demo = i == 1 && demoOfficer != null;
            officers.add(Actor.of(demo ? demoOfficer : p + "-officer-" + i, Role.OFFICER));
            officerWeights.add(demo ? 3.0 : 1.0);
        }
        for (int i = 1; i <= sergeantCount; i++) {
            sergeants.add(Actor.of(i == 1 && demoSergeant != null ? demoSergeant : p + "-sergeant-" + i,
                    Role.SERGEANT));
        }
        // about 82% of the people referred enrol (SPEC §8.3, Santa Fe's 105 referrals); target 20 per case manager
        int expectedEnrolled = (int) Math.ceil(people * share * 0.84);
        int count = Math.max(2, (int) Math.ceil(expectedEnrolled / (double) policy.caseload().target()) + 1);
        for (int i = 1; i <= count; i++) {
            caseManagers.add(Actor.of(i == 1 && demoCm != null ? demoCm : p + "-cm-" + i, Role.CASE_MANAGER));
        }
        projectManagers.add(Actor.of(demoPm != null ? demoPm : p + "-pm-1", Role.PROJECT_MANAGER));
    }

    Actor officer(SplittableRandom r) {
        double total = officerWeights.stream().mapToDouble(Double::doubleValue).sum();
        double x = r.nextDouble() * total;
        for (int i = 0; i < officers.size(); i++) {
            x -= officerWeights.get(i);
            if (x < 0) {
                return officers.get(i);
            }
        }
        return officers.get(officers.size() - 1);
    }

    /** Who lifts or confirms a PRESUMPTIVE finding at this site (its {@code overrideAuthority}). */
    Actor overrideAuthority(Door door, SplittableRandom r) {
        if (policy.overrideAuthority().contains(Role.SERGEANT) && door == Door.ARREST_DIVERSION) {
            return pick(sergeants, r);
        }
        if (policy.overrideAuthority().contains(Role.PROJECT_MANAGER)) {
            return projectManagers.get(0);
        }
        if (policy.overrideAuthority().contains(Role.PROSECUTOR)) {
            return prosecutor;
        }
        throw new IllegalStateException("site " + id + " names no override authority the demo staffs");
    }

    /** Whether this site screens with PRESUMPTIVE criteria the demo can trigger (Albany has none). */
    boolean hasPresumptiveCriteria() {
        return !policy.overrideAuthority().isEmpty();
    }

    /** Whether the door's eligibility authority is the prosecutor (Santa Fe: the attorney's decision is final). */
    boolean prosecutorDecides(Door door) {
        return policy.door(door).map(d -> d.authorityRoles().contains(Role.PROSECUTOR)).orElse(false);
    }

    /** Who approves a community referral (King County: a designated LE approver or the PM team). */
    Actor approver(SplittableRandom r) {
        return r.nextDouble() < 0.7 ? projectManagers.get(0) : pick(sergeants, r);
    }

    boolean meetsByPrecinct() {
        return policy.owg().scope() == OwgScope.PRECINCT;
    }

    // ---- the people referred ---------------------------------------------------------------------------------

    Demographics demographics(SplittableRandom r) {
        String race = races.pick(r);
        String ethnicity = r.nextDouble() < 0.05 ? "" : r.nextDouble() < hispanic ? "HISPANIC" : "NOT_HISPANIC";
        double g = r.nextDouble();
        String gender = g < female ? "FEMALE" : g < female + nonBinary ? "NONBINARY" : "MALE";
        return new Demographics(present(race), present(ethnicity), Optional.of(gender));
    }

    /** A date of birth for an adult of this site's age profile, or a 16- or 17-year-old for a HARD age exclusion. */
    LocalDate dateOfBirth(SplittableRandom r, LocalDate referralDate, boolean minor) {
        if (minor) {
            return referralDate.minusYears(16).minusDays(1 + r.nextInt(360));
        }
        double age = meanAge + sdAge * gaussian(r);
        int years = (int) Math.max(18, Math.min(72, Math.round(age)));
        return referralDate.minusYears(years).minusDays(r.nextInt(365));
    }

    /**
     * The arrest-door facts: offences, drug facts, complainant and history, built so that screening finds what
     * {@code screening} asks for under this site's policy.
     */
    ReferralSubmission.Builder arrestFacts(ReferralSubmission.Builder b, Screening screening, SplittableRandom r,
                                           LocalDate referralDate) {
        switch (profile) {
            case SEATTLE:
                return seattleArrest(b, screening, r, referralDate);
            case SANTA_FE:
                return santaFeArrest(b, screening, r, referralDate);
            default:
                return albanyArrest(b, screening, r);
        }
    }

    private ReferralSubmission.Builder seattleArrest(ReferralSubmission.Builder b, Screening s, SplittableRandom r,
                                                     LocalDate date) {
        double x = r.nextDouble();
        if (s == Screening.PRESUMPTIVE && r.nextDouble() < 0.5) {
            // E1: above Seattle's 3 g threshold [SEA-CS]
            return b.offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                    .drugFacts(DrugFacts.possession(drug(r), "POWDER", grams(r, 3.2, 9.0)));
        }
        if (s == Screening.PRESUMPTIVE) {
            b.history(r.nextBoolean() ? warrant() : convictions("BURGLARY", date.minusYears(2 + r.nextInt(7))));
        }
        if (x < 0.55) {
            return b.offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                    .drugFacts(DrugFacts.possession(drug(r), "POWDER", grams(r, 0.1, 2.5)));
        }
        if (x < 0.65) {
            return b.offence(Offence.of("DRUG_SALE_SUBSISTENCE", OffenceLevel.FELONY))
                    .drugFacts(new DrugFacts(drug(r), "POWDER", Optional.of(grams(r, 0.2, 2.0)), true, false, false));
        }
        if (x < 0.75) {
            return b.offence(Offence.of("PROSTITUTION", OffenceLevel.MISDEMEANOR));
        }
        if (x < 0.90) {
            return b.offence(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR));
        }
        return b.offence(Offence.of(x < 0.95 ? "TRANSIT_MISCONDUCT" : "PARK_VIOLATION", OffenceLevel.MISDEMEANOR));
    }

    private ReferralSubmission.Builder santaFeArrest(ReferralSubmission.Builder b, Screening s, SplittableRandom r,
                                                     LocalDate date) {
        // arrest reasons among Santa Fe's clients: 61% opioid possession, 87% paraphernalia, 7% non-violent property,
        // 14% other non-violent (not exclusive) [SF-CLIENTS]
        if (s == Screening.PRESUMPTIVE) {
            double y = r.nextDouble();
            if (y < 0.4) {
                // E1: above Santa Fe's 6 g threshold, not prescription pills [SF-REF]
                return b.offence(Offence.of("OPIATE_POSSESSION", OffenceLevel.MISDEMEANOR))
                        .drugFacts(DrugFacts.possession("HEROIN", "POWDER", grams(r, 6.5, 14.0)));
            }
            if (y < 0.7) {
                // E2: sale for profit above subsistence [SF-REF]
                return b.offence(Offence.of("OPIATE_SALE_SUBSISTENCE", OffenceLevel.FELONY))
                        .drugFacts(new DrugFacts("HEROIN", "POWDER", Optional.of(grams(r, 1.0, 5.0)), true, true,
                                false));
            }
            b.history(convictions("VIOLENT_FELONY", date.minusYears(1 + r.nextInt(8))));
        }
        double x = r.nextDouble();
        if (x < 0.61) {
            boolean pills = r.nextDouble() < 0.2;
            b.offence(Offence.of("OPIATE_POSSESSION", OffenceLevel.MISDEMEANOR))
                    .drugFacts(DrugFacts.possession(pills ? "OXYCODONE" : "HEROIN",
                            pills ? "PRESCRIPTION_OPIATE_PILLS" : "POWDER",
                            pills ? grams(r, 2.0, 12.0) : grams(r, 0.1, 4.0)));
        } else if (x < 0.69) {
            b.offence(Offence.of("OPIATE_SALE_SUBSISTENCE", OffenceLevel.FELONY))
                    .drugFacts(new DrugFacts("HEROIN", "POWDER", Optional.of(grams(r, 0.2, 3.0)), true, false, false));
        } else if (x < 0.76) {
            b.offence(Offence.of(r.nextBoolean() ? "SHOPLIFTING" : "MINOR_THEFT", OffenceLevel.MISDEMEANOR));
        } else {
            b.offence(Offence.of("PARAPHERNALIA", OffenceLevel.MISDEMEANOR));
            return b;
        }
        if (r.nextDouble() < 0.85) {
            b.offence(Offence.of("PARAPHERNALIA", OffenceLevel.MISDEMEANOR));
        }
        return b;
    }

    private ReferralSubmission.Builder albanyArrest(ReferralSubmission.Builder b, Screening s, SplittableRandom r) {
        double x = r.nextDouble();
        if (s == Screening.HARD || x < 0.5) {
            // petit larceny, the Albany example [ALB-FINN]; the store must agree to forgo prosecution [ALB-TU]
            return b.offence(Offence.of("PETIT_LARCENY", OffenceLevel.MISDEMEANOR))
                    .complainant(new Complainant(true, s != Screening.HARD));
        }
        if (x < 0.85) {
            return b.offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                    .drugFacts(DrugFacts.possession(drug(r), "POWDER", grams(r, 0.1, 3.0)));
        }
        return b.offence(Offence.of("TRESPASS", OffenceLevel.MISDEMEANOR));
    }

    /** History facts that make a social-contact referral PRESUMPTIVELY_INELIGIBLE at this site. */
    CriminalHistory presumptiveHistory(SplittableRandom r, LocalDate date) {
        if (profile == Profile.SANTA_FE) {
            return convictions("VIOLENT_FELONY", date.minusYears(1 + r.nextInt(8)));
        }
        return r.nextBoolean() ? warrant() : convictions("ROBBERY", date.minusYears(2 + r.nextInt(7)));
    }

    /** Prior drug or prostitution convictions: never disqualifying in Seattle [SEA-ASAM], common in the population. */
    CriminalHistory ordinaryHistory(SplittableRandom r, LocalDate date) {
        if (r.nextDouble() < 0.6) {
            return CriminalHistory.none();
        }
        var list = new ArrayList<Conviction>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            list.add(Conviction.of(r.nextBoolean() ? "DRUG_POSSESSION" : "THEFT_LOW_LEVEL",
                    date.minusDays(200 + r.nextInt(3000))));
        }
        return CriminalHistory.convictions(list);
    }

    private static CriminalHistory warrant() {
        return new CriminalHistory(List.of(), List.of(), List.of(), List.of(), List.of(), 1);
    }

    private static CriminalHistory convictions(String category, LocalDate date) {
        return CriminalHistory.convictions(List.of(Conviction.of(category, date)));
    }

    private static String drug(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.45 ? "HEROIN" : x < 0.75 ? "METHAMPHETAMINE" : x < 0.90 ? "FENTANYL" : "COCAINE";
    }

    private static BigDecimal grams(SplittableRandom r, double min, double max) {
        return BigDecimal.valueOf(min + (max - min) * r.nextDouble()).setScale(1, RoundingMode.HALF_UP);
    }

    static <T> T pick(List<T> items, SplittableRandom r) {
        return items.get(r.nextInt(items.size()));
    }

    /** A standard normal draw (Box–Muller), from the person's own random stream. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static Optional<String> present(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A weighted choice among values, in a fixed order so that draws are deterministic. */
    static final class Weighted<T extends Comparable<? super T>> {
        private final List<T> values;
        private final double[] cumulative;

        private Weighted(List<T> values, double[] cumulative) {
            this.values = values;
            this.cumulative = cumulative;
        }

        static <T extends Comparable<? super T>> Weighted<T> of(Map<T, Double> weights) {
            var keys = new ArrayList<>(weights.keySet());
            keys.sort(null);
            double[] cum = new double[keys.size()];
            double total = 0;
            for (int i = 0; i < keys.size(); i++) {
                total += weights.get(keys.get(i));
                cum[i] = total;
            }
            for (int i = 0; i < cum.length; i++) {
                cum[i] /= total;
            }
            return new Weighted<>(List.copyOf(keys), cum);
        }

        T pick(SplittableRandom r) {
            double x = r.nextDouble();
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }

        List<T> values() {
            return values;
        }
    }
}

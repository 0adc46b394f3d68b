/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.evaluation.CostComponent;
import org.leaddiversion.domain.evaluation.EmploymentStatus;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.HousingStatus;
import org.leaddiversion.domain.evaluation.IncomeSource;
import org.leaddiversion.domain.evaluation.LegalCost;
import org.leaddiversion.domain.evaluation.LegalEvent;
import org.leaddiversion.domain.evaluation.MonthlyStatus;
import org.leaddiversion.domain.evaluation.ProgrammeCost;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.EvaluationData;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.ParticipantCursor;
import org.leaddiversion.persistence.ParticipantFilter;
import org.leaddiversion.persistence.ParticipantPageRecords;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.Reader;
import org.leaddiversion.persistence.RecordGroup;
import org.leaddiversion.persistence.ReferralView;

/**
 * The evaluation's minimum data set for the demo (SPEC §8.1) — what a site's evaluator receives from outside the
 * programme: the records system's encounter pool, legal events and legal-system costs of the participants and of a
 * comparison cohort, monthly housing, employment and income status of the participants, and the programme's monthly
 * spend. Written after {@link DemoData} through {@link LeadDatabase#evaluationData()}, for the people the demo data
 * created, which it reads back through the library's audited {@link ParticipantRecords} as the programme's evaluation
 * loader (a project manager's read for evaluation).
 *
 * <p>Synthetic, like the rest of the demo, and shaped so that the reports find what the Seattle evaluation published
 * (SPEC §8.3): odds of re-arrest about 58% lower for participants than for the comparison cohort, of a felony charge
 * about 39% lower, of prison about 87% lower, no effect on misdemeanour charges, 1.4 fewer jail bookings and about 39
 * fewer jail days a year. The pool is shaped so that the referral RRI has something to show at each site: a reference
 * group, groups inside and outside the bounds, an UNKNOWN group, and a small group always under the minimum cell size.
 * Every distribution is in {@code docs/demo-data.md} ("The evaluation data").
 *
 * <p>Deterministic: each person's draws come from a random stream derived from the seed and the person's id alone.
 */
final class DemoEvaluationData {

    /** The records system's own category that the referral forms never record: a pool always under the cell size. */
    static final String SMALL_GROUP = "MIDDLE_EASTERN";

    private static final Currency USD = Currency.getInstance("USD");
    private static final double HALF_YEAR_DAYS = 365.0 / 2;
    /** Comparison people per participant, as in the Seattle evaluation's 115 controls to 203 participants. */
    private static final double COMPARISON_PER_PARTICIPANT = 115.0 / 203;
    /** Share of referrals whose intake completes (about 0.8, see docs/demo-data.md). */
    private static final double PARTICIPANT_SHARE = 0.8;
    private static final int PAGE = 1_000;

    /** Who reads the demo's referrals to build the evaluation data set: a project manager, for evaluation. */
    static final Reader LOADER = Reader.of(Actor.of("demo-evaluation-loader", Role.PROJECT_MANAGER),
            Purpose.RESEARCH_EVALUATION);

    /**
     * What was written, as counts only (fit for a log line).
     *
     * @param encounters      encounters of the pool (and outside it)
     * @param comparison      comparison candidates: people met on a red-light shift
     * @param participants    participants given legal events and monthly status
     * @param legalEvents     legal events
     * @param legalCosts      legal-system cost rows
     * @param monthlyStatuses monthly status rows
     * @param programmeCosts  programme spend rows (site-months)
     * @param took            how long it took
     */
    record Summary(int encounters, int comparison, int participants, int legalEvents, int legalCosts,
                   int monthlyStatuses, int programmeCosts, Duration took) {

        String describe() {
            return String.format(java.util.Locale.ROOT, "%d encounters (%d comparison candidates), %d participants "
                            + "and %d comparison people with %d legal events and %d legal costs, %d monthly statuses, "
                            + "%d programme-cost months in %.1f s", encounters, comparison, participants, comparison,
                    legalEvents, legalCosts, monthlyStatuses, programmeCosts, took.toMillis() / 1000.0);
        }
    }

    /** One referral as the loader read it. */
    private record Referred(PersonId person, Door door, LocalDate date, EquityGroup group, ReferralStatus status,
                            OffenceCode offence, Optional<Enrollment> enrollment) {
    }

    /**
     * The shape of a site's pool: for each group, how many other pool encounters there are per referral, from the
     * group's target relative rate index against the reference group (rate = 1 / (1 + others per referral)).
     */
    private record Shape(double referenceOthers, Map<String, Double> rri, double costPerMonthStart,
                         double costPerMonthEnd, List<String> offences) {

        double othersPerReferral(EquityGroup g) {
            double index = rri.getOrDefault(g.code(), 1.0);
            return Math.max(0, (1 + referenceOthers) / index - 1);
        }
    }

    private static final Map<DemoSite.Profile, Shape> SHAPES = Map.of(
            DemoSite.Profile.SEATTLE, new Shape(2.0, Map.of("WHITE", 1.0, "BLACK", 1.05, "NATIVE", 1.45,
                    "ASIAN", 0.9, "PACIFIC_ISLANDER", 1.0, "MULTIRACIAL", 1.1, "UNKNOWN", 0.65), 899, 532,
                    List.of("DRUG_POSSESSION", "DRUG_SALE_SUBSISTENCE", "PROSTITUTION", "THEFT_LOW_LEVEL")),
            DemoSite.Profile.SANTA_FE, new Shape(2.0, Map.of("WHITE", 1.0, "NATIVE", 0.75, "BLACK", 1.0,
                    "MULTIRACIAL", 1.0, "UNKNOWN", 0.8), 640, 520,
                    List.of("OPIATE_POSSESSION", "PARAPHERNALIA", "SHOPLIFTING")),
            DemoSite.Profile.ALBANY, new Shape(1.0, Map.of("WHITE", 1.0, "BLACK", 0.35, "ASIAN", 0.8,
                    "MULTIRACIAL", 0.7, "UNKNOWN", 0.8), 720, 600,
                    List.of("PETIT_LARCENY", "DRUG_POSSESSION", "TRESPASS")));

    /** Six-month probabilities and yearly rates of one cohort in one phase (before or after entry). */
    private record Rates(double arrest, double felony, double misdemeanour, double prison, double bookingsPerYear,
                         double stayDays) {
    }

    // SPEC §8.3: 58% lower odds of arrest, 39% lower of a felony charge, misdemeanours unchanged, 87% lower of prison,
    // 1.4 fewer bookings and about 39 fewer jail days a year (see docs/demo-data.md for the arithmetic)
    private static final Rates PARTICIPANTS_PRE = new Rates(0.62, 0.28, 0.40, 0.07, 1.8, 16.7);
    private static final Rates PARTICIPANTS_POST = new Rates(0.34, 0.17, 0.31, 0.011, 1.4, 22);
    private static final Rates COMPARISON_PRE = new Rates(0.60, 0.27, 0.38, 0.07, 2.0, 17);
    private static final Rates COMPARISON_POST = new Rates(0.55, 0.25, 0.33, 0.08, 2.8, 25);

    private final LeadDatabase db;
    private final DemoData.Settings settings;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final List<Encounter> encounters = new ArrayList<>();
    private final List<LegalEvent> events = new ArrayList<>();
    private final List<LegalCost> costs = new ArrayList<>();
    private final List<MonthlyStatus> statuses = new ArrayList<>();
    private final List<ProgrammeCost> programmeCosts = new ArrayList<>();
    private int comparison;
    private int participants;

    private DemoEvaluationData(LeadDatabase db, DemoData.Settings settings) {
        this.db = db;
        this.settings = settings;
        this.firstDay = LocalDate.ofInstant(settings.start(), ZoneOffset.UTC);
        this.lastDay = settings.today().minusDays(1);
    }

    /**
     * The rows of the evaluation data set, before they are written.
     *
     * @param encounters      the records system's encounters
     * @param legalEvents     legal events of participants and comparison people
     * @param legalCosts      legal-system costs of the same people
     * @param monthlyStatuses participants' monthly status
     * @param programmeCosts  each site's monthly spend
     * @param participants    participants followed
     * @param comparison      comparison candidates
     */
    record Rows(List<Encounter> encounters, List<LegalEvent> legalEvents, List<LegalCost> legalCosts,
                List<MonthlyStatus> monthlyStatuses, List<ProgrammeCost> programmeCosts, int participants,
                int comparison) {
    }

    /** Writes the evaluation data of the demo people {@link DemoData#seed} put in {@code db} with {@code settings}. */
    static Summary seed(LeadDatabase db, DemoData.Settings settings) {
        long began = System.nanoTime();
        Rows rows = generate(db, settings);
        EvaluationData out = db.evaluationData();
        out.recordEncounters(rows.encounters());
        out.recordLegalEvents(rows.legalEvents());
        out.recordLegalCosts(rows.legalCosts());
        out.recordMonthlyStatuses(rows.monthlyStatuses());
        out.recordProgrammeCosts(rows.programmeCosts());
        return new Summary(rows.encounters().size(), rows.comparison(), rows.participants(),
                rows.legalEvents().size(), rows.legalCosts().size(), rows.monthlyStatuses().size(),
                rows.programmeCosts().size(), Duration.ofNanos(System.nanoTime() - began));
    }

    /** The rows for the demo people in {@code db}, read through the audited reads; nothing is written but the audit. */
    static Rows generate(LeadDatabase db, DemoData.Settings settings) {
        var data = new DemoEvaluationData(db, settings);
        for (DemoSite site : DemoSite.all(settings.participants())) {
            data.site(site);
        }
        return new Rows(List.copyOf(data.encounters), List.copyOf(data.events), List.copyOf(data.costs),
                List.copyOf(data.statuses), List.copyOf(data.programmeCosts), data.participants, data.comparison);
    }

    // ---- one site ----------------------------------------------------------------------------------------------

    private void site(DemoSite site) {
        Shape shape = SHAPES.get(site.profile);
        ZoneId zone = site.policy.zone();
        List<Referred> referred = read(site.id, zone);
        SplittableRandom siteRandom = new SplittableRandom(settings.seed() ^ site.id.value().hashCode());

        // the comparison candidates: other pool encounters on red-light shifts, so many that the comparison cohort is
        // about 115/203 of the participants, as in the Seattle evaluation
        double others = referred.stream().mapToDouble(r -> shape.othersPerReferral(r.group())).sum();
        double redShare = others == 0 ? 0 : Math.min(0.9, referred.size() * PARTICIPANT_SHARE
                * COMPARISON_PER_PARTICIPANT / others);
        List<Member> red = new ArrayList<>();

        int rms = 0;
        for (Referred r : referred) {
            if (r.door().holdsCharge()) {
                encounters.add(new Encounter(r.person(), r.date(), site.id, r.group(), Encounter.Kind.ARREST,
                        r.offence(), true, true, Encounter.Window.DIVERSION_ALLOWED, diverted(r.status())
                        ? Encounter.Disposition.DIVERTED_TO_LEAD : Encounter.Disposition.BOOKED));
            }
            SplittableRandom rr = random(r.person().value() + "/pool");
            int k = poisson(rr, shape.othersPerReferral(r.group()));
            for (int i = 0; i < k; i++) {
                LocalDate day = clamp(r.date().plusDays(rr.nextInt(81) - 40));
                rms++;
                encounter(site, shape, rms, r.group(), day, rr.nextDouble() < redShare, rr, red);
            }
        }
        // the records system's small category: one or two encounters a month, never referred
        for (YearMonth m = YearMonth.from(firstDay); !m.isAfter(YearMonth.from(lastDay)); m = m.plusMonths(1)) {
            int n = 1 + siteRandom.nextInt(2);
            for (int i = 0; i < n; i++) {
                LocalDate day = clamp(m.atDay(1 + siteRandom.nextInt(m.lengthOfMonth())));
                rms++;
                encounter(site, shape, rms, new EquityGroup(SMALL_GROUP), day, siteRandom.nextDouble() < redShare,
                        siteRandom, red);
            }
        }
        // outside the pool: arrests for offences not on the divertible list (about one in six encounters)
        int outside = rms / 5;
        for (int i = 0; i < outside; i++) {
            rms++;
            LocalDate day = firstDay.plusDays(siteRandom.nextInt((int) (lastDay.toEpochDay() - firstDay.toEpochDay())
                    + 1));
            encounters.add(new Encounter(rmsPerson(site, rms), day, site.id, referred.isEmpty() ? EquityGroup.UNKNOWN
                    : referred.get(siteRandom.nextInt(referred.size())).group(), Encounter.Kind.ARREST,
                    OffenceCode.of(siteRandom.nextBoolean() ? "ASSAULT" : "DUI"), false, siteRandom.nextDouble() < 0.9,
                    Encounter.Window.DIVERSION_ALLOWED, Encounter.Disposition.BOOKED));
        }

        // the participants: the earliest referral with a completed intake of each person
        Map<PersonId, Referred> entries = new TreeMap<>();
        for (Referred r : referred) {
            if (r.status() == ReferralStatus.INTAKE_COMPLETED) {
                entries.merge(r.person(), r, (a, b) -> a.date().isAfter(b.date()) ? b : a);
            }
        }
        var byEntry = new ArrayList<>(entries.values());
        byEntry.sort(java.util.Comparator.comparing(Referred::date).thenComparing(Referred::person));
        for (int i = 0; i < byEntry.size(); i++) {
            Referred r = byEntry.get(i);
            participants++;
            SplittableRandom pr = random(r.person().value() + "/outcomes");
            legalHistory(r.person(), r.date(), i, PARTICIPANTS_PRE, PARTICIPANTS_POST, pr);
            monthlyStatus(r, pr);
        }
        // the comparison people, in the order they entered
        red.sort(java.util.Comparator.comparing(Member::entry).thenComparing(Member::person));
        for (int i = 0; i < red.size(); i++) {
            Member m = red.get(i);
            legalHistory(m.person(), m.entry(), i, COMPARISON_PRE, COMPARISON_POST, random(m.person().value()
                    + "/outcomes"));
        }
        comparison += red.size();
        programmeSpend(site, shape, entries.values());
    }

    /** A comparison candidate: a person met on a red-light shift, and the day. */
    private record Member(PersonId person, LocalDate entry) {
    }

    /** One pool encounter of a person the programme never met (a red-light one makes a comparison candidate). */
    private void encounter(DemoSite site, Shape shape, int n, EquityGroup group, LocalDate day, boolean redLight,
                           SplittableRandom r, List<Member> red) {
        PersonId person = rmsPerson(site, n);
        boolean cited = r.nextDouble() < 0.2;
        encounters.add(new Encounter(person, day, site.id, group, cited ? Encounter.Kind.CITATION
                : Encounter.Kind.ARREST, OffenceCode.of(DemoSite.pick(shape.offences(), r)), true, true,
                redLight ? Encounter.Window.DIVERSION_NOT_ALLOWED : Encounter.Window.DIVERSION_ALLOWED,
                cited ? Encounter.Disposition.CITED_AND_RELEASED : Encounter.Disposition.BOOKED));
        if (redLight) {
            red.add(new Member(person, day));
        }
    }

    private static PersonId rmsPerson(DemoSite site, int n) {
        return new PersonId(String.format(java.util.Locale.ROOT, "rms-%s-%06d", site.profile.prefix, n));
    }

    private static boolean diverted(ReferralStatus s) {
        return s != ReferralStatus.INELIGIBLE && s != ReferralStatus.PRESUMPTIVELY_INELIGIBLE
                && s != ReferralStatus.REJECTED && s != ReferralStatus.DECLINED_BY_PERSON;
    }

    // ---- legal events and costs ---------------------------------------------------------------------------------

    /**
     * A person's legal events from a year before entry to the end of the data; nothing on the entry day itself (the
     * encounter that brought the person in is not an outcome). Whether the person has at least one arrest, felony
     * charge, misdemeanour charge or prison admission in the six months before and after entry is decided so that the
     * cohort's shares are the target shares in every run of consecutive entrants: the {@code n}-th entrant of the
     * cohort at the site draws {@code frac(n·α)} with a different irrational {@code α} per kind (a Weyl sequence: evenly
     * spread, and the kinds independent of each other), so a quarter's odds ratios are the published ones up to a
     * person or two rather than up to sampling noise. The rest of the year, and jail bookings throughout, are Poisson
     * processes at the cohort's rates. Costs follow the events.
     */
    private void legalHistory(PersonId person, LocalDate entry, int n, Rates pre, Rates post, SplittableRandom r) {
        LocalDate preStart = entry.minusMonths(6);
        phase(person, entry.minusYears(1), preStart.minusDays(1), pre, Optional.empty(), 0, r);
        phase(person, preStart, entry.minusDays(1), pre, Optional.of(n), 0, r);
        LocalDate postEnd = entry.plusMonths(6);
        phase(person, entry.plusDays(1), postEnd.isAfter(lastDay) ? lastDay : postEnd, post, Optional.of(n), 4, r);
        phase(person, postEnd.plusDays(1), lastDay, post, Optional.empty(), 4, r);
    }

    /**
     * Fractional parts of the golden ratio, √2, √3, √5 (before entry) and √6, √7, √10, √11 (after): one Weyl sequence
     * per kind of yes/no event and window.
     */
    private static final double[] WEYL = {0.6180339887498949, 0.41421356237309515, 0.7320508075688772,
        0.2360679774997898, 0.4494897427831779, 0.6457513110645906, 0.1622776601683795, 0.3166247903553998};

    /**
     * The events of one span at the rates: for a window span ({@code n} present) each yes/no kind is present with its
     * six-month share, by the entrant's place in the Weyl sequence, with one or more events; otherwise a Poisson count.
     */
    private void phase(PersonId person, LocalDate from, LocalDate to, Rates rates, Optional<Integer> n, int sequences,
                       SplittableRandom r) {
        if (to.isBefore(from)) {
            return;
        }
        double halfYears = (to.toEpochDay() - from.toEpochDay() + 1) / HALF_YEAR_DAYS;
        double[] shares = {rates.arrest(), rates.felony(), rates.misdemeanour(), rates.prison()};
        int[] counts = new int[shares.length];
        for (int k = 0; k < shares.length; k++) {
            double perHalfYear = -Math.log(1 - shares[k]);
            if (n.isPresent()) {
                double u = ((n.get() + 1) * WEYL[sequences + k]) % 1.0;
                counts[k] = u < shares[k] ? 1 + poisson(r, perHalfYear / 2) : 0;
            } else {
                counts[k] = poisson(r, perHalfYear * halfYears);
            }
        }
        for (LocalDate d : days(r, from, to, counts[0])) {
            events.add(new LegalEvent.Arrest(person, d, r.nextDouble() < 0.3 ? LegalEvent.ArrestKind.WARRANT
                    : LegalEvent.ArrestKind.NEW_OFFENCE));
        }
        for (LocalDate d : days(r, from, to, counts[1])) {
            events.add(new LegalEvent.ChargeFiled(person, d, OffenceLevel.FELONY));
            costs.add(cost(person, d, CostComponent.PROSECUTION, 2_400));
            costs.add(cost(person, d, CostComponent.DEFENCE, 1_800));
        }
        for (LocalDate d : days(r, from, to, counts[2])) {
            events.add(new LegalEvent.ChargeFiled(person, d, OffenceLevel.MISDEMEANOR));
            costs.add(cost(person, d, CostComponent.PROSECUTION, 700));
            costs.add(cost(person, d, CostComponent.DEFENCE, 500));
        }
        for (LocalDate d : days(r, from, to, counts[3])) {
            events.add(new LegalEvent.PrisonAdmission(person, d));
            costs.add(cost(person, d, CostComponent.PRISON, 15_000));
        }
        for (LocalDate d : days(r, from, to, poisson(r, rates.bookingsPerYear() * halfYears / 2))) {
            long stay = Math.max(1, Math.round(-Math.log(1 - r.nextDouble()) * rates.stayDays()));
            LocalDate released = d.plusDays(stay - 1);
            boolean still = released.isAfter(lastDay);
            events.add(new LegalEvent.JailBooking(person, d, still ? Optional.empty() : Optional.of(released)));
            long days = still ? lastDay.toEpochDay() - d.toEpochDay() + 1 : stay;
            costs.add(cost(person, d, CostComponent.JAIL, 150 * days));
        }
    }

    private static LegalCost cost(PersonId person, LocalDate date, CostComponent component, long dollars) {
        return new LegalCost(person, date, component, new Money(BigDecimal.valueOf(dollars), USD));
    }

    private static List<LocalDate> days(SplittableRandom r, LocalDate from, LocalDate to, int n) {
        var out = new ArrayList<LocalDate>(n);
        int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        for (int i = 0; i < n && span > 0; i++) {
            out.add(from.plusDays(r.nextInt(span)));
        }
        return out;
    }

    // ---- monthly status ------------------------------------------------------------------------------------------

    /** Probabilities of a month's status: sheltered, permanently housed, on the employment continuum, with income. */
    private record StatusOdds(double sheltered, double permanent, double employment, double income) {
    }

    // SPEC §8.3: over twice as likely sheltered, 89% more likely in permanent housing, 46% more on the employment
    // continuum, 33% more with legitimate income or benefits, follow-up months against the baseline month
    private static final StatusOdds BASELINE = new StatusOdds(0.34, 0.06, 0.08, 0.40);
    private static final StatusOdds FOLLOW_UP = new StatusOdds(0.72, 0.113, 0.117, 0.53);
    /** The chance a month's status is the previous month's: people's situations change slowly. */
    private static final double SAME_AS_LAST_MONTH = 0.7;

    private void monthlyStatus(Referred r, SplittableRandom rnd) {
        YearMonth entry = YearMonth.from(r.date());
        MonthlyStatus last = status(r.person(), entry.minusMonths(1), BASELINE, MonthlyStatus.Source.INTAKE_SELF_REPORT,
                rnd);
        statuses.add(last);
        YearMonth end = YearMonth.from(lastDay).minusMonths(1);
        Optional<YearMonth> closed = r.enrollment().flatMap(Enrollment::closedAt)
                .map(at -> YearMonth.from(at.atZone(ZoneOffset.UTC)));
        if (closed.isPresent() && closed.get().isBefore(end)) {
            end = closed.get();
        }
        for (YearMonth m = entry.plusMonths(1); !m.isAfter(end); m = m.plusMonths(1)) {
            MonthlyStatus next = status(r.person(), m, FOLLOW_UP, MonthlyStatus.Source.CASE_MANAGER_RECORD, rnd);
            if (m.isAfter(entry.plusMonths(1)) && rnd.nextDouble() < SAME_AS_LAST_MONTH) {
                next = new MonthlyStatus(r.person(), m, last.housing(), last.employment(), last.incomeSources(),
                        MonthlyStatus.Source.CASE_MANAGER_RECORD);
            }
            statuses.add(next);
            last = next;
        }
    }

    private static MonthlyStatus status(PersonId person, YearMonth month, StatusOdds odds, MonthlyStatus.Source source,
                                        SplittableRandom r) {
        HousingStatus housing;
        double h = r.nextDouble();
        if (h < odds.permanent()) {
            housing = HousingStatus.PERMANENT;
        } else if (h < odds.sheltered()) {
            housing = r.nextBoolean() ? HousingStatus.EMERGENCY_SHELTER : HousingStatus.TEMPORARY;
        } else {
            housing = HousingStatus.UNSHELTERED;
        }
        EmploymentStatus employment = EmploymentStatus.NONE;
        if (r.nextDouble() < odds.employment()) {
            double e = r.nextDouble();
            employment = e < 0.4 ? EmploymentStatus.TRAINING : e < 0.8 ? EmploymentStatus.EMPLOYED_PART_TIME
                    : e < 0.95 ? EmploymentStatus.EMPLOYED_FULL_TIME : EmploymentStatus.RETIRED;
        }
        Set<IncomeSource> income = EnumSet.noneOf(IncomeSource.class);
        if (r.nextDouble() < odds.income()) {
            income.add(r.nextDouble() < 0.7 ? IncomeSource.FOOD_BENEFITS : IncomeSource.CASH_BENEFITS);
            if (r.nextDouble() < 0.2) {
                income.add(IncomeSource.DISABILITY_BENEFITS);
            }
            if (employment == EmploymentStatus.EMPLOYED_PART_TIME || employment == EmploymentStatus.EMPLOYED_FULL_TIME) {
                income.add(IncomeSource.EMPLOYMENT);
            }
        }
        return new MonthlyStatus(person, month, housing, employment, income, source);
    }

    // ---- programme spend -------------------------------------------------------------------------------------

    /**
     * The site's spend in each month of the data: its participant-months (enrollments open on a day of the month)
     * times a cost per participant-month that falls over the year as start-up costs end (Seattle $899 on average with
     * start-up, $532 late in the evaluation [UW-COST-R]).
     */
    private void programmeSpend(DemoSite site, Shape shape, java.util.Collection<Referred> entered) {
        YearMonth first = YearMonth.from(firstDay);
        YearMonth last = YearMonth.from(lastDay);
        long months = first.until(last, java.time.temporal.ChronoUnit.MONTHS);
        int i = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1), i++) {
            LocalDate start = m.atDay(1);
            LocalDate end = m.atEndOfMonth();
            long open = entered.stream().filter(r -> !r.date().isAfter(end)).filter(r -> r.enrollment()
                    .flatMap(Enrollment::closedAt).map(at -> !LocalDate.ofInstant(at, ZoneOffset.UTC).isBefore(start))
                    .orElse(true)).count();
            double perMonth = shape.costPerMonthStart() + (shape.costPerMonthEnd() - shape.costPerMonthStart())
                    * (months == 0 ? 1 : (double) i / months);
            long dollars = Math.round(open * perMonth);
            programmeCosts.add(new ProgrammeCost(site.id, m, new Money(BigDecimal.valueOf(dollars), USD)));
        }
    }

    // ---- reading the demo's referrals ----------------------------------------------------------------------------

    /** Every referral of the site, with the person's enrollment, read a page at a time through the audited reads. */
    private List<Referred> read(SiteId site, ZoneId zone) {
        ParticipantRecords records = db.records(Clock.fixed(settings.end(), ZoneOffset.UTC));
        ParticipantFilter filter = ParticipantFilter.all().withSite(site);
        var out = new ArrayList<Referred>();
        Optional<ParticipantCursor> after = Optional.empty();
        while (true) {
            ParticipantPageRecords page = records.participants(LOADER, filter, after, PAGE,
                    Set.of(RecordGroup.REFERRALS, RecordGroup.ENROLLMENTS), OptionalInt.empty());
            if (!page.page().refusals().isEmpty()) {
                throw new IllegalStateException("demo evaluation data: the loader may not list participants: "
                        + page.page().refusals());
            }
            for (var entry : page.page().data().entries()) {
                PersonId person = entry.participant();
                List<ReferralView> views = page.referrals().get(person).data();
                List<Enrollment> enrollments = page.enrollments().containsKey(person)
                        ? page.enrollments().get(person).data() : List.of();
                for (ReferralView v : views) {
                    if (!v.site().equals(site)) {
                        continue;
                    }
                    out.add(new Referred(person, v.door(), v.referredAt().atZone(zone).toLocalDate(),
                            EquityGroup.ofRace(v.person().demographics()), v.status(),
                            v.offences().isEmpty() ? OffenceCode.of("SOCIAL_CONTACT") : v.offences().get(0).code(),
                            enrollments.stream().filter(e -> e.site().equals(site)).findFirst()));
                }
            }
            if (!page.page().data().hasMore()) {
                return out;
            }
            after = page.page().data().endCursor();
        }
    }

    // ---- draws ---------------------------------------------------------------------------------------------------

    private SplittableRandom random(String key) {
        return new SplittableRandom(settings.seed() * 1_000_003L + key.hashCode());
    }

    private LocalDate clamp(LocalDate d) {
        return d.isBefore(firstDay) ? firstDay : d.isAfter(lastDay) ? lastDay : d;
    }

    /** A Poisson draw (Knuth's method; the means here are small). */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > limit);
        return k;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The outcome measures of SPEC §8.4 over a {@link Cohort}, its legal events and costs, in the pre/post design of an
 * {@link OutcomeWindow}. Pure functions: the same cohort, data and window give equal rows whatever the order of the
 * inputs, and nothing is read from a clock or a store.
 *
 * <p>Every function counts <em>followed</em> members only (those whose post window is complete in the data) and
 * returns one row per window, stratified {@code cohort=<name>, window=PRE|POST}. Annualised measures are ratios of
 * sums: events (or days, or cost) summed over the members divided by the person-days summed over the members, times
 * {@value #DAYS_PER_YEAR}.
 */
public final class OutcomeMeasures {

    /** Days in the person-year of annualised measures. */
    public static final int DAYS_PER_YEAR = 365;

    private OutcomeMeasures() {
    }

    /** {@link Measure#ARREST_ANY}: members taken into custody at least once in each window. */
    public static List<MeasureResult> arrestAny(Cohort cohort, Collection<LegalEvent> events, OutcomeWindow window) {
        return anyEvent(Measure.ARREST_ANY, cohort, events, window, e -> e instanceof LegalEvent.Arrest);
    }

    /**
     * {@link Measure#CHARGE_FILED_FELONY} or {@link Measure#CHARGE_FILED_MISD}: members with a case of that level filed
     * in each window. Infractions are not measured.
     */
    public static List<MeasureResult> chargeFiled(Cohort cohort, Collection<LegalEvent> events, OutcomeWindow window,
                                                  OffenceLevel level) {
        Require.present(level, "level");
        Measure measure = switch (level) {
            case FELONY -> Measure.CHARGE_FILED_FELONY;
            case MISDEMEANOR -> Measure.CHARGE_FILED_MISD;
            case INFRACTION -> throw new InvalidValueException("level", "infractions are not a charge measure");
        };
        return anyEvent(measure, cohort, events, window,
                e -> e instanceof LegalEvent.ChargeFiled c && c.level() == level);
    }

    /** {@link Measure#PRISON_ADMISSION_ANY}: members admitted to prison at least once in each window. */
    public static List<MeasureResult> prisonAdmissionAny(Cohort cohort, Collection<LegalEvent> events,
                                                         OutcomeWindow window) {
        return anyEvent(Measure.PRISON_ADMISSION_ANY, cohort, events, window,
                e -> e instanceof LegalEvent.PrisonAdmission);
    }

    /** {@link Measure#JAIL_BOOKINGS_PER_YEAR}: bookings in each window per person-year. */
    public static List<MeasureResult> jailBookingsPerYear(Cohort cohort, Collection<LegalEvent> events,
                                                          OutcomeWindow window) {
        Map<PersonId, List<LegalEvent>> byPerson = byPerson(events);
        List<CohortMember> followed = followed(cohort, window);
        long pre = 0;
        long post = 0;
        for (CohortMember m : followed) {
            for (LegalEvent e : byPerson.getOrDefault(m.person(), List.of())) {
                if (e instanceof LegalEvent.JailBooking) {
                    pre += window.inPre(m.entryDate(), e.date()) ? 1 : 0;
                    post += window.inPost(m.entryDate(), e.date()) ? 1 : 0;
                }
            }
        }
        return perYear(Measure.JAIL_BOOKINGS_PER_YEAR, cohort, window, followed, pre, post, Optional.empty());
    }

    /**
     * {@link Measure#JAIL_DAYS_PER_YEAR}: jail days in each window per person-year. A stay is clipped to the window:
     * only its calendar days inside the window count, and the entry day is in neither window.
     */
    public static List<MeasureResult> jailDaysPerYear(Cohort cohort, Collection<LegalEvent> events,
                                                      OutcomeWindow window) {
        Map<PersonId, List<LegalEvent>> byPerson = byPerson(events);
        List<CohortMember> followed = followed(cohort, window);
        long pre = 0;
        long post = 0;
        for (CohortMember m : followed) {
            LocalDate entry = m.entryDate();
            for (LegalEvent e : byPerson.getOrDefault(m.person(), List.of())) {
                if (e instanceof LegalEvent.JailBooking b) {
                    pre += b.daysWithin(window.preStart(entry), entry.minusDays(1), window.dataThrough());
                    post += b.daysWithin(entry.plusDays(1), window.postEnd(entry), window.dataThrough());
                }
            }
        }
        return perYear(Measure.JAIL_DAYS_PER_YEAR, cohort, window, followed, pre, post, Optional.empty());
    }

    /**
     * {@link Measure#LEGAL_COST_DELTA}: legal-system cost per person-year before and after entry and the change
     * (post minus pre), for each {@link CostComponent} and for all of them ({@code component=TOTAL}). Costs must all
     * be in {@code currency}; amounts are exact, in the currency's minor units (cents).
     */
    public static List<MeasureResult> legalCostDelta(Cohort cohort, Collection<LegalCost> costs, OutcomeWindow window,
                                                     Currency currency) {
        Require.present(cohort, "cohort");
        Require.noNulls(costs, "costs");
        Require.present(window, "window");
        Require.present(currency, "currency");
        Map<PersonId, List<LegalCost>> byPerson = new HashMap<>();
        for (LegalCost c : costs) {
            if (!c.amount().currency().equals(currency)) {
                throw new InvalidValueException("legalCost.amount", "is not in the report currency " + currency);
            }
            byPerson.computeIfAbsent(c.person(), k -> new ArrayList<>()).add(c);
        }
        List<CohortMember> followed = followed(cohort, window);
        long preDays = preDays(followed, window);
        long postDays = postDays(followed, window);
        var out = new ArrayList<MeasureResult>();
        long totalPre = 0;
        long totalPost = 0;
        for (CostComponent component : CostComponent.values()) {
            long pre = 0;
            long post = 0;
            for (CohortMember m : followed) {
                for (LegalCost c : byPerson.getOrDefault(m.person(), List.of())) {
                    if (c.component() == component) {
                        pre += window.inPre(m.entryDate(), c.date()) ? minorUnits(c.amount()) : 0;
                        post += window.inPost(m.entryDate(), c.date()) ? minorUnits(c.amount()) : 0;
                    }
                }
            }
            out.addAll(costRows(cohort, component.name(), followed.size(), pre, preDays, post, postDays, currency));
            totalPre = Math.addExact(totalPre, pre);
            totalPost = Math.addExact(totalPost, post);
        }
        out.addAll(costRows(cohort, "TOTAL", followed.size(), totalPre, preDays, totalPost, postDays, currency));
        return List.copyOf(out);
    }

    /**
     * {@link Measure#TIME_TO_REARREST}: days from entry to the first arrest in the post window, for followed members
     * who were re-arrested. Two rows, {@code statistic=MEDIAN} (the mean of the two middle values for an even number)
     * and {@code statistic=MEAN}; members not re-arrested within the window are counted in the base only.
     */
    public static List<MeasureResult> timeToRearrest(Cohort cohort, Collection<LegalEvent> events,
                                                     OutcomeWindow window) {
        List<Long> days = rearrestDays(cohort, events, window);
        long n = days.size();
        long base = followed(cohort, window).size();
        Optional<Fraction> median = median(days);
        Optional<Fraction> mean = n == 0 ? Optional.empty()
                : Optional.of(Fraction.of(days.stream().mapToLong(Long::longValue).sum(), n));
        Stratum s = Stratum.of("cohort", cohort.name()).and("window", "POST");
        return List.of(
                new MeasureResult(Measure.TIME_TO_REARREST, s.and("statistic", "MEDIAN"), base, n, base, median,
                        Optional.empty()),
                new MeasureResult(Measure.TIME_TO_REARREST, s.and("statistic", "MEAN"), base, n, base, mean,
                        Optional.empty()));
    }

    /**
     * The days from entry to the first arrest in the post window of each followed member re-arrested, in ascending
     * order: the data of {@link #timeToRearrest}, for an evaluator's own survival analysis.
     */
    public static List<Long> rearrestDays(Cohort cohort, Collection<LegalEvent> events, OutcomeWindow window) {
        Map<PersonId, List<LegalEvent>> byPerson = byPerson(events);
        var days = new ArrayList<Long>();
        for (CohortMember m : followed(cohort, window)) {
            LocalDate entry = m.entryDate();
            byPerson.getOrDefault(m.person(), List.of()).stream()
                    .filter(e -> e instanceof LegalEvent.Arrest && window.inPost(entry, e.date()))
                    .map(LegalEvent::date).min(LocalDate::compareTo)
                    .ifPresent(first -> days.add(ChronoUnit.DAYS.between(entry, first)));
        }
        days.sort(Long::compareTo);
        return List.copyOf(days);
    }

    /** Every outcome measure of the cohort: arrests, charges, bookings, jail days, prison, cost and re-arrest. */
    public static List<MeasureResult> all(Cohort cohort, Collection<LegalEvent> events, Collection<LegalCost> costs,
                                          OutcomeWindow window, Currency currency) {
        var out = new ArrayList<MeasureResult>();
        out.addAll(arrestAny(cohort, events, window));
        out.addAll(chargeFiled(cohort, events, window, OffenceLevel.FELONY));
        out.addAll(chargeFiled(cohort, events, window, OffenceLevel.MISDEMEANOR));
        out.addAll(jailBookingsPerYear(cohort, events, window));
        out.addAll(jailDaysPerYear(cohort, events, window));
        out.addAll(prisonAdmissionAny(cohort, events, window));
        out.addAll(legalCostDelta(cohort, costs, window, currency));
        out.addAll(timeToRearrest(cohort, events, window));
        return List.copyOf(out);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The median of values in ascending order: the middle one, or the mean of the two middle ones. */
    static Optional<Fraction> median(List<Long> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(n % 2 == 1 ? Fraction.of(sorted.get(n / 2))
                : Fraction.of(sorted.get(n / 2 - 1) + sorted.get(n / 2), 2));
    }

    static long minorUnits(Money money) {
        return money.amount().movePointRight(Math.max(money.currency().getDefaultFractionDigits(), 0))
                .setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    private static List<MeasureResult> anyEvent(Measure measure, Cohort cohort, Collection<LegalEvent> events,
                                                OutcomeWindow window, Predicate<LegalEvent> kind) {
        Map<PersonId, List<LegalEvent>> byPerson = byPerson(events);
        List<CohortMember> followed = followed(cohort, window);
        long pre = 0;
        long post = 0;
        for (CohortMember m : followed) {
            List<LegalEvent> own = byPerson.getOrDefault(m.person(), List.of());
            pre += own.stream().anyMatch(e -> kind.test(e) && window.inPre(m.entryDate(), e.date())) ? 1 : 0;
            post += own.stream().anyMatch(e -> kind.test(e) && window.inPost(m.entryDate(), e.date())) ? 1 : 0;
        }
        Stratum s = Stratum.of("cohort", cohort.name());
        return List.of(MeasureResult.proportion(measure, s.and("window", "PRE"), pre, followed.size()),
                MeasureResult.proportion(measure, s.and("window", "POST"), post, followed.size()));
    }

    private static List<MeasureResult> perYear(Measure measure, Cohort cohort, OutcomeWindow window,
                                               List<CohortMember> followed, long pre, long post,
                                               Optional<Currency> currency) {
        Stratum s = Stratum.of("cohort", cohort.name());
        return List.of(
                MeasureResult.ratio(measure, s.and("window", "PRE"), followed.size(), pre, preDays(followed, window),
                        DAYS_PER_YEAR, currency),
                MeasureResult.ratio(measure, s.and("window", "POST"), followed.size(), post,
                        postDays(followed, window), DAYS_PER_YEAR, currency));
    }

    private static List<MeasureResult> costRows(Cohort cohort, String component, long members, long pre, long preDays,
                                                long post, long postDays, Currency currency) {
        Stratum s = Stratum.of("cohort", cohort.name()).and("component", component);
        MeasureResult before = MeasureResult.ratio(Measure.LEGAL_COST_DELTA, s.and("window", "PRE"), members, pre,
                preDays, DAYS_PER_YEAR, Optional.of(currency));
        MeasureResult after = MeasureResult.ratio(Measure.LEGAL_COST_DELTA, s.and("window", "POST"), members, post,
                postDays, DAYS_PER_YEAR, Optional.of(currency));
        Optional<Fraction> change = before.value().isPresent() && after.value().isPresent()
                ? Optional.of(after.value().get().minus(before.value().get())) : Optional.empty();
        return List.of(before, after, new MeasureResult(Measure.LEGAL_COST_DELTA, s.and("window", "CHANGE"), members,
                members, members, change, Optional.of(currency)));
    }

    static List<CohortMember> followed(Cohort cohort, OutcomeWindow window) {
        Require.present(cohort, "cohort");
        Require.present(window, "window");
        return cohort.members().stream().filter(m -> window.follows(m.entryDate())).toList();
    }

    private static long preDays(List<CohortMember> members, OutcomeWindow window) {
        return members.stream().mapToLong(m -> window.preDays(m.entryDate())).sum();
    }

    private static long postDays(List<CohortMember> members, OutcomeWindow window) {
        return members.stream().mapToLong(m -> window.postDays(m.entryDate())).sum();
    }

    private static Map<PersonId, List<LegalEvent>> byPerson(Collection<LegalEvent> events) {
        Require.noNulls(events, "events");
        Map<PersonId, List<LegalEvent>> out = new HashMap<>();
        for (LegalEvent e : events) {
            out.computeIfAbsent(e.person(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.evaluation.LegalEvent.Arrest;
import org.leaddiversion.domain.evaluation.LegalEvent.ArrestKind;
import org.leaddiversion.domain.evaluation.LegalEvent.ChargeFiled;
import org.leaddiversion.domain.evaluation.LegalEvent.JailBooking;
import org.leaddiversion.domain.evaluation.LegalEvent.PrisonAdmission;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The outcome measures of SPEC §8.4 on a cohort small enough to count by hand. Six-month windows, legal data complete
 * through 2016-12-31:
 * <ul>
 *   <li>Ana enters on 2016-03-15: pre window 2015-09-15..2016-03-14 (182 days), post 2016-03-16..2016-09-15 (184).
 *       Arrested on 2016-01-10 (pre), on her entry day (the diverted arrest: neither window) and on 2016-05-01 (post,
 *       47 days after entry); in jail 2016-03-10..2016-03-20 (5 days before entry, 5 after); felony case filed
 *       2016-04-01; jail cost $500.00 on 2016-03-12, prosecution $1,000.00 on 2016-04-01.</li>
 *   <li>Ben enters on 2016-06-01: pre 2015-12-01..2016-05-31 (183 days), post 2016-06-02..2016-12-01 (183).
 *       Misdemeanour filed on 2015-12-01 (first day of the pre window); admitted to prison on 2016-10-01; arrested on a
 *       warrant and booked on 2016-11-30 (182 days after entry), still in jail (2 days inside the window); defence
 *       $250.50 on 2016-01-01, prison $3,000.00 on 2016-10-01.</li>
 *   <li>Cy enters on 2016-08-01: his post window ends after the data, so he is not followed and counts nowhere.</li>
 * </ul>
 */
@DisplayName("Outcome measures: arrests, charges, jail, prison, legal cost and time to re-arrest")
class OutcomeMeasuresTest {

    private static final PersonId ANA = new PersonId("ana");
    private static final PersonId BEN = new PersonId("ben");
    private static final PersonId CY = new PersonId("cy");
    private static final Currency USD = Currency.getInstance("USD");
    private static final OutcomeWindow SIX_MONTHS = new OutcomeWindow(Period.ofMonths(6), LocalDate.of(2016, 12, 31));

    private final Cohort cohort = new Cohort("LEAD", List.of(
            new CohortMember(ANA, LocalDate.of(2016, 3, 15), EquityGroup.UNKNOWN),
            new CohortMember(BEN, LocalDate.of(2016, 6, 1), new EquityGroup("BLACK")),
            new CohortMember(CY, LocalDate.of(2016, 8, 1), new EquityGroup("WHITE"))));

    private final List<LegalEvent> events = List.of(
            new Arrest(ANA, LocalDate.of(2016, 1, 10), ArrestKind.NEW_OFFENCE),
            new Arrest(ANA, LocalDate.of(2016, 3, 15), ArrestKind.NEW_OFFENCE),
            new Arrest(ANA, LocalDate.of(2016, 5, 1), ArrestKind.NEW_OFFENCE),
            new JailBooking(ANA, LocalDate.of(2016, 3, 10), Optional.of(LocalDate.of(2016, 3, 20))),
            new ChargeFiled(ANA, LocalDate.of(2016, 4, 1), OffenceLevel.FELONY),
            new ChargeFiled(BEN, LocalDate.of(2015, 12, 1), OffenceLevel.MISDEMEANOR),
            new PrisonAdmission(BEN, LocalDate.of(2016, 10, 1)),
            new Arrest(BEN, LocalDate.of(2016, 11, 30), ArrestKind.WARRANT),
            new JailBooking(BEN, LocalDate.of(2016, 11, 30), Optional.empty()),
            new Arrest(CY, LocalDate.of(2016, 9, 1), ArrestKind.NEW_OFFENCE));

    private final List<LegalCost> costs = List.of(
            new LegalCost(ANA, LocalDate.of(2016, 3, 12), CostComponent.JAIL, Money.of("500.00", "USD")),
            new LegalCost(ANA, LocalDate.of(2016, 4, 1), CostComponent.PROSECUTION, Money.of("1000.00", "USD")),
            new LegalCost(BEN, LocalDate.of(2016, 1, 1), CostComponent.DEFENCE, Money.of("250.50", "USD")),
            new LegalCost(BEN, LocalDate.of(2016, 10, 1), CostComponent.PRISON, Money.of("3000.00", "USD")));

    private static Stratum lead(String window) {
        return Stratum.of("cohort", "LEAD").and("window", window);
    }

    @Test
    void arrests_and_charges_count_people_with_at_least_one_in_the_window_the_entry_day_in_neither() {
        assertEquals(List.of(MeasureResult.proportion(Measure.ARREST_ANY, lead("PRE"), 1, 2),
                        MeasureResult.proportion(Measure.ARREST_ANY, lead("POST"), 2, 2)),
                OutcomeMeasures.arrestAny(cohort, events, SIX_MONTHS));
        assertEquals(List.of(MeasureResult.proportion(Measure.CHARGE_FILED_FELONY, lead("PRE"), 0, 2),
                        MeasureResult.proportion(Measure.CHARGE_FILED_FELONY, lead("POST"), 1, 2)),
                OutcomeMeasures.chargeFiled(cohort, events, SIX_MONTHS, OffenceLevel.FELONY));
        assertEquals(List.of(MeasureResult.proportion(Measure.CHARGE_FILED_MISD, lead("PRE"), 1, 2),
                        MeasureResult.proportion(Measure.CHARGE_FILED_MISD, lead("POST"), 0, 2)),
                OutcomeMeasures.chargeFiled(cohort, events, SIX_MONTHS, OffenceLevel.MISDEMEANOR));
        assertEquals(List.of(MeasureResult.proportion(Measure.PRISON_ADMISSION_ANY, lead("PRE"), 0, 2),
                        MeasureResult.proportion(Measure.PRISON_ADMISSION_ANY, lead("POST"), 1, 2)),
                OutcomeMeasures.prisonAdmissionAny(cohort, events, SIX_MONTHS));
        assertThrows(InvalidValueException.class,
                () -> OutcomeMeasures.chargeFiled(cohort, events, SIX_MONTHS, OffenceLevel.INFRACTION));
    }

    @Test
    void bookings_and_jail_days_are_annualised_over_the_person_days_observed() {
        // pre: 182 + 183 = 365 person-days; post: 184 + 183 = 367
        List<MeasureResult> bookings = OutcomeMeasures.jailBookingsPerYear(cohort, events, SIX_MONTHS);
        assertEquals(new MeasureResult(Measure.JAIL_BOOKINGS_PER_YEAR, lead("PRE"), 2, 1, 365,
                Optional.of(Fraction.of(1)), Optional.empty()), bookings.get(0));
        assertEquals(new MeasureResult(Measure.JAIL_BOOKINGS_PER_YEAR, lead("POST"), 2, 1, 367,
                Optional.of(Fraction.of(365, 367)), Optional.empty()), bookings.get(1));
        // Ana's stay 03-10..03-20 gives 5 days each side of her entry day; Ben's open stay 2 days up to 12-01
        List<MeasureResult> days = OutcomeMeasures.jailDaysPerYear(cohort, events, SIX_MONTHS);
        assertEquals(5, days.get(0).count());
        assertEquals(Optional.of(Fraction.of(5)), days.get(0).value());
        assertEquals(7, days.get(1).count());
        assertEquals(Optional.of(Fraction.of(2555, 367)), days.get(1).value());
    }

    @Test
    void legal_cost_change_is_post_minus_pre_cost_per_person_year_in_cents() {
        List<MeasureResult> rows = OutcomeMeasures.legalCostDelta(cohort, costs, SIX_MONTHS, USD);
        assertEquals(15, rows.size(), "PRE, POST and CHANGE for four components and the total");
        Stratum total = Stratum.of("cohort", "LEAD").and("component", "TOTAL");
        MeasureResult pre = find(rows, total.and("window", "PRE"));
        MeasureResult post = find(rows, total.and("window", "POST"));
        MeasureResult change = find(rows, total.and("window", "CHANGE"));
        // pre: $750.50 over 365 person-days = 75,050 cents a year; post: $4,000 over 367 days
        assertEquals(75_050, pre.count());
        assertEquals(Optional.of(Fraction.of(75_050)), pre.value());
        assertEquals(Optional.of(Fraction.of(146_000_000, 367)), post.value());
        assertEquals(Optional.of(Fraction.of(118_456_650, 367)), change.value());
        assertEquals(Optional.of(USD), change.currency());
        assertEquals(Optional.of(Fraction.of(50_000)),
                find(rows, Stratum.of("cohort", "LEAD").and("component", "JAIL").and("window", "PRE")).value());
        assertThrows(InvalidValueException.class, () -> OutcomeMeasures.legalCostDelta(cohort,
                List.of(new LegalCost(ANA, LocalDate.of(2016, 1, 1), CostComponent.JAIL, Money.of("1", "EUR"))),
                SIX_MONTHS, USD));
    }

    @Test
    void time_to_rearrest_is_the_median_and_mean_days_to_the_first_arrest_after_entry() {
        // Ana 47 days, Ben 182 days: median = mean = 229/2
        assertEquals(List.of(47L, 182L), OutcomeMeasures.rearrestDays(cohort, events, SIX_MONTHS));
        List<MeasureResult> rows = OutcomeMeasures.timeToRearrest(cohort, events, SIX_MONTHS);
        Stratum post = lead("POST");
        assertEquals(new MeasureResult(Measure.TIME_TO_REARREST, post.and("statistic", "MEDIAN"), 2, 2, 2,
                Optional.of(Fraction.of(229, 2)), Optional.empty()), rows.get(0));
        assertEquals(Optional.of(Fraction.of(229, 2)), rows.get(1).value());
    }

    @Test
    void nobody_followed_means_no_value_rather_than_zero() {
        var late = new OutcomeWindow(Period.ofMonths(6), LocalDate.of(2016, 6, 30));
        for (MeasureResult r : OutcomeMeasures.all(cohort, events, costs, late, USD)) {
            assertEquals(0, r.subjects(), r::toString);
            assertEquals(Optional.empty(), r.value(), r::toString);
        }
    }

    @Test
    void the_order_of_members_events_and_costs_does_not_matter() {
        var shuffledEvents = new ArrayList<>(events);
        Collections.reverse(shuffledEvents);
        var shuffledCosts = new ArrayList<>(costs);
        Collections.reverse(shuffledCosts);
        var members = new ArrayList<>(cohort.members());
        Collections.reverse(members);
        assertEquals(OutcomeMeasures.all(cohort, events, costs, SIX_MONTHS, USD),
                OutcomeMeasures.all(new Cohort("LEAD", members), shuffledEvents, shuffledCosts, SIX_MONTHS, USD));
    }

    static MeasureResult find(List<MeasureResult> rows, Stratum stratum) {
        return rows.stream().filter(r -> r.stratum().equals(stratum)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + stratum + " in " + rows));
    }
}

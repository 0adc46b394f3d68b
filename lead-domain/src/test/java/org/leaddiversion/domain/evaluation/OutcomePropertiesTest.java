/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;
import static org.leaddiversion.domain.fixtures.LeadGenerators.pick;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.PersonId;
import org.quicktheories.core.Gen;

/**
 * The outcome measures as properties over generated cohorts, legal events and costs: independent of the order of every
 * input, counts never above their base, only followed members counted, annualised values exactly count × 365 / base,
 * and days to re-arrest inside the post window.
 */
@DisplayName("Outcome measures: properties")
class OutcomePropertiesTest {

    private static final Currency USD = Currency.getInstance("USD");

    /** A cohort, its events and costs, a window, and a permutation seed for reordering. */
    record Case(List<CohortMember> members, List<LegalEvent> events, List<LegalCost> costs, OutcomeWindow window,
                long seed) {
    }

    static Gen<Case> cases() {
        return in -> {
            LocalDate base = LocalDate.of(2014, 1, 1);
            var members = new ArrayList<CohortMember>();
            var events = new ArrayList<LegalEvent>();
            var costs = new ArrayList<LegalCost>();
            int n = between(in, 0, 12);
            for (int i = 0; i < n; i++) {
                PersonId p = new PersonId("m" + i);
                LocalDate entry = base.plusDays(between(in, 0, 700));
                members.add(new CohortMember(p, entry, pick(in, List.of(EquityGroup.UNKNOWN, new EquityGroup("A")))));
                for (int k = between(in, 0, 6); k > 0; k--) {
                    LocalDate d = entry.plusDays(between(in, -250, 250));
                    switch (between(in, 0, 4)) {
                        case 0 -> events.add(new LegalEvent.Arrest(p, d, LegalEvent.ArrestKind.NEW_OFFENCE));
                        case 1 -> events.add(new LegalEvent.ChargeFiled(p, d,
                                chance(in, 50) ? OffenceLevel.FELONY : OffenceLevel.MISDEMEANOR));
                        case 2 -> events.add(new LegalEvent.JailBooking(p, d,
                                chance(in, 20) ? Optional.empty() : Optional.of(d.plusDays(between(in, 0, 40)))));
                        case 3 -> events.add(new LegalEvent.PrisonAdmission(p, d));
                        default -> costs.add(new LegalCost(p, d, pick(in, List.of(CostComponent.values())),
                                Money.of(between(in, 0, 500_000) + ".00", "USD")));
                    }
                }
            }
            var window = new OutcomeWindow(Period.ofMonths(between(in, 1, 12)), base.plusDays(between(in, 200, 1200)));
            return new Case(members, events, costs, window, between(in, 0, Integer.MAX_VALUE - 1));
        };
    }

    @Test
    void the_order_of_members_events_and_costs_never_matters() {
        qt().withExamples(400).forAll(cases()).checkAssert(c -> {
            var rnd = new java.util.SplittableRandom(c.seed());
            assertEquals(OutcomeMeasures.all(new Cohort("LEAD", c.members()), c.events(), c.costs(), c.window(), USD),
                    OutcomeMeasures.all(new Cohort("LEAD", shuffled(c.members(), rnd)), shuffled(c.events(), rnd),
                            shuffled(c.costs(), rnd), c.window(), USD));
        });
    }

    @Test
    void counts_stay_within_their_base_and_only_followed_members_count() {
        qt().withExamples(400).forAll(cases()).checkAssert(c -> {
            Cohort cohort = new Cohort("LEAD", c.members());
            long followed = c.members().stream().filter(m -> c.window().follows(m.entryDate())).count();
            for (MeasureResult r : OutcomeMeasures.all(cohort, c.events(), c.costs(), c.window(), USD)) {
                assertEquals(followed, r.subjects(), r::toString);
                if (r.measure().countsSubjects()) {
                    assertTrue(r.count() <= r.base() && r.base() == followed, r::toString);
                }
                if (r.measure() == Measure.JAIL_BOOKINGS_PER_YEAR || r.measure() == Measure.JAIL_DAYS_PER_YEAR) {
                    assertEquals(r.base() == 0 ? Optional.empty()
                            : Optional.of(Fraction.of(r.count() * 365, r.base())), r.value());
                }
            }
            long maxDays = c.members().stream().mapToLong(m -> c.window().postDays(m.entryDate())).max().orElse(0);
            for (long d : OutcomeMeasures.rearrestDays(cohort, c.events(), c.window())) {
                assertTrue(d >= 1 && d <= maxDays, () -> d + " days");
            }
        });
    }

    private static <T> List<T> shuffled(List<T> list, java.util.SplittableRandom rnd) {
        var copy = new ArrayList<>(list);
        for (int i = copy.size() - 1; i > 0; i--) {
            java.util.Collections.swap(copy, i, rnd.nextInt(i + 1));
        }
        return copy;
    }
}

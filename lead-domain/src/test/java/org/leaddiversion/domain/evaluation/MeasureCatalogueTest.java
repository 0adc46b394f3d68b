/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.PersonId;

/** The measure catalogue names every measure of SPEC §8.4 and §8.5 and defines each in words; the values validate. */
@DisplayName("Measure catalogue and evaluation values")
class MeasureCatalogueTest {

    @Test
    void every_measure_of_the_spec_is_in_the_catalogue_with_a_definition() {
        Set<String> ids = Arrays.stream(Measure.values()).map(Measure::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("ARREST_ANY", "CHARGE_FILED_FELONY", "CHARGE_FILED_MISD",
                "JAIL_BOOKINGS_PER_YEAR", "JAIL_DAYS_PER_YEAR", "PRISON_ADMISSION_ANY", "LEGAL_COST_DELTA",
                "PROGRAM_COST_PER_PARTICIPANT_MONTH", "SHELTERED_MONTH", "PERMANENT_HOUSING_MONTH",
                "EMPLOYMENT_CONTINUUM_MONTH", "INCOME_BENEFITS_MONTH", "CM_CONTACTS", "TIME_TO_REARREST",
                "REFERRALS_BY_DOOR", "REFERRALS_ELIGIBLE", "REFERRALS_DECLINED", "HANDOFF_MINUTES",
                "HANDOFF_WITHIN_TARGET", "INTAKE_ON_TIME", "INTAKE_LAPSED", "CASELOAD_PER_CASE_MANAGER",
                "ACTIVE_SHARE", "REFERRAL_RRI", "DIVERSION_SHARE", "STAGE_CONVERSION", "EXCLUSION_REASONS",
                "POST_ENROLLMENT_DECISIONS")));
        for (Measure m : Measure.values()) {
            assertTrue(m.definition().length() > 40, m::id);
            assertEquals(m.unit() == Measure.Unit.PROPORTION, m.countsSubjects());
        }
        assertEquals(Optional.of("door"), Measure.REFERRALS_BY_DOOR.partition());
        assertEquals(Optional.empty(), Measure.ARREST_ANY.partition());
    }

    @Test
    void unknown_is_one_group_never_imputed() {
        assertEquals(EquityGroup.UNKNOWN, EquityGroup.ofRace(Demographics.unknown()));
        assertEquals(EquityGroup.UNKNOWN, EquityGroup.of(Optional.of("  ")));
        assertEquals(EquityGroup.UNKNOWN, EquityGroup.of(Optional.of("unknown")));
        assertEquals(EquityGroup.UNKNOWN, new EquityGroup("Unknown"));
        assertEquals("BLACK", EquityGroup.of(Optional.of(" BLACK ")).code());
        assertFalse(new EquityGroup("Black").isUnknown());
    }

    @Test
    void values_name_the_field_they_reject() {
        var e = assertThrows(InvalidValueException.class, () -> new LegalEvent.JailBooking(new PersonId("p"),
                LocalDate.of(2016, 3, 2), Optional.of(LocalDate.of(2016, 3, 1))));
        assertEquals("jailBooking.releasedOn", e.field());
        assertEquals("legalCost.amount", assertThrows(InvalidValueException.class, () -> new LegalCost(
                new PersonId("p"), LocalDate.of(2016, 1, 1), CostComponent.JAIL,
                org.leaddiversion.domain.common.Money.of("-1.00", "USD"))).field());
        assertEquals("cohort.members", assertThrows(InvalidValueException.class, () -> new Cohort("LEAD", List.of(
                new CohortMember(new PersonId("p"), LocalDate.of(2016, 1, 1), EquityGroup.UNKNOWN),
                new CohortMember(new PersonId("p"), LocalDate.of(2016, 2, 1), EquityGroup.UNKNOWN)))).field());
        assertEquals("window.length", assertThrows(InvalidValueException.class,
                () -> new OutcomeWindow(Period.ZERO, LocalDate.of(2016, 1, 1))).field());
        assertEquals("period.end", assertThrows(InvalidValueException.class, () -> new ReportingPeriod(
                LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 1), ZoneId.of("UTC"))).field());
        assertEquals("measureResult.count", assertThrows(InvalidValueException.class,
                () -> MeasureResult.proportion(Measure.ARREST_ANY, Stratum.ALL, 3, 2)).field());
    }

    @Test
    void periods_and_strata() {
        ReportingPeriod q4 = ReportingPeriod.quarter(2016, 4, ZoneId.of("America/Denver"));
        assertEquals(List.of(YearMonth.of(2016, 10), YearMonth.of(2016, 11), YearMonth.of(2016, 12)), q4.months());
        assertEquals(LocalDate.of(2016, 12, 31), q4.lastDay());
        // 23:30 on 31 December in Denver is 06:30 UTC on 1 January: still the fourth quarter
        assertTrue(q4.contains(java.time.Instant.parse("2017-01-01T06:30:00Z")));
        assertEquals(q4, ReportingPeriod.months(YearMonth.of(2016, 10), YearMonth.of(2016, 12),
                ZoneId.of("America/Denver")));
        assertEquals(Stratum.of("window", "POST").and("cohort", "LEAD"),
                new Stratum(Map.of("cohort", "LEAD", "window", "POST")));
        assertEquals("cohort=LEAD, window=POST", Stratum.of("window", "POST").and("cohort", "LEAD").toString());
        assertEquals("all", Stratum.ALL.toString());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.evaluation.EmploymentStatus;
import org.leaddiversion.domain.evaluation.HousingStatus;
import org.leaddiversion.domain.evaluation.IncomeSource;
import org.leaddiversion.domain.evaluation.MonthlyStatus;
import org.leaddiversion.domain.evaluation.ProgrammeCost;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.SitePolicyFile;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.execution.ErrorType;

/**
 * The programme and status reports over HTTP, each sent as a saved document ({@code graphql-test/statusReport},
 * {@code programmeCost}, {@code caseManagement}). Seattle runs under its reference profile plus a version with a
 * minimum cell size of 5. Twelve people are diverted on 12 January 2026 and taken in on 26 January
 * ({@link CareStories}); case manager cm-1 takes eight of them, cm-2 three, and the twelfth withdraws on 10 March.
 * Their monthly statuses: in December 2025 (the baseline) six sheltered, two in training, seven with benefits; in
 * February and March ten recorded, eight of them sheltered both months, five in permanent housing in March, two in
 * training and seven with benefits. In February and March the case managers meet eleven of them in the field and
 * phone six (three collateral calls and four January office visits do not count); six receive $60 of flexible funds
 * in February. The programme spent $8,990, $10,000 and $13,374 in the first quarter. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {TestApplication.class, ProgrammeMeasuresScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProgrammeMeasuresScenarios extends ApiClients {

    private static final String SEATTLE = "seattle-king-county";

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(seattle("2026-01-05T10:00"));
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    LeadDatabase db;
    @Autowired
    Clock clock;

    @BeforeAll
    void seattle_takes_in_twelve_people_and_follows_them() {
        var time = (MutableClock) clock;
        programme.policies().put(SitePolicyFile.parse("seattle.policy", SiteScenarios.profile(SEATTLE) + """

                [version 3]
                effectiveFrom = 2025-09-01
                decision = PCG minute 2025-08-14: equity report settings
                equity.minCellSize = 5
                """));
        String[] names = new String[12];
        for (int i = 0; i < names.length; i++) {
            names[i] = "p-" + i;
        }
        List<CareStories.Enrolled> people = List.copyOf(CareStories.enrolled(programme, time, names).values());
        Actor cm1 = Fixtures.CASE_MANAGER;
        Actor cm2 = Actor.of("cm-2", Role.CASE_MANAGER);
        for (int i = 0; i < 11; i++) {
            Actor cm = i < 8 ? cm1 : cm2;
            expect(programme.caseManagement().assignCaseManager(people.get(i).enrollmentId(),
                    CaseManagerId.of(cm.id()), cm), "assignment");
        }
        time.set(seattle("2026-03-10T15:00"));
        expect(programme.desk().withdrawFromEnrollment(people.get(11).enrollmentId(), cm1), "withdrawal");
        time.set(seattle("2026-03-31T12:00"));
        var desk = programme.desk();
        for (int i = 0; i < 11; i++) {
            Actor cm = i < 8 ? cm1 : cm2;
            var id = people.get(i).enrollmentId();
            expect(desk.recordContact(id, cm, ContactType.IN_PERSON_FIELD, seattle("2026-02-10T11:00")), "field");
            if (i < 6) {
                expect(desk.recordContact(id, cm, ContactType.PHONE, seattle("2026-03-05T09:30")), "phone");
                expect(programme.caseManagement().spend(id, cm, seattle("2026-02-15T12:00"), Money.parse("60.00 USD"),
                        PlanDomain.BASIC_NEEDS, "Corner grocer", "food for the week", Optional.empty(),
                        Optional.empty()), "flexible funds");
            }
            if (i < 3) {
                expect(desk.recordContact(id, cm, ContactType.COLLATERAL, seattle("2026-02-11T14:00")), "collateral");
            }
            if (i < 4) {
                expect(desk.recordContact(id, cm, ContactType.OFFICE, seattle("2026-01-28T10:00")), "office");
            }
        }
        var statuses = new ArrayList<MonthlyStatus>();
        for (int i = 0; i < 12; i++) {
            statuses.add(status(people.get(i), YearMonth.of(2025, 12), i < 6 ? HousingStatus.EMERGENCY_SHELTER
                    : HousingStatus.UNSHELTERED, i < 2, i < 7, MonthlyStatus.Source.INTAKE_SELF_REPORT));
            if (i < 10) {
                statuses.add(status(people.get(i), YearMonth.of(2026, 2), i < 8 ? HousingStatus.TEMPORARY
                        : HousingStatus.UNSHELTERED, i < 2, i < 7, MonthlyStatus.Source.CASE_MANAGER_RECORD));
                statuses.add(status(people.get(i), YearMonth.of(2026, 3), i < 5 ? HousingStatus.PERMANENT
                        : i < 8 ? HousingStatus.TEMPORARY : HousingStatus.UNSHELTERED, i < 2, i < 7,
                        MonthlyStatus.Source.CASE_MANAGER_RECORD));
            }
        }
        db.evaluationData().recordMonthlyStatuses(statuses);
        db.evaluationData().recordProgrammeCosts(List.of(
                new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2026, 1), Money.parse("8990.00 USD")),
                new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2026, 2), Money.parse("10000.00 USD")),
                new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2026, 3), Money.parse("13374.00 USD"))));
        time.set(seattle("2026-04-02T09:00"));
    }

    private static MonthlyStatus status(CareStories.Enrolled who, YearMonth month, HousingStatus housing,
                                        boolean training, boolean benefits, MonthlyStatus.Source source) {
        return new MonthlyStatus(who.personId(), month, housing, training ? EmploymentStatus.TRAINING
                : EmploymentStatus.NONE, benefits ? EnumSet.of(IncomeSource.FOOD_BENEFITS) : Set.of(), source);
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String measure, String dimension,
                                           String value) {
        return rows.stream().filter(r -> r.get("measure").equals(measure)
                && (dimension == null ? ((List<?>) r.get("stratum")).isEmpty()
                : ((List<?>) r.get("stratum")).contains(Map.of("dimension", dimension, "value", value))))
                .findFirst().orElseThrow(() -> new AssertionError(measure + " " + value + " not in " + rows));
    }

    private static double value(Map<String, Object> row) {
        return ((Number) row.get("value")).doubleValue();
    }

    /**
     * Every published count of people in the rows: never a number from 1 to the minimum cell size minus one. The
     * subjects and counts are people (or person-months, contacts, cents), and so is the base of a share; the base of a
     * caseload row counts case managers and that of a money row participant-months, which are not small cells.
     */
    private static void noSmallCountOfPeople(List<Map<String, Object>> rows, int min) {
        for (Map<String, Object> row : rows) {
            List<String> counts = "PROPORTION".equals(row.get("unit")) ? List.of("subjects", "count", "base")
                    : List.of("subjects", "count");
            for (String key : counts) {
                if (row.get(key) instanceof Map<?, ?> cell && cell.get("value") instanceof Number v) {
                    assertFalse(v.longValue() >= 1 && v.longValue() < min, () -> "small " + key + " published: "
                            + row);
                    assertEquals(Boolean.FALSE, cell.get("suppressed"));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(ClientGraphQlResponse response, String field) {
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        List<Map<String, Object>> rows = response.field(field).toEntity(List.class);
        noSmallCountOfPeople(rows, 5);
        return rows;
    }

    @Test
    void the_status_report_compares_the_baseline_month_with_the_follow_up_months() {
        List<Map<String, Object>> rows = rows(pcg().documentName("statusReport").variable("site", SEATTLE)
                .variable("from", "2026-01-01").variable("to", "2026-01-31").variable("followUpMonths", 3)
                .executeSync(), "statusReport");
        assertEquals(List.of("SHELTERED_MONTH", "SHELTERED_MONTH", "PERMANENT_HOUSING_MONTH",
                "PERMANENT_HOUSING_MONTH", "EMPLOYMENT_CONTINUUM_MONTH", "EMPLOYMENT_CONTINUUM_MONTH",
                "INCOME_BENEFITS_MONTH", "INCOME_BENEFITS_MONTH"), rows.stream().map(r -> r.get("measure")).toList(),
                "the rows of StatusMeasures.monthlyStatus, in its order");
        assertEquals(List.of(Map.of("dimension", "cohort", "value", "LEAD"),
                Map.of("dimension", "period", "value", "BASELINE")), rows.get(0).get("stratum"));

        Map<String, Object> shelteredBefore = row(rows, "SHELTERED_MONTH", "period", "BASELINE");
        assertEquals(shown(6), shelteredBefore.get("count"));
        assertEquals(shown(12), shelteredBefore.get("base"));
        assertEquals(0.5, value(shelteredBefore), 1e-9);
        Map<String, Object> shelteredAfter = row(rows, "SHELTERED_MONTH", "period", "FOLLOW_UP");
        assertEquals(shown(10), shelteredAfter.get("subjects"), "members with a follow-up month");
        assertEquals(withheld(), shelteredAfter.get("count"), "16 of 20 person-months would give the 4 back");
        assertEquals(shown(20), shelteredAfter.get("base"));
        assertNull(shelteredAfter.get("value"));

        Map<String, Object> permanent = row(rows, "PERMANENT_HOUSING_MONTH", "period", "FOLLOW_UP");
        assertEquals(shown(5), permanent.get("count"));
        assertEquals(0.25, value(permanent), 1e-9);
        assertEquals(shown(0), row(rows, "PERMANENT_HOUSING_MONTH", "period", "BASELINE").get("count"));
        assertEquals(withheld(), row(rows, "EMPLOYMENT_CONTINUUM_MONTH", "period", "BASELINE").get("count"),
                "two in training");
        Map<String, Object> income = row(rows, "INCOME_BENEFITS_MONTH", "period", "FOLLOW_UP");
        assertEquals(shown(14), income.get("count"));
        assertEquals(0.7, value(income), 1e-9);

        List<Map<String, Object>> nobody = rows(pcg().documentName("statusReport").variable("site", SEATTLE)
                .variable("from", "2026-02-01").variable("to", "2026-02-28").variable("followUpMonths", 18)
                .executeSync(), "statusReport");
        assertEquals(shown(0), nobody.get(0).get("base"), "nobody entered in February");
        assertNull(nobody.get(0).get("value"));
    }

    @Test
    void the_programme_cost_is_spread_over_the_participant_months() {
        List<Map<String, Object>> rows = rows(pcg().documentName("programmeCost").variable("site", SEATTLE)
                .variable("from", "2026-01-01").variable("to", "2026-03-31").variable("currency", "USD")
                .executeSync(), "programmeCost");
        assertEquals(2, rows.size());
        Map<String, Object> cost = rows.get(0);
        assertEquals("PROGRAM_COST_PER_PARTICIPANT_MONTH", cost.get("measure"));
        assertEquals("MONEY_PER_PARTICIPANT_MONTH", cost.get("unit"));
        assertEquals(shown(12), cost.get("subjects"));
        assertEquals(shown(3_236_400), cost.get("count"), "$32,364.00 in cents");
        assertEquals(shown(36), cost.get("base"), "twelve enrollments in each of the three months");
        assertEquals(89_900.0, value(cost), 1e-9, "$899 a participant-month");
        assertEquals("USD", cost.get("currency"));
        Map<String, Object> flex = rows.get(1);
        assertEquals("FLEX_SPEND_PER_PARTICIPANT_MONTH", flex.get("measure"));
        assertEquals(shown(36_000), flex.get("count"));
        assertEquals(1_000.0, value(flex), 1e-9, "$10 a participant-month");
    }

    @Test
    void case_management_counts_contacts_per_open_enrollment_and_snapshots_the_caseloads() {
        List<Map<String, Object>> rows = rows(pcg().documentName("caseManagement").variable("site", SEATTLE)
                .variable("from", "2026-02-01").variable("to", "2026-03-31").executeSync(), "caseManagement");
        assertEquals(List.of("CM_CONTACTS", "CM_CONTACTS", "CM_CONTACTS", "CM_CONTACTS", "CM_CONTACTS",
                "CM_CONTACTS", "CASELOAD_PER_CASE_MANAGER", "CASELOAD_PER_CASE_MANAGER", "CASELOAD_PER_CASE_MANAGER",
                "ACTIVE_SHARE"), rows.stream().map(r -> r.get("measure")).toList());
        Map<String, Object> contacts = row(rows, "CM_CONTACTS", null, null);
        assertEquals(shown(17), contacts.get("count"), "11 field visits, 6 calls; collateral ones do not count");
        assertEquals(shown(12), contacts.get("base"), "the withdrawn enrollment was open during the period");
        assertEquals(17.0 / 12, value(contacts), 1e-6);
        assertEquals(shown(6), row(rows, "CM_CONTACTS", "contactType", "PHONE").get("count"));
        assertEquals(shown(0), row(rows, "CM_CONTACTS", "contactType", "OFFICE").get("count"),
                "the January office visits are before the period");

        Map<String, Object> cm1 = row(rows, "CASELOAD_PER_CASE_MANAGER", "caseManager", "cm-1");
        assertEquals(withheld(), cm1.get("count"), "8 is not small, but with the total of 11 it would give cm-2's 3");
        assertNull(cm1.get("value"));
        Map<String, Object> cm2 = row(rows, "CASELOAD_PER_CASE_MANAGER", "caseManager", "cm-2");
        assertEquals(withheld(), cm2.get("subjects"), "three participants: below 5");
        assertNull(cm2.get("value"));
        Map<String, Object> mean = row(rows, "CASELOAD_PER_CASE_MANAGER", "statistic", "MEAN");
        assertEquals(shown(11), mean.get("count"));
        assertEquals(5.5, value(mean), 1e-9);
        Map<String, Object> active = row(rows, "ACTIVE_SHARE", null, null);
        assertEquals(shown(11), active.get("base"), "open enrollments now");
        assertEquals(1.0, value(active), 1e-9);
    }

    @Test
    void a_role_without_aggregate_access_gets_null_and_a_typed_forbidden() {
        for (String document : List.of("statusReport", "programmeCost", "caseManagement")) {
            ClientGraphQlResponse response = as("court-1", Role.COURT, Purpose.COURT_PROGRESS,
                    RecipientCircumstances.none()).documentName(document).variable("site", SEATTLE)
                    .variable("from", "2026-01-01").variable("to", "2026-03-31").variable("followUpMonths", 3)
                    .variable("currency", "USD").executeSync();
            ResponseError error = only(response);
            assertEquals(ErrorType.FORBIDDEN, error.getErrorType(), document);
            assertEquals("NOT_AUTHORISED", error.getExtensions().get("code"));
            assertEquals("R36", error.getExtensions().get("rule"));
            assertNull(response.getData() == null ? null : ((Map<?, ?>) response.getData()).values().iterator().next());
            assertEquals(ErrorType.FORBIDDEN, only(anonymous().documentName(document).variable("site", SEATTLE)
                    .variable("from", "2026-01-01").variable("to", "2026-03-31").variable("followUpMonths", 3)
                    .variable("currency", "USD").executeSync()).getErrorType(), document);
        }
        ResponseError enforcement = only(as("officer-9", "OFFICER", "ENFORCEMENT", false)
                .documentName("caseManagement").variable("site", SEATTLE).variable("from", "2026-01-01")
                .variable("to", "2026-03-31").executeSync());
        assertEquals("R35", enforcement.getExtensions().get("rule"));
    }

    @Test
    void bad_inputs_are_refused_naming_the_argument() {
        Map<String, Object> quarter = Map.of("site", SEATTLE, "from", "2026-01-01", "to", "2026-03-31",
                "followUpMonths", 3, "currency", "USD");
        assertBad("statusReport", quarter, Map.of("followUpMonths", 0), "followUpMonths");
        assertBad("statusReport", quarter, Map.of("followUpMonths", 121), "followUpMonths");
        assertBad("statusReport", quarter, Map.of("site", "nowhere"), "site");
        assertBad("caseManagement", quarter, Map.of("to", "2025-12-31"), "to");
        assertBad("caseManagement", quarter, Map.of("site", " "), "site");
        assertBad("programmeCost", quarter, Map.of("from", "2026-01-02"), "from");
        assertBad("programmeCost", quarter, Map.of("to", "2026-03-30"), "to");
        assertBad("programmeCost", quarter, Map.of("currency", "XYZ"), "currency");
        assertBad("programmeCost", quarter, Map.of("currency", "EUR"), "amount");
    }

    private void assertBad(String document, Map<String, Object> valid, Map<String, Object> change, String field) {
        var variables = new HashMap<>(valid);
        variables.putAll(change);
        ResponseError error = only(pcg().documentName(document).variables(variables).executeSync());
        assertEquals(ErrorType.BAD_REQUEST, error.getErrorType(), error::getMessage);
        assertEquals(field, error.getExtensions().get("field"), error::getMessage);
    }
}

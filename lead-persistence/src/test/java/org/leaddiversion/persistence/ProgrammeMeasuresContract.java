/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;
import static org.leaddiversion.domain.fixtures.LeadGenerators.pick;
import static org.leaddiversion.persistence.jooq.Tables.CASELOAD_ASSIGNMENT;
import static org.leaddiversion.persistence.jooq.Tables.CONTACT;
import static org.leaddiversion.persistence.jooq.Tables.DIVERTED_CASE;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT_PRIOR;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT_REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.FLEX_EXPENDITURE;
import static org.leaddiversion.persistence.jooq.Tables.FLEX_FUND;
import static org.leaddiversion.persistence.jooq.Tables.MONTHLY_STATUS;
import static org.leaddiversion.persistence.jooq.Tables.PROGRAMME_COST;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SCREENING_REASON;
import static org.leaddiversion.persistence.jooq.Tables.SITE_CASELOADS;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.CohortMember;
import org.leaddiversion.domain.evaluation.CostMeasures;
import org.leaddiversion.domain.evaluation.EmploymentStatus;
import org.leaddiversion.domain.evaluation.EvaluationFixtures;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.HousingStatus;
import org.leaddiversion.domain.evaluation.IncomeSource;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.MonthlyStatus;
import org.leaddiversion.domain.evaluation.ProcessMeasures;
import org.leaddiversion.domain.evaluation.ProgrammeCost;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.evaluation.StatusMeasures;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexExpenditureId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.quicktheories.core.Gen;

/**
 * The programme and status measures computed in SQL ({@link EvaluationReports#monthlyStatus},
 * {@link EvaluationReports#participantMonths}, the cost per participant-month, {@link EvaluationReports#contacts},
 * {@link EvaluationReports#caseloads}, {@link EvaluationReports#activeShare}) equal the domain's
 * {@link StatusMeasures}, {@link CostMeasures} and {@link ProcessMeasures} over the same data saved through the
 * library's own write paths — on a hand-computed example and on generated data sets — and refuse what the domain
 * refuses with the same field. Written once, run on H2 and PostgreSQL.
 */
abstract class ProgrammeMeasuresContract {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ZoneId SEATTLE_ZONE = ZoneId.of("America/Los_Angeles");
    private static final SiteId SANTA_FE = EvaluationFixtures.SANTA_FE;
    private static final List<ZoneId> ZONES = List.of(SEATTLE_ZONE, SEATTLE_ZONE, SEATTLE_ZONE, ZoneId.of("UTC"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Auckland"));
    private static final List<String> CASE_MANAGERS = List.of("cm-1", "cm-10", "cm-2", "CM-3", "cm-b");
    /** Fresh ids across examples: the event log keeps what earlier examples appended. */
    private static final AtomicLong FRESH = new AtomicLong();

    private LeadDatabase db;

    abstract LeadDatabase open();

    @BeforeEach
    void open_database() {
        db = open();
    }

    @AfterEach
    void close_database() {
        db.close();
    }

    /** Everything the measures read, as the domain holds it, with the scope and follow-up of the report. */
    record ProgrammeData(ReportScope scope, int followUpMonths, List<Referral> referrals, List<MonthlyStatus> statuses,
                         List<Enrollment> enrollments, List<ContactRecorded> contacts, List<FlexFund> funds,
                         List<ProgrammeCost> costs, Map<SiteId, Caseloads> caseloads) {
    }

    // ---- a hand-computed example -----------------------------------------------------------------------------

    private static Instant seattle(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SEATTLE_ZONE).toInstant();
    }

    /**
     * January and February 2024 in Seattle. Enrollments: A (started 10 January, ACTIVE), B (started 1 December,
     * closed 31 January 23:30), C (started 29 February 23:59, INACTIVE), D (closed 31 December 23:59, before the
     * period), E (at Santa Fe). Participants: Ana (taken in 31 January 23:30, entry month January) and Ben (10
     * February); Cy's intake referral is made on 1 March 00:15, after the period; Dee first entered in December.
     */
    private ProgrammeData example() {
        ReportScope scope = new ReportScope(Fixtures.SEATTLE, ReportingPeriod.months(YearMonth.of(2024, 1),
                YearMonth.of(2024, 2), SEATTLE_ZONE));
        SitePolicy policy = Fixtures.seattle().latest();
        var referrals = new ArrayList<Referral>();
        Object[][] made = {{"ana", "2024-01-31T23:30", true}, {"ben", "2023-12-20T10:00", false},
            {"ben", "2024-02-10T09:00", true}, {"cy", "2024-03-01T00:15", true}, {"dee", "2023-12-15T12:00", true},
            {"dee", "2024-01-20T12:00", true}};
        for (int i = 0; i < made.length; i++) {
            Instant at = seattle((String) made[i][1]);
            Referral r = EvaluationFixtures.submitted(policy, Fixtures.anArrestDiversion((String) made[i][0]).build(),
                    at, 9_000 + i);
            referrals.add((Boolean) made[i][2] ? takenIn(r, at.plus(Duration.ofHours(3))) : r);
        }
        var statuses = List.of(
                status("ana", "2023-12", HousingStatus.UNSHELTERED, EmploymentStatus.NONE),
                status("ana", "2024-01", HousingStatus.PERMANENT, EmploymentStatus.NONE),
                status("ana", "2024-02", HousingStatus.EMERGENCY_SHELTER, EmploymentStatus.TRAINING,
                        IncomeSource.FOOD_BENEFITS),
                status("ana", "2024-03", HousingStatus.PERMANENT, EmploymentStatus.NONE),
                status("ana", "2024-05", HousingStatus.PERMANENT, EmploymentStatus.NONE),
                status("ben", "2024-01", HousingStatus.TEMPORARY, EmploymentStatus.RETIRED, IncomeSource.PENSION),
                status("ben", "2024-04", HousingStatus.PERMANENT, EmploymentStatus.EMPLOYED_FULL_TIME,
                        IncomeSource.EMPLOYMENT),
                status("ben", "2024-05", HousingStatus.UNSHELTERED, EmploymentStatus.NONE),
                status("cy", "2024-02", HousingStatus.PERMANENT, EmploymentStatus.RETIRED, IncomeSource.PENSION));

        Enrollment a = enrollment("a", Fixtures.SEATTLE, seattle("2024-01-10T09:00"), EnrollmentStatus.ACTIVE, null);
        Enrollment b = enrollment("b", Fixtures.SEATTLE, seattle("2023-12-01T09:00"), EnrollmentStatus.CLOSED,
                seattle("2024-01-31T23:30"));
        Enrollment c = enrollment("c", Fixtures.SEATTLE, seattle("2024-02-29T23:59"), EnrollmentStatus.INACTIVE,
                null);
        Enrollment d = enrollment("d", Fixtures.SEATTLE, seattle("2023-11-01T09:00"), EnrollmentStatus.CLOSED,
                seattle("2023-12-31T23:59"));
        Enrollment e = enrollment("e", SANTA_FE, seattle("2024-01-02T09:00"), EnrollmentStatus.ACTIVE, null);
        var contacts = List.of(contact(a, ContactType.IN_PERSON_FIELD, seattle("2024-01-12T10:00")),
                contact(a, ContactType.PHONE, seattle("2024-02-02T10:00")),
                contact(a, ContactType.COLLATERAL, seattle("2024-02-03T10:00")),
                contact(a, ContactType.OFFICE, seattle("2024-03-01T00:10")),
                contact(b, ContactType.TEXT, seattle("2024-01-31T23:00")),
                contact(c, ContactType.PHONE, seattle("2024-02-29T23:59:30")),
                contact(e, ContactType.PHONE, seattle("2024-01-20T10:00")));
        var funds = List.of(
                fund(a, expenditure(a, seattle("2024-01-15T10:00"), "100.00 USD"),
                        expenditure(a, seattle("2024-03-01T00:30"), "50.00 USD")),
                fund(b, expenditure(b, seattle("2024-01-31T12:00"), "20.50 USD")),
                fund(e, expenditure(e, seattle("2024-01-21T12:00"), "999.00 USD")));
        var costs = List.of(new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2023, 12), Money.parse("1000.00 USD")),
                new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2024, 1), Money.parse("899.00 USD")),
                new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2024, 2), Money.parse("1200.00 USD")),
                new ProgrammeCost(SANTA_FE, YearMonth.of(2024, 1), Money.parse("50000.00 USD")));
        var caseloads = Map.of(Fixtures.SEATTLE, Caseloads.restore(1, Map.of(a.id(), new CaseManagerId("cm-2"),
                b.id(), new CaseManagerId("cm-10"), c.id(), new CaseManagerId("cm-2"))),
                SANTA_FE, Caseloads.restore(1, Map.of(e.id(), new CaseManagerId("cm-1"))));
        return new ProgrammeData(scope, 3, referrals, statuses, List.of(a, b, c, d, e), contacts, funds, costs,
                caseloads);
    }

    @Test
    void the_example_is_counted_in_sql_as_by_hand_and_as_the_domain_counts_it() {
        ProgrammeData data = example();
        store(data);
        EvaluationReports reports = db.evaluationReports();
        ReportScope scope = data.scope();
        Stratum base = Stratum.of("cohort", "LEAD").and("period", "BASELINE");
        Stratum follow = Stratum.of("cohort", "LEAD").and("period", "FOLLOW_UP");

        // baseline: Ana in December, Ben in January; follow-up (three months after the entry month): Ana February and
        // March (April missing, May too late), Ben April and May (March missing)
        List<MeasureResult> status = reports.monthlyStatus(scope, 3);
        assertEquals(List.of(
                MeasureResult.proportion(Measure.SHELTERED_MONTH, base, 1, 2),
                personMonths(Measure.SHELTERED_MONTH, follow, 3, 4),
                MeasureResult.proportion(Measure.PERMANENT_HOUSING_MONTH, base, 0, 2),
                personMonths(Measure.PERMANENT_HOUSING_MONTH, follow, 2, 4),
                MeasureResult.proportion(Measure.EMPLOYMENT_CONTINUUM_MONTH, base, 1, 2),
                personMonths(Measure.EMPLOYMENT_CONTINUUM_MONTH, follow, 2, 4),
                MeasureResult.proportion(Measure.INCOME_BENEFITS_MONTH, base, 1, 2),
                personMonths(Measure.INCOME_BENEFITS_MONTH, follow, 2, 4)), status);
        assertEquals(StatusMeasures.monthlyStatus(Cohort.participants(data.referrals(), scope), data.statuses(), 3),
                status);

        // participant-months: A January and February, B January, C February (started on its last day), D none
        assertEquals(4, reports.participantMonths(scope));
        // programme spend of January and February: 899.00 + 1,200.00 = 209,900 cents over 4 participant-months
        MeasureResult cost = reports.programmeCostPerParticipantMonth(scope, USD);
        assertEquals(MeasureResult.ratio(Measure.PROGRAM_COST_PER_PARTICIPANT_MONTH, Stratum.ALL, 3, 209_900, 4, 1,
                Optional.of(USD)), cost);
        assertEquals(Optional.of(Fraction.of(52_475)), cost.value());
        // flexible funds spent in the period: 100.00 (A) + 20.50 (B) = 12,050 cents; A's March spend and E's are out
        MeasureResult flex = reports.flexSpendPerParticipantMonth(scope, USD);
        assertEquals(Optional.of(Fraction.of(6_025, 2)), flex.value());
        assertEquals(12_050, flex.count());
        assertEquals(CostMeasures.programmeCostPerParticipantMonth(data.costs(), data.enrollments(), scope, USD), cost);
        assertEquals(CostMeasures.flexSpendPerParticipantMonth(data.funds(), data.enrollments(), scope, USD), flex);

        // contacts: A, B and C open during the period; 4 participant contacts in it (A's collateral one and its
        // March one left out, E is at another site)
        List<MeasureResult> contacts = reports.contacts(scope);
        assertEquals(MeasureResult.ratio(Measure.CM_CONTACTS, Stratum.ALL, 3, 4, 3, 1, Optional.empty()),
                contacts.get(0));
        assertEquals(List.of(1L, 0L, 2L, 1L, 0L), contacts.subList(1, 6).stream().map(MeasureResult::count)
                .toList(), "IN_PERSON_FIELD, OFFICE, PHONE, TEXT, ACCOMPANIMENT");
        assertEquals(ProcessMeasures.contacts(data.enrollments(), data.contacts(), scope), contacts);

        // the snapshot: cm-10 holds B, cm-2 holds A and C (id order, not the database's collation); A of A and C active
        assertEquals(List.of(
                new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("caseManager", "cm-10"), 1, 1, 1,
                        Optional.of(Fraction.of(1)), Optional.empty()),
                new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("caseManager", "cm-2"), 2, 2, 1,
                        Optional.of(Fraction.of(2)), Optional.empty()),
                MeasureResult.ratio(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("statistic", "MEAN"), 3, 3, 2, 1,
                        Optional.empty())), reports.caseloads(Fixtures.SEATTLE));
        assertEquals(MeasureResult.proportion(Measure.ACTIVE_SHARE, Stratum.ALL, 1, 2),
                reports.activeShare(Fixtures.SEATTLE));
        assertEquals(ProcessMeasures.activeShare(data.enrollments(), Fixtures.SEATTLE),
                reports.activeShare(Fixtures.SEATTLE));
    }

    @Test
    void an_empty_site_has_zero_counts_and_no_values() {
        ReportScope scope = new ReportScope(new SiteId("albany"), ReportingPeriod.quarter(2024, 1, SEATTLE_ZONE));
        EvaluationReports reports = db.evaluationReports();
        assertEquals(StatusMeasures.monthlyStatus(new Cohort(Cohort.PARTICIPANTS, List.of()), List.of(), 18),
                reports.monthlyStatus(scope, 18));
        assertEquals(0, reports.participantMonths(scope));
        assertEquals(CostMeasures.programmeCostPerParticipantMonth(List.of(), List.of(), scope, USD),
                reports.programmeCostPerParticipantMonth(scope, USD));
        assertEquals(Optional.empty(), reports.flexSpendPerParticipantMonth(scope, USD).value());
        assertEquals(ProcessMeasures.contacts(List.of(), List.of(), scope), reports.contacts(scope));
        assertEquals(ProcessMeasures.caseloads(Caseloads.empty()), reports.caseloads(scope.site()));
        assertEquals(ProcessMeasures.activeShare(List.of(), scope.site()), reports.activeShare(scope.site()));
    }

    @Test
    void what_the_domain_refuses_is_refused_with_the_same_field() {
        ProgrammeData data = example();
        store(data);
        EvaluationReports reports = db.evaluationReports();
        ReportScope days = new ReportScope(Fixtures.SEATTLE, new ReportingPeriod(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 2, 15), SEATTLE_ZONE));
        assertEquals("period", assertThrows(InvalidValueException.class, () -> reports.participantMonths(days))
                .field());
        assertEquals("period", assertThrows(InvalidValueException.class,
                () -> reports.programmeCostPerParticipantMonth(days, USD)).field());
        assertEquals("period", assertThrows(InvalidValueException.class,
                () -> reports.flexSpendPerParticipantMonth(days, USD)).field());
        var euros = assertThrows(InvalidValueException.class,
                () -> reports.programmeCostPerParticipantMonth(data.scope(), EUR));
        assertEquals(outcome(() -> CostMeasures.programmeCostPerParticipantMonth(data.costs(), data.enrollments(),
                data.scope(), EUR)), euros.field() + ": " + euros.reason());
        assertEquals("amount", assertThrows(InvalidValueException.class,
                () -> reports.flexSpendPerParticipantMonth(data.scope(), EUR)).field());
        assertEquals("followUpMonths", assertThrows(InvalidValueException.class,
                () -> reports.monthlyStatus(data.scope(), 0)).field());
        assertEquals("scope", assertThrows(InvalidValueException.class, () -> reports.contacts(null)).field());
        assertEquals("site", assertThrows(InvalidValueException.class, () -> reports.caseloads(null)).field());
    }

    // ---- generated data sets ---------------------------------------------------------------------------------

    @Test
    void every_programme_measure_computed_in_sql_equals_the_domain_on_generated_data() {
        qt().withExamples(30).withShrinkCycles(10).forAll(programmeData()).checkAssert(data -> {
            clear();
            store(data);
            EvaluationReports reports = db.evaluationReports();
            ReportScope scope = data.scope();
            assertEquals(StatusMeasures.monthlyStatus(Cohort.participants(data.referrals(), scope), data.statuses(),
                    data.followUpMonths()), reports.monthlyStatus(scope, data.followUpMonths()));
            assertEquals(outcome(() -> CostMeasures.participantMonths(data.enrollments(), scope)),
                    outcome(() -> reports.participantMonths(scope)));
            assertEquals(outcome(() -> CostMeasures.programmeCostPerParticipantMonth(data.costs(),
                    data.enrollments(), scope, USD)), outcome(() -> reports.programmeCostPerParticipantMonth(scope,
                    USD)));
            assertEquals(outcome(() -> CostMeasures.flexSpendPerParticipantMonth(data.funds(), data.enrollments(),
                    scope, USD)), outcome(() -> reports.flexSpendPerParticipantMonth(scope, USD)));
            assertEquals(ProcessMeasures.contacts(data.enrollments(), data.contacts(), scope),
                    reports.contacts(scope));
            for (SiteId site : List.of(Fixtures.SEATTLE, SANTA_FE)) {
                assertEquals(ProcessMeasures.caseloads(data.caseloads().getOrDefault(site, Caseloads.empty())),
                        reports.caseloads(site));
                assertEquals(ProcessMeasures.activeShare(data.enrollments(), site), reports.activeShare(site));
            }
        });
    }

    @Test
    void the_generated_data_sets_reach_every_branch_the_measures_read() {
        var seen = new TreeSet<String>();
        qt().withFixedSeed(20_261_201L).withExamples(60).forAll(programmeData()).checkAssert(data -> {
            ReportScope scope = data.scope();
            var p = scope.period();
            seen.add(p.isWholeMonths() ? "whole months" : "days");
            seen.add("zone " + p.zone());
            if (outcome(() -> CostMeasures.programmeCostPerParticipantMonth(data.costs(), data.enrollments(), scope,
                    USD)).startsWith("amount")) {
                seen.add("programme cost in another currency");
            }
            if (outcome(() -> CostMeasures.flexSpendPerParticipantMonth(data.funds(), data.enrollments(), scope,
                    USD)).startsWith("amount")) {
                seen.add("flexible spend in another currency");
            }
            Cohort lead = Cohort.participants(data.referrals(), scope);
            Map<String, MonthlyStatus> byKey = new TreeMap<>();
            data.statuses().forEach(s -> byKey.put(s.person().value() + " " + s.month(), s));
            for (CohortMember m : lead.members()) {
                YearMonth entry = YearMonth.from(m.entryDate());
                seen.add(byKey.containsKey(m.person().value() + " " + entry.minusMonths(1)) ? "baseline recorded"
                        : "baseline missing");
                seen.add(byKey.containsKey(m.person().value() + " " + entry) ? "entry month recorded" : "entry month"
                        + " missing");
                seen.add(byKey.containsKey(m.person().value() + " " + entry.plusMonths(data.followUpMonths() + 1))
                        ? "month after follow-up recorded" : "month after follow-up missing");
                for (int i = 1; i <= data.followUpMonths(); i++) {
                    MonthlyStatus s = byKey.get(m.person().value() + " " + entry.plusMonths(i));
                    if (s != null) {
                        seen.add("follow-up " + (s.housing().isSheltered() ? "sheltered" : "unsheltered"));
                        seen.add("follow-up " + (s.housing().isPermanent() ? "permanent" : "not permanent"));
                        seen.add("follow-up " + (s.employment().isOnContinuum() ? "on continuum" : "no work"));
                        seen.add("follow-up " + (s.hasIncomeOrBenefits() ? "income" : "no income"));
                    }
                }
                if (p.localDate(data.referrals().stream().filter(r -> r.submission().person().id().equals(m.person()))
                        .map(Referral::referredAt).min(Instant::compareTo).orElseThrow()).getDayOfMonth()
                        == YearMonth.from(m.entryDate()).lengthOfMonth()) {
                    seen.add("entered on a month's last day");
                }
            }
            if (lead.size() < data.referrals().stream().filter(r -> r.intakeCompletedAt().isPresent())
                    .map(r -> r.submission().person().id()).distinct().count()) {
                seen.add("taken in outside the period or at another site");
            }
            for (Enrollment e : data.enrollments()) {
                seen.add(e.site().value() + " " + e.status());
                if (e.site().equals(scope.site())) {
                    LocalDate started = p.localDate(e.startedAt());
                    seen.add(started.isBefore(p.start()) ? "started before" : started.isBefore(p.end())
                            ? "started in" : "started after");
                    e.closedAt().map(p::localDate).ifPresent(c -> seen.add(c.isBefore(p.start()) ? "closed before"
                            : c.isBefore(p.end()) ? "closed in" : "closed after"));
                }
            }
            Instant periodStart = p.start().atStartOfDay(p.zone()).toInstant();
            Instant periodEnd = p.end().atStartOfDay(p.zone()).toInstant();
            for (Enrollment e : data.enrollments()) {
                if (p.isWholeMonths() && p.months().stream().skip(1).anyMatch(m -> e.startedAt().equals(
                        m.atDay(1).atStartOfDay(p.zone()).toInstant()))) {
                    seen.add("started as a later month of the period starts");
                }
                if (e.closedAt().equals(Optional.of(periodStart))) {
                    seen.add("closed as the period starts");
                }
            }
            if (data.contacts().stream().anyMatch(c -> c.contactAt().equals(periodEnd))) {
                seen.add("contact as the period ends");
            }
            if (data.funds().stream().flatMap(f -> f.expenditures().stream())
                    .anyMatch(x -> x.spentAt().equals(periodEnd))) {
                seen.add("spent as the period ends");
            }
            for (ContactRecorded c : data.contacts()) {
                seen.add("contact " + (c.contactType().isParticipantContact() ? "with the participant" : "collateral")
                        + (p.contains(c.contactAt()) ? " in the period" : " outside the period"));
            }
            data.caseloads().forEach((site, c) -> {
                long managers = c.assignments().values().stream().distinct().count();
                seen.add(managers == 0 ? "no caseload" : managers == 1 ? "one case manager" : "case managers");
            });
        });
        var expected = new TreeSet<>(List.of("whole months", "days", "programme cost in another currency",
                "flexible spend in another currency", "baseline recorded", "baseline missing", "entry month recorded",
                "entry month missing", "month after follow-up recorded", "month after follow-up missing",
                "follow-up sheltered", "follow-up unsheltered", "follow-up permanent", "follow-up not permanent",
                "follow-up on continuum", "follow-up no work", "follow-up income", "follow-up no income",
                "entered on a month's last day", "taken in outside the period or at another site",
                "started before", "started in", "started after", "closed before", "closed in", "closed after",
                "contact with the participant in the period", "contact with the participant outside the period",
                "contact collateral in the period", "contact collateral outside the period", "no caseload",
                "one case manager", "case managers", "started as a later month of the period starts",
                "closed as the period starts", "contact as the period ends", "spent as the period ends"));
        for (SiteId site : List.of(Fixtures.SEATTLE, SANTA_FE)) {
            for (EnrollmentStatus s : EnrollmentStatus.values()) {
                expected.add(site.value() + " " + s);
            }
        }
        ZONES.forEach(z -> expected.add("zone " + z));
        expected.removeAll(seen);
        assertEquals(Set.of(), expected, "branches never reached");
    }

    /**
     * Around the winter of 2023–24: a scope at Seattle of one to four whole months or of 1 to 120 days, in Seattle's
     * zone or another; up to 25 referrals of up to 12 people (about half taken in, some at Santa Fe, some made at
     * 23:59 or midnight), monthly statuses of those people for about half the months from July 2023 to December 2024;
     * up to 20 enrollments (some at Santa Fe, ACTIVE, INACTIVE or CLOSED, starting and closing near midnight) with
     * contacts of every type, flexible-fund expenditures and case-manager assignments; programme spend of both sites
     * by month. One data set in six has some amounts in euros.
     */
    static Gen<ProgrammeData> programmeData() {
        SitePolicy seattle = Fixtures.seattle().latest();
        SitePolicy santaFe = EvaluationFixtures.santaFe().latest();
        return in -> {
            ZoneId zone = pick(in, ZONES);
            ReportingPeriod period;
            if (chance(in, 65)) {
                YearMonth first = YearMonth.of(2023, 10).plusMonths(between(in, 0, 5));
                period = ReportingPeriod.months(first, first.plusMonths(between(in, 0, 3)), zone);
            } else {
                LocalDate start = LocalDate.of(2023, 10, 15).plusDays(between(in, 0, 150));
                period = new ReportingPeriod(start, start.plusDays(between(in, 1, 120)), zone);
            }
            ReportScope scope = new ReportScope(Fixtures.SEATTLE, period);
            boolean euros = chance(in, 16);

            int people = between(in, 1, 12);
            var referrals = new ArrayList<Referral>();
            for (int i = between(in, 0, 25); i > 0; i--) {
                String person = "p" + between(in, 0, people - 1);
                Instant at = at(in, LocalDate.of(2023, 9, 1), 300, period, zone);
                Person who = EvaluationFixtures.person(person, null, LocalDate.of(1980, 1, 1));
                long id = FRESH.incrementAndGet();
                Referral r = chance(in, 12)
                        ? EvaluationFixtures.submitted(santaFe, EvaluationFixtures.santaFeArrest(who), at, id)
                        : EvaluationFixtures.submitted(seattle, Fixtures.anArrestDiversion(person).person(who).build(),
                        at, id);
                referrals.add(chance(in, 55) ? takenIn(r, at.plus(Duration.ofHours(between(in, 1, 200)))) : r);
            }
            var statuses = new ArrayList<MonthlyStatus>();
            for (int p = 0; p < people; p++) {
                for (YearMonth m = YearMonth.of(2023, 7); !m.isAfter(YearMonth.of(2024, 12)); m = m.plusMonths(1)) {
                    if (chance(in, 50)) {
                        statuses.add(new MonthlyStatus(new PersonId("p" + p), m,
                                pick(in, List.of(HousingStatus.values())), pick(in, List.of(EmploymentStatus.values())),
                                chance(in, 50) ? Set.of() : EnumSet.of(pick(in, List.of(IncomeSource.values())),
                                        pick(in, List.of(IncomeSource.values()))),
                                pick(in, List.of(MonthlyStatus.Source.values()))));
                    }
                }
            }

            var enrollments = new ArrayList<Enrollment>();
            var contacts = new ArrayList<ContactRecorded>();
            var funds = new ArrayList<FlexFund>();
            var assignments = new LinkedHashMap<SiteId, Map<EnrollmentId, CaseManagerId>>();
            for (int i = between(in, 0, 20); i > 0; i--) {
                SiteId site = chance(in, 80) ? Fixtures.SEATTLE : SANTA_FE;
                Instant started = at(in, LocalDate.of(2023, 8, 1), 330, period, zone);
                EnrollmentStatus status = pick(in, List.of(EnrollmentStatus.values()));
                Instant closed = status == EnrollmentStatus.CLOSED
                        ? at(in, LocalDate.ofInstant(started, zone), 200, period, zone) : null;
                if (closed != null && closed.isBefore(started)) {
                    closed = started;
                }
                Enrollment e = enrollment("e" + FRESH.incrementAndGet(), site, started, status, closed);
                enrollments.add(e);
                for (int k = between(in, 0, 6); k > 0; k--) {
                    Instant at = at(in, LocalDate.ofInstant(started, zone), 240, period, zone);
                    contacts.add(contact(e, pick(in, List.of(ContactType.values())), at.isBefore(started) ? started
                            : at));
                }
                if (chance(in, 45)) {
                    var spent = new ArrayList<FlexExpenditure>();
                    for (int k = between(in, 1, 4); k > 0; k--) {
                        Instant at = at(in, LocalDate.ofInstant(started, zone), 200, period, zone);
                        spent.add(expenditure(e, at, new Money(BigDecimal.valueOf(between(in, 1, 50_000), 2),
                                euros && chance(in, 25) ? EUR : USD)));
                    }
                    funds.add(FlexFund.restore(e.id(), spent.size(), spent));
                }
                if (chance(in, 70)) {
                    SiteId held = chance(in, 85) ? site : pick(in, List.of(Fixtures.SEATTLE, SANTA_FE));
                    assignments.computeIfAbsent(held, k -> new TreeMap<>()).put(e.id(),
                            new CaseManagerId(pick(in, CASE_MANAGERS)));
                }
            }
            var caseloads = new LinkedHashMap<SiteId, Caseloads>();
            for (SiteId site : List.of(Fixtures.SEATTLE, SANTA_FE)) {
                if (chance(in, 85)) {
                    caseloads.put(site, Caseloads.restore(1, assignments.getOrDefault(site, Map.of())));
                }
            }
            var costs = new ArrayList<ProgrammeCost>();
            for (SiteId site : List.of(Fixtures.SEATTLE, SANTA_FE)) {
                for (YearMonth m = YearMonth.of(2023, 8); !m.isAfter(YearMonth.of(2024, 8)); m = m.plusMonths(1)) {
                    if (chance(in, 70)) {
                        costs.add(new ProgrammeCost(site, m, new Money(BigDecimal.valueOf(between(in, 0, 10_000_000),
                                2), euros && chance(in, 20) ? EUR : USD)));
                    }
                }
            }
            return new ProgrammeData(scope, between(in, 1, 8), referrals, statuses, enrollments, contacts, funds,
                    costs, caseloads);
        };
    }

    /**
     * An instant in the zone on a day {@code 0..span} days after {@code from} (often at 23:59:59 or midnight,
     * otherwise at any minute), or, one time in three, near a day that bounds the period or one of its months (its
     * first day, the day after it, the first day of a month in it): mostly the instant that day starts, or the last
     * second before, where a comparison off by one would show.
     */
    private static Instant at(org.quicktheories.core.RandomnessSource in, LocalDate from, int span, ReportingPeriod p,
                              ZoneId zone) {
        if (chance(in, 66)) {
            LocalDate day = from.plusDays(between(in, 0, span));
            LocalTime time = chance(in, 20) ? LocalTime.of(23, 59, 59) : chance(in, 20) ? LocalTime.MIDNIGHT
                    : LocalTime.of(between(in, 0, 23), between(in, 0, 59));
            return day.atTime(time).atZone(zone).toInstant();
        }
        LocalDate edge = chance(in, 50) ? pick(in, List.of(p.start(), p.end()))
                : p.start().withDayOfMonth(1).plusMonths(between(in, 0, 4));
        Instant starts = edge.atStartOfDay(zone).toInstant();
        return chance(in, 60) ? starts : chance(in, 50) ? starts.minusSeconds(1)
                : starts.plus(Duration.ofMinutes(between(in, 1, 60 * 24 - 1)));
    }

    // ---- storing through the write paths -------------------------------------------------------------------

    private void store(ProgrammeData data) {
        for (Referral r : data.referrals()) {
            db.referrals().save(r, -1, List.of());
        }
        db.evaluationData().recordMonthlyStatuses(data.statuses());
        db.evaluationData().recordProgrammeCosts(data.costs());
        for (Enrollment e : data.enrollments()) {
            List<DomainEvent> recorded = new ArrayList<>(data.contacts().stream()
                    .filter(c -> c.enrollmentId().equals(e.id())).toList());
            db.enrollments().save(e, -1, recorded);
        }
        for (FlexFund f : data.funds()) {
            db.flexFunds().save(f, -1, List.of());
        }
        data.caseloads().forEach((site, c) -> db.siteCaseloads().save(site, c, 0, List.of()));
    }

    private void clear() {
        var dsl = ((JooqTransactions) db.transactions()).dsl();
        for (var table : List.of(SCREENING_REASON, DIVERTED_CASE, REFERRAL, MONTHLY_STATUS, PROGRAMME_COST, CONTACT,
                ENROLLMENT_REFERRAL, ENROLLMENT_PRIOR, ENROLLMENT, FLEX_EXPENDITURE, FLEX_FUND, CASELOAD_ASSIGNMENT,
                SITE_CASELOADS)) {
            dsl.deleteFrom(table).execute();
        }
    }

    // ---- building blocks -------------------------------------------------------------------------------------

    /** The value's text, or the refusal's field and reason: a refusal is compared as a result. */
    private static String outcome(Supplier<?> measure) {
        try {
            return String.valueOf(measure.get());
        } catch (InvalidValueException e) {
            return e.field() + ": " + e.reason();
        }
    }

    private static MeasureResult personMonths(Measure m, Stratum s, long with, long months) {
        return new MeasureResult(m, s, 2, with, months, Optional.of(Fraction.of(with, months)), Optional.empty());
    }

    private static MonthlyStatus status(String person, String month, HousingStatus housing,
                                        EmploymentStatus employment, IncomeSource... income) {
        return new MonthlyStatus(new PersonId(person), YearMonth.parse(month), housing, employment,
                income.length == 0 ? Set.of() : EnumSet.of(income[0], income),
                MonthlyStatus.Source.CASE_MANAGER_RECORD);
    }

    private static Enrollment enrollment(String person, SiteId site, Instant started, EnrollmentStatus status,
                                         Instant closed) {
        long n = FRESH.incrementAndGet();
        return Enrollment.restore(new EnrollmentId(new UUID(0xE7, n)), 0, new PersonId(person), site, started, status,
                List.of(new ReferralId(new UUID(0xE8, n))), List.of(), Optional.ofNullable(closed),
                closed == null ? Optional.empty() : Optional.of(ClosureReason.MOVED_OUT_OF_AREA));
    }

    private static ContactRecorded contact(Enrollment e, ContactType type, Instant at) {
        return new ContactRecorded(e.id(), type, at, at.plus(Duration.ofHours(1)));
    }

    private static FlexExpenditure expenditure(Enrollment e, Instant at, String amount) {
        return expenditure(e, at, Money.parse(amount));
    }

    private static FlexExpenditure expenditure(Enrollment e, Instant at, Money amount) {
        return new FlexExpenditure(new FlexExpenditureId(new UUID(0xF1, FRESH.incrementAndGet())), e.id(), at, amount,
                PlanDomain.BASIC_NEEDS, "Corner store", "food", Optional.empty(), Optional.empty());
    }

    private static FlexFund fund(Enrollment e, FlexExpenditure... spent) {
        return FlexFund.restore(e.id(), spent.length, List.of(spent));
    }

    /** The referral with intake completed at {@code done} (accepted an hour before), without an enrollment. */
    private static Referral takenIn(Referral r, Instant done) {
        Referral.State s = r.state();
        return Referral.restore(new Referral.State(s.id(), s.version(), s.submission(), s.referredAt(),
                s.policyVersion(), s.zone(), s.screening(), s.priorEnrollments(), ReferralStatus.INTAKE_COMPLETED,
                s.deadline(), s.consent(), s.handoff(), s.approval(), s.override(), s.exclusionConfirmation(),
                s.authorityConfirmations(), s.authorityRejection(), s.withdrawal(), s.extension(),
                Optional.of(done.minus(Duration.ofHours(1))), s.assessmentAt(), s.roiSignedAt(), Optional.of(done),
                Optional.of(done), s.divertedCase(), Optional.empty()));
    }
}

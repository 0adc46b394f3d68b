/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;
import static org.leaddiversion.domain.fixtures.LeadGenerators.pick;
import static org.leaddiversion.persistence.jooq.Tables.DIVERTED_CASE;
import static org.leaddiversion.persistence.jooq.Tables.ENCOUNTER;
import static org.leaddiversion.persistence.jooq.Tables.LEGAL_COST;
import static org.leaddiversion.persistence.jooq.Tables.LEGAL_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SCREENING_REASON;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.CostComponent;
import org.leaddiversion.domain.evaluation.EmploymentStatus;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.EvaluationFixtures;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.HousingStatus;
import org.leaddiversion.domain.evaluation.IncomeSource;
import org.leaddiversion.domain.evaluation.LegalCost;
import org.leaddiversion.domain.evaluation.LegalEvent;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.MonthlyStatus;
import org.leaddiversion.domain.evaluation.OutcomeMeasures;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.ProcessMeasures;
import org.leaddiversion.domain.evaluation.ProgrammeCost;
import org.leaddiversion.domain.evaluation.ReferralStages;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;
import org.leaddiversion.domain.evaluation.equity.RriTable;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;

/**
 * The evaluation data on a database ({@link EvaluationData}) and the measures computed over them in SQL
 * ({@link EvaluationReports}): what is recorded is what the domain holds, bad rows are refused by field, and every
 * report equals the domain's in-memory computation over the same generated data, fraction for fraction. Written once,
 * run on H2 and PostgreSQL.
 */
abstract class EvaluationContract {

    private static final Currency USD = Currency.getInstance("USD");
    private static final java.time.ZoneId SEATTLE_ZONE = java.time.ZoneId.of("America/Los_Angeles");
    private static final ReportScope Q1_2024 = new ReportScope(Fixtures.SEATTLE,
            ReportingPeriod.quarter(2024, 1, SEATTLE_ZONE));
    private static final List<String> RACES = java.util.Arrays.asList("WHITE", "BLACK", "unknown", " ", null);

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

    // ---- storage ---------------------------------------------------------------------------------------------

    @Test
    void what_is_recorded_is_what_the_domain_holds() {
        PersonId p = new PersonId("p-1");
        LocalDate d = LocalDate.of(2024, 2, 3);
        List<LegalEvent> events = List.of(new LegalEvent.Arrest(p, d, LegalEvent.ArrestKind.WARRANT),
                new LegalEvent.Arrest(p, d, LegalEvent.ArrestKind.WARRANT),
                new LegalEvent.ChargeFiled(p, d, OffenceLevel.FELONY),
                new LegalEvent.JailBooking(p, d, Optional.of(d.plusDays(3))),
                new LegalEvent.JailBooking(p, d.plusDays(9), Optional.empty()),
                new LegalEvent.PrisonAdmission(p, d.plusDays(20)), new LegalEvent.WarrantIssued(p, d.minusDays(2)),
                new LegalEvent.Disposition(p, d.plusDays(30), OffenceLevel.MISDEMEANOR,
                        LegalEvent.DispositionKind.DEFERRED));
        List<LegalCost> costs = List.of(new LegalCost(p, d, CostComponent.JAIL, Money.parse("1250.50 USD")),
                new LegalCost(p, d, CostComponent.DEFENCE, Money.parse("0 USD")));
        List<MonthlyStatus> statuses = List.of(
                new MonthlyStatus(p, YearMonth.of(2024, 1), HousingStatus.UNSHELTERED, EmploymentStatus.NONE, Set.of(),
                        MonthlyStatus.Source.INTAKE_SELF_REPORT),
                new MonthlyStatus(p, YearMonth.of(2024, 2), HousingStatus.TEMPORARY, EmploymentStatus.TRAINING,
                        EnumSet.of(IncomeSource.PENSION, IncomeSource.EMPLOYMENT),
                        MonthlyStatus.Source.CASE_MANAGER_RECORD));
        List<ProgrammeCost> spend = List.of(new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2024, 1),
                Money.parse("89900.00 USD")));
        List<Encounter> encounters = List.of(new Encounter(p, d, Fixtures.SEATTLE, EquityGroup.UNKNOWN,
                Encounter.Kind.CITATION, OffenceCode.of("DRUG_POSSESSION"), true, false,
                Encounter.Window.DIVERSION_NOT_ALLOWED, Encounter.Disposition.CITED_AND_RELEASED));

        EvaluationData data = db.evaluationData();
        data.recordLegalEvents(events);
        data.recordLegalCosts(costs);
        data.recordMonthlyStatuses(statuses);
        data.recordProgrammeCosts(spend);
        data.recordEncounters(encounters);

        assertEquals(events, data.legalEvents());
        assertEquals(costs, data.legalCosts());
        assertEquals(statuses, data.monthlyStatuses());
        assertEquals(spend, data.programmeCosts());
        assertEquals(encounters, data.encounters());
    }

    @Test
    void a_second_status_for_the_same_month_is_refused_and_nothing_of_the_call_is_stored() {
        PersonId p = new PersonId("p-1");
        EvaluationData data = db.evaluationData();
        MonthlyStatus january = new MonthlyStatus(p, YearMonth.of(2024, 1), HousingStatus.UNSHELTERED,
                EmploymentStatus.NONE, Set.of(), MonthlyStatus.Source.INTAKE_SELF_REPORT);
        MonthlyStatus february = new MonthlyStatus(p, YearMonth.of(2024, 2), HousingStatus.PERMANENT,
                EmploymentStatus.NONE, Set.of(), MonthlyStatus.Source.CASE_MANAGER_RECORD);
        data.recordMonthlyStatuses(List.of(january));

        var stored = assertThrows(InvalidValueException.class,
                () -> data.recordMonthlyStatuses(List.of(february, january)));
        assertEquals("monthlyStatuses", stored.field());
        var twice = assertThrows(InvalidValueException.class,
                () -> data.recordMonthlyStatuses(List.of(february, february)));
        assertEquals("monthlyStatuses[1].month", twice.field());
        assertEquals(List.of(january), data.monthlyStatuses());

        ProgrammeCost spend = new ProgrammeCost(Fixtures.SEATTLE, YearMonth.of(2024, 1), Money.parse("1.00 USD"));
        data.recordProgrammeCosts(List.of(spend));
        assertEquals("programmeCosts", assertThrows(InvalidValueException.class,
                () -> data.recordProgrammeCosts(List.of(spend))).field());
    }

    @Test
    void a_bad_row_is_refused_by_its_position_and_field() {
        EvaluationData data = db.evaluationData();
        PersonId p = new PersonId("p-1");
        LocalDate d = LocalDate.of(2024, 1, 1);
        var e = assertThrows(InvalidValueException.class, () -> data.recordLegalCosts(List.of(
                new LegalCost(p, d, CostComponent.JAIL, Money.parse("10.00 USD")),
                new LegalCost(p, d, CostComponent.JAIL, new Money(new BigDecimal("1e30"), USD)))));
        assertEquals("legalCosts[1].amount", e.field());
        var nulls = new ArrayList<LegalCost>();
        nulls.add(null);
        assertEquals("legalCosts", assertThrows(InvalidValueException.class, () -> data.recordLegalCosts(nulls))
                .field());
        assertEquals(List.of(), data.legalCosts());
    }

    // ---- reports ---------------------------------------------------------------------------------------------

    @Test
    void the_santa_fe_quarter_counts_by_group_as_the_domain_does() {
        var santaFe = new org.leaddiversion.domain.evaluation.SantaFeQuarter();
        for (Referral r : santaFe.referrals()) {
            db.referrals().save(r, -1, List.of());
        }
        db.evaluationData().recordEncounters(santaFe.encounters);
        var scope = org.leaddiversion.domain.evaluation.SantaFeQuarter.SCOPE;
        EquityPolicy policy = EquityPolicy.defaults();

        assertEquals(RriTable.counts(santaFe.referrals(), santaFe.encounters, scope),
                db.evaluationReports().referralRateCounts(scope));
        assertEquals(RriTable.compute(santaFe.referrals(), santaFe.encounters, scope, policy),
                db.evaluationReports().referralRateIndex(scope, policy));
    }

    /** A generated data set: referrals (some taken in), encounters, legal events and costs, and a window. */
    record DataSet(List<Referral> referrals, List<Encounter> encounters, List<LegalEvent> events,
                   List<LegalCost> costs, OutcomeWindow window) {
    }

    @Test
    void every_measure_computed_in_sql_equals_the_domain_on_generated_data() {
        qt().withExamples(25).withShrinkCycles(20).forAll(dataSets()).checkAssert(set -> {
            clear();
            for (Referral r : set.referrals()) {
                db.referrals().save(r, -1, List.of());
            }
            db.evaluationData().recordEncounters(set.encounters());
            db.evaluationData().recordLegalEvents(set.events());
            db.evaluationData().recordLegalCosts(set.costs());

            Cohort lead = Cohort.participants(set.referrals(), Q1_2024);
            Cohort comparison = Cohort.comparison(set.encounters(), Q1_2024, lead);
            OutcomeReport expected = OutcomeReport.of(Q1_2024, set.window(), USD,
                    OutcomeMeasures.all(lead, set.events(), set.costs(), set.window(), USD),
                    OutcomeMeasures.all(comparison, set.events(), set.costs(), set.window(), USD));
            OutcomeReport actual = db.evaluationReports().outcomes(Q1_2024, set.window(), USD);
            assertEquals(expected.participants(), actual.participants());
            assertEquals(expected.comparison(), actual.comparison());
            assertEquals(expected, actual);
            assertEquals(RriTable.counts(set.referrals(), set.encounters(), Q1_2024),
                    db.evaluationReports().referralRateCounts(Q1_2024));
        });
    }

    @Test
    void the_median_days_to_re_arrest_of_an_even_count_is_the_mean_of_the_middle_two() {
        // four comparison members entering on 10 January 2024, re-arrested 10, 20, 31 and 100 days later
        LocalDate entry = LocalDate.of(2024, 1, 10);
        var encounters = new java.util.ArrayList<Encounter>();
        var events = new java.util.ArrayList<LegalEvent>();
        int[] days = {100, 10, 31, 20};
        for (int i = 0; i < days.length; i++) {
            PersonId p = new PersonId("rms-" + i);
            encounters.add(new Encounter(p, entry, Fixtures.SEATTLE, new EquityGroup("WHITE"), Encounter.Kind.ARREST,
                    OffenceCode.of("DRUG_POSSESSION"), true, true, Encounter.Window.DIVERSION_NOT_ALLOWED,
                    Encounter.Disposition.BOOKED));
            events.add(new LegalEvent.Arrest(p, entry.plusDays(days[i]), LegalEvent.ArrestKind.NEW_OFFENCE));
        }
        db.evaluationData().recordEncounters(encounters);
        db.evaluationData().recordLegalEvents(events);
        OutcomeWindow window = new OutcomeWindow(Period.ofMonths(6), LocalDate.of(2025, 1, 1));

        List<MeasureResult> rows = db.evaluationReports().outcomes(Q1_2024, window, USD).comparison();
        MeasureResult median = rows.stream().filter(m -> m.measure() == Measure.TIME_TO_REARREST
                && m.stratum().get("statistic").orElseThrow().equals("MEDIAN")).findFirst().orElseThrow();
        MeasureResult mean = rows.stream().filter(m -> m.measure() == Measure.TIME_TO_REARREST
                && m.stratum().get("statistic").orElseThrow().equals("MEAN")).findFirst().orElseThrow();
        assertEquals(Optional.of(Fraction.of(51, 2)), median.value());
        assertEquals(Optional.of(Fraction.of(161, 4)), mean.value());
        assertEquals(4, median.count());
        Cohort comparison = Cohort.comparison(encounters, Q1_2024, Cohort.participants(List.of(), Q1_2024));
        assertEquals(OutcomeMeasures.all(comparison, events, List.of(), window, USD), rows);
    }

    // ---- the process funnel ----------------------------------------------------------------------------------

    @Test
    void the_santa_fe_funnel_is_counted_in_sql_as_the_domain_counts_it() {
        var santaFe = new org.leaddiversion.domain.evaluation.SantaFeQuarter();
        for (Referral r : santaFe.referrals()) {
            db.referrals().save(r, -1, List.of());
        }
        var scope = org.leaddiversion.domain.evaluation.SantaFeQuarter.SCOPE;
        int target = santaFe.policy.handoffTargetMinutes();

        List<MeasureResult> funnel = db.evaluationReports().processFunnel(scope, target);

        assertEquals(ProcessMeasures.referralFunnel(santaFe.referrals(), scope, target), funnel);
        // the figures of ProcessMeasuresTest, by hand from the Santa Fe profile
        assertEquals(List.of(
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "ARREST_DIVERSION"), 57, 105),
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "SOCIAL_CONTACT"), 48, 105),
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "COMMUNITY"), 0, 105),
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "PROSECUTOR"), 0, 105),
                MeasureResult.proportion(Measure.REFERRALS_ELIGIBLE, Stratum.ALL, 96, 105),
                MeasureResult.proportion(Measure.REFERRALS_DECLINED, Stratum.ALL, 3, 105),
                new MeasureResult(Measure.HANDOFF_MINUTES, Stratum.of("statistic", "MEDIAN"), 45, 45, 45,
                        Optional.of(Fraction.of(15)), Optional.empty()),
                MeasureResult.proportion(Measure.HANDOFF_WITHIN_TARGET, Stratum.ALL, 30, 45),
                MeasureResult.proportion(Measure.INTAKE_ON_TIME, Stratum.ALL, 87, 93),
                MeasureResult.proportion(Measure.INTAKE_LAPSED, Stratum.ALL, 6, 93)), funnel);
        assertEquals(MeasureResult.proportion(Measure.HANDOFF_WITHIN_TARGET, Stratum.ALL, 45, 45),
                db.evaluationReports().processFunnel(scope, 45).get(7));
    }

    @Test
    void an_empty_scope_has_zero_counts_and_no_values() {
        List<MeasureResult> funnel = db.evaluationReports().processFunnel(Q1_2024, 30);
        assertEquals(ProcessMeasures.referralFunnel(List.of(), Q1_2024, 30), funnel);
        assertEquals(Optional.empty(), funnel.get(6).value(), "no hand-off, no median");
        assertEquals("handoff.targetMinutes", assertThrows(InvalidValueException.class,
                () -> db.evaluationReports().processFunnel(Q1_2024, 0)).field());
    }

    @Test
    void the_funnel_computed_in_sql_equals_the_domain_on_generated_referrals() {
        qt().withExamples(40).withShrinkCycles(20).forAll(FunnelWalks.funnels()).checkAssert(funnel -> {
            clear();
            for (Referral r : funnel.referrals()) {
                db.referrals().save(r, -1, List.of());
            }
            assertEquals(ProcessMeasures.referralFunnel(funnel.referrals(), funnel.scope(),
                    funnel.handoffTargetMinutes()), db.evaluationReports().processFunnel(funnel.scope(),
                    funnel.handoffTargetMinutes()));
        });
    }

    @Test
    void the_generated_funnels_reach_every_fact_the_funnel_reads() {
        var seen = EnumSet.noneOf(ReferralStatus.class);
        var facts = new java.util.TreeSet<String>();
        qt().withFixedSeed(20_261_123L).withExamples(60).forAll(FunnelWalks.funnels()).checkAssert(funnel -> {
            for (Referral r : funnel.referrals()) {
                seen.add(r.status());
                r.override().ifPresent(o -> facts.add("override"));
                r.consent().ifPresent(c -> facts.add("consent"));
                r.handoff().ifPresent(h -> facts.add(h.minutes() == 0 ? "hand-off of 0" : "hand-off"));
                if (r.handoff().isPresent() && r.handoff().get().minutes() > funnel.handoffTargetMinutes()) {
                    facts.add("hand-off over target");
                }
                if (ReferralStages.intakeWindowClosed(r)) {
                    facts.add("window closed");
                }
            }
        });
        assertEquals(EnumSet.allOf(ReferralStatus.class), seen);
        assertEquals(new java.util.TreeSet<>(List.of("consent", "hand-off", "hand-off of 0", "hand-off over target",
                "override", "window closed")), facts);
    }

    @Test
    void the_stage_facts_of_rows_stored_before_v8_are_filled_in_from_their_state() throws Exception {
        var rows = new ArrayList<Referral>();
        qt().withFixedSeed(20_261_124L).withExamples(10).forAll(FunnelWalks.funnels())
                .checkAssert(funnel -> rows.addAll(funnel.referrals()));
        for (Referral r : rows) {
            db.referrals().save(r, -1, List.of());
        }
        var dsl = ((JooqTransactions) db.transactions()).dsl();
        var written = dsl.select(REFERRAL.ID, REFERRAL.CONSENT_AT, REFERRAL.OVERRIDE_AT, REFERRAL.HANDOFF_MINUTES)
                .from(REFERRAL).orderBy(REFERRAL.ID).fetch();
        assertTrue(written.stream().anyMatch(r -> r.value4() != null), "some hand-offs");
        assertTrue(written.stream().anyMatch(r -> r.value2() != null), "some consents");
        // as a row written before V8 was: none of the facts
        dsl.update(REFERRAL).setNull(REFERRAL.CONSENT_AT).setNull(REFERRAL.OVERRIDE_AT)
                .setNull(REFERRAL.HANDOFF_MINUTES).execute();

        dsl.connection(c -> new V8_1__Referral_stage_facts(dsl.dialect()).migrate(new org.flywaydb.core.api
                .migration.Context() {
            @Override
            public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                return null;
            }

            @Override
            public java.sql.Connection getConnection() {
                return c;
            }
        }));

        assertEquals(written, dsl.select(REFERRAL.ID, REFERRAL.CONSENT_AT, REFERRAL.OVERRIDE_AT,
                REFERRAL.HANDOFF_MINUTES).from(REFERRAL).orderBy(REFERRAL.ID).fetch());
        assertEquals(1, dsl.fetchCount(dsl.selectFrom(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(
                "flyway_schema_history"))).where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("version"))
                .eq("8.1")).and(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("success")).isTrue())),
                "the backfill is a registered migration");
    }

    private void clear() {
        var dsl = db.transactions() instanceof JooqTransactions t ? t.dsl() : null;
        for (var table : List.of(SCREENING_REASON, DIVERTED_CASE, REFERRAL, LEGAL_EVENT, LEGAL_COST, ENCOUNTER)) {
            dsl.deleteFrom(table).execute();
        }
    }

    /**
     * Up to 30 referrals of up to 15 people around the first quarter of 2024 in Seattle (about half taken in, some
     * people referred twice, races recorded or not, some instants near midnight), up to 60 encounters of the same and
     * other people (some at another site, outside the pool or the period), legal events and costs around them, and a
     * window of one to six months with data through a date that follows some members and not others.
     */
    static Gen<DataSet> dataSets() {
        SitePolicy policy = Fixtures.seattle().latest();
        return in -> {
            var referrals = new ArrayList<Referral>();
            int n = between(in, 0, 30);
            int people = between(in, 1, 15);
            for (int i = 0; i < n; i++) {
                String person = "p" + between(in, 0, people - 1);
                LocalDate day = LocalDate.of(2023, 12, 20).plusDays(between(in, 0, 110));
                LocalTime time = chance(in, 20) ? LocalTime.of(23, 59, 59) : chance(in, 20) ? LocalTime.MIDNIGHT
                        : LocalTime.of(between(in, 0, 23), between(in, 0, 59));
                Instant at = day.atTime(time).atZone(SEATTLE_ZONE).toInstant();
                Person who = EvaluationFixtures.person(person, pick(in, RACES), LocalDate.of(1980, 1, 1));
                ReferralSubmission.Builder b = switch (between(in, 0, 2)) {
                    case 0 -> Fixtures.anArrestDiversion(person);
                    case 1 -> Fixtures.aSocialContactReferral(person, day);
                    default -> Fixtures.aCommunityReferral(person);
                };
                Referral r = EvaluationFixtures.submitted(policy, b.person(who).build(), at, i);
                referrals.add(chance(in, 55) ? takenIn(r, at.plus(Duration.ofHours(between(in, 1, 200)))) : r);
            }
            var encounters = new ArrayList<Encounter>();
            for (int i = between(in, 0, 60); i > 0; i--) {
                String race = pick(in, java.util.Arrays.asList("WHITE", "BLACK", "ASIAN", null));
                encounters.add(new Encounter(new PersonId(chance(in, 60) ? "p" + between(in, 0, people - 1)
                        : "rms-" + between(in, 0, 20)), LocalDate.of(2023, 12, 20).plusDays(between(in, 0, 110)),
                        chance(in, 90) ? Fixtures.SEATTLE : EvaluationFixtures.SANTA_FE,
                        race == null ? EquityGroup.UNKNOWN : new EquityGroup(race),
                        pick(in, List.of(Encounter.Kind.values())), OffenceCode.of("DRUG_POSSESSION"),
                        chance(in, 85), chance(in, 85), pick(in, List.of(Encounter.Window.values())),
                        pick(in, List.of(Encounter.Disposition.values()))));
            }
            var events = new ArrayList<LegalEvent>();
            var costs = new ArrayList<LegalCost>();
            for (int i = between(in, 0, 80); i > 0; i--) {
                PersonId p = new PersonId(chance(in, 70) ? "p" + between(in, 0, people - 1)
                        : "rms-" + between(in, 0, 20));
                LocalDate d = LocalDate.of(2023, 6, 1).plusDays(between(in, 0, 540));
                switch (between(in, 0, 6)) {
                    case 0 -> events.add(new LegalEvent.Arrest(p, d, pick(in, List.of(LegalEvent.ArrestKind
                            .values()))));
                    case 1 -> events.add(new LegalEvent.ChargeFiled(p, d, pick(in, List.of(OffenceLevel.values()))));
                    case 2 -> events.add(new LegalEvent.JailBooking(p, d, chance(in, 25) ? Optional.empty()
                            : Optional.of(d.plusDays(between(in, 0, 200)))));
                    case 3 -> events.add(new LegalEvent.PrisonAdmission(p, d));
                    case 4 -> events.add(new LegalEvent.WarrantIssued(p, d));
                    default -> costs.add(new LegalCost(p, d, pick(in, List.of(CostComponent.values())),
                            new Money(BigDecimal.valueOf(between(in, 0, 500_000), 2), USD)));
                }
            }
            Period length = chance(in, 70) ? Period.ofMonths(between(in, 1, 6)) : Period.ofDays(between(in, 1, 200));
            LocalDate through = LocalDate.of(2024, 2, 1).plusDays(between(in, 0, 300));
            return new DataSet(referrals, encounters, events, costs, new OutcomeWindow(length, through));
        };
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

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;
import static org.leaddiversion.persistence.ReportSql.endOf;
import static org.leaddiversion.persistence.ReportSql.number;
import static org.leaddiversion.persistence.ReportSql.ones;
import static org.leaddiversion.persistence.ReportSql.participants;
import static org.leaddiversion.persistence.ReportSql.startOf;
import static org.leaddiversion.persistence.ReportSql.total;
import static org.leaddiversion.persistence.jooq.Tables.CASELOAD_ASSIGNMENT;
import static org.leaddiversion.persistence.jooq.Tables.CONTACT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.FLEX_EXPENDITURE;
import static org.leaddiversion.persistence.jooq.Tables.MONTHLY_STATUS;
import static org.leaddiversion.persistence.jooq.Tables.PROGRAMME_COST;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.Row5;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.EmploymentStatus;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.HousingStatus;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.policy.SiteId;

/**
 * The programme and status measures of SPEC §8.4 in aggregate SQL, each equal to the domain function it mirrors
 * ({@code StatusMeasures.monthlyStatus}, {@code CostMeasures}, {@code ProcessMeasures.contacts}, {@code caseloads},
 * {@code activeShare}) over the same stored data. One statement per measure (two for the case managers' snapshot);
 * only counts and sums come back, never a person's row. {@link EvaluationReports} delegates here.
 *
 * <p>A local date in the site zone is compared as an instant: {@code localDate(t) < d} exactly when {@code t} is before
 * the instant {@code d} starts in the zone, so "started on or before the month's last day", "dated in the period" and
 * "closed before the period's start" become comparisons with the instants at which days start.
 */
final class ProgrammeReportQueries {

    private ProgrammeReportQueries() {
    }

    // ---- StatusMeasures.monthlyStatus ------------------------------------------------------------------------

    /** The four measures whose rows StatusMeasures builds, each with the condition of a stored status row. */
    private static final List<Measure> STATUS_MEASURES = List.of(Measure.SHELTERED_MONTH,
            Measure.PERMANENT_HOUSING_MONTH, Measure.EMPLOYMENT_CONTINUUM_MONTH, Measure.INCOME_BENEFITS_MONTH);

    private static List<Condition> statusConditions() {
        return List.of(MONTHLY_STATUS.HOUSING.ne(HousingStatus.UNSHELTERED.name()),
                MONTHLY_STATUS.HOUSING.eq(HousingStatus.PERMANENT.name()),
                MONTHLY_STATUS.EMPLOYMENT.ne(EmploymentStatus.NONE.name()),
                MONTHLY_STATUS.INCOME_SOURCES.ne(""));
    }

    static List<MeasureResult> monthlyStatus(JooqTransactions tx, ReportScope scope, int followUpMonths) {
        Require.present(scope, "scope");
        Require.atLeast(followUpMonths, 1, "followUpMonths");
        String site = scope.site().value();

        CommonTableExpression<?> participants = participants(scope, false, tx.dsl().dialect());
        Field<String> person = field(name("participants", "person_id"), String.class);
        Field<OffsetDateTime> firstAt = field(name("participants", "first_at"), OffsetDateTime.class);

        // The month of entry of each participant, by the instants at which the months of the period start in the
        // zone, with the member's baseline month and follow-up months (StatusMeasures: the month before entry, and
        // the followUpMonths months after it).
        ZoneId zone = scope.period().zone();
        var rows = new ArrayList<Row5<OffsetDateTime, OffsetDateTime, LocalDate, LocalDate, LocalDate>>();
        YearMonth last = YearMonth.from(scope.period().lastDay());
        for (YearMonth m = YearMonth.from(scope.period().start()); !m.isAfter(last); m = m.plusMonths(1)) {
            rows.add(row(inline(EventStore.utc(m.atDay(1).atStartOfDay(zone).toInstant())),
                    inline(EventStore.utc(m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())),
                    inline(m.minusMonths(1).atDay(1)), inline(m.plusMonths(1).atDay(1)),
                    inline(m.plusMonths(followUpMonths).atDay(1))));
        }
        @SuppressWarnings("unchecked")
        Row5<OffsetDateTime, OffsetDateTime, LocalDate, LocalDate, LocalDate>[] array = rows.toArray(Row5[]::new);
        Table<?> months = values(array).as("entry_month", "starts", "ends", "baseline", "follow_first",
                "follow_last");
        Field<OffsetDateTime> starts = field(name("entry_month", "starts"), OffsetDateTime.class);
        Field<OffsetDateTime> ends = field(name("entry_month", "ends"), OffsetDateTime.class);
        Field<LocalDate> baseline = field(name("entry_month", "baseline"), LocalDate.class);
        Field<LocalDate> followFirst = field(name("entry_month", "follow_first"), LocalDate.class);
        Field<LocalDate> followLast = field(name("entry_month", "follow_last"), LocalDate.class);

        // One status per person and month (the primary key), so members and person-months are counted as rows.
        Condition atBaseline = MONTHLY_STATUS.STATUS_MONTH.eq(baseline);
        Condition inFollowUp = MONTHLY_STATUS.STATUS_MONTH.between(followFirst, followLast);
        List<Condition> conditions = statusConditions();
        List<SelectField<?>> totals = new ArrayList<>(List.of(ones(atBaseline, "base_members"),
                countDistinct(when(inFollowUp, person)).cast(SQLDataType.BIGINT).as("follow_members"),
                ones(inFollowUp, "months")));
        for (int i = 0; i < conditions.size(); i++) {
            totals.add(ones(atBaseline.and(conditions.get(i)), "base_with_" + i));
            totals.add(ones(inFollowUp.and(conditions.get(i)), "months_with_" + i));
        }
        Record r = tx.inTransaction(() -> tx.dsl().with(participants).select(totals).from(participants)
                .join(months).on(firstAt.ge(starts)).and(firstAt.lt(ends))
                .join(MONTHLY_STATUS).on(MONTHLY_STATUS.PERSON_ID.eq(person)).and(atBaseline.or(inFollowUp))
                .fetchOne());

        long baseMembers = number(r, "base_members");
        long followMembers = number(r, "follow_members");
        long personMonths = number(r, "months");
        Stratum s = Stratum.of("cohort", Cohort.PARTICIPANTS);
        var out = new ArrayList<MeasureResult>();
        for (int i = 0; i < STATUS_MEASURES.size(); i++) {
            Measure measure = STATUS_MEASURES.get(i);
            long monthsWith = number(r, "months_with_" + i);
            out.add(MeasureResult.proportion(measure, s.and("period", "BASELINE"), number(r, "base_with_" + i),
                    baseMembers));
            out.add(new MeasureResult(measure, s.and("period", "FOLLOW_UP"), followMembers, monthsWith, personMonths,
                    personMonths == 0 ? Optional.empty() : Optional.of(Fraction.of(monthsWith, personMonths)),
                    Optional.empty()));
        }
        return List.copyOf(out);
    }

    // ---- CostMeasures ----------------------------------------------------------------------------------------

    /** The participant-months and participants of the site's enrollments in the period's months. */
    private static Table<?> participantMonthsTable(ReportScope scope) {
        ZoneId zone = scope.period().zone();
        var rows = new ArrayList<Row2<OffsetDateTime, OffsetDateTime>>();
        for (YearMonth m : scope.period().months()) {
            rows.add(row(inline(EventStore.utc(m.atDay(1).atStartOfDay(zone).toInstant())),
                    inline(EventStore.utc(m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))));
        }
        @SuppressWarnings("unchecked")
        Row2<OffsetDateTime, OffsetDateTime>[] array = rows.toArray(Row2[]::new);
        Table<?> months = values(array).as("period_month", "starts", "ends");
        Field<OffsetDateTime> starts = field(name("period_month", "starts"), OffsetDateTime.class);
        Field<OffsetDateTime> ends = field(name("period_month", "ends"), OffsetDateTime.class);
        // CostMeasures.monthsOpen: started on or before the month's last day, not closed before its first day
        return select(count().cast(SQLDataType.BIGINT).as("participant_months"),
                countDistinct(ENROLLMENT.ID).cast(SQLDataType.BIGINT).as("participants"))
                .from(ENROLLMENT)
                .join(months).on(ENROLLMENT.STARTED_AT.lt(ends))
                .and(ENROLLMENT.CLOSED_AT.isNull().or(ENROLLMENT.CLOSED_AT.ge(starts)))
                .where(ENROLLMENT.SITE_ID.eq(scope.site().value()))
                .asTable("pm");
    }

    static long participantMonths(JooqTransactions tx, ReportScope scope) {
        Require.present(scope, "scope");
        Table<?> pm = participantMonthsTable(scope);
        return number(tx.inTransaction(() -> tx.dsl().select(pm.asterisk()).from(pm).fetchOne()),
                "participant_months");
    }

    static MeasureResult programmeCostPerParticipantMonth(JooqTransactions tx, ReportScope scope, Currency currency) {
        Require.present(scope, "scope");
        Require.present(currency, "currency");
        List<YearMonth> months = scope.period().months();
        String code = currency.getCurrencyCode();
        Table<?> spend = select(total(when(PROGRAMME_COST.CURRENCY.eq(code), PROGRAMME_COST.AMOUNT_MINOR), "spend"),
                ones(PROGRAMME_COST.CURRENCY.ne(code), "foreign_rows"))
                .from(PROGRAMME_COST)
                .where(PROGRAMME_COST.SITE_ID.eq(scope.site().value()))
                .and(PROGRAMME_COST.COST_MONTH.ge(months.get(0).atDay(1)))
                .and(PROGRAMME_COST.COST_MONTH.lt(scope.period().end()))
                .asTable("spend");
        Table<?> pm = participantMonthsTable(scope);
        Record r = tx.inTransaction(() -> tx.dsl().select(spend.asterisk(), pm.asterisk()).from(spend).crossJoin(pm)
                .fetchOne());
        refuseForeign(r, currency);
        return perParticipantMonth(Measure.PROGRAM_COST_PER_PARTICIPANT_MONTH, number(r, "spend"), r, currency);
    }

    static MeasureResult flexSpendPerParticipantMonth(JooqTransactions tx, ReportScope scope, Currency currency) {
        Require.present(scope, "scope");
        Require.present(currency, "currency");
        scope.period().months();
        String code = currency.getCurrencyCode();
        Field<BigDecimal> amount = field(name("spend"), BigDecimal.class);
        Table<?> spend = select(coalesce(sum(when(FLEX_EXPENDITURE.CURRENCY.eq(code), FLEX_EXPENDITURE.AMOUNT)),
                inline(BigDecimal.ZERO)).as(amount), ones(FLEX_EXPENDITURE.CURRENCY.ne(code), "foreign_rows"))
                .from(FLEX_EXPENDITURE)
                .join(ENROLLMENT).on(ENROLLMENT.ID.eq(FLEX_EXPENDITURE.ENROLLMENT_ID))
                .where(ENROLLMENT.SITE_ID.eq(scope.site().value()))
                .and(FLEX_EXPENDITURE.SPENT_AT.ge(EventStore.utc(startOf(scope))))
                .and(FLEX_EXPENDITURE.SPENT_AT.lt(EventStore.utc(endOf(scope))))
                .asTable("spend");
        Table<?> pm = participantMonthsTable(scope);
        Record r = tx.inTransaction(() -> tx.dsl().select(spend.asterisk(), pm.asterisk()).from(spend).crossJoin(pm)
                .fetchOne());
        refuseForeign(r, currency);
        long minor;
        try {
            minor = r.get(amount.getName(), BigDecimal.class).movePointRight(Math.max(
                    currency.getDefaultFractionDigits(), 0)).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException("amount", "the period's spend is too large to count in minor units");
        }
        return perParticipantMonth(Measure.FLEX_SPEND_PER_PARTICIPANT_MONTH, minor, r, currency);
    }

    /** CostMeasures.minorUnits: an amount in another currency than the report's is invalid. */
    private static void refuseForeign(Record r, Currency currency) {
        if (number(r, "foreign_rows") > 0) {
            throw new InvalidValueException("amount", "is not in the report currency " + currency);
        }
    }

    private static MeasureResult perParticipantMonth(Measure measure, long spend, Record r, Currency currency) {
        return MeasureResult.ratio(measure, Stratum.ALL, number(r, "participants"), spend,
                number(r, "participant_months"), 1, Optional.of(currency));
    }

    // ---- ProcessMeasures: contacts, caseloads, active share ----------------------------------------------------

    /** The participant contact types, in declaration order: the per-type rows of CM_CONTACTS. */
    private static List<ContactType> participantContactTypes() {
        var out = new ArrayList<ContactType>();
        for (ContactType t : ContactType.values()) {
            if (t.isParticipantContact()) {
                out.add(t);
            }
        }
        return out;
    }

    static List<MeasureResult> contacts(JooqTransactions tx, ReportScope scope) {
        Require.present(scope, "scope");
        String site = scope.site().value();
        OffsetDateTime lo = EventStore.utc(startOf(scope));
        OffsetDateTime hi = EventStore.utc(endOf(scope));
        // open during the period: started before its end, not closed before its start (local dates in the zone)
        Table<?> open = select(count().cast(SQLDataType.BIGINT).as("open_enrollments"))
                .from(ENROLLMENT)
                .where(ENROLLMENT.SITE_ID.eq(site)).and(ENROLLMENT.STARTED_AT.lt(hi))
                .and(ENROLLMENT.CLOSED_AT.isNull().or(ENROLLMENT.CLOSED_AT.ge(lo)))
                .asTable("open_enrollments");
        List<ContactType> types = participantContactTypes();
        List<SelectField<?>> byType = new ArrayList<>();
        for (ContactType t : types) {
            byType.add(ones(CONTACT.CONTACT_TYPE.eq(t.name()), "contacts_" + t.name()));
        }
        Table<?> dated = select(byType)
                .from(CONTACT)
                .join(ENROLLMENT).on(ENROLLMENT.ID.eq(CONTACT.ENROLLMENT_ID))
                .where(ENROLLMENT.SITE_ID.eq(site))
                .and(CONTACT.CONTACT_TYPE.in(types.stream().map(Enum::name).toList()))
                .and(CONTACT.CONTACT_AT.ge(lo)).and(CONTACT.CONTACT_AT.lt(hi))
                .asTable("dated");
        Record r = tx.inTransaction(() -> tx.dsl().select(open.asterisk(), dated.asterisk()).from(open)
                .crossJoin(dated).fetchOne());
        long enrollments = number(r, "open_enrollments");
        long total = 0;
        for (ContactType t : types) {
            total += number(r, "contacts_" + t.name());
        }
        var out = new ArrayList<MeasureResult>();
        out.add(MeasureResult.ratio(Measure.CM_CONTACTS, Stratum.ALL, enrollments, total, enrollments, 1,
                Optional.empty()));
        for (ContactType t : types) {
            out.add(MeasureResult.ratio(Measure.CM_CONTACTS, Stratum.of("contactType", t.name()), enrollments,
                    number(r, "contacts_" + t.name()), enrollments, 1, Optional.empty()));
        }
        return List.copyOf(out);
    }

    static List<MeasureResult> caseloads(JooqTransactions tx, SiteId site) {
        Require.present(site, "site");
        // one row per case manager: their open caseload (ProcessMeasures.caseloads), ordered as the domain orders
        // case manager ids rather than by the database's collation
        Map<CaseManagerId, Long> per = new TreeMap<>();
        Field<Long> caseload = count().cast(SQLDataType.BIGINT).as("caseload");
        tx.inTransaction(() -> {
            for (Record r : tx.dsl().select(CASELOAD_ASSIGNMENT.CASE_MANAGER_ID, caseload).from(CASELOAD_ASSIGNMENT)
                    .where(CASELOAD_ASSIGNMENT.SITE_ID.eq(site.value()))
                    .groupBy(CASELOAD_ASSIGNMENT.CASE_MANAGER_ID).fetch()) {
                per.put(new CaseManagerId(r.get(CASELOAD_ASSIGNMENT.CASE_MANAGER_ID)), r.get(caseload));
            }
            return null;
        });
        var out = new ArrayList<MeasureResult>();
        long total = 0;
        for (var e : per.entrySet()) {
            out.add(new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("caseManager", e.getKey().value()),
                    e.getValue(), e.getValue(), 1, Optional.of(Fraction.of(e.getValue())), Optional.empty()));
            total += e.getValue();
        }
        out.add(MeasureResult.ratio(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("statistic", "MEAN"), total, total,
                per.size(), 1, Optional.empty()));
        return List.copyOf(out);
    }

    static MeasureResult activeShare(JooqTransactions tx, SiteId site) {
        Require.present(site, "site");
        Record r = tx.inTransaction(() -> tx.dsl().select(count().cast(SQLDataType.BIGINT).as("open_enrollments"),
                        ones(ENROLLMENT.STATUS.eq(EnrollmentStatus.ACTIVE.name()), "active"))
                .from(ENROLLMENT)
                .where(ENROLLMENT.SITE_ID.eq(site.value()))
                .and(ENROLLMENT.STATUS.ne(EnrollmentStatus.CLOSED.name()))
                .fetchOne());
        return MeasureResult.proportion(Measure.ACTIVE_SHARE, Stratum.ALL, number(r, "active"),
                number(r, "open_enrollments"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------
}

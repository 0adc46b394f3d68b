/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.percentileDisc;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.leaddiversion.persistence.ReportSql.endOf;
import static org.leaddiversion.persistence.ReportSql.number;
import static org.leaddiversion.persistence.ReportSql.participants;
import static org.leaddiversion.persistence.ReportSql.startOf;
import static org.leaddiversion.persistence.ReportSql.total;
import static org.leaddiversion.persistence.jooq.Tables.ENCOUNTER;
import static org.leaddiversion.persistence.jooq.Tables.LEGAL_COST;
import static org.leaddiversion.persistence.jooq.Tables.LEGAL_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row7;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.CostComponent;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.OutcomeMeasures;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.ProcessMeasures;
import org.leaddiversion.domain.evaluation.ReferralStages;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;
import org.leaddiversion.domain.evaluation.equity.GroupCounts;
import org.leaddiversion.domain.evaluation.equity.RriTable;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.screening.EligibilityResult;

/**
 * The evaluation's measures computed by the database (SPEC §8.4–8.5): aggregate SQL over the stored referrals,
 * encounters, legal events and costs, so that a report over a million participants and ten million events reads only a
 * few aggregate rows into the JVM. Each result is equal — row for row, fraction for fraction — to what the domain's pure
 * functions give over the same data ({@link OutcomeMeasures}, {@link Cohort}, {@link RriTable},
 * {@link ProcessMeasures}, {@link org.leaddiversion.domain.evaluation.StatusMeasures},
 * {@link org.leaddiversion.domain.evaluation.CostMeasures},
 * {@link org.leaddiversion.domain.evaluation.equity.EquityMeasures}): every measure of the catalogue has its SQL form
 * here. The domain stays the definition, and rules such as R39 are applied by the domain to the counts computed here.
 *
 * <p>A report holds aggregates only: no person id, no date of a person's event leaves the database. Small-cell
 * suppression for publication is the domain's ({@code RriTable.publish()}, {@code Publication}).
 */
public final class EvaluationReports {

    private static final String LEAD = Cohort.PARTICIPANTS;
    private static final String COMPARISON = Cohort.COMPARISON;

    private final JooqTransactions tx;

    EvaluationReports(JooqTransactions tx) {
        this.tx = tx;
    }

    /**
     * The outcome report of a site's period (the quarterly outcome report): the participants who entered in the scope
     * ({@link Cohort#participants}) against the comparison cohort ({@link Cohort#comparison}), every measure of
     * {@link OutcomeMeasures#all} for each, and the odds ratios of the yes/no measures. One SQL statement; the legal
     * costs of cohort members inside their windows must all be in {@code currency}.
     */
    public OutcomeReport outcomes(ReportScope scope, OutcomeWindow window, Currency currency) {
        Require.present(scope, "scope");
        Require.present(window, "window");
        Require.present(currency, "currency");
        Map<String, Record> rows = new HashMap<>();
        tx.inTransaction(() -> {
            for (Record r : outcomeQuery(scope, window, currency)) {
                rows.put(r.get("cohort", String.class), r);
            }
            return null;
        });
        for (Record r : rows.values()) {
            if (number(r, "foreign_costs") > 0) {
                throw new InvalidValueException("legalCost.amount", "is not in the report currency " + currency);
            }
        }
        return OutcomeReport.of(scope, window, currency, results(LEAD, rows.get(LEAD), currency),
                results(COMPARISON, rows.get(COMPARISON), currency));
    }

    /**
     * Each group's referrals and eligible pool in the scope, as {@link RriTable#counts} counts them over the same data:
     * the site's referrals made in the period by the group recorded on them, and the site's encounters of the period
     * in the pool plus the referrals not tied to an arrest. Keyed in group order.
     */
    public Map<EquityGroup, GroupCounts> referralRateCounts(ReportScope scope) {
        Require.present(scope, "scope");
        String site = scope.site().value();
        List<String> notTied = Arrays.stream(Door.values()).filter(d -> !d.holdsCharge()).map(Door::name).toList();
        Field<String> group = field(name("grp"), String.class);
        Field<Long> referrals = field(name("referrals"), Long.class);
        Field<Long> pool = field(name("pool"), Long.class);
        var byReferral = select(REFERRAL.EQUITY_GROUP.as(group), count().cast(SQLDataType.BIGINT).as(referrals),
                sum(when(REFERRAL.DOOR.in(notTied), inline(1L)).otherwise(inline(0L))).cast(SQLDataType.BIGINT)
                        .as(pool))
                .from(REFERRAL)
                .where(REFERRAL.SITE_ID.eq(site))
                .and(REFERRAL.REFERRED_AT.ge(EventStore.utc(startOf(scope))))
                .and(REFERRAL.REFERRED_AT.lt(EventStore.utc(endOf(scope))))
                .groupBy(REFERRAL.EQUITY_GROUP);
        var byEncounter = select(ENCOUNTER.EQUITY_GROUP.as(group), inline(0L).as(referrals),
                count().cast(SQLDataType.BIGINT).as(pool))
                .from(ENCOUNTER)
                .where(ENCOUNTER.SITE_ID.eq(site))
                .and(ENCOUNTER.ENCOUNTER_DATE.ge(scope.period().start()))
                .and(ENCOUNTER.ENCOUNTER_DATE.lt(scope.period().end()))
                .and(ENCOUNTER.DIVERTIBLE_OFFENCE.isTrue()).and(ENCOUNTER.IN_CATCHMENT.isTrue())
                .groupBy(ENCOUNTER.EQUITY_GROUP);
        Map<EquityGroup, GroupCounts> out = new TreeMap<>();
        tx.inTransaction(() -> {
            for (Record r : tx.dsl().fetch(byReferral.unionAll(byEncounter))) {
                out.merge(new EquityGroup(r.get(group)), new GroupCounts(r.get(referrals), r.get(pool)),
                        GroupCounts::plus);
            }
            return null;
        });
        return out;
    }

    /**
     * The referral relative rate index of the scope under {@code policy}: {@link RriTable#of} (rule R39's suppression
     * and flags) applied to the counts of {@link #referralRateCounts}.
     */
    public RriTable referralRateIndex(ReportScope scope, EquityPolicy policy) {
        Require.present(policy, "policy");
        return RriTable.of(referralRateCounts(scope), policy);
    }

    /**
     * The diversion share of the scope by group, as the domain's
     * {@link org.leaddiversion.domain.evaluation.equity.EquityMeasures#diversionShare} gives it over the same
     * referrals and encounters, row for row: each group's arrest diversions (arrest-door referrals in the scope whose
     * charge was held) over those plus the group's bookings of the scope's encounter pool. One SQL statement.
     */
    public List<MeasureResult> diversionShare(ReportScope scope, EquityPolicy policy) {
        Require.present(scope, "scope");
        Require.present(policy, "policy");
        return new EquityReportQueries(tx).diversionShare(scope, policy);
    }

    /**
     * The stage conversion of the scope by group and stage, as the domain's
     * {@link org.leaddiversion.domain.evaluation.equity.EquityMeasures#stageConversion} gives it over all stored
     * referrals, enrollments and events, row for row: the nested referral stages read from the referral's columns,
     * and the site's enrollments started in the period at least six months (in the scope's zone) before
     * {@code asOf}, with their status six months after the start replayed from the stored enrollment events. Two SQL
     * statements.
     */
    public List<MeasureResult> stageConversion(ReportScope scope, Instant asOf, EquityPolicy policy) {
        Require.present(scope, "scope");
        Require.present(asOf, "asOf");
        Require.present(policy, "policy");
        return new EquityReportQueries(tx).stageConversion(scope, asOf, policy);
    }

    /**
     * The exclusion reasons of the scope by group and criterion (E1–E17), as the domain's
     * {@link org.leaddiversion.domain.evaluation.equity.EquityMeasures#exclusionReasons} gives them over the same
     * referrals, row for row: each group's referrals with at least one screening finding or discretionary note of the
     * criterion over the group's referrals, for every criterion found in the scope. One SQL statement over the stored
     * screening reasons.
     */
    public List<MeasureResult> exclusionReasons(ReportScope scope, EquityPolicy policy) {
        Require.present(scope, "scope");
        Require.present(policy, "policy");
        return new EquityReportQueries(tx).exclusionReasons(scope, policy);
    }

    /**
     * The post-enrollment charging decisions of the scope by group and decision, as the domain's
     * {@link org.leaddiversion.domain.evaluation.equity.EquityMeasures#postEnrollmentDecisions} gives them over all
     * stored cases and referrals, row for row: the decisions recorded in the period on the site's post-enrollment
     * cases, each person counted in the group of their latest referral at the site made no later than the decision
     * ({@code UNKNOWN} when there is none). One SQL statement.
     */
    public List<MeasureResult> postEnrollmentDecisions(ReportScope scope, EquityPolicy policy) {
        Require.present(scope, "scope");
        Require.present(policy, "policy");
        return new EquityReportQueries(tx).postEnrollmentDecisions(scope, policy);
    }

    /**
     * Outcome parity (SPEC §8.5 item 6): every outcome measure of {@link #outcomes} for each equity group of each
     * cohort, as the domain's {@link org.leaddiversion.domain.evaluation.equity.EquityMeasures#outcomeParity} gives
     * it with {@link OutcomeMeasures#all}: the participants' rows ({@link Cohort#participants}, each member in the
     * group recorded on their entry referral) followed by the comparison cohort's ({@link Cohort#comparison}, the
     * group recorded on the entry encounter), every row stratified by {@code group} as well, the groups in the
     * policy's order with {@code UNKNOWN} last. One SQL statement, the outcome query with a group dimension; the legal
     * costs of members inside their windows must all be in {@code currency}.
     */
    public List<MeasureResult> outcomeParity(ReportScope scope, OutcomeWindow window, Currency currency,
                                             EquityPolicy policy) {
        Require.present(scope, "scope");
        Require.present(window, "window");
        Require.present(currency, "currency");
        Require.present(policy, "policy");
        Map<String, Map<EquityGroup, Record>> rows = new HashMap<>();
        tx.inTransaction(() -> {
            for (Record r : outcomeQuery(scope, window, currency, true)) {
                rows.computeIfAbsent(r.get("cohort", String.class), k -> new TreeMap<>())
                        .put(new EquityGroup(r.get("grp", String.class)), r);
            }
            return null;
        });
        for (Map<EquityGroup, Record> cohort : rows.values()) {
            for (Record r : cohort.values()) {
                if (number(r, "foreign_costs") > 0) {
                    throw new InvalidValueException("legalCost.amount", "is not in the report currency " + currency);
                }
            }
        }
        var out = new ArrayList<MeasureResult>();
        for (String cohort : List.of(LEAD, COMPARISON)) {
            Map<EquityGroup, Record> byGroup = rows.getOrDefault(cohort, Map.of());
            for (EquityGroup g : policy.reportedGroups(byGroup.keySet())) {
                for (MeasureResult r : results(cohort, byGroup.get(g), currency)) {
                    out.add(new MeasureResult(r.measure(), r.stratum().and("group", g.code()), r.subjects(),
                            r.count(), r.base(), r.value(), r.currency()));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The referral process funnel of the scope, as {@link ProcessMeasures#referralFunnel} gives it over the same
     * referrals, row for row and in the same order: referrals by door, eligible, declined, the hand-offs' median
     * minutes and share within {@code handoffTargetMinutes} (the site's {@code handoff.targetMinutes}), and intake on
     * time and lapsed over the accepted referrals whose intake window has closed. The stages are those of
     * {@link ReferralStages}, read from the referral's columns (the override, consent and hand-off facts of V8). One SQL
     * statement; no referral is read into the JVM.
     */
    public List<MeasureResult> processFunnel(ReportScope scope, int handoffTargetMinutes) {
        Require.present(scope, "scope");
        Require.atLeast(handoffTargetMinutes, 1, "handoff.targetMinutes");
        Condition inScope = REFERRAL.SITE_ID.eq(scope.site().value())
                .and(REFERRAL.REFERRED_AT.ge(EventStore.utc(startOf(scope))))
                .and(REFERRAL.REFERRED_AT.lt(EventStore.utc(endOf(scope))));
        // ReferralStages, column by column
        Condition eligible = REFERRAL.SCREENING_RESULT.in(EligibilityResult.ELIGIBLE.name(),
                EligibilityResult.DEFERRED_CAPACITY.name()).or(REFERRAL.OVERRIDE_AT.isNotNull());
        Condition declined = REFERRAL.STATUS.eq(ReferralStatus.DECLINED_BY_PERSON.name());
        Condition windowClosed = REFERRAL.ACCEPTED_AT.isNotNull()
                .and(REFERRAL.STATUS.ne(ReferralStatus.PENDING_INTAKE.name()));
        Condition onTime = REFERRAL.INTAKE_COMPLETED_AT.isNotNull();
        Condition lapsed = REFERRAL.STATUS.eq(ReferralStatus.INTAKE_LAPSED.name());

        List<SelectField<?>> counts = new ArrayList<>(List.of(count().cast(SQLDataType.BIGINT).as("referrals")));
        for (Door d : Door.values()) {
            counts.add(total(when(REFERRAL.DOOR.eq(d.name()), inline(1)).otherwise(inline(0)), "door_" + d.name()));
        }
        counts.add(total(when(eligible, inline(1)).otherwise(inline(0)), "eligible"));
        counts.add(total(when(declined, inline(1)).otherwise(inline(0)), "declined"));
        counts.add(count(REFERRAL.HANDOFF_MINUTES).cast(SQLDataType.BIGINT).as("handoffs"));
        counts.add(total(when(REFERRAL.HANDOFF_MINUTES.le(inline((long) handoffTargetMinutes)), inline(1))
                .otherwise(inline(0)), "handoffs_within"));
        counts.add(total(when(windowClosed, inline(1)).otherwise(inline(0)), "closed"));
        counts.add(total(when(windowClosed.and(onTime), inline(1)).otherwise(inline(0)), "on_time"));
        counts.add(total(when(windowClosed.and(lapsed), inline(1)).otherwise(inline(0)), "lapsed"));
        Table<?> stages = select(counts).from(REFERRAL).where(inScope).asTable("stages");

        // The median of the hand-off minutes: the middle one or two of the ranked hand-offs, summed and counted.
        Field<Long> minutes = field(name("ranked", "minutes"), Long.class);
        Field<Long> rn = field(name("ranked", "rn"), Long.class);
        Field<Long> n = field(name("ranked", "n"), Long.class);
        Table<?> ranked = select(REFERRAL.HANDOFF_MINUTES.as("minutes"),
                rowNumber().over().orderBy(REFERRAL.HANDOFF_MINUTES).as("rn"), count().over().as("n"))
                .from(REFERRAL).where(inScope).and(REFERRAL.HANDOFF_MINUTES.isNotNull()).asTable("ranked");
        Table<?> median = select(total(minutes, "median_sum"), count().cast(SQLDataType.BIGINT).as("median_count"))
                .from(ranked).where(rn.eq(n.plus(1).div(2)).or(rn.eq(n.plus(2).div(2)))).asTable("median");

        Record r = tx.inTransaction(() -> tx.dsl().select(stages.asterisk(), median.asterisk()).from(stages)
                .crossJoin(median).fetchOne());
        long referrals = number(r, "referrals");
        var out = new ArrayList<MeasureResult>();
        for (Door d : Door.values()) {
            out.add(MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", d.name()),
                    number(r, "door_" + d.name()), referrals));
        }
        out.add(MeasureResult.proportion(Measure.REFERRALS_ELIGIBLE, Stratum.ALL, number(r, "eligible"), referrals));
        out.add(MeasureResult.proportion(Measure.REFERRALS_DECLINED, Stratum.ALL, number(r, "declined"), referrals));
        long handoffs = number(r, "handoffs");
        out.add(new MeasureResult(Measure.HANDOFF_MINUTES, Stratum.of("statistic", "MEDIAN"), handoffs, handoffs,
                handoffs, handoffs == 0 ? Optional.empty()
                : Optional.of(Fraction.of(number(r, "median_sum"), number(r, "median_count"))), Optional.empty()));
        out.add(MeasureResult.proportion(Measure.HANDOFF_WITHIN_TARGET, Stratum.ALL, number(r, "handoffs_within"),
                handoffs));
        long closed = number(r, "closed");
        out.add(MeasureResult.proportion(Measure.INTAKE_ON_TIME, Stratum.ALL, number(r, "on_time"), closed));
        out.add(MeasureResult.proportion(Measure.INTAKE_LAPSED, Stratum.ALL, number(r, "lapsed"), closed));
        return List.copyOf(out);
    }

    /**
     * The monthly housing, employment and income measures of the participants who entered in the scope
     * ({@link Cohort#participants}), as {@link org.leaddiversion.domain.evaluation.StatusMeasures#monthlyStatus} gives
     * them over the stored monthly statuses, row for row: BASELINE (the month before the month of entry) and FOLLOW_UP
     * ({@code followUpMonths} months after it) for {@code SHELTERED_MONTH}, {@code PERMANENT_HOUSING_MONTH},
     * {@code EMPLOYMENT_CONTINUUM_MONTH} and {@code INCOME_BENEFITS_MONTH}. One SQL statement.
     */
    public List<MeasureResult> monthlyStatus(ReportScope scope, int followUpMonths) {
        return ProgrammeReportQueries.monthlyStatus(tx, scope, followUpMonths);
    }

    /**
     * The participant-months of the site's enrollments in the scope
     * ({@link org.leaddiversion.domain.evaluation.CostMeasures#participantMonths}); the period must be whole calendar
     * months. One SQL statement.
     */
    public long participantMonths(ReportScope scope) {
        return ProgrammeReportQueries.participantMonths(tx, scope);
    }

    /**
     * {@code PROGRAM_COST_PER_PARTICIPANT_MONTH} of the scope, as
     * {@link org.leaddiversion.domain.evaluation.CostMeasures#programmeCostPerParticipantMonth} gives it over the
     * stored programme costs and enrollments; the period must be whole calendar months and the site's costs of its
     * months all in {@code currency}. One SQL statement.
     */
    public MeasureResult programmeCostPerParticipantMonth(ReportScope scope, Currency currency) {
        return ProgrammeReportQueries.programmeCostPerParticipantMonth(tx, scope, currency);
    }

    /**
     * {@code FLEX_SPEND_PER_PARTICIPANT_MONTH} of the scope, as
     * {@link org.leaddiversion.domain.evaluation.CostMeasures#flexSpendPerParticipantMonth} gives it over the stored
     * flexible-fund expenditures and enrollments; the period must be whole calendar months and the expenditures of the
     * site's enrollments in the period all in {@code currency}. One SQL statement.
     */
    public MeasureResult flexSpendPerParticipantMonth(ReportScope scope, Currency currency) {
        return ProgrammeReportQueries.flexSpendPerParticipantMonth(tx, scope, currency);
    }

    /**
     * {@code CM_CONTACTS} of the scope, as {@link ProcessMeasures#contacts} gives it over the stored enrollments and
     * their recorded contacts: participant contacts of the site's enrollments dated in the period, per enrollment open
     * during the period, overall and by contact type. One SQL statement.
     */
    public List<MeasureResult> contacts(ReportScope scope) {
        return ProgrammeReportQueries.contacts(tx, scope);
    }

    /**
     * {@code CASELOAD_PER_CASE_MANAGER} of the site's stored case-manager assignments as they stand now, as
     * {@link ProcessMeasures#caseloads} gives it: one row per case manager (in id order) and the mean. One SQL
     * statement, one row per case manager.
     */
    public List<MeasureResult> caseloads(org.leaddiversion.domain.policy.SiteId site) {
        return ProgrammeReportQueries.caseloads(tx, site);
    }

    /**
     * {@code ACTIVE_SHARE} of the site's stored enrollments as they stand now, as {@link ProcessMeasures#activeShare}
     * gives it: open enrollments that are ACTIVE. One SQL statement.
     */
    public MeasureResult activeShare(org.leaddiversion.domain.policy.SiteId site) {
        return ProgrammeReportQueries.activeShare(tx, site);
    }

    // ---- the outcome query -----------------------------------------------------------------------------------

    private static final List<String> YES_NO = List.of("arrest", "felony", "misdemeanor", "prison");

    private org.jooq.Result<Record> outcomeQuery(ReportScope scope, OutcomeWindow window, Currency currency) {
        return outcomeQuery(scope, window, currency, false);
    }

    /**
     * The outcome query's rows, one per cohort, or with {@code byGroup} one per cohort and equity group of its
     * members (column {@code grp}; every group of the cohort has a row, its counts null when none of its members is
     * followed). Without {@code byGroup}, {@code grp} is empty.
     */
    private org.jooq.Result<Record> outcomeQuery(ReportScope scope, OutcomeWindow window, Currency currency,
                                                 boolean byGroup) {
        String site = scope.site().value();
        Instant lo = startOf(scope);
        Instant hi = endOf(scope);
        org.jooq.SQLDialect dialect = tx.dsl().dialect();

        CommonTableExpression<?> participants = participants(scope, byGroup, dialect);
        Field<String> pPerson = field(name("participants", "person_id"), String.class);
        Field<OffsetDateTime> pFirst = field(name("participants", "first_at"), OffsetDateTime.class);
        Field<String> pGroup = field(name("participants", "grp"), String.class);

        // The comparison cohort: each comparison candidate's earliest candidate encounter of the period, people in the
        // participant cohort left out (Cohort.comparison), by group the one recorded on it (the smallest code when one
        // day's encounters disagree).
        Condition candidate = ENCOUNTER.SITE_ID.eq(site)
                .and(ENCOUNTER.ENCOUNTER_DATE.ge(scope.period().start()))
                .and(ENCOUNTER.ENCOUNTER_DATE.lt(scope.period().end()))
                .and(ENCOUNTER.DIVERTIBLE_OFFENCE.isTrue()).and(ENCOUNTER.IN_CATCHMENT.isTrue())
                .and(ENCOUNTER.DIVERSION_WINDOW.eq(Encounter.Window.DIVERSION_NOT_ALLOWED.name()))
                .and(notExists(selectOne().from(participants).where(pPerson.eq(ENCOUNTER.PERSON_ID))));
        CommonTableExpression<?> candidates;
        if (byGroup) {
            Table<?> ranked = select(ENCOUNTER.PERSON_ID, ENCOUNTER.ENCOUNTER_DATE, ENCOUNTER.EQUITY_GROUP,
                    rowNumber().over().partitionBy(ENCOUNTER.PERSON_ID).orderBy(ENCOUNTER.ENCOUNTER_DATE,
                            EquityReportQueries.ordinal(ENCOUNTER.EQUITY_GROUP, dialect)).as("rn"))
                    .from(ENCOUNTER).where(candidate).asTable("ranked_candidates");
            candidates = name("candidates").fields("person_id", "first_date", "grp").as(
                    select(ranked.field(ENCOUNTER.PERSON_ID), ranked.field(ENCOUNTER.ENCOUNTER_DATE),
                            ranked.field(ENCOUNTER.EQUITY_GROUP))
                            .from(ranked).where(ranked.field("rn", Long.class).eq(1L)));
        } else {
            candidates = name("candidates").fields("person_id", "first_date", "grp").as(
                    select(ENCOUNTER.PERSON_ID, min(ENCOUNTER.ENCOUNTER_DATE), inline(""))
                            .from(ENCOUNTER).where(candidate).groupBy(ENCOUNTER.PERSON_ID));
        }
        Field<String> cPerson = field(name("candidates", "person_id"), String.class);
        Field<LocalDate> cFirst = field(name("candidates", "first_date"), LocalDate.class);
        Field<String> cGroup = field(name("candidates", "grp"), String.class);

        // The windows of every entry date a followed member can have, computed by the domain's OutcomeWindow.
        Table<?> cal = calendar(scope, window);
        Field<LocalDate> entry = field(name("cal", "entry_date"), LocalDate.class);
        List<Field<?>> calFields = List.of(entry, field(name("cal", "pre_start"), LocalDate.class),
                field(name("cal", "pre_end"), LocalDate.class), field(name("cal", "post_start"), LocalDate.class),
                field(name("cal", "post_end"), LocalDate.class), field(name("cal", "pre_days"), Integer.class),
                field(name("cal", "post_days"), Integer.class));
        List<SelectField<?>> leadFields = new ArrayList<>(List.of(inline(LEAD).as("cohort"), pGroup.as("grp"),
                pPerson.as("person_id")));
        leadFields.addAll(calFields);
        List<SelectField<?>> comparisonFields = new ArrayList<>(List.of(inline(COMPARISON).as("cohort"),
                cGroup.as("grp"), cPerson.as("person_id")));
        comparisonFields.addAll(calFields);
        CommonTableExpression<?> members = name("members").as(
                select(leadFields).from(participants).join(cal).on(entry.eq(localDate(pFirst, scope)))
                        .unionAll(select(comparisonFields).from(candidates).join(cal).on(entry.eq(cFirst))));
        Field<String> mCohort = field(name("members", "cohort"), String.class);
        Field<String> mGroup = field(name("members", "grp"), String.class);
        Field<String> mPerson = field(name("members", "person_id"), String.class);
        Field<LocalDate> mEntry = field(name("members", "entry_date"), LocalDate.class);
        Field<LocalDate> preStart = field(name("members", "pre_start"), LocalDate.class);
        Field<LocalDate> preEnd = field(name("members", "pre_end"), LocalDate.class);
        Field<LocalDate> postStart = field(name("members", "post_start"), LocalDate.class);
        Field<LocalDate> postEnd = field(name("members", "post_end"), LocalDate.class);
        Field<Integer> preDays = field(name("members", "pre_days"), Integer.class);
        Field<Integer> postDays = field(name("members", "post_days"), Integer.class);

        // Per member: whether each yes/no outcome happened in each window, bookings, clipped jail days, first re-arrest.
        LocalDate dataThrough = window.dataThrough();
        Field<LocalDate> lastJailDay = coalesce(LEGAL_EVENT.RELEASED_ON, inline(dataThrough));
        Condition inPre = LEGAL_EVENT.EVENT_DATE.between(preStart, preEnd);
        Condition inPost = LEGAL_EVENT.EVENT_DATE.between(postStart, postEnd);
        Condition arrest = LEGAL_EVENT.KIND.eq("ARREST");
        Condition felony = LEGAL_EVENT.KIND.eq("CHARGE_FILED").and(LEGAL_EVENT.OFFENCE_LEVEL.eq(OffenceLevel.FELONY
                .name()));
        Condition misdemeanor = LEGAL_EVENT.KIND.eq("CHARGE_FILED").and(LEGAL_EVENT.OFFENCE_LEVEL.eq(
                OffenceLevel.MISDEMEANOR.name()));
        Condition prison = LEGAL_EVENT.KIND.eq("PRISON_ADMISSION");
        Condition booking = LEGAL_EVENT.KIND.eq("JAIL_BOOKING");
        List<SelectField<?>> perMember = new ArrayList<>(List.of(mCohort, mGroup, mPerson, preDays, postDays));
        Condition[] kinds = {arrest, felony, misdemeanor, prison};
        for (int i = 0; i < kinds.length; i++) {
            perMember.add(max(when(kinds[i].and(inPre), inline(1)).otherwise(inline(0))).as(YES_NO.get(i) + "_pre"));
            perMember.add(max(when(kinds[i].and(inPost), inline(1)).otherwise(inline(0))).as(YES_NO.get(i) + "_post"));
        }
        perMember.add(sum(when(booking.and(inPre), inline(1)).otherwise(inline(0))).as("bookings_pre"));
        perMember.add(sum(when(booking.and(inPost), inline(1)).otherwise(inline(0))).as("bookings_post"));
        perMember.add(sum(when(booking, jailDays(preStart, preEnd, lastJailDay)).otherwise(inline(0)))
                .as("jail_days_pre"));
        perMember.add(sum(when(booking, jailDays(postStart, postEnd, lastJailDay)).otherwise(inline(0)))
                .as("jail_days_post"));
        perMember.add(min(when(arrest.and(inPost), localDateDiff(LEGAL_EVENT.EVENT_DATE, mEntry)))
                .as("rearrest_days"));
        CommonTableExpression<?> memberStats = name("member_stats").as(select(perMember)
                .from(members)
                .leftJoin(LEGAL_EVENT).on(LEGAL_EVENT.PERSON_ID.eq(mPerson))
                .and(LEGAL_EVENT.EVENT_DATE.le(postEnd))
                .and(LEGAL_EVENT.EVENT_DATE.ge(preStart).or(booking.and(lastJailDay.ge(preStart))))
                .groupBy(mCohort, mGroup, mPerson, mEntry, preDays, postDays));

        // Per cohort (and group): the sums, and the median of the days to re-arrest as the sum of its lower and upper
        // middle values over two (percentile_disc of 0.5 in ascending and in descending order: the same value when the
        // count is odd), exact in whole days.
        Field<String> sCohort = field(name("member_stats", "cohort"), String.class);
        Field<String> sGroup = field(name("member_stats", "grp"), String.class);
        Field<Integer> rearrest = field(name("member_stats", "rearrest_days"), Integer.class);
        List<SelectField<?>> totals = new ArrayList<>(List.of(sCohort.as("cohort"), sGroup.as("grp"),
                count().as("followed"), total(field(name("member_stats", "pre_days")), "pre_days"),
                total(field(name("member_stats", "post_days")), "post_days")));
        for (String m : List.of("arrest", "felony", "misdemeanor", "prison", "bookings", "jail_days")) {
            totals.add(total(field(name("member_stats", m + "_pre")), m + "_pre"));
            totals.add(total(field(name("member_stats", m + "_post")), m + "_post"));
        }
        totals.add(count(rearrest).as("rearrested"));
        totals.add(total(rearrest, "rearrest_sum"));
        totals.add(percentileDisc(0.5).withinGroupOrderBy(rearrest.asc()).as("median_low"));
        totals.add(percentileDisc(0.5).withinGroupOrderBy(rearrest.desc()).as("median_high"));
        CommonTableExpression<?> eventTotals = name("event_totals").as(select(totals).from(memberStats)
                .groupBy(sCohort, sGroup));

        // Costs per cohort (and group), component and window (only costs inside a member's windows can count).
        List<SelectField<?>> costs = new ArrayList<>(List.of(mCohort.as("cohort"), mGroup.as("grp")));
        Condition costPre = LEGAL_COST.COST_DATE.between(preStart, preEnd);
        Condition costPost = LEGAL_COST.COST_DATE.between(postStart, postEnd);
        for (CostComponent c : CostComponent.values()) {
            Condition own = LEGAL_COST.COMPONENT.eq(c.name());
            costs.add(total(when(own.and(costPre), LEGAL_COST.AMOUNT_MINOR).otherwise(inline(0L)),
                    "cost_" + c.name().toLowerCase(java.util.Locale.ROOT) + "_pre"));
            costs.add(total(when(own.and(costPost), LEGAL_COST.AMOUNT_MINOR).otherwise(inline(0L)),
                    "cost_" + c.name().toLowerCase(java.util.Locale.ROOT) + "_post"));
        }
        costs.add(total(when(LEGAL_COST.CURRENCY.ne(currency.getCurrencyCode()), inline(1)).otherwise(inline(0)),
                "foreign_costs"));
        CommonTableExpression<?> costTotals = name("cost_totals").as(select(costs).from(members)
                .join(LEGAL_COST).on(LEGAL_COST.PERSON_ID.eq(mPerson)).and(LEGAL_COST.COST_DATE.between(preStart,
                        postEnd))
                .groupBy(mCohort, mGroup));

        Table<?> events = eventTotals;
        Table<?> money = costTotals;
        List<String> keys = List.of("cohort", "grp");
        List<SelectField<?>> out = new ArrayList<>();
        for (Field<?> f : events.fields()) {
            if (!byGroup || !keys.contains(f.getName())) {
                out.add(f);
            }
        }
        for (Field<?> f : money.fields()) {
            if (!keys.contains(f.getName())) {
                out.add(f);
            }
        }
        Condition sameCohort = events.field("cohort", String.class).eq(money.field("cohort", String.class))
                .and(events.field("grp", String.class).eq(money.field("grp", String.class)));
        if (!byGroup) {
            return tx.dsl().with(participants, candidates, members, memberStats, eventTotals, costTotals)
                    .select(out).from(events).leftJoin(money).on(sameCohort)
                    .fetch();
        }
        // every group of each cohort, followed or not (the domain reports a group of unfollowed members too)
        CommonTableExpression<?> groups = name("cohort_groups").fields("cohort", "grp").as(
                select(inline(LEAD), pGroup).from(participants)
                        .union(select(inline(COMPARISON), cGroup).from(candidates)));
        Field<String> gCohort = field(name("cohort_groups", "cohort"), String.class);
        Field<String> gGroup = field(name("cohort_groups", "grp"), String.class);
        out.add(0, gCohort.as("cohort"));
        out.add(1, gGroup.as("grp"));
        return tx.dsl().with(participants, candidates, members, memberStats, eventTotals, costTotals, groups)
                .select(out).from(groups)
                .leftJoin(events).on(gCohort.eq(events.field("cohort", String.class)))
                .and(gGroup.eq(events.field("grp", String.class)))
                .leftJoin(money).on(gCohort.eq(money.field("cohort", String.class)))
                .and(gGroup.eq(money.field("grp", String.class)))
                .fetch();
    }

    /** The jail days of a stay between {@code from} and {@code to}, both included: LegalEvent.JailBooking#daysWithin. */
    private static Field<Integer> jailDays(Field<LocalDate> from, Field<LocalDate> to, Field<LocalDate> last) {
        return greatest(inline(0), localDateDiff(least(last, to), greatest(LEGAL_EVENT.EVENT_DATE, from)).plus(1));
    }

    /**
     * The windows of each date of the period on which a followed member can enter, from the domain's
     * {@link OutcomeWindow}, as an inline table {@code cal}. A date before the period stands in when there is none
     * (it never matches an entry date, which is always in the period).
     */
    private static Table<?> calendar(ReportScope scope, OutcomeWindow window) {
        var rows = new ArrayList<Row7<LocalDate, LocalDate, LocalDate, LocalDate, LocalDate, Integer, Integer>>();
        for (LocalDate d = scope.period().start(); d.isBefore(scope.period().end()); d = d.plusDays(1)) {
            if (window.follows(d)) {
                rows.add(calendarRow(d, window));
            }
        }
        if (rows.isEmpty()) {
            rows.add(calendarRow(scope.period().start().minusDays(1), window));
        }
        @SuppressWarnings("unchecked")
        Row7<LocalDate, LocalDate, LocalDate, LocalDate, LocalDate, Integer, Integer>[] array = rows.toArray(
                Row7[]::new);
        return org.jooq.impl.DSL.values(array).as("cal", "entry_date", "pre_start", "pre_end", "post_start",
                "post_end", "pre_days", "post_days");
    }

    private static Row7<LocalDate, LocalDate, LocalDate, LocalDate, LocalDate, Integer, Integer> calendarRow(
            LocalDate d, OutcomeWindow window) {
        return org.jooq.impl.DSL.row(inline(d), inline(window.preStart(d)), inline(d.minusDays(1)),
                inline(d.plusDays(1)), inline(window.postEnd(d)), inline(Math.toIntExact(window.preDays(d))),
                inline(Math.toIntExact(window.postDays(d))));
    }

    /**
     * The local date, in the scope's zone, of an instant inside the scope's period: a balanced CASE over the instants
     * at which the period's days start (exact whatever the zone's offsets; no time-zone function of either database).
     */
    private static Field<LocalDate> localDate(Field<OffsetDateTime> at, ReportScope scope) {
        ZoneId zone = scope.period().zone();
        var days = new ArrayList<LocalDate>();
        for (LocalDate d = scope.period().start(); d.isBefore(scope.period().end()); d = d.plusDays(1)) {
            days.add(d);
        }
        return dayOf(at, days, zone, 0, days.size() - 1);
    }

    private static Field<LocalDate> dayOf(Field<OffsetDateTime> at, List<LocalDate> days, ZoneId zone, int from,
                                          int to) {
        if (from == to) {
            return inline(days.get(from));
        }
        int mid = (from + to + 1) / 2;
        OffsetDateTime starts = EventStore.utc(days.get(mid).atStartOfDay(zone).toInstant());
        return when(at.lt(inline(starts)), dayOf(at, days, zone, from, mid - 1))
                .otherwise(dayOf(at, days, zone, mid, to));
    }

    // ---- rows, shaped as OutcomeMeasures shapes them ---------------------------------------------------------

    private static List<MeasureResult> results(String cohort, Record r, Currency currency) {
        long followed = r == null ? 0 : number(r, "followed");
        long preDays = r == null ? 0 : number(r, "pre_days");
        long postDays = r == null ? 0 : number(r, "post_days");
        Stratum s = Stratum.of("cohort", cohort);
        var out = new ArrayList<MeasureResult>();
        Measure[] yesNo = {Measure.ARREST_ANY, Measure.CHARGE_FILED_FELONY, Measure.CHARGE_FILED_MISD};
        for (int i = 0; i < yesNo.length; i++) {
            out.addAll(proportions(yesNo[i], s, r, YES_NO.get(i), followed));
        }
        out.addAll(perYear(Measure.JAIL_BOOKINGS_PER_YEAR, s, r, "bookings", followed, preDays, postDays));
        out.addAll(perYear(Measure.JAIL_DAYS_PER_YEAR, s, r, "jail_days", followed, preDays, postDays));
        out.addAll(proportions(Measure.PRISON_ADMISSION_ANY, s, r, "prison", followed));
        long totalPre = 0;
        long totalPost = 0;
        for (CostComponent c : CostComponent.values()) {
            String key = "cost_" + c.name().toLowerCase(java.util.Locale.ROOT);
            long pre = r == null ? 0 : number(r, key + "_pre");
            long post = r == null ? 0 : number(r, key + "_post");
            out.addAll(costRows(s, c.name(), followed, pre, preDays, post, postDays, currency));
            totalPre = Math.addExact(totalPre, pre);
            totalPost = Math.addExact(totalPost, post);
        }
        out.addAll(costRows(s, "TOTAL", followed, totalPre, preDays, totalPost, postDays, currency));
        long rearrested = r == null ? 0 : number(r, "rearrested");
        Optional<Fraction> median = rearrested == 0 ? Optional.empty()
                : Optional.of(Fraction.of(Math.addExact(number(r, "median_low"), number(r, "median_high")), 2));
        Optional<Fraction> mean = rearrested == 0 ? Optional.empty()
                : Optional.of(Fraction.of(number(r, "rearrest_sum"), rearrested));
        Stratum post = s.and("window", "POST");
        out.add(new MeasureResult(Measure.TIME_TO_REARREST, post.and("statistic", "MEDIAN"), followed, rearrested,
                followed, median, Optional.empty()));
        out.add(new MeasureResult(Measure.TIME_TO_REARREST, post.and("statistic", "MEAN"), followed, rearrested,
                followed, mean, Optional.empty()));
        return List.copyOf(out);
    }

    private static List<MeasureResult> proportions(Measure measure, Stratum s, Record r, String key, long followed) {
        return List.of(
                MeasureResult.proportion(measure, s.and("window", "PRE"), r == null ? 0 : number(r, key + "_pre"),
                        followed),
                MeasureResult.proportion(measure, s.and("window", "POST"), r == null ? 0 : number(r, key + "_post"),
                        followed));
    }

    private static List<MeasureResult> perYear(Measure measure, Stratum s, Record r, String key, long followed,
                                               long preDays, long postDays) {
        return List.of(
                MeasureResult.ratio(measure, s.and("window", "PRE"), followed, r == null ? 0 : number(r, key + "_pre"),
                        preDays, OutcomeMeasures.DAYS_PER_YEAR, Optional.empty()),
                MeasureResult.ratio(measure, s.and("window", "POST"), followed,
                        r == null ? 0 : number(r, key + "_post"), postDays, OutcomeMeasures.DAYS_PER_YEAR,
                        Optional.empty()));
    }

    private static List<MeasureResult> costRows(Stratum cohort, String component, long members, long pre,
                                                long preDays, long post, long postDays, Currency currency) {
        Stratum s = cohort.and("component", component);
        MeasureResult before = MeasureResult.ratio(Measure.LEGAL_COST_DELTA, s.and("window", "PRE"), members, pre,
                preDays, OutcomeMeasures.DAYS_PER_YEAR, Optional.of(currency));
        MeasureResult after = MeasureResult.ratio(Measure.LEGAL_COST_DELTA, s.and("window", "POST"), members, post,
                postDays, OutcomeMeasures.DAYS_PER_YEAR, Optional.of(currency));
        Optional<Fraction> change = before.value().isPresent() && after.value().isPresent()
                ? Optional.of(after.value().get().minus(before.value().get())) : Optional.empty();
        return List.of(before, after, new MeasureResult(Measure.LEGAL_COST_DELTA, s.and("window", "CHANGE"), members,
                members, members, change, Optional.of(currency)));
    }
}

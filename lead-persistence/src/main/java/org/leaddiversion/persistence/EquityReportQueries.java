/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.substring;
import static org.jooq.impl.DSL.when;
import static org.leaddiversion.persistence.ReportSql.endOf;
import static org.leaddiversion.persistence.ReportSql.number;
import static org.leaddiversion.persistence.ReportSql.ones;
import static org.leaddiversion.persistence.ReportSql.startOf;
import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.ENCOUNTER;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT_REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_CASE;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SCREENING_REASON;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.evaluation.equity.EquityMeasures;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.screening.EligibilityResult;

/**
 * The SQL of the equity measures of SPEC §8.5 besides the RRI ({@link EquityMeasures}): aggregate statements over the
 * referral, screening-reason, encounter, enrollment, domain-event and post-enrollment-case tables, shaped into the rows
 * the domain gives over the same data. Also the pieces of SQL the outcome query shares with them: the domain's order
 * of referral ids and of group codes, and "six months later" in the scope's zone.
 *
 * <p>Instants are compared at the microsecond precision of the columns.
 */
final class EquityReportQueries {

    private static final String UNKNOWN = EquityGroup.UNKNOWN.code();

    private final JooqTransactions tx;

    EquityReportQueries(JooqTransactions tx) {
        this.tx = tx;
    }

    // ---- diversion share -------------------------------------------------------------------------------------------

    /** {@link EquityMeasures#diversionShare}: one statement, the diversions and the bookings by group. */
    List<MeasureResult> diversionShare(ReportScope scope, EquityPolicy policy) {
        Field<String> group = field(name("grp"), String.class);
        Field<Long> diversions = field(name("diversions"), Long.class);
        Field<Long> bookings = field(name("bookings"), Long.class);
        var byReferral = select(REFERRAL.EQUITY_GROUP.as(group), count().cast(SQLDataType.BIGINT).as(diversions),
                inline(0L).as(bookings))
                .from(REFERRAL)
                .where(referralsOf(scope))
                .and(REFERRAL.DOOR.eq(Door.ARREST_DIVERSION.name())).and(REFERRAL.DIVERTED_CASE_STATUS.isNotNull())
                .groupBy(REFERRAL.EQUITY_GROUP);
        var byEncounter = select(ENCOUNTER.EQUITY_GROUP.as(group), inline(0L).as(diversions),
                count().cast(SQLDataType.BIGINT).as(bookings))
                .from(ENCOUNTER)
                .where(ENCOUNTER.SITE_ID.eq(scope.site().value()))
                .and(ENCOUNTER.ENCOUNTER_DATE.ge(scope.period().start()))
                .and(ENCOUNTER.ENCOUNTER_DATE.lt(scope.period().end()))
                .and(ENCOUNTER.DIVERTIBLE_OFFENCE.isTrue()).and(ENCOUNTER.IN_CATCHMENT.isTrue())
                .and(ENCOUNTER.DISPOSITION.eq(Encounter.Disposition.BOOKED.name()))
                .groupBy(ENCOUNTER.EQUITY_GROUP);
        Map<EquityGroup, long[]> counts = new TreeMap<>();
        tx.inTransaction(() -> {
            for (Record r : tx.dsl().fetch(byReferral.unionAll(byEncounter))) {
                long[] c = counts.computeIfAbsent(new EquityGroup(r.get(group)), g -> new long[2]);
                c[0] += r.get(diversions);
                c[1] += r.get(bookings);
            }
            return null;
        });
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : policy.reportedGroups(counts.keySet())) {
            long[] c = counts.getOrDefault(g, new long[2]);
            out.add(MeasureResult.proportion(Measure.DIVERSION_SHARE, Stratum.of("group", g.code()), c[0],
                    c[0] + c[1]));
        }
        return List.copyOf(out);
    }

    // ---- stage conversion ------------------------------------------------------------------------------------------

    private static final int STAGES = EquityMeasures.Stage.values().length;

    /**
     * {@link EquityMeasures#stageConversion}: two statements, the referral stages by group (the conditions of
     * {@code ReferralStages}, column by column) and the enrollments of the scope with their status six months after
     * the start, the last status event at or before then read from the event log.
     */
    List<MeasureResult> stageConversion(ReportScope scope, Instant asOf, EquityPolicy policy) {
        Condition eligible = REFERRAL.SCREENING_RESULT.in(EligibilityResult.ELIGIBLE.name(),
                EligibilityResult.DEFERRED_CAPACITY.name()).or(REFERRAL.OVERRIDE_AT.isNotNull());
        Condition offered = eligible.and(REFERRAL.CONSENT_AT.isNotNull()
                .or(REFERRAL.STATUS.eq(ReferralStatus.DECLINED_BY_PERSON.name())));
        Condition accepted = offered.and(REFERRAL.ACCEPTED_AT.isNotNull());
        Condition closed = accepted.and(REFERRAL.STATUS.ne(ReferralStatus.PENDING_INTAKE.name()));
        Condition onTime = closed.and(REFERRAL.INTAKE_COMPLETED_AT.isNotNull());
        Condition lapsed = REFERRAL.STATUS.eq(ReferralStatus.INTAKE_LAPSED.name())
                .and(REFERRAL.DIVERTED_CASE_STATUS.isNotNull());
        Condition filed = lapsed.and(REFERRAL.DIVERTED_CASE_STATUS.eq(DivertedCaseStatus.FILED.name()));
        // at and reaching the next stage, in the order of EquityMeasures.Stage (the six-month stage comes below)
        Condition[] tallies = {eligible, offered, offered, accepted, closed, onTime, lapsed, filed};
        List<Field<?>> fields = new ArrayList<>(List.of(REFERRAL.EQUITY_GROUP.as("grp")));
        for (int i = 0; i < tallies.length; i++) {
            fields.add(ones(tallies[i], "t" + i));
        }
        var stages = select(fields).from(REFERRAL).where(referralsOf(scope)).groupBy(REFERRAL.EQUITY_GROUP);

        // the enrollments that started in the period, six months or more before asOf, with their first referral's group
        Field<OffsetDateTime> sixMonths = sixMonthsAfter(ENROLLMENT.STARTED_AT, scope);
        CommonTableExpression<?> enrolled = name("enrolled").fields("id", "grp", "six_months").as(
                select(ENROLLMENT.ID, coalesce(REFERRAL.EQUITY_GROUP, inline(UNKNOWN)), sixMonths)
                        .from(ENROLLMENT)
                        .leftJoin(ENROLLMENT_REFERRAL).on(ENROLLMENT_REFERRAL.ENROLLMENT_ID.eq(ENROLLMENT.ID))
                        .and(ENROLLMENT_REFERRAL.ORDINAL.eq(0))
                        .leftJoin(REFERRAL).on(REFERRAL.ID.eq(ENROLLMENT_REFERRAL.REFERRAL_ID))
                        .where(ENROLLMENT.SITE_ID.eq(scope.site().value()))
                        .and(ENROLLMENT.STARTED_AT.ge(EventStore.utc(startOf(scope))))
                        .and(ENROLLMENT.STARTED_AT.lt(EventStore.utc(endOf(scope)))));
        Field<UUID> eId = field(name("enrolled", "id"), UUID.class);
        Field<String> eGroup = field(name("enrolled", "grp"), String.class);
        Field<OffsetDateTime> eSix = field(name("enrolled", "six_months"), OffsetDateTime.class);
        // the status replay of EquityMeasures.statusAt: the last status event by time, then REENGAGED < INACTIVE <
        // CLOSED at the same instant; none is ACTIVE
        String reengaged = EnrollmentEvent.ParticipantReengaged.class.getSimpleName();
        String inactive = EnrollmentEvent.ParticipantBecameInactive.class.getSimpleName();
        String closedEvent = EnrollmentEvent.EnrollmentClosed.class.getSimpleName();
        Field<Integer> rank = when(DOMAIN_EVENT.EVENT_TYPE.eq(reengaged), inline(1))
                .when(DOMAIN_EVENT.EVENT_TYPE.eq(inactive), inline(2)).otherwise(inline(3));
        CommonTableExpression<?> last = name("last_status").fields("grp", "event_type", "rn").as(
                select(eGroup, DOMAIN_EVENT.EVENT_TYPE, rowNumber().over().partitionBy(eId)
                        .orderBy(DOMAIN_EVENT.OCCURRED_AT.desc(), rank.desc(), DOMAIN_EVENT.SEQ.desc()))
                        .from(enrolled)
                        .leftJoin(DOMAIN_EVENT).on(DOMAIN_EVENT.AGGREGATE_ID.eq(eId.cast(SQLDataType.VARCHAR(100))))
                        .and(DOMAIN_EVENT.EVENT_TYPE.in(reengaged, inactive, closedEvent))
                        .and(DOMAIN_EVENT.OCCURRED_AT.le(eSix))
                        .where(eSix.le(EventStore.utc(asOf))));
        Field<String> lGroup = field(name("last_status", "grp"), String.class);
        Field<String> lType = field(name("last_status", "event_type"), String.class);
        var sixMonthStage = DSL.with(enrolled, last)
                .select(lGroup, count().cast(SQLDataType.BIGINT).as("enrolled"),
                        ones(lType.isNull().or(lType.eq(reengaged)), "active"))
                .from(last).where(field(name("last_status", "rn"), Long.class).eq(1L)).groupBy(lGroup);

        Map<EquityGroup, long[]> counts = new TreeMap<>();
        tx.inTransaction(() -> {
            for (Record r : tx.dsl().fetch(stages)) {
                long[] c = counts.computeIfAbsent(new EquityGroup(r.get("grp", String.class)),
                        g -> new long[2 * STAGES]);
                for (int i = 0; i < tallies.length; i++) {
                    c[i] += number(r, "t" + i);
                }
            }
            for (Record r : tx.dsl().fetch(sixMonthStage)) {
                long[] c = counts.computeIfAbsent(new EquityGroup(r.get(lGroup)), g -> new long[2 * STAGES]);
                int at = 2 * EquityMeasures.Stage.ENROLLED_TO_ACTIVE_AT_SIX_MONTHS.ordinal();
                c[at] += number(r, "enrolled");
                c[at + 1] += number(r, "active");
            }
            return null;
        });
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : policy.reportedGroups(counts.keySet())) {
            long[] c = counts.getOrDefault(g, new long[2 * STAGES]);
            for (EquityMeasures.Stage s : EquityMeasures.Stage.values()) {
                out.add(MeasureResult.proportion(Measure.STAGE_CONVERSION,
                        Stratum.of("group", g.code()).and("stage", s.name()), c[2 * s.ordinal() + 1],
                        c[2 * s.ordinal()]));
            }
        }
        return List.copyOf(out);
    }

    // ---- exclusion reasons -----------------------------------------------------------------------------------------

    /**
     * {@link EquityMeasures#exclusionReasons}: one statement, the referrals of each group and, per group and criterion,
     * those with a finding or note of the criterion (the {@code screening_reason} rows of kind FINDING and NOTE).
     */
    List<MeasureResult> exclusionReasons(ReportScope scope, EquityPolicy policy) {
        Field<String> group = field(name("grp"), String.class);
        Field<String> exclusion = field(name("exclusion"), String.class);
        Field<Long> referrals = field(name("referrals"), Long.class);
        var totals = select(REFERRAL.EQUITY_GROUP.as(group), castNull(SQLDataType.VARCHAR(60)).as(exclusion),
                count().cast(SQLDataType.BIGINT).as(referrals))
                .from(REFERRAL).where(referralsOf(scope)).groupBy(REFERRAL.EQUITY_GROUP);
        var hits = select(REFERRAL.EQUITY_GROUP.as(group), SCREENING_REASON.EXCLUSION.as(exclusion),
                countDistinct(REFERRAL.ID).cast(SQLDataType.BIGINT).as(referrals))
                .from(REFERRAL).join(SCREENING_REASON).on(SCREENING_REASON.REFERRAL_ID.eq(REFERRAL.ID))
                .where(referralsOf(scope)).and(SCREENING_REASON.KIND.in("FINDING", "NOTE"))
                .groupBy(REFERRAL.EQUITY_GROUP, SCREENING_REASON.EXCLUSION);
        Map<EquityGroup, Long> total = new TreeMap<>();
        Map<EquityGroup, Map<ExclusionKind, Long>> hit = new HashMap<>();
        Set<ExclusionKind> found = EnumSet.noneOf(ExclusionKind.class);
        tx.inTransaction(() -> {
            for (Record r : tx.dsl().fetch(totals.unionAll(hits))) {
                EquityGroup g = new EquityGroup(r.get(group));
                if (r.get(exclusion) == null) {
                    total.merge(g, r.get(referrals), Long::sum);
                } else {
                    ExclusionKind k = ExclusionKind.valueOf(r.get(exclusion));
                    found.add(k);
                    hit.computeIfAbsent(g, x -> new EnumMap<>(ExclusionKind.class)).merge(k, r.get(referrals),
                            Long::sum);
                }
            }
            return null;
        });
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : policy.reportedGroups(total.keySet())) {
            for (ExclusionKind k : found) {
                out.add(MeasureResult.proportion(Measure.EXCLUSION_REASONS,
                        Stratum.of("group", g.code()).and("exclusion", k.name()),
                        hit.getOrDefault(g, Map.of()).getOrDefault(k, 0L), total.getOrDefault(g, 0L)));
            }
        }
        return List.copyOf(out);
    }

    // ---- post-enrollment decisions ---------------------------------------------------------------------------------

    /**
     * {@link EquityMeasures#postEnrollmentDecisions}: one statement, the decisions of the scope by decision and the
     * group of the person's latest referral at the site made no later than the decision (ties broken by referral id as
     * the domain orders ids).
     */
    List<MeasureResult> postEnrollmentDecisions(ReportScope scope, EquityPolicy policy) {
        String site = scope.site().value();
        List<SortField<?>> latest = new ArrayList<>(List.of(REFERRAL.REFERRED_AT.desc()));
        latest.addAll(javaUuidOrder(REFERRAL.ID, tx.dsl().dialect(), true));
        CommonTableExpression<?> decided = name("decided").fields("decision", "grp", "rn").as(
                select(POST_ENROLLMENT_CASE.DECISION, REFERRAL.EQUITY_GROUP,
                        rowNumber().over().partitionBy(POST_ENROLLMENT_CASE.ID).orderBy(latest))
                        .from(POST_ENROLLMENT_CASE)
                        .leftJoin(REFERRAL).on(REFERRAL.PERSON_ID.eq(POST_ENROLLMENT_CASE.PERSON_ID))
                        .and(REFERRAL.SITE_ID.eq(site))
                        .and(REFERRAL.REFERRED_AT.le(POST_ENROLLMENT_CASE.DECIDED_AT))
                        .where(POST_ENROLLMENT_CASE.SITE_ID.eq(site))
                        .and(POST_ENROLLMENT_CASE.DECISION.isNotNull())
                        .and(POST_ENROLLMENT_CASE.DECIDED_AT.ge(EventStore.utc(startOf(scope))))
                        .and(POST_ENROLLMENT_CASE.DECIDED_AT.lt(EventStore.utc(endOf(scope)))));
        Field<String> group = coalesce(field(name("decided", "grp"), String.class), inline(UNKNOWN)).as("grp");
        Field<String> decision = field(name("decided", "decision"), String.class);
        Map<EquityGroup, Map<ChargingDecision, Long>> counts = new TreeMap<>();
        tx.inTransaction(() -> {
            for (Record r : tx.dsl().with(decided).select(group, decision, count().cast(SQLDataType.BIGINT)
                    .as("decisions")).from(decided).where(field(name("decided", "rn"), Long.class).eq(1L))
                    .groupBy(field(name("decided", "grp")), decision).fetch()) {
                counts.computeIfAbsent(new EquityGroup(r.get("grp", String.class)),
                        k -> new EnumMap<>(ChargingDecision.class))
                        .merge(ChargingDecision.valueOf(r.get(decision)), number(r, "decisions"), Long::sum);
            }
            return null;
        });
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : policy.reportedGroups(counts.keySet())) {
            Map<ChargingDecision, Long> own = counts.getOrDefault(g, Map.of());
            long total = own.values().stream().mapToLong(Long::longValue).sum();
            for (ChargingDecision d : ChargingDecision.values()) {
                out.add(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                        Stratum.of("group", g.code()).and("decision", d.name()), own.getOrDefault(d, 0L), total));
            }
        }
        return List.copyOf(out);
    }

    // ---- shared pieces of SQL --------------------------------------------------------------------------------------

    /** The site's referrals made in the scope's period ({@code ReferralStages.inScope}). */
    static Condition referralsOf(ReportScope scope) {
        return REFERRAL.SITE_ID.eq(scope.site().value())
                .and(REFERRAL.REFERRED_AT.ge(EventStore.utc(startOf(scope))))
                .and(REFERRAL.REFERRED_AT.lt(EventStore.utc(endOf(scope))));
    }

    /**
     * Text ordered as Java's {@code String.compareTo} orders it (for the codes the library stores): PostgreSQL compares
     * by the database's collation unless told otherwise, so there it is compared in the "C" collation (by code point);
     * H2 compares strings as Java does.
     */
    static Field<String> ordinal(Field<String> text, SQLDialect dialect) {
        // a template: the collation's name must stay quoted (an unquoted C is the unknown collation "c")
        return dialect.family() == SQLDialect.POSTGRES ? field("({0} collate \"C\")", text.getDataType(), text)
                : text;
    }

    /**
     * Sort keys that order UUIDs as {@code UUID.compareTo} does, which compares the two halves as <em>signed</em>
     * longs (a half whose first hex digit is 8 to f comes first), where both databases compare UUIDs as unsigned bytes.
     */
    static List<SortField<?>> javaUuidOrder(Field<UUID> id, SQLDialect dialect, boolean descending) {
        return javaUuidKeys(id, dialect).stream().<SortField<?>>map(k -> descending ? k.desc() : k.asc()).toList();
    }

    /** The keys of {@link #javaUuidOrder}, to compare two ids as rows: {@code row(keys(a)) < row(keys(b))}. */
    static List<Field<?>> javaUuidKeys(Field<UUID> id, SQLDialect dialect) {
        Field<String> text = id.cast(SQLDataType.VARCHAR(36));
        List<String> negative = List.of("8", "9", "a", "b", "c", "d", "e", "f", "A", "B", "C", "D", "E", "F");
        return List.of(
                when(substring(text, 1, 1).in(negative), inline(0)).otherwise(inline(1)),
                ordinal(substring(text, 1, 18), dialect),
                when(substring(text, 20, 1).in(negative), inline(0)).otherwise(inline(1)),
                ordinal(substring(text, 20, 17), dialect));
    }

    /** One piece of the six-months-later map: from {@code from} on (to the next piece), an instant plus the seconds. */
    record Shift(Instant from, long seconds) {
    }

    /**
     * {@code ZonedDateTime.ofInstant(s, zone).plusMonths(6).toInstant()} for every instant {@code s} of the scope's
     * period, as pieces on which it is {@code s} plus a constant number of seconds. The map changes its shift only
     * where the local day of {@code s} changes, where the zone's offset changes at {@code s}, and where the local time
     * six months on crosses an offset change (a gap or an overlap); every such instant starts a piece.
     */
    static List<Shift> sixMonthShifts(ReportScope scope) {
        ZoneId zone = scope.period().zone();
        ZoneRules rules = zone.getRules();
        Instant lo = startOf(scope);
        Instant hi = endOf(scope);
        var cuts = new TreeSet<Instant>();
        Map<LocalDate, List<LocalDate>> sourcesOf = new HashMap<>();
        for (LocalDate d = scope.period().start(); d.isBefore(scope.period().end()); d = d.plusDays(1)) {
            cuts.add(d.atStartOfDay(zone).toInstant());
            sourcesOf.computeIfAbsent(d.plusMonths(6), k -> new ArrayList<>()).add(d);
        }
        for (ZoneOffsetTransition t : transitions(rules, lo, hi)) {
            cuts.add(t.getInstant());
        }
        Instant targetLo = sixMonths(lo, zone).minus(Duration.ofDays(3));
        Instant targetHi = sixMonths(hi, zone).plus(Duration.ofDays(3));
        for (ZoneOffsetTransition t : transitions(rules, targetLo, targetHi)) {
            for (LocalDateTime edge : List.of(t.getDateTimeBefore(), t.getDateTimeAfter())) {
                for (LocalDate d : sourcesOf.getOrDefault(edge.toLocalDate(), List.of())) {
                    for (ZoneOffset o : offsetsOn(rules, d, zone)) {
                        cuts.add(LocalDateTime.of(d, edge.toLocalTime()).toInstant(o));
                    }
                }
            }
        }
        var out = new ArrayList<Shift>();
        for (Instant cut : cuts.subSet(lo, true, hi, false)) {
            Duration shift = Duration.between(cut, sixMonths(cut, zone));
            if (shift.getNano() != 0) {
                throw new IllegalStateException("a shift of a fraction of a second in " + zone);
            }
            if (out.isEmpty() || out.get(out.size() - 1).seconds() != shift.getSeconds()) {
                out.add(new Shift(cut, shift.getSeconds()));
            }
        }
        return out;
    }

    /** Six months after {@code at} in the zone, as {@code EquityMeasures.stageConversion} reckons it. */
    static Instant sixMonths(Instant at, ZoneId zone) {
        return ZonedDateTime.ofInstant(at, zone).plusMonths(6).toInstant();
    }

    /** {@link #sixMonths} of an instant of the scope's period, in SQL: the instant plus its piece's seconds. */
    static Field<OffsetDateTime> sixMonthsAfter(Field<OffsetDateTime> at, ReportScope scope) {
        List<Shift> shifts = sixMonthShifts(scope);
        @SuppressWarnings("unchecked")
        Field<java.sql.Timestamp> timestamp = (Field<java.sql.Timestamp>) (Field<?>) at;
        return DSL.timestampAdd(timestamp, shiftOf(at, shifts, 0, shifts.size() - 1), DatePart.SECOND)
                .coerce(SQLDataType.TIMESTAMPWITHTIMEZONE);
    }

    /** A balanced CASE over the pieces' first instants. */
    private static Field<Integer> shiftOf(Field<OffsetDateTime> at, List<Shift> shifts, int from, int to) {
        if (from == to) {
            return inline(Math.toIntExact(shifts.get(from).seconds()));
        }
        int mid = (from + to + 1) / 2;
        return when(at.lt(inline(EventStore.utc(shifts.get(mid).from()))), shiftOf(at, shifts, from, mid - 1))
                .otherwise(shiftOf(at, shifts, mid, to));
    }

    private static List<ZoneOffsetTransition> transitions(ZoneRules rules, Instant from, Instant to) {
        var out = new ArrayList<ZoneOffsetTransition>();
        for (ZoneOffsetTransition t = rules.nextTransition(from.minusSeconds(1)); t != null
                && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
            out.add(t);
        }
        return out;
    }

    /** Every offset the zone has at some instant of the local day (and at its edges). */
    private static Set<ZoneOffset> offsetsOn(ZoneRules rules, LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        var out = new java.util.HashSet<ZoneOffset>(List.of(rules.getOffset(from), rules.getOffset(to)));
        for (ZoneOffsetTransition t : transitions(rules, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)))) {
            out.add(t.getOffsetBefore());
            out.add(t.getOffsetAfter());
        }
        return out;
    }
}

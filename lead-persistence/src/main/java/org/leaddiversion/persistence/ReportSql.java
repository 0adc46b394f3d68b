/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;

import java.math.BigDecimal;
import java.time.Instant;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.ReportScope;

/**
 * What the report queries ({@link EvaluationReports}, {@link EquityReportQueries}, {@link ProgrammeReportQueries})
 * share: the scope's instants, the participant cohort as a common table expression, and the aggregate helpers.
 */
final class ReportSql {

    private ReportSql() {
    }

    /** The instant the scope's first day starts in its zone. */
    static Instant startOf(ReportScope scope) {
        return scope.period().start().atStartOfDay(scope.period().zone()).toInstant();
    }

    /** The instant the day after the scope's last day starts in its zone. */
    static Instant endOf(ReportScope scope) {
        return scope.period().end().atStartOfDay(scope.period().zone()).toInstant();
    }

    /**
     * The participants who entered in the scope ({@link Cohort#participants}) as the common table expression
     * {@code participants(person_id, first_at, grp)}: each person's earliest referral at the site whose intake
     * completed, kept when it was made in the period, with the group recorded on it ({@code grp}, empty unless
     * {@code byGroup}). Found through the indexes by site and time and by person rather than by grouping all of the
     * site's referrals: the period's referrals with intake completed that no strictly earlier one of the same person at
     * the site precedes — at the same instant, one first in the domain's order of referral ids — with no sort and no
     * window.
     */
    static CommonTableExpression<?> participants(ReportScope scope, boolean byGroup, SQLDialect dialect) {
        var earlier = REFERRAL.as("earlier");
        Condition precedes = earlier.REFERRED_AT.lt(REFERRAL.REFERRED_AT)
                .or(earlier.REFERRED_AT.eq(REFERRAL.REFERRED_AT)
                        .and(row(EquityReportQueries.javaUuidKeys(earlier.ID, dialect))
                                .lt(row(EquityReportQueries.javaUuidKeys(REFERRAL.ID, dialect)))));
        return name("participants").fields("person_id", "first_at", "grp").as(
                select(REFERRAL.PERSON_ID, REFERRAL.REFERRED_AT, byGroup ? REFERRAL.EQUITY_GROUP : inline(""))
                        .from(REFERRAL)
                        .where(REFERRAL.SITE_ID.eq(scope.site().value()))
                        .and(REFERRAL.INTAKE_COMPLETED_AT.isNotNull())
                        .and(REFERRAL.REFERRED_AT.ge(EventStore.utc(startOf(scope))))
                        .and(REFERRAL.REFERRED_AT.lt(EventStore.utc(endOf(scope))))
                        .and(notExists(selectOne().from(earlier)
                                .where(earlier.PERSON_ID.eq(REFERRAL.PERSON_ID))
                                .and(earlier.SITE_ID.eq(REFERRAL.SITE_ID))
                                .and(earlier.INTAKE_COMPLETED_AT.isNotNull())
                                .and(precedes))));
    }

    /** A sum as a BIGINT, zero over no rows. */
    static Field<Long> total(Field<?> f, String as) {
        return coalesce(sum(f.cast(SQLDataType.BIGINT)), inline(BigDecimal.ZERO)).cast(SQLDataType.BIGINT).as(as);
    }

    /** The rows meeting {@code condition}, counted as a BIGINT (zero over no rows). */
    static Field<Long> ones(Condition condition, String as) {
        return total(when(condition, inline(1)).otherwise(inline(0)), as);
    }

    /** A count or sum of a record as a long, zero when null. */
    static long number(Record r, String field) {
        Object v = r.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }
}

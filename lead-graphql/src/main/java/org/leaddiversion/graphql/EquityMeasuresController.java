/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;
import org.leaddiversion.domain.evaluation.equity.Publication;
import org.leaddiversion.domain.evaluation.equity.PublishedMeasure;
import org.leaddiversion.graphql.EvaluationController.PublishedMeasureRow;
import org.leaddiversion.persistence.EvaluationReports;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The equity measures of SPEC §8.5 besides the relative rate index, by equity group: diversion share, stage
 * conversion, exclusion reasons, post-enrollment charging decisions and outcome parity of a site's period, computed by
 * the database ({@link EvaluationReports}), released only to a viewer the domain's report access grants aggregate data
 * ({@link ReportGate}), and published through the domain's small-cell suppression ({@link Publication}) under the
 * site's {@code equity.*} settings before any group filter is applied. {@code UNKNOWN} is always a group of its own.
 */
@Controller
class EquityMeasuresController {

    private final PolicyCache policies;
    private final EvaluationReports reports;
    private final Clock clock;

    EquityMeasuresController(PolicyCache policies, EvaluationReports reports, Clock clock) {
        this.policies = policies;
        this.reports = reports;
        this.clock = clock;
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> diversionShare(@Argument String site, @Argument LocalDate from,
                                                                @Argument LocalDate to,
                                                                @Argument List<String> groups,
                                                                DataFetchingEnvironment env) {
        return published(env, site, from, to, groups, reports::diversionShare);
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> stageConversion(@Argument String site, @Argument LocalDate from,
                                                                 @Argument LocalDate to, @Argument Instant asOf,
                                                                 @Argument List<String> groups,
                                                                 DataFetchingEnvironment env) {
        Instant at = asOf != null ? asOf : clock.instant();
        return published(env, site, from, to, groups, (scope, policy) -> reports.stageConversion(scope, at, policy));
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> exclusionReasons(@Argument String site, @Argument LocalDate from,
                                                                  @Argument LocalDate to,
                                                                  @Argument List<String> groups,
                                                                  DataFetchingEnvironment env) {
        return published(env, site, from, to, groups, reports::exclusionReasons);
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> postEnrollmentDecisions(@Argument String site,
                                                                         @Argument LocalDate from,
                                                                         @Argument LocalDate to,
                                                                         @Argument List<String> groups,
                                                                         DataFetchingEnvironment env) {
        return published(env, site, from, to, groups, reports::postEnrollmentDecisions);
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> outcomeParity(@Argument String site, @Argument LocalDate from,
                                                               @Argument LocalDate to, @Argument Integer windowMonths,
                                                               @Argument LocalDate dataThrough,
                                                               @Argument String currency,
                                                               @Argument List<String> groups,
                                                               DataFetchingEnvironment env) {
        return published(env, site, from, to, groups, (scope, policy) -> {
            int months = windowMonths == null ? 6 : windowMonths;
            if (months < 1 || months > EvaluationController.MAX_WINDOW_MONTHS) {
                throw new InvalidValueException("windowMonths", "must be 1 to "
                        + EvaluationController.MAX_WINDOW_MONTHS);
            }
            Currency money = ReportGate.currency(currency);
            LocalDate through = dataThrough != null ? dataThrough
                    : LocalDate.ofInstant(clock.instant(), scope.period().zone());
            return reports.outcomeParity(scope, new OutcomeWindow(Period.ofMonths(months), through), money, policy);
        });
    }

    /**
     * The measure's rows of the scope, published under the site's equity policy (the version in force on the
     * period's last day), then cut to the groups asked for; null with a FORBIDDEN error for a viewer without aggregate
     * access.
     */
    private DataFetcherResult<List<PublishedMeasureRow>> published(
            DataFetchingEnvironment env, String site, LocalDate from, LocalDate to, List<String> groups,
            BiFunction<org.leaddiversion.domain.evaluation.ReportScope, EquityPolicy, List<MeasureResult>> measure) {
        Optional<DataFetcherResult<List<PublishedMeasureRow>>> refused = ReportGate.refusal(env);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<EquityGroup> only = ReportGate.groups(groups);
        ReportInputs.Scope in = ReportInputs.scope(policies, site, from, to);
        EquityPolicy policy = EquityPolicy.of(in.policy());
        List<PublishedMeasure> rows = Publication.publish(measure.apply(in.scope(), policy), policy);
        return DataFetcherResult.<List<PublishedMeasureRow>>newResult().data(rows.stream()
                .filter(r -> only.isEmpty() || r.stratum().get("group").map(EquityGroup::new).filter(only::contains)
                        .isPresent())
                .map(PublishedMeasureRow::of).toList()).build();
    }
}

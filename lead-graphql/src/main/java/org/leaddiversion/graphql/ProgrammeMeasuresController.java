/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;
import org.leaddiversion.domain.evaluation.equity.Publication;
import org.leaddiversion.graphql.EvaluationController.PublishedMeasureRow;
import org.leaddiversion.persistence.EvaluationReports;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The evaluation's programme and status reports (SPEC §8.4): the participants' monthly housing, employment and income
 * status, the programme's cost per participant-month, and case management (contacts per enrollment, caseloads, active
 * share) of a site's period — computed by the database ({@link EvaluationReports}), released only to a viewer the
 * domain's {@code ReportAccess} grants aggregate data ({@link ReportGate}), and published through the domain's
 * small-cell suppression ({@link Publication}) under the site's {@code equity.*} settings, as the rows of
 * {@link EvaluationController}'s reports are.
 */
@Controller
class ProgrammeMeasuresController {

    /** Longest follow-up of the monthly status report, in months. */
    static final int MAX_FOLLOW_UP_MONTHS = 120;

    private final PolicyCache policies;
    private final EvaluationReports reports;

    ProgrammeMeasuresController(PolicyCache policies, EvaluationReports reports) {
        this.policies = policies;
        this.reports = reports;
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> statusReport(@Argument String site, @Argument LocalDate from,
                                                             @Argument LocalDate to, @Argument Integer followUpMonths,
                                                             DataFetchingEnvironment env) {
        Optional<DataFetcherResult<List<PublishedMeasureRow>>> refused = ReportGate.refusal(env);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReportInputs.Scope in = ReportInputs.scope(policies, site, from, to);
        int months = followUpMonths == null ? 18 : followUpMonths;
        if (months < 1 || months > MAX_FOLLOW_UP_MONTHS) {
            throw new InvalidValueException("followUpMonths", "must be 1 to " + MAX_FOLLOW_UP_MONTHS);
        }
        return published(reports.monthlyStatus(in.scope(), months), in);
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> programmeCost(@Argument String site, @Argument LocalDate from,
                                                              @Argument LocalDate to, @Argument String currency,
                                                              DataFetchingEnvironment env) {
        Optional<DataFetcherResult<List<PublishedMeasureRow>>> refused = ReportGate.refusal(env);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReportInputs.Scope in = ReportInputs.scope(policies, site, from, to);
        if (from.getDayOfMonth() != 1) {
            throw new InvalidValueException("from", "must be the first day of a month: the cost is per calendar month");
        }
        if (to.plusDays(1).getDayOfMonth() != 1) {
            throw new InvalidValueException("to", "must be the last day of a month: the cost is per calendar month");
        }
        Currency money = ReportGate.currency(currency);
        ReportScope scope = in.scope();
        return published(List.of(reports.programmeCostPerParticipantMonth(scope, money),
                reports.flexSpendPerParticipantMonth(scope, money)), in);
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> caseManagement(@Argument String site, @Argument LocalDate from,
                                                               @Argument LocalDate to, DataFetchingEnvironment env) {
        Optional<DataFetcherResult<List<PublishedMeasureRow>>> refused = ReportGate.refusal(env);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReportInputs.Scope in = ReportInputs.scope(policies, site, from, to);
        var rows = new ArrayList<MeasureResult>(reports.contacts(in.scope()));
        rows.addAll(reports.caseloads(in.scope().site()));
        rows.add(reports.activeShare(in.scope().site()));
        return published(rows, in);
    }

    /** The rows as published under the site's minimum cell size (policy version in force on the period's last day). */
    private static DataFetcherResult<List<PublishedMeasureRow>> published(List<MeasureResult> rows,
                                                                         ReportInputs.Scope in) {
        return DataFetcherResult.<List<PublishedMeasureRow>>newResult().data(Publication.publish(rows,
                EquityPolicy.of(in.policy())).stream().map(PublishedMeasureRow::of).toList()).build();
    }
}

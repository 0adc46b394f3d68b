/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.consent.ReportAccess;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.OddsRatio;
import org.leaddiversion.domain.evaluation.OutcomeWindow;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.evaluation.equity.Cell;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;
import org.leaddiversion.domain.evaluation.equity.Publication;
import org.leaddiversion.domain.evaluation.equity.PublishedComparison;
import org.leaddiversion.domain.evaluation.equity.PublishedMeasure;
import org.leaddiversion.domain.evaluation.equity.PublishedRriRow;
import org.leaddiversion.domain.evaluation.equity.PublishedRriTable;
import org.leaddiversion.domain.evaluation.equity.RriFlag;
import org.leaddiversion.domain.evaluation.equity.RriStatus;
import org.leaddiversion.persistence.EvaluationReports;
import org.leaddiversion.persistence.OutcomeReport;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The evaluation's aggregate reports (SPEC §8.4–8.5): the outcome report, the referral relative rate index and the
 * referral process funnel of a site's period, computed by the database ({@link EvaluationReports}), released only to a viewer the domain's
 * {@link ReportAccess} grants aggregate data, and published through the domain's small-cell suppression
 * ({@link Publication}, {@code RriTable.publish()}) under the site's {@code equity.*} settings: no count leaves here
 * unpublished. Aggregates name nobody, so the reads are not audited per participant.
 */
@Controller
class EvaluationController {

    /** Longest outcome window, in months. */
    static final int MAX_WINDOW_MONTHS = 120;

    private static final int VALUE_SCALE = 6;

    private final PolicyCache policies;
    private final EvaluationReports reports;
    private final Clock clock;

    EvaluationController(PolicyCache policies, EvaluationReports reports, Clock clock) {
        this.policies = policies;
        this.reports = reports;
        this.clock = clock;
    }

    // ---- the views ---------------------------------------------------------------------------------------------

    /** A published count. */
    record PublishedCount(Long value, boolean suppressed) {
        static PublishedCount of(Cell cell) {
            return new PublishedCount(cell.number().isPresent() ? cell.number().getAsLong() : null,
                    cell.isSuppressed());
        }
    }

    /** One dimension of a slice. */
    record StratumPart(String dimension, String value) {
        static List<StratumPart> of(Stratum stratum) {
            return stratum.parts().entrySet().stream().map(e -> new StratumPart(e.getKey(), e.getValue())).toList();
        }
    }

    /** One published measure row. */
    record PublishedMeasureRow(String measure, String unit, List<StratumPart> stratum, PublishedCount subjects,
                               PublishedCount count, PublishedCount base, Double value, boolean suppressed,
                               String currency) {
        static PublishedMeasureRow of(PublishedMeasure m) {
            return new PublishedMeasureRow(m.measure().id(), m.measure().unit().name(), StratumPart.of(m.stratum()),
                    PublishedCount.of(m.subjects()), PublishedCount.of(m.count()), PublishedCount.of(m.base()),
                    number(m.value()), m.subjects().isSuppressed() || m.count().isSuppressed()
                    || m.base().isSuppressed(), m.currency().map(Currency::getCurrencyCode).orElse(null));
        }
    }

    /** An odds ratio with its interval. */
    record OddsRatioView(double estimate, double lower, double upper, boolean corrected, boolean significant) {
        static OddsRatioView of(OddsRatio or) {
            return new OddsRatioView(or.rounded().doubleValue(), or.lower().doubleValue(), or.upper().doubleValue(),
                    or.corrected(), or.excludesOne());
        }
    }

    /** One published comparison. */
    record CohortComparisonView(String measure, List<StratumPart> stratum, PublishedCount participantsWith,
                                PublishedCount participants, PublishedCount comparisonWith, PublishedCount comparison,
                                Double participantRate, Double comparisonRate, OddsRatioView oddsRatio,
                                boolean suppressed) {
        static CohortComparisonView of(PublishedComparison c) {
            return new CohortComparisonView(c.measure().id(), StratumPart.of(c.stratum()),
                    PublishedCount.of(c.participantsWith()), PublishedCount.of(c.participants()),
                    PublishedCount.of(c.comparisonWith()), PublishedCount.of(c.comparison()),
                    number(c.participantRate()), number(c.comparisonRate()),
                    c.oddsRatio().map(OddsRatioView::of).orElse(null), c.isSuppressed());
        }
    }

    /** The published outcome report. */
    record OutcomeReportView(String site, LocalDate from, LocalDate to, int windowMonths, LocalDate dataThrough,
                             String currency, int minCellSize, List<PublishedMeasureRow> participants,
                             List<PublishedMeasureRow> comparison, List<CohortComparisonView> comparisons) {
    }

    /** One published RRI row. */
    record RriRowView(String group, boolean reference, boolean unknown, PublishedCount referrals, PublishedCount pool,
                      Double rate, RriStatus status, Double rri, RriFlag flag) {
        static RriRowView of(PublishedRriRow r) {
            return new RriRowView(r.group().code(), r.reference(), r.group().isUnknown(),
                    PublishedCount.of(r.referrals()), PublishedCount.of(r.pool()), number(r.rate()), r.status(),
                    number(r.rri()), r.flag());
        }
    }

    /** The published RRI table. */
    record ReferralRateIndexView(String site, LocalDate from, LocalDate to, String referenceGroup, double lowerBound,
                                 double upperBound, int minCellSize, List<RriRowView> rows,
                                 PublishedCount totalReferrals, PublishedCount totalPool) {
    }

    // ---- the queries -------------------------------------------------------------------------------------------

    @QueryMapping
    DataFetcherResult<OutcomeReportView> outcomeReport(@Argument String site, @Argument LocalDate from,
                                                       @Argument LocalDate to, @Argument Integer windowMonths,
                                                       @Argument LocalDate dataThrough, @Argument String currency,
                                                       DataFetchingEnvironment env) {
        Optional<DataFetcherResult<OutcomeReportView>> refused = ReportGate.refusal(env);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReportInputs.Scope in = ReportInputs.scope(policies, site, from, to);
        int months = windowMonths == null ? 6 : windowMonths;
        if (months < 1 || months > MAX_WINDOW_MONTHS) {
            throw new InvalidValueException("windowMonths", "must be 1 to " + MAX_WINDOW_MONTHS);
        }
        LocalDate through = dataThrough != null ? dataThrough : LocalDate.ofInstant(clock.instant(),
                in.scope().period().zone());
        Currency money = ReportGate.currency(currency);
        OutcomeReport report = reports.outcomes(in.scope(), new OutcomeWindow(Period.ofMonths(months), through),
                money);
        EquityPolicy policy = EquityPolicy.of(in.policy());
        return DataFetcherResult.<OutcomeReportView>newResult().data(new OutcomeReportView(
                in.scope().site().value(), from, to, months, through, money.getCurrencyCode(), policy.minCellSize(),
                Publication.publish(report.participants(), policy).stream().map(PublishedMeasureRow::of).toList(),
                Publication.publish(report.comparison(), policy).stream().map(PublishedMeasureRow::of).toList(),
                Publication.publishComparisons(report.comparisons(), policy).stream()
                        .map(CohortComparisonView::of).toList())).build();
    }

    @QueryMapping
    DataFetcherResult<ReferralRateIndexView> referralRateIndex(@Argument String site, @Argument LocalDate from,
                                                               @Argument LocalDate to, @Argument List<String> groups,
                                                               DataFetchingEnvironment env) {
        Optional<DataFetcherResult<ReferralRateIndexView>> refused = ReportGate.refusal(env);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<EquityGroup> only = ReportGate.groups(groups);
        ReportInputs.Scope in = ReportInputs.scope(policies, site, from, to);
        EquityPolicy policy = EquityPolicy.of(in.policy());
        PublishedRriTable table = reports.referralRateIndex(in.scope(), policy).publish();
        List<RriRowView> rows = table.rows().stream()
                .filter(r -> only.isEmpty() || only.contains(r.group())).map(RriRowView::of).toList();
        return DataFetcherResult.<ReferralRateIndexView>newResult().data(new ReferralRateIndexView(
                in.scope().site().value(), from, to, policy.reference().code(), policy.lowerBound().doubleValue(),
                policy.upperBound().doubleValue(), table.minCellSize(), rows,
                PublishedCount.of(table.totalReferrals()), PublishedCount.of(table.totalPool()))).build();
    }

    @QueryMapping
    DataFetcherResult<List<PublishedMeasureRow>> processFunnel(@Argument String site, @Argument LocalDate from,
                                                              @Argument LocalDate to, DataFetchingEnvironment env) {
        Optional<DataFetcherResult<List<PublishedMeasureRow>>> refused = ReportGate.refusal(env);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReportInputs.Scope in = ReportInputs.scope(policies, site, from, to);
        List<MeasureResult> funnel = reports.processFunnel(in.scope(), in.policy().handoffTargetMinutes());
        return DataFetcherResult.<List<PublishedMeasureRow>>newResult().data(Publication.publish(funnel,
                EquityPolicy.of(in.policy())).stream().map(PublishedMeasureRow::of).toList()).build();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Double number(Optional<Fraction> value) {
        return value.map(v -> v.toDecimal(VALUE_SCALE).setScale(VALUE_SCALE, RoundingMode.HALF_EVEN).doubleValue())
                .orElse(null);
    }
}

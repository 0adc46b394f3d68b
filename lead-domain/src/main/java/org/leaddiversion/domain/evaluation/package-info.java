/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Evaluation (SPEC §8): the minimum data set a LEAD site must be able to produce and the measure catalogue computed
 * from it, as pure functions usable without persistence.
 *
 * <p><b>Data.</b> Besides the programme's own referrals, enrollments, contacts, caseloads and flexible funds, an
 * evaluation reads data from outside the programme: {@link org.leaddiversion.domain.evaluation.LegalEvent legal events}
 * (arrests, charges, jail bookings, prison admissions, warrants, dispositions),
 * {@link org.leaddiversion.domain.evaluation.MonthlyStatus monthly status} (housing, employment, income),
 * {@link org.leaddiversion.domain.evaluation.LegalCost legal-system} and
 * {@link org.leaddiversion.domain.evaluation.ProgrammeCost programme} costs, and the
 * {@link org.leaddiversion.domain.evaluation.Encounter encounter pool} of divertible arrests and citations from the
 * police records system — the denominator of the equity measures.
 *
 * <p><b>Measures.</b> The {@link org.leaddiversion.domain.evaluation.Measure} catalogue names each measure and defines
 * it in domain words. {@link org.leaddiversion.domain.evaluation.OutcomeMeasures},
 * {@link org.leaddiversion.domain.evaluation.StatusMeasures}, {@link org.leaddiversion.domain.evaluation.ProcessMeasures}
 * and {@link org.leaddiversion.domain.evaluation.CostMeasures} compute them as immutable
 * {@link org.leaddiversion.domain.evaluation.MeasureResult} rows holding exact numbers only (long counts and
 * {@link org.leaddiversion.domain.evaluation.Fraction}s), so that any other computation of the same measure (SQL over
 * a million participants) can be checked for equality. Participants are compared with a comparison
 * {@link org.leaddiversion.domain.evaluation.Cohort} by {@link org.leaddiversion.domain.evaluation.CohortComparison},
 * with an {@link org.leaddiversion.domain.evaluation.OddsRatio} and its Woolf 95% confidence interval.
 *
 * <p>Race/ethnicity is an {@link org.leaddiversion.domain.evaluation.EquityGroup}; "unknown" is its own group, reported
 * and never imputed. The equity measures of SPEC §8.5 and rule R39 are in
 * {@link org.leaddiversion.domain.evaluation.equity}.
 */
package org.leaddiversion.domain.evaluation;

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Racial-equity monitoring (SPEC §8.5, rule R39): LEAD exists in part to undo racial disparities at the front door of
 * the justice system, and no case system computes its equity measures; this package does.
 *
 * <p>{@link org.leaddiversion.domain.evaluation.equity.RriTable} is the referral relative rate index per group against
 * the reference group, with R39's suppression and the site's flag bounds from an
 * {@link org.leaddiversion.domain.evaluation.equity.EquityPolicy} (the {@code equity.*} keys of SPEC §9.2).
 * {@link org.leaddiversion.domain.evaluation.equity.EquityMeasures} gives diversion share, stage conversion, exclusion
 * reasons and post-enrollment charging decisions by group, and outcome parity. "Unknown" race is a group of its own,
 * always reported and never imputed.
 *
 * <p>Internal reports show counts in full. Anything that leaves the programme as aggregate data goes through
 * {@link org.leaddiversion.domain.evaluation.equity.RriTable#publish()} or
 * {@link org.leaddiversion.domain.evaluation.equity.Publication}, which apply the minimum cell size to every published
 * count ({@link org.leaddiversion.domain.evaluation.equity.SmallCells}), including counts a reader could work out by
 * subtraction from a published total. {@link org.leaddiversion.domain.evaluation.equity.EquityInvariant#r39()} states
 * R39 as an engine-neutral invariant.
 */
package org.leaddiversion.domain.evaluation.equity;

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

/** Whether a group's relative rate index was produced (rule R39). */
public enum RriStatus {
    /** Both eligible pools reach the minimum cell size and the reference group has a referral. */
    PRODUCED,
    /** A pool is below the minimum cell size, or the reference group has no referral: no RRI. */
    SUPPRESSED
}

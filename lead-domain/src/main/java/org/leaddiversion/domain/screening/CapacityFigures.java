/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import org.leaddiversion.domain.common.Require;

/**
 * Capacity at screening time (rule R17).
 *
 * @param capacity sum of caseload caps over active case managers
 * @param open     open enrollments plus referrals pending intake
 */
public record CapacityFigures(int capacity, int open) {
    public CapacityFigures {
        Require.atLeast(capacity, 0, "capacity");
        Require.atLeast(open, 0, "open");
    }
}

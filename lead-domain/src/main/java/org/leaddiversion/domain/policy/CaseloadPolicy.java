/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Caseload standards (SPEC §6.4, rule R30).
 *
 * @param cap    {@code caseload.cap}: a case manager's open caseload (ACTIVE + INACTIVE) never exceeds it; default 25
 * @param target {@code caseload.target}: reaching it yields a warning; default 20; never above the cap
 */
public record CaseloadPolicy(int cap, int target) {

    public CaseloadPolicy {
        Require.atLeast(cap, 1, "caseload.cap");
        Require.atLeast(target, 1, "caseload.target");
        if (target > cap) {
            throw new InvalidValueException("caseload.target", "must not exceed caseload.cap");
        }
    }

    /** Cap 25, target 20 [T-CASE]. */
    public static CaseloadPolicy defaults() {
        return new CaseloadPolicy(25, 20);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.YearMonth;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.SiteId;

/**
 * What a site's programme spent in one calendar month (SPEC §8.1 "Costs"): case management, project management,
 * start-up and, if the site's accounts include it, flexible funding. The numerator of
 * {@code PROGRAM_COST_PER_PARTICIPANT_MONTH}.
 *
 * @param site   the site
 * @param month  the calendar month
 * @param amount the spend; never negative
 */
public record ProgrammeCost(SiteId site, YearMonth month, Money amount) {

    /** Validates every part; spend cannot be negative. */
    public ProgrammeCost {
        Require.present(site, "programmeCost.site");
        Require.present(month, "programmeCost.month");
        Require.present(amount, "programmeCost.amount");
        if (amount.amount().signum() < 0) {
            throw new InvalidValueException("programmeCost.amount", "must not be negative");
        }
    }
}

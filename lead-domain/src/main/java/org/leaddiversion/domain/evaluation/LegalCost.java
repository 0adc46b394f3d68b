/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A legal-system cost incurred for a person on a date (SPEC §8.1 "Costs"): a jail stay, a prison term, a prosecution
 * or a defence, as costed by the evaluator.
 *
 * @param person    who
 * @param date      when the cost was incurred
 * @param component jail, prison, prosecution or defence
 * @param amount    the cost; never negative
 */
public record LegalCost(PersonId person, LocalDate date, CostComponent component, Money amount) {

    /** Validates every part; a cost cannot be negative. */
    public LegalCost {
        Require.present(person, "legalCost.person");
        Require.present(date, "legalCost.date");
        Require.present(component, "legalCost.component");
        Require.present(amount, "legalCost.amount");
        if (amount.amount().signum() < 0) {
            throw new InvalidValueException("legalCost.amount", "must not be negative");
        }
    }
}

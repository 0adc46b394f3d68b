/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.math.BigDecimal;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Drug facts of an arrest diversion (SPEC §3.0), inputs of E1 and E2.
 *
 * @param substance                 substance code ({@code HEROIN}, {@code METHAMPHETAMINE}…)
 * @param form                      form code ({@code POWDER}, {@code PRESCRIPTION_OPIATE_PILLS}…)
 * @param netWeightGrams            net weight in grams, if weighed
 * @param saleOrIntent              sale or possession-with-intent flag
 * @param forProfitAboveSubsistence reason to believe dealing for profit above subsistence
 * @param substantialQuantity       the officer's "substantial quantity" finding (Clackamas wording)
 */
public record DrugFacts(String substance, String form, Optional<BigDecimal> netWeightGrams, boolean saleOrIntent,
                        boolean forProfitAboveSubsistence, boolean substantialQuantity) {
    public DrugFacts {
        Require.code(substance, "drugFacts.substance");
        Require.code(form, "drugFacts.form");
        Require.present(netWeightGrams, "drugFacts.netWeightGrams");
        if (netWeightGrams.isPresent() && netWeightGrams.get().signum() < 0) {
            throw new InvalidValueException("drugFacts.netWeightGrams", "must not be negative");
        }
        if (forProfitAboveSubsistence && !saleOrIntent) {
            throw new InvalidValueException("drugFacts.forProfitAboveSubsistence",
                    "can only be set together with saleOrIntent");
        }
    }

    /** Simple possession of a weighed amount. */
    public static DrugFacts possession(String substance, String form, BigDecimal grams) {
        return new DrugFacts(substance, form, Optional.of(grams), false, false, false);
    }
}

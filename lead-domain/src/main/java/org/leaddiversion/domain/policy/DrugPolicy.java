/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * Drug-weight rule of exclusion E1 (rule R10).
 *
 * @param thresholdGrams           net weight threshold in grams, if the site uses a number (Seattle 3, Santa Fe 6)
 * @param comparator               {@code GT}: over the threshold excludes; {@code GE}: at or over excludes
 * @param weightExemptForms        substance forms whose weight never excludes (Santa Fe: prescription opiate pills)
 * @param substantialQuantityExcludes whether the officer's "substantial quantity" finding excludes (Clackamas
 *                                 uses those words instead of a number)
 */
public record DrugPolicy(Optional<BigDecimal> thresholdGrams, Comparator comparator, Set<String> weightExemptForms,
                         boolean substantialQuantityExcludes) {

    public DrugPolicy {
        Require.present(thresholdGrams, "drug.thresholdGrams");
        Require.present(comparator, "drug.comparator");
        weightExemptForms = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(weightExemptForms,
                "drug.weightExemptForms")));
        weightExemptForms.forEach(f -> Require.code(f, "drug.weightExemptForms"));
        if (thresholdGrams.isPresent() && thresholdGrams.get().signum() <= 0) {
            throw new InvalidValueException("drug.thresholdGrams", "must be a positive number of grams");
        }
    }

    /** No weight rule. */
    public static DrugPolicy none() {
        return new DrugPolicy(Optional.empty(), Comparator.GT, Set.of(), false);
    }

    /** Whether E1 has anything to check. */
    public boolean isActive() {
        return thresholdGrams.isPresent() || substantialQuantityExcludes;
    }
}

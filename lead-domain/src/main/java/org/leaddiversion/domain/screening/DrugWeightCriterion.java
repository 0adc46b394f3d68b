/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.policy.DrugPolicy;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * E1 (rule R10): a net weight over the site threshold under its comparator, or the officer's "substantial quantity"
 * finding where the site uses that wording. Forms listed as weight-exempt never trigger it.
 */
final class DrugWeightCriterion extends ConfiguredCriterion {

    private final DrugPolicy drug;

    DrugWeightCriterion(ExclusionSetting setting, DrugPolicy drug) {
        super(setting);
        this.drug = drug;
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        if (referral.drugFacts().isEmpty()) {
            return;
        }
        DrugFacts facts = referral.drugFacts().get();
        if (drug.weightExemptForms().contains(facts.form())) {
            return;
        }
        if (drug.thresholdGrams().isPresent() && facts.netWeightGrams().isPresent()
                && drug.comparator().exceeds(facts.netWeightGrams().get(), drug.thresholdGrams().get())) {
            hit(out, "drugFacts.netWeightGrams", () -> "net weight " + facts.netWeightGrams().get().toPlainString()
                    + " g exceeds the " + drug.thresholdGrams().get().toPlainString() + " g threshold ("
                    + drug.comparator() + ")");
        }
        if (drug.substantialQuantityExcludes() && facts.substantialQuantity()) {
            hit(out, "drugFacts.substantialQuantity", "officer recorded a substantial quantity");
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.SalesPolicy;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * E2 (rule R11): under {@code NO_SALES} any sale or possession-with-intent flag triggers it; under
 * {@code SUBSISTENCE_ONLY} only a sale flag together with the for-profit-above-subsistence indicator does.
 */
final class SalesCriterion extends ConfiguredCriterion {

    private final SalesPolicy policy;

    SalesCriterion(ExclusionSetting setting, SalesPolicy policy) {
        super(setting);
        this.policy = policy;
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        if (referral.drugFacts().isEmpty()) {
            return;
        }
        DrugFacts facts = referral.drugFacts().get();
        if (policy == SalesPolicy.NO_SALES && facts.saleOrIntent()) {
            hit(out, "drugFacts.saleOrIntent", "sale or possession with intent; the site allows no sales");
        } else if (policy == SalesPolicy.SUBSISTENCE_ONLY && facts.saleOrIntent() && facts.forProfitAboveSubsistence()) {
            hit(out, "drugFacts.forProfitAboveSubsistence", "selling for profit above subsistence");
        }
    }
}

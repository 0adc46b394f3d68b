/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * One exclusion criterion (E1–E17) as a named policy: given a referral's facts, it adds a {@link Finding} for every
 * fact that triggers it. Criteria never short-circuit each other, so a decision lists every reason.
 */
public interface ExclusionCriterion {

    /** The criterion this policy decides. */
    ExclusionKind kind();

    /**
     * Adds the findings for this referral to {@code out}.
     *
     * @param referral     the facts
     * @param referralDate the local date of {@code referredAt} in the site zone
     * @param context      the programme context
     * @param out          where findings are added
     */
    void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out);
}

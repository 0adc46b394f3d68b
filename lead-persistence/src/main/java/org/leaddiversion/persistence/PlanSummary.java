/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.InterventionPlan;

/**
 * One enrollment's intervention plan and flexible-fund ledger
 * ({@link org.leaddiversion.domain.access.DataClass#PLAN_SUMMARY}).
 *
 * @param enrollment the enrollment
 * @param plan       its plan, once a goal or service referral is recorded
 * @param fund       its ledger, once money is spent
 */
public record PlanSummary(EnrollmentId enrollment, Optional<InterventionPlan> plan, Optional<FlexFund> fund) {

    public PlanSummary {
        Require.present(enrollment, "enrollment");
        Require.present(plan, "plan");
        Require.present(fund, "fund");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Instant;
import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.EnrollmentId;

/**
 * Direct spending on a participant's need (SPEC §6.5, rule R33).
 *
 * @param spentAt    when the money was spent; its calendar month in the site zone counts toward the monthly cap
 * @param amount     above zero
 * @param approvedBy who approved it, required (with an approval role) only when it exceeds a cap
 * @param linkedGoal the plan goal it serves, if any
 */
public record FlexExpenditure(FlexExpenditureId id, EnrollmentId enrollment, Instant spentAt, Money amount,
                              PlanDomain category, String payee, String purpose, Optional<Actor> approvedBy,
                              Optional<GoalId> linkedGoal) {
    public FlexExpenditure {
        Require.present(id, "expenditure.id");
        Require.present(enrollment, "enrollmentId");
        Require.present(spentAt, "spentAt");
        Require.present(amount, "amount");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "must be above zero");
        }
        Require.present(category, "category");
        payee = Require.text(payee, "payee", Require.NAME_MAX);
        purpose = Require.text(purpose, "purpose", Require.TEXT_MAX);
        Require.present(approvedBy, "approvedBy");
        Require.present(linkedGoal, "linkedGoal");
    }
}

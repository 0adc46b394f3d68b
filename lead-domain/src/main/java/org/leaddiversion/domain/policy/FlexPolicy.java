/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;

/**
 * Flexible funding caps (SPEC §6.5, rule R33).
 *
 * @param capPerExpenditure      {@code flex.capPerExpenditure}: a single expenditure above it needs approval
 * @param capPerParticipantMonth {@code flex.capPerParticipantMonth}: an expenditure taking the participant's
 *                               calendar-month total (site zone) above it needs approval
 * @param approvalRoles          {@code flex.approvalRoles}: roles that may approve; required when any cap is set
 */
public record FlexPolicy(Optional<Money> capPerExpenditure, Optional<Money> capPerParticipantMonth,
                         Set<Role> approvalRoles) {

    public FlexPolicy {
        Require.present(capPerExpenditure, "flex.capPerExpenditure");
        Require.present(capPerParticipantMonth, "flex.capPerParticipantMonth");
        Require.noNulls(approvalRoles, "flex.approvalRoles");
        capPerExpenditure.ifPresent(m -> positive(m, "flex.capPerExpenditure"));
        capPerParticipantMonth.ifPresent(m -> positive(m, "flex.capPerParticipantMonth"));
        if (capPerExpenditure.isPresent() && capPerParticipantMonth.isPresent()
                && !capPerExpenditure.get().hasSameCurrencyAs(capPerParticipantMonth.get())) {
            throw new InvalidValueException("flex.capPerParticipantMonth", "must be in the currency of flex.capPerExpenditure");
        }
        if ((capPerExpenditure.isPresent() || capPerParticipantMonth.isPresent()) && approvalRoles.isEmpty()) {
            throw new InvalidValueException("flex.approvalRoles", "is required when a flex cap is set");
        }
        approvalRoles = Collections.unmodifiableSet(approvalRoles.isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(approvalRoles));
    }

    private static void positive(Money m, String field) {
        if (!m.isPositive()) {
            throw new InvalidValueException(field, "must be above zero");
        }
    }

    /** No caps: no expenditure needs approval. */
    public static FlexPolicy defaults() {
        return new FlexPolicy(Optional.empty(), Optional.empty(), Set.of());
    }

    /** Whether the role may approve an expenditure above a cap. */
    public boolean mayApprove(Role role) {
        return approvalRoles.contains(role);
    }
}

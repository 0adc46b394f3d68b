/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;

/**
 * Intake rules (SPEC §3.5, rules R18 and R22).
 *
 * @param deadlineDays       days after the local referral date by whose end intake must be complete
 * @param statutoryMaxDays   a statute's ceiling on {@code deadlineDays} (California: 30), if any
 * @param requiresRoi        whether intake completes only with a signed multi-party ROI (Clackamas)
 * @param extensionsAllowed  whether an authorised user may extend a deadline with a reason (default false)
 * @param extensionAuthority roles that may extend
 */
public record IntakePolicy(int deadlineDays, OptionalInt statutoryMaxDays, boolean requiresRoi,
                           boolean extensionsAllowed, Set<Role> extensionAuthority) {

    public IntakePolicy {
        Require.atLeast(deadlineDays, 1, "intake.deadlineDays");
        Require.present(statutoryMaxDays, "intake.statutoryMaxDays");
        Require.noNulls(extensionAuthority, "intake.extensionAuthority");
        extensionAuthority = Collections.unmodifiableSet(extensionAuthority.isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(extensionAuthority));
        if (statutoryMaxDays.isPresent() && deadlineDays > statutoryMaxDays.getAsInt()) {
            throw new InvalidValueException("intake.deadlineDays", "DEADLINE_EXCEEDS_STATUTORY_MAX: "
                    + deadlineDays + " days exceeds the statutory maximum of " + statutoryMaxDays.getAsInt());
        }
        if (extensionsAllowed && extensionAuthority.isEmpty()) {
            throw new InvalidValueException("intake.extensionAuthority", "must name who may extend when extensions are allowed");
        }
    }
}

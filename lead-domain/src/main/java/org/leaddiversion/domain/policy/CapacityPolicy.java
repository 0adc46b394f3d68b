/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.OptionalInt;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * The capacity gate (SPEC §4.7, rule R17). Capacity is the sum of caseload caps of active case managers; "open"
 * counts open enrollments plus referrals pending intake.
 *
 * @param arrestPriority whether a reserve of slots is kept for arrest diversions (California profile)
 * @param reserve        slots kept for arrest diversions; empty means ⌈10% of capacity⌉
 * @param whenFull       what happens to a social-contact or community referral that does not fit
 */
public record CapacityPolicy(boolean arrestPriority, OptionalInt reserve, CapacityAction whenFull) {

    public CapacityPolicy {
        Require.present(reserve, "capacity.reserve");
        Require.present(whenFull, "capacity.whenFull");
        if (reserve.isPresent() && reserve.getAsInt() < 0) {
            throw new InvalidValueException("capacity.reserve", "must not be negative");
        }
    }

    /** The reserve K for a given capacity: configured, or ⌈10% of capacity⌉. */
    public int reserveFor(int capacity) {
        return reserve.isPresent() ? reserve.getAsInt() : (capacity + 9) / 10;
    }

    /**
     * The number of open places at or above which a social-contact or community referral no longer fits: capacity
     * minus the arrest reserve with arrest priority, otherwise the capacity itself. Charge-holding doors are refused
     * only when {@code open >= capacity}.
     */
    public int thresholdForDoorsWithoutCharge(int capacity) {
        return arrestPriority ? capacity - reserveFor(capacity) : capacity;
    }
}

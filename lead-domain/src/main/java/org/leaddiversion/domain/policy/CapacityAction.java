/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** What happens to an eligible social-contact or community referral when capacity is short (SPEC §4.7). */
public enum CapacityAction {
    /** Queue it as DEFERRED_CAPACITY. */
    DEFER,
    /** Reject it (REJECTED with CAPACITY_EXHAUSTED). */
    REJECT
}

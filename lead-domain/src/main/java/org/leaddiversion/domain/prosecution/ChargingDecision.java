/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

/**
 * The enumerated charging options of a prosecutor on a post-enrollment case (SPEC §7.3 step 4, rule R34). The
 * library fixes these options only; each site maps its own office's terms (e.g. "no file", "dismiss", "hold for
 * staffing") onto them in its adapter.
 */
public enum ChargingDecision {
    /** The case is filed and proceeds as any other case. */
    FILE_STANDARD,
    /** The case is filed with a resolution coordinated with the intervention plan. */
    FILE_WITH_COORDINATED_RESOLUTION,
    /** The decision is deferred to the next Operational Work Group meeting. */
    HOLD_PENDING_OWG,
    /** The office declines to file (or dismisses) the case. */
    DECLINE,
    /** The new conduct is treated as an arrest diversion, if divertible and eligible. */
    NEW_LEAD_DIVERSION
}

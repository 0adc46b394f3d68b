/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** How drug-sale involvement affects eligibility (E2, rule R11). */
public enum SalesPolicy {
    /** Subsistence sellers are eligible; a sale/PWID flag with for-profit-above-subsistence indicator excludes. */
    SUBSISTENCE_ONLY,
    /** Any sale or possession-with-intent flag excludes (Clackamas). */
    NO_SALES,
    /** Sales never exclude. */
    ANY
}

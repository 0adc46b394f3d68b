/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

/** Service linkage status (SPEC §6.2). */
public enum ServiceReferralStatus {
    REFERRED, CONNECTED, DECLINED, WAITLISTED, COMPLETED
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

/** Flags a post-enrollment case carries for the prosecutor. */
public enum CaseFlag {
    /** The person had an open LEAD enrollment when the case was flagged: consultation applies (rule R34). */
    LEAD_PARTICIPANT
}

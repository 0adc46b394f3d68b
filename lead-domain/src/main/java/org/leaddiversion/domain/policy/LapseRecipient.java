/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** Who is told when a held charge is released for ordinary review (SPEC §3.6). */
public enum LapseRecipient {
    PROSECUTOR, OFFICER, PRECINCT
}

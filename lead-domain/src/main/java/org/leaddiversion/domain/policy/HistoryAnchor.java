/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** The date a criminal-history look-back window is measured from (SPEC §4.4). */
public enum HistoryAnchor {
    /** The conviction date of a prior conviction. */
    CONVICTION_DATE,
    /** The release date from prison (Marion County's "out of prison at least 5 years"). */
    RELEASE_DATE
}

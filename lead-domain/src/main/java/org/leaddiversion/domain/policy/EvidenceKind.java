/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** Kinds of verification of prior target conduct for a social-contact referral (SPEC §3.2, rule R05). */
public enum EvidenceKind {
    /** Criminal-history records: reports, arrests, bookings, charges, convictions. */
    RECORDS,
    /** The referring officer's own prior direct observation. */
    DIRECT_OBSERVATION,
    /** Reliable information from another first responder, a professional or a credible community member. */
    RELIABLE_INFO
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

/**
 * A field group of a participant's record: what {@link ParticipantRecords} reads, decides and audits as one. Each
 * speaks for the data classes named in {@link ParticipantRecords}.
 */
public enum RecordGroup {
    /** Her referrals, with screening and held charge as released. */
    REFERRALS,
    /**
     * Her referrals in brief ({@link ReferralSummary}): the same referrals and data class as {@link #REFERRALS},
     * read from the referral's columns alone — for a list that shows no more than those.
     */
    REFERRAL_SUMMARIES,
    /** Her enrollments at every site. */
    ENROLLMENTS,
    /** Her intervention plans and flexible-fund ledgers, one summary per enrollment. */
    PLANS,
    /** Her recorded contacts. */
    CONTACTS,
    /** Her post-enrollment and pre-existing cases. */
    CASES,
    /** Her consents on file. */
    CONSENTS
}

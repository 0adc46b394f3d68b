/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A page of participants read with field groups of their records
 * ({@link ParticipantRecords#participants(Reader, ParticipantFilter, java.util.Optional, int, java.util.Set,
 * java.util.OptionalInt)}): the page as released, and for each group asked for, each participant's release of it —
 * the same release the group's own read would give.
 *
 * @param page   the page
 * @param groups by group asked for, each participant's release (a group not asked for, or a page refused, has none)
 */
public record ParticipantPageRecords(Release<ParticipantPage> page,
                                     Map<RecordGroup, Map<PersonId, Release<List<?>>>> groups) {

    public ParticipantPageRecords {
        Require.present(page, "page");
        Require.present(groups, "groups");
        groups = groups.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(groups));
    }

    /** Each participant's referrals, when {@link RecordGroup#REFERRALS} was asked for. */
    public Map<PersonId, Release<List<ReferralView>>> referrals() {
        return of(RecordGroup.REFERRALS);
    }

    /** Each participant's referrals in brief, when {@link RecordGroup#REFERRAL_SUMMARIES} was asked for. */
    public Map<PersonId, Release<List<ReferralSummary>>> referralSummaries() {
        return of(RecordGroup.REFERRAL_SUMMARIES);
    }

    /** Each participant's enrollments, when {@link RecordGroup#ENROLLMENTS} was asked for. */
    public Map<PersonId, Release<List<Enrollment>>> enrollments() {
        return of(RecordGroup.ENROLLMENTS);
    }

    /** Each participant's plans and ledgers, when {@link RecordGroup#PLANS} was asked for. */
    public Map<PersonId, Release<List<PlanSummary>>> plans() {
        return of(RecordGroup.PLANS);
    }

    /** Each participant's contacts, when {@link RecordGroup#CONTACTS} was asked for. */
    public Map<PersonId, Release<List<ContactRecorded>>> contacts() {
        return of(RecordGroup.CONTACTS);
    }

    /** Each participant's cases, when {@link RecordGroup#CASES} was asked for. */
    public Map<PersonId, Release<List<PostEnrollmentCase>>> cases() {
        return of(RecordGroup.CASES);
    }

    /** Each participant's consents on file, when {@link RecordGroup#CONSENTS} was asked for. */
    public Map<PersonId, Release<List<Consent>>> consents() {
        return of(RecordGroup.CONSENTS);
    }

    @SuppressWarnings("unchecked")
    private <T> Map<PersonId, Release<List<T>>> of(RecordGroup group) {
        return (Map<PersonId, Release<List<T>>>) (Map<?, ?>) groups.getOrDefault(group, Map.of());
    }
}

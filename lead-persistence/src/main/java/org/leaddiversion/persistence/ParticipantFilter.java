/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;

/**
 * Which participants a list shows ({@link ParticipantRecords#participants}). A participant is listed when one of her
 * referrals meets every referral term (site, door, status, referred between) and, if any enrollment term is given,
 * one of her enrollments meets every enrollment term (site, status, enrolled between, held by the case manager). An
 * empty set or an unbounded span does not filter. {@link #all()} lists everyone; the {@code with…} methods narrow it.
 *
 * @param site               the site of the referral (and of the enrollment, when an enrollment term is given)
 * @param doors              the doors the referral came through, any of them
 * @param referralStatuses   where the referral stands, any of these
 * @param enrollmentStatuses where the enrollment stands, any of these
 * @param caseManager        the case manager holding the (open) enrollment
 * @param referred           when the referral was made
 * @param enrolled           when the enrollment started
 */
public record ParticipantFilter(Optional<SiteId> site, Set<Door> doors, Set<ReferralStatus> referralStatuses,
                                Set<EnrollmentStatus> enrollmentStatuses, Optional<CaseManagerId> caseManager,
                                Between referred, Between enrolled) {

    public ParticipantFilter {
        Require.present(site, "site");
        doors = Set.copyOf(Require.noNulls(doors, "doors"));
        referralStatuses = Set.copyOf(Require.noNulls(referralStatuses, "referralStatuses"));
        enrollmentStatuses = Set.copyOf(Require.noNulls(enrollmentStatuses, "enrollmentStatuses"));
        Require.present(caseManager, "caseManager");
        Require.present(referred, "referred");
        Require.present(enrolled, "enrolled");
    }

    /** Every participant. */
    public static ParticipantFilter all() {
        return new ParticipantFilter(Optional.empty(), Set.of(), Set.of(), Set.of(), Optional.empty(),
                Between.ALWAYS, Between.ALWAYS);
    }

    /** Only participants referred at {@code site}. */
    public ParticipantFilter withSite(SiteId site) {
        return new ParticipantFilter(Optional.of(site), doors, referralStatuses, enrollmentStatuses, caseManager,
                referred, enrolled);
    }

    /** Only participants referred through one of {@code doors}. */
    public ParticipantFilter withDoors(Set<Door> doors) {
        return new ParticipantFilter(site, doors, referralStatuses, enrollmentStatuses, caseManager, referred,
                enrolled);
    }

    /** Only participants with a referral in one of {@code statuses}. */
    public ParticipantFilter withReferralStatuses(Set<ReferralStatus> statuses) {
        return new ParticipantFilter(site, doors, statuses, enrollmentStatuses, caseManager, referred, enrolled);
    }

    /** Only participants with an enrollment in one of {@code statuses}. */
    public ParticipantFilter withEnrollmentStatuses(Set<EnrollmentStatus> statuses) {
        return new ParticipantFilter(site, doors, referralStatuses, statuses, caseManager, referred, enrolled);
    }

    /** Only participants whose open enrollment {@code caseManager} holds. */
    public ParticipantFilter withCaseManager(CaseManagerId caseManager) {
        return new ParticipantFilter(site, doors, referralStatuses, enrollmentStatuses, Optional.of(caseManager),
                referred, enrolled);
    }

    /** Only participants with a referral made in {@code span}. */
    public ParticipantFilter withReferred(Between span) {
        return new ParticipantFilter(site, doors, referralStatuses, enrollmentStatuses, caseManager, span, enrolled);
    }

    /** Only participants with an enrollment started in {@code span}. */
    public ParticipantFilter withEnrolled(Between span) {
        return new ParticipantFilter(site, doors, referralStatuses, enrollmentStatuses, caseManager, referred, span);
    }

    /** Whether a term speaks of enrollments: listing then tells enrollment status too. */
    public boolean speaksOfEnrollments() {
        return !enrollmentStatuses.isEmpty() || caseManager.isPresent() || enrolled.isBounded();
    }

    /**
     * A span of time, from an instant (inclusive) to another (exclusive); either end may be open.
     *
     * @param from   the first instant in the span, if bounded
     * @param before the first instant after the span, if bounded
     */
    public record Between(Optional<Instant> from, Optional<Instant> before) {

        /** No bound: all time. */
        public static final Between ALWAYS = new Between(Optional.empty(), Optional.empty());

        /**
         * A span.
         *
         * @throws InvalidValueException on {@code before} when it is not after {@code from}
         */
        public Between {
            Require.present(from, "from");
            Require.present(before, "before");
            if (from.isPresent() && before.isPresent() && !from.get().isBefore(before.get())) {
                throw new InvalidValueException("before", "must be after from");
            }
        }

        /** Whether either end is bounded. */
        public boolean isBounded() {
            return from.isPresent() || before.isPresent();
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;

/**
 * The data class (SPEC §2.2) each domain event belongs to: what a reader must be allowed to read before an event of
 * a participant's history is shown to her. A participant's timeline shows an event only when the access policy
 * releases its class, so an event belongs to the class of the most sensitive thing it tells:
 * <ul>
 *   <li>{@link DataClass#REFERRAL_CORE}: the referral's way through the doors — made, agreed to, declined, handed off,
 *       approved, accepted, assessed, completed, lapsed, withdrawn, its deadline extended or approaching;</li>
 *   <li>{@link DataClass#SCREENING}: eligibility decided, exclusions overridden or confirmed, the eligibility
 *       authority's confirmation or rejection (they carry findings and reasons);</li>
 *   <li>{@link DataClass#LEGAL_COORDINATION}: the held charge (held, not filed, released, reviewed), post-enrollment
 *       cases, consultations and charging decisions;</li>
 *   <li>{@link DataClass#ENROLLMENT_STATUS}: the fact of participation — enrollment started, a referral attached,
 *       closed, inactive, re-engaged, the case manager assigned or released — and consents: an ROI signed, a consent
 *       signed or revoked, a disclosure granted or refused (they name roles, purposes and classes, not case
 *       content);</li>
 *   <li>{@link DataClass#PLAN_SUMMARY}: goals, service referrals and flexible-fund spending;</li>
 *   <li>{@link DataClass#CASE_NOTES}: contacts.</li>
 * </ul>
 * No event carries SUD Part 2 records or aggregates.
 */
public final class EventDataClasses {

    private static final Map<Class<? extends DomainEvent>, DataClass> CLASS_OF = Map.ofEntries(
            Map.entry(ReferralEvent.ReferralSubmitted.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.ConsentRecorded.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.ReferralDeclined.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.HandoffCompleted.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.ReferralApproved.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.ReferralAccepted.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.IntakeAssessmentRecorded.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.IntakeCompleted.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.IntakeLapsed.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.ReferralWithdrawn.class, DataClass.REFERRAL_CORE),
            Map.entry(ReferralEvent.IntakeDeadlineExtended.class, DataClass.REFERRAL_CORE),
            Map.entry(WorkgroupEvent.IntakeDeadlineApproaching.class, DataClass.REFERRAL_CORE),

            Map.entry(ReferralEvent.ReferralScreened.class, DataClass.SCREENING),
            Map.entry(ReferralEvent.ExclusionOverridden.class, DataClass.SCREENING),
            Map.entry(ReferralEvent.ExclusionConfirmed.class, DataClass.SCREENING),
            Map.entry(ReferralEvent.EligibilityConfirmed.class, DataClass.SCREENING),
            Map.entry(ReferralEvent.EligibilityRejectedByAuthority.class, DataClass.SCREENING),

            Map.entry(ReferralEvent.DivertedCaseHeld.class, DataClass.LEGAL_COORDINATION),
            Map.entry(ReferralEvent.DivertedCaseNotFiled.class, DataClass.LEGAL_COORDINATION),
            Map.entry(ReferralEvent.DivertedCaseReleased.class, DataClass.LEGAL_COORDINATION),
            Map.entry(ReferralEvent.OrdinaryReviewRecorded.class, DataClass.LEGAL_COORDINATION),
            Map.entry(ProsecutionEvent.PostEnrollmentCaseFlagged.class, DataClass.LEGAL_COORDINATION),
            Map.entry(ProsecutionEvent.ConsultationRequested.class, DataClass.LEGAL_COORDINATION),
            Map.entry(ProsecutionEvent.CaseManagerInputRecorded.class, DataClass.LEGAL_COORDINATION),
            Map.entry(ProsecutionEvent.ChargingDecisionRecorded.class, DataClass.LEGAL_COORDINATION),
            Map.entry(WorkgroupEvent.ConsultationWindowClosing.class, DataClass.LEGAL_COORDINATION),

            Map.entry(EnrollmentEvent.EnrollmentStarted.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(EnrollmentEvent.ReferralAttached.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(EnrollmentEvent.EnrollmentClosed.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(EnrollmentEvent.ParticipantBecameInactive.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(EnrollmentEvent.ParticipantReengaged.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(PlanEvent.CaseManagerAssigned.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(PlanEvent.CaseManagerReleased.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(ReferralEvent.RoiSigned.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(DisclosureEvent.ConsentSigned.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(DisclosureEvent.ConsentRevoked.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(DisclosureEvent.DisclosureGranted.class, DataClass.ENROLLMENT_STATUS),
            Map.entry(DisclosureEvent.DisclosureRefused.class, DataClass.ENROLLMENT_STATUS),

            Map.entry(PlanEvent.GoalSet.class, DataClass.PLAN_SUMMARY),
            Map.entry(PlanEvent.GoalStatusChanged.class, DataClass.PLAN_SUMMARY),
            Map.entry(PlanEvent.ServiceReferralMade.class, DataClass.PLAN_SUMMARY),
            Map.entry(PlanEvent.FlexExpenditureRecorded.class, DataClass.PLAN_SUMMARY),

            Map.entry(EnrollmentEvent.ContactRecorded.class, DataClass.CASE_NOTES));

    private static final Set<DataClass> CLASSES = Collections.unmodifiableSet(EnumSet.copyOf(CLASS_OF.values()));

    private EventDataClasses() {
    }

    /**
     * The data class of events of {@code type}.
     *
     * @throws IllegalArgumentException if {@code type} is not an event type of the domain
     */
    public static DataClass of(Class<? extends DomainEvent> type) {
        DataClass data = CLASS_OF.get(type);
        if (data == null) {
            throw new IllegalArgumentException("not an event type of the LEAD domain: " + type.getName());
        }
        return data;
    }

    /** The data class of {@code event}. */
    public static DataClass of(DomainEvent event) {
        return of(event.getClass());
    }

    /** The data classes events belong to: the classes a participant's history speaks for. */
    public static Set<DataClass> classes() {
        return CLASSES;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.LapseRecipient;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.screening.EligibilityResult;
import org.leaddiversion.domain.screening.Finding;

/** Events of a referral and its held charge (SPEC Appendix A), in the past tense. */
public sealed interface ReferralEvent extends DomainEvent {

    ReferralId referralId();

    @Override
    default String aggregateId() {
        return referralId().toString();
    }

    /** T1: a referral was made; its deadline was fixed from the policy version in force. */
    record ReferralSubmitted(ReferralId referralId, SiteId site, Door door, PersonId person, int policyVersion,
                             LocalDate intakeDeadline, List<EnrollmentId> priorEnrollments, Instant occurredAt)
            implements ReferralEvent {
        public ReferralSubmitted {
            priorEnrollments = List.copyOf(priorEnrollments);
        }
    }

    /** T3: screening decided the referral's eligibility. */
    record ReferralScreened(ReferralId referralId, EligibilityResult result, List<Finding> findings,
                            List<Finding> notes, List<DomainError> rejections, int policyVersion, Instant occurredAt)
            implements ReferralEvent {
        public ReferralScreened {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
            rejections = List.copyOf(rejections);
        }
    }

    /** The person agreed to LEAD after being told it is voluntary (rule R01). */
    record ConsentRecorded(ReferralId referralId, ActorId witness, Instant occurredAt) implements ReferralEvent {
    }

    /** T2: the person declined at the offer; ordinary processing (rule R02). */
    record ReferralDeclined(ReferralId referralId, ActorId recordedBy, Instant occurredAt) implements ReferralEvent {
    }

    /** The warm hand-off happened; minutes and whether the target was met are recorded, never enforced. */
    record HandoffCompleted(ReferralId referralId, Instant calledAt, Instant arrivedAt, long minutes,
                            boolean withinTarget, Instant occurredAt) implements ReferralEvent {
    }

    /** A community referral was approved by an approver other than its submitter (rule R07). */
    record ReferralApproved(ReferralId referralId, ActorId approver, Role role, Instant occurredAt)
            implements ReferralEvent {
    }

    /** T4: PRESUMPTIVE findings were lifted by the override authority with a written reason (rule R09). */
    record ExclusionOverridden(ReferralId referralId, ActorId by, Role role, String reason, List<Finding> overridden,
                               Instant occurredAt) implements ReferralEvent {
        public ExclusionOverridden {
            overridden = List.copyOf(overridden);
        }
    }

    /** PRESUMPTIVE findings were confirmed: the referral is ineligible. */
    record ExclusionConfirmed(ReferralId referralId, ActorId by, Role role, String reason, Instant occurredAt)
            implements ReferralEvent {
    }

    /** T5: the referral was accepted; the intake clock runs. */
    record ReferralAccepted(ReferralId referralId, ActorId by, Instant occurredAt) implements ReferralEvent {
    }

    /** T5, charge-holding doors: the diverted case is held by the prosecutor. */
    record DivertedCaseHeld(ReferralId referralId, DivertedCaseId caseId, Optional<String> reviewingOffice,
                            Instant occurredAt) implements ReferralEvent {
    }

    /** The eligibility authority confirmed the referral. */
    record EligibilityConfirmed(ReferralId referralId, ActorId by, Role role, Instant occurredAt)
            implements ReferralEvent {
    }

    /** T8: the eligibility authority rejected the referral (rule R16). */
    record EligibilityRejectedByAuthority(ReferralId referralId, ActorId by, Role role, String reason,
                                          Instant occurredAt) implements ReferralEvent {
    }

    /** The full intake assessment was done; intake still waits for the ROI where the site requires it. */
    record IntakeAssessmentRecorded(ReferralId referralId, ActorId by, Instant occurredAt) implements ReferralEvent {
    }

    /** The multi-party release of information was signed. */
    record RoiSigned(ReferralId referralId, ActorId witness, Instant occurredAt) implements ReferralEvent {
    }

    /** T6: intake completed on time (completion = the later of assessment and ROI, rule R22). */
    record IntakeCompleted(ReferralId referralId, EnrollmentId enrollment, boolean newEnrollment, Instant occurredAt)
            implements ReferralEvent {
    }

    /** The held charge will not be filed (rule R19). */
    record DivertedCaseNotFiled(ReferralId referralId, DivertedCaseId caseId, Instant occurredAt)
            implements ReferralEvent {
    }

    /** T7: the deadline passed without intake (rule R20). */
    record IntakeLapsed(ReferralId referralId, LocalDate deadline, Instant occurredAt) implements ReferralEvent {
    }

    /**
     * The held charge was released for ordinary review; this event is the one notification to {@code recipient}.
     * Release means ordinary charging discretion resumes, not "file charges".
     */
    record DivertedCaseReleased(ReferralId referralId, DivertedCaseId caseId, ReleaseReason reason,
                                LapseRecipient recipient, Optional<String> reviewingOffice, Instant occurredAt)
            implements ReferralEvent {
    }

    /** T9: the person or the referrer withdrew before intake. */
    record ReferralWithdrawn(ReferralId referralId, ActorId by, Role role, String reason, Instant occurredAt)
            implements ReferralEvent {
    }

    /** An authorised user extended the deadline with a reason (only where the site allows extensions). */
    record IntakeDeadlineExtended(ReferralId referralId, LocalDate from, LocalDate to, ActorId by, String reason,
                                  Instant occurredAt) implements ReferralEvent {
    }

    /** The prosecutor recorded the outcome of the ordinary review of a released case. */
    record OrdinaryReviewRecorded(ReferralId referralId, DivertedCaseId caseId, DivertedCaseStatus outcome, ActorId by,
                                  Instant occurredAt) implements ReferralEvent {
    }
}

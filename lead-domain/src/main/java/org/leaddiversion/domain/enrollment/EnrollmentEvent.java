/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.enrollment;

import java.time.Instant;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/** Events of an enrollment. */
public sealed interface EnrollmentEvent extends DomainEvent {

    EnrollmentId enrollmentId();

    @Override
    default String aggregateId() {
        return enrollmentId().toString();
    }

    /** Intake completed and a new participation episode began. */
    record EnrollmentStarted(EnrollmentId enrollmentId, PersonId person, SiteId site, ReferralId referral,
                             java.util.List<EnrollmentId> priorEnrollments, Instant occurredAt) implements EnrollmentEvent {
        public EnrollmentStarted {
            priorEnrollments = java.util.List.copyOf(priorEnrollments);
        }
    }

    /** A referral of a person who was already enrolled was attached to the open enrollment (rule R23). */
    record ReferralAttached(EnrollmentId enrollmentId, ReferralId referral, Instant occurredAt) implements EnrollmentEvent {
    }

    /** The enrollment ended with an allowed reason (rules R24, R27); a participant's withdrawal is always possible (R03). */
    record EnrollmentClosed(EnrollmentId enrollmentId, ClosureReason reason, Instant occurredAt) implements EnrollmentEvent {
    }

    /**
     * A contact with or about the participant was recorded (rule R32).
     *
     * @param contactAt  when the contact took place (never after {@code occurredAt}, never before the start)
     * @param occurredAt when it was recorded
     */
    record ContactRecorded(EnrollmentId enrollmentId, ContactType contactType, Instant contactAt, Instant occurredAt)
            implements EnrollmentEvent {
    }

    /** No participant contact for the site's threshold (T10, rule R26); the person is still enrolled. */
    record ParticipantBecameInactive(EnrollmentId enrollmentId, Instant lastEngagementAt, int thresholdDays,
                                     Instant occurredAt) implements EnrollmentEvent {
    }

    /** A participant contact made an INACTIVE enrollment ACTIVE again (T11, rule R26). */
    record ParticipantReengaged(EnrollmentId enrollmentId, Instant contactAt, Instant occurredAt)
            implements EnrollmentEvent {
    }
}

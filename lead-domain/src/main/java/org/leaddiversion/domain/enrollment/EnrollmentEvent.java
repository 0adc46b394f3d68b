package org.leaddiversion.domain.enrollment;

import java.time.Instant;
import org.leaddiversion.domain.common.DomainEvent;
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

    /** The participant chose to leave (rule R03); always possible. */
    record EnrollmentClosed(EnrollmentId enrollmentId, String reason, Instant occurredAt) implements EnrollmentEvent {
    }
}

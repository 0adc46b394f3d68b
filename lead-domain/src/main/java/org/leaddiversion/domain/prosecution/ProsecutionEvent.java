/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.time.Instant;
import java.util.Optional;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/** Events of post-enrollment cases, keyed by the case. None of them is an enrollment event (rule R25). */
public sealed interface ProsecutionEvent extends DomainEvent {

    PostEnrollmentCaseId caseId();

    @Override
    default String aggregateId() {
        return caseId().toString();
    }

    /** A case filed or an arrest made was recorded; {@code leadParticipant} when an enrollment was open. */
    record PostEnrollmentCaseFlagged(PostEnrollmentCaseId caseId, PersonId person, SiteId site,
                                     Optional<EnrollmentId> openEnrollment, boolean leadParticipant,
                                     Instant occurredAt) implements ProsecutionEvent {
    }

    /** A prosecutor asked to consult the case manager, due by {@code dueBy} (rule R34). */
    record ConsultationRequested(PostEnrollmentCaseId caseId, ActorId requestedBy, Instant dueBy,
                                 Instant occurredAt) implements ProsecutionEvent {
    }

    /** The case manager's input was recorded. */
    record CaseManagerInputRecorded(PostEnrollmentCaseId caseId, ActorId recordedBy, Instant occurredAt)
            implements ProsecutionEvent {
    }

    /** A charging decision was recorded; {@code consultationWaived} when it rests on a waiver reason. */
    record ChargingDecisionRecorded(PostEnrollmentCaseId caseId, ChargingDecision decision, ActorId decidedBy,
                                    boolean consultationWaived, Instant occurredAt) implements ProsecutionEvent {
    }
}

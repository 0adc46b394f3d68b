/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Instant;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;

/** Events of intervention plans, caseload assignment and flexible funds, keyed by the enrollment. */
public sealed interface PlanEvent extends DomainEvent {

    EnrollmentId enrollmentId();

    @Override
    default String aggregateId() {
        return enrollmentId().toString();
    }

    /** The participant set a goal (rule R31). */
    record GoalSet(EnrollmentId enrollmentId, GoalId goal, PlanDomain domain, GoalKind kind, Instant occurredAt)
            implements PlanEvent {
    }

    /** A goal's status changed. */
    record GoalStatusChanged(EnrollmentId enrollmentId, GoalId goal, GoalStatus from, GoalStatus to,
                             Instant occurredAt) implements PlanEvent {
    }

    /** The participant was referred to a service. */
    record ServiceReferralMade(EnrollmentId enrollmentId, ServiceReferralId serviceReferral, PlanDomain domain,
                               ServiceReferralStatus status, Instant occurredAt) implements PlanEvent {
    }

    /** The enrollment was assigned to a case manager (rule R30). */
    record CaseManagerAssigned(EnrollmentId enrollmentId, CaseManagerId caseManager, int openCaseload,
                               Instant occurredAt) implements PlanEvent {
    }

    /** The enrollment left a case manager's open caseload (closure or reassignment). */
    record CaseManagerReleased(EnrollmentId enrollmentId, CaseManagerId caseManager, Instant occurredAt)
            implements PlanEvent {
    }

    /** A flexible-fund expenditure was recorded (rule R33); {@code approvedBy} is set when a cap was exceeded. */
    record FlexExpenditureRecorded(EnrollmentId enrollmentId, FlexExpenditureId expenditure, PlanDomain category,
                                   java.util.Optional<ActorId> approvedBy, Instant occurredAt) implements PlanEvent {
    }
}

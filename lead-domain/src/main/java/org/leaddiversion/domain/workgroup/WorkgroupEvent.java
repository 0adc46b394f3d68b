/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.time.Instant;
import java.time.LocalDate;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.prosecution.PostEnrollmentCaseId;
import org.leaddiversion.domain.referral.ReferralId;

/** Reminders for the OWG and case managers, produced by {@link Reminders#due}. */
public sealed interface WorkgroupEvent extends DomainEvent {

    /** A PENDING_INTAKE referral's deadline ends within the reminder horizon (rule R20). */
    record IntakeDeadlineApproaching(ReferralId referralId, LocalDate deadline, Instant deadlineEndsAt,
                                     Instant occurredAt) implements WorkgroupEvent {
        public IntakeDeadlineApproaching {
            Require.present(referralId, "referralId");
            Require.present(deadline, "deadline");
            Require.present(deadlineEndsAt, "deadlineEndsAt");
            Require.present(occurredAt, "occurredAt");
        }

        @Override
        public String aggregateId() {
            return referralId.toString();
        }
    }

    /** An open post-enrollment consultation's window closes within the reminder horizon (rule R34). */
    record ConsultationWindowClosing(PostEnrollmentCaseId caseId, Instant dueBy, Instant occurredAt)
            implements WorkgroupEvent {
        public ConsultationWindowClosing {
            Require.present(caseId, "caseId");
            Require.present(dueBy, "dueBy");
            Require.present(occurredAt, "occurredAt");
        }

        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.workgroup.WorkgroupEvent.ConsultationWindowClosing;
import org.leaddiversion.domain.workgroup.WorkgroupEvent.IntakeDeadlineApproaching;

/**
 * Reminder events due at an instant. A pure function: it keeps no record of what it has already produced, so
 * calling it again yields the same reminders again. <b>Idempotence is the host's concern</b>: a host that runs it
 * on a schedule de-duplicates, e.g. on {@code (type, aggregateId, deadline)}, before notifying anyone.
 */
public final class Reminders {

    private Reminders() {
    }

    /**
     * Reminders due at {@code now}: {@link IntakeDeadlineApproaching} for each PENDING_INTAKE referral whose deadline
     * ends (first late instant) in {@code (now, now + horizon]}, and {@link ConsultationWindowClosing} for each open
     * consultation (requested, no decision) whose {@code dueBy} is in {@code (now, now + horizon]}. Ordered by the
     * instant concerned, then by aggregate id; all dated {@code now}.
     */
    public static List<WorkgroupEvent> due(Instant now, Duration horizon, List<Referral> referrals,
                                           List<PostEnrollmentCase> cases) {
        Require.present(now, "now");
        Require.present(horizon, "horizon");
        Require.noNulls(referrals, "referrals");
        Require.noNulls(cases, "cases");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new InvalidValueException("horizon", "must be positive");
        }
        Instant until = now.plus(horizon);
        var out = new ArrayList<WorkgroupEvent>();
        for (Referral r : referrals) {
            if (r.status() != ReferralStatus.PENDING_INTAKE || r.intakeDeadline() == null) {
                continue;
            }
            Instant end = r.intakeDeadline().firstLateInstant();
            if (end.isAfter(now) && !end.isAfter(until)) {
                out.add(new IntakeDeadlineApproaching(r.id(), r.intakeDeadline().date(), end, now));
            }
        }
        for (PostEnrollmentCase c : cases) {
            if (!OwgAgenda.isOpenConsultation(c)) {
                continue;
            }
            Instant dueBy = c.consultation().get().dueBy();
            if (dueBy.isAfter(now) && !dueBy.isAfter(until)) {
                out.add(new ConsultationWindowClosing(c.id(), dueBy, now));
            }
        }
        out.sort(Comparator.comparing(Reminders::instantOf).thenComparing(WorkgroupEvent::aggregateId));
        return out;
    }

    private static Instant instantOf(WorkgroupEvent e) {
        return e instanceof IntakeDeadlineApproaching i ? i.deadlineEndsAt() : ((ConsultationWindowClosing) e).dueBy();
    }
}

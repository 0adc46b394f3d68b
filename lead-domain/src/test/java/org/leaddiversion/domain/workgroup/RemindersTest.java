/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.workgroup.WorkgroupEvent.ConsultationWindowClosing;
import org.leaddiversion.domain.workgroup.WorkgroupEvent.IntakeDeadlineApproaching;

/** Reminders are pure: due inside the horizon only, dated now, keyed by the aggregate, the same on every call. */
@DisplayName("OWG reminders: intake deadlines and consultation windows")
class RemindersTest {

    @Test
    void deadlines_and_windows_inside_the_horizon_remind_and_others_do_not() {
        var f = OwgAgendaTest.santaFe();
        List<Referral> referrals = f.inputs().referrals();
        List<PostEnrollmentCase> cases = f.inputs().cases();
        Instant dueBy = cases.get(0).consultation().orElseThrow().dueBy();
        Instant deadlineEnd = referrals.get(0).intakeDeadline().firstLateInstant();

        // a day before the consultation window closes: one reminder for the case, dated now
        Instant now = dueBy.minus(Duration.ofDays(1));
        var due = Reminders.due(now, Duration.ofDays(2), List.of(), cases);
        assertEquals(1, due.size());
        var closing = assertInstanceOf(ConsultationWindowClosing.class, due.get(0));
        assertEquals(cases.get(0).id().toString(), closing.aggregateId());
        assertEquals(now, closing.occurredAt());
        assertEquals("ConsultationWindowClosing", closing.type());
        // the same call gives the same reminders (idempotence is the host's concern)
        assertEquals(due, Reminders.due(now, Duration.ofDays(2), List.of(), cases));
        // outside the horizon, or after the window closed: nothing
        assertTrue(Reminders.due(dueBy.minus(Duration.ofDays(3)), Duration.ofDays(2), List.of(), cases).isEmpty());
        assertTrue(Reminders.due(dueBy, Duration.ofDays(2), List.of(), cases).isEmpty());

        // an hour before the intake deadline ends: both pending referrals remind, ordered by id
        Instant before = deadlineEnd.minus(Duration.ofHours(1));
        var intake = Reminders.due(before, Duration.ofHours(2), referrals, List.of());
        assertEquals(2, intake.size());
        intake.forEach(e -> assertInstanceOf(IntakeDeadlineApproaching.class, e));
        assertEquals(referrals.stream().map(r -> r.id().toString()).sorted().toList(),
                intake.stream().map(WorkgroupEvent::aggregateId).toList());
        assertTrue(Reminders.due(deadlineEnd, Duration.ofHours(2), referrals, List.of()).isEmpty());
    }
}

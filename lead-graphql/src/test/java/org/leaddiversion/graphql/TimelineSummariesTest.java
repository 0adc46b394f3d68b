/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;

@DisplayName("Every event of a timeline has a summary in domain words")
class TimelineSummariesTest {

    @Test
    void every_event_type_of_the_domain_has_its_own_summary() {
        List<String> missing = new ArrayList<>();
        for (Class<?> family : List.of(ReferralEvent.class, EnrollmentEvent.class, PlanEvent.class,
                ProsecutionEvent.class, DisclosureEvent.class, WorkgroupEvent.class)) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                if (!TimelineSummaries.knows(type)) {
                    missing.add(type.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void a_summary_speaks_in_words_and_leaves_out_the_reason_someone_typed() {
        var id = new ReferralId(UUID.fromString("00000000-0000-0000-0000-000000000007"));
        assertEquals("Withdrawn before intake by a case manager.", TimelineSummaries.of(
                new ReferralEvent.ReferralWithdrawn(id, new ActorId("cm-1"), Role.CASE_MANAGER,
                        "she moved to her sister's in Tacoma", Instant.parse("2026-02-01T10:00:00Z"))));
        assertEquals("The intake deadline of 2026-02-11 passed without intake.", TimelineSummaries.of(
                new ReferralEvent.IntakeLapsed(id, LocalDate.of(2026, 2, 11), Instant.parse("2026-02-12T08:00:00Z"))));
        assertEquals("Enrollment closed: voluntary withdrawal.", TimelineSummaries.of(
                new EnrollmentEvent.EnrollmentClosed(new EnrollmentId(id.value()), ClosureReason.VOLUNTARY_WITHDRAWAL,
                        Instant.EPOCH)));
    }
}

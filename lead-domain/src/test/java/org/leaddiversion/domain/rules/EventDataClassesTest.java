/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;

@DisplayName("Every domain event belongs to one data class of the access matrix")
class EventDataClassesTest {

    private static final List<Class<?>> FAMILIES = List.of(ReferralEvent.class, EnrollmentEvent.class,
            PlanEvent.class, ProsecutionEvent.class, DisclosureEvent.class, WorkgroupEvent.class);

    @Test
    void every_event_type_of_every_family_has_a_class() {
        List<String> unclassified = new ArrayList<>();
        for (Class<?> family : FAMILIES) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                try {
                    EventDataClasses.of(type.asSubclass(DomainEvent.class));
                } catch (IllegalArgumentException e) {
                    unclassified.add(type.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), unclassified, "event types without a data class");
    }

    @Test
    void an_event_is_classed_by_the_most_sensitive_thing_it_tells() {
        assertEquals(DataClass.REFERRAL_CORE, EventDataClasses.of(ReferralEvent.ReferralSubmitted.class));
        assertEquals(DataClass.SCREENING, EventDataClasses.of(ReferralEvent.ReferralScreened.class),
                "findings and reasons are screening, not the referral's core");
        assertEquals(DataClass.SCREENING, EventDataClasses.of(ReferralEvent.ExclusionOverridden.class));
        assertEquals(DataClass.LEGAL_COORDINATION, EventDataClasses.of(ReferralEvent.DivertedCaseReleased.class),
                "the held charge is legal coordination, as in the referral view");
        assertEquals(DataClass.LEGAL_COORDINATION,
                EventDataClasses.of(ProsecutionEvent.ChargingDecisionRecorded.class));
        assertEquals(DataClass.ENROLLMENT_STATUS, EventDataClasses.of(EnrollmentEvent.EnrollmentClosed.class));
        assertEquals(DataClass.ENROLLMENT_STATUS, EventDataClasses.of(DisclosureEvent.ConsentSigned.class),
                "consents on file tell participation, as the consents field group does");
        assertEquals(DataClass.PLAN_SUMMARY, EventDataClasses.of(PlanEvent.GoalSet.class));
        assertEquals(DataClass.PLAN_SUMMARY, EventDataClasses.of(PlanEvent.FlexExpenditureRecorded.class));
    }

    @Test
    void a_contact_is_a_case_note_whichever_way_it_is_asked() {
        var contact = new EnrollmentEvent.ContactRecorded(new EnrollmentId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                ContactType.IN_PERSON_FIELD, Instant.parse("2026-02-01T23:00:00Z"),
                Instant.parse("2026-02-02T19:00:00Z"));
        assertEquals(DataClass.CASE_NOTES, EventDataClasses.of(contact));
        assertEquals(EventDataClasses.of(EnrollmentEvent.ContactRecorded.class), EventDataClasses.of(contact));
    }

    @Test
    void no_event_speaks_for_part_2_records_or_aggregates() {
        assertFalse(EventDataClasses.classes().contains(DataClass.SUD_PART2));
        assertFalse(EventDataClasses.classes().contains(DataClass.AGGREGATE));
        assertEquals(EnumSet.of(DataClass.REFERRAL_CORE, DataClass.SCREENING, DataClass.ENROLLMENT_STATUS,
                DataClass.PLAN_SUMMARY, DataClass.CASE_NOTES, DataClass.LEGAL_COORDINATION),
                EventDataClasses.classes());
    }

    @Test
    void a_type_outside_the_domain_is_refused() {
        DomainEvent foreign = new DomainEvent() {
            @Override
            public Instant occurredAt() {
                return Instant.EPOCH;
            }

            @Override
            public String aggregateId() {
                return "x";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> EventDataClasses.of(foreign));
    }
}

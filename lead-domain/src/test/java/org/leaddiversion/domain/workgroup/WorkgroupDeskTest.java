/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.Participants.enrolled;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.CoordinationDesk;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.rules.RuleCatalogue;

/**
 * The work-group desk reads what the other desks wrote: a consultation a prosecutor asks for through the
 * coordination desk is on the next agenda — by name only where the participant's ROI covers legal coordination with
 * the work group — and off it once decided; its due date comes up in the reminders.
 */
@DisplayName("Work-group desk")
class WorkgroupDeskTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T17:00:00Z"));
    private final InMemoryProgramme programme = programme(clock, Fixtures.seattle());
    private final CoordinationDesk coordination = programme.coordination();
    private final WorkgroupDesk workgroup = programme.workgroup();

    private PostEnrollmentCase consultationOn(String person) {
        PostEnrollmentCase c = expect(coordination.recordCase(Fixtures.PROSECUTOR, new PersonId(person),
                Fixtures.SEATTLE, List.of(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR)), List.of(),
                clock.instant()), "case of " + person);
        return expect(coordination.requestConsultation(c.id(), Fixtures.PROSECUTOR), "consultation on " + person);
    }

    private Agenda agendaAt(Instant meeting) {
        // Seattle's work groups meet per precinct (owg.scope = PRECINCT); the fixtures refer people in the West
        return workgroup.agenda(Fixtures.SEATTLE, org.leaddiversion.domain.policy.AreaId.of("WEST_PRECINCT"), meeting,
                Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void an_open_consultation_is_on_the_agenda_named_only_under_an_roi_covering_legal_coordination() {
        enrolled(programme, clock, "ana");
        enrolled(programme, clock, "bea");
        expect(programme.disclosure().recordConsent(Fixtures.CASE_MANAGER, new PersonId("ana"),
                ConsentType.MULTI_PARTY_ROI, Set.of(Role.OWG_MEMBER), Set.of(), Set.of(Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.LEGAL_COORDINATION), Optional.empty()), "Ana's ROI");
        clock.advance(Duration.ofHours(1));
        PostEnrollmentCase anas = consultationOn("ana");
        PostEnrollmentCase beas = consultationOn("bea");

        Agenda agenda = agendaAt(clock.instant().plus(Duration.ofDays(2)));
        List<Agenda.Item> open = agenda.section(Agenda.Section.OPEN_CONSULTATION);
        assertEquals(2, open.size());
        Agenda.Item ana = open.stream().filter(i -> i.subject().equals(anas.id().toString())).findFirst().orElseThrow();
        Agenda.Item bea = open.stream().filter(i -> i.subject().equals(beas.id().toString())).findFirst().orElseThrow();
        assertEquals(Optional.of(new PersonId("ana")), ana.person());
        assertFalse(bea.isNamed(), "no ROI: de-identified");
        assertFalse(bea.label().contains("bea"));

        // decided: off the next agenda
        clock.advance(Duration.ofDays(3));
        expect(coordination.recordDecision(anas.id(), Fixtures.PROSECUTOR, ChargingDecision.DECLINE, Optional.empty(),
                Optional.empty(), false), "decision on Ana's case");
        List<Agenda.Item> later = agendaAt(clock.instant().plus(Duration.ofDays(1)))
                .section(Agenda.Section.OPEN_CONSULTATION);
        assertEquals(List.of(beas.id().toString()), later.stream().map(Agenda.Item::subject).toList());

        var violations = RuleCatalogue.checkAll(programme.record());
        assertTrue(violations.isEmpty(), violations::toString);
    }

    @Test
    void a_consultation_due_within_the_horizon_is_a_reminder_and_the_desk_changes_nothing() {
        enrolled(programme, clock, "ana");
        PostEnrollmentCase c = consultationOn("ana");
        Instant due = c.consultation().orElseThrow().dueBy();
        int events = programme.events().size();

        clock.set(due.minus(Duration.ofDays(3)));
        assertTrue(workgroup.reminders(Duration.ofDays(2)).isEmpty());
        List<WorkgroupEvent> reminders = workgroup.reminders(Duration.ofDays(3));
        assertEquals(1, reminders.size());
        var closing = (WorkgroupEvent.ConsultationWindowClosing) reminders.get(0);
        assertEquals(c.id(), closing.caseId());
        assertEquals(due, closing.dueBy());
        assertEquals(events, programme.events().size(), "agendas and reminders are pure reads");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.Participants.enrolled;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.rules.RuleCatalogue;

/**
 * The coordination desk through an in-memory programme: a case is flagged exactly when the person has an open
 * enrollment at the site (ACTIVE or INACTIVE, not CLOSED, not elsewhere); the consultation is due after the window of
 * the site policy in force when it is asked for; only prosecutors record cases, ask for consultations and decide.
 */
@DisplayName("Coordination desk")
class CoordinationDeskTest {

    private static final Actor PROSECUTOR = Fixtures.PROSECUTOR;
    private static final Actor LIAISON = Actor.of("liaison-1", Role.LIAISON_PROSECUTOR);
    private static final List<Offence> THEFT = List.of(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T17:00:00Z"));

    /** Seattle with a 10-day consultation window from 2026, after the default 14 days before. */
    private static SitePolicyHistory seattle() {
        SitePolicyHistory h = Fixtures.seattle();
        SitePolicy v2 = h.latest();
        SitePolicy v3 = v2.toBuilder().version(3, LocalDate.of(2026, 3, 1)).consultationWindowDays(10).build();
        return history(h.version(1).orElseThrow(), v2, v3);
    }

    private final InMemoryProgramme programme = programme(clock, seattle());
    private final CoordinationDesk desk = programme.coordination();

    private void rulesHold() {
        var violations = RuleCatalogue.checkAll(programme.record());
        assertTrue(violations.isEmpty(), violations::toString);
    }

    private PostEnrollmentCase arrestOf(String person) {
        clock.advance(Duration.ofHours(2));
        return expect(desk.recordCase(PROSECUTOR, new PersonId(person), Fixtures.SEATTLE, THEFT, List.of(),
                clock.instant().minus(Duration.ofHours(1))), "case of " + person);
    }

    @Test
    void a_case_is_flagged_exactly_while_the_person_is_enrolled_at_the_site() {
        EnrollmentId ana = enrolled(programme, clock, "ana");
        EnrollmentId bea = enrolled(programme, clock, "bea");
        EnrollmentId cy = enrolled(programme, clock, "cy");
        clock.advance(Duration.ofDays(200));
        expect(programme.desk().recordContact(ana, Fixtures.CASE_MANAGER,
                org.leaddiversion.domain.enrollment.ContactType.PHONE, clock.instant()), "ana keeps in touch");
        programme.desk().sweepInactivity();
        assertEquals(EnrollmentStatus.INACTIVE, programme.enrollments().find(bea).orElseThrow().status());
        expect(programme.desk().withdrawFromEnrollment(cy, Fixtures.self(programme.enrollments().find(cy).orElseThrow().person())), "cy left");

        PostEnrollmentCase active = arrestOf("ana");
        PostEnrollmentCase inactive = arrestOf("bea");
        PostEnrollmentCase former = arrestOf("cy");
        PostEnrollmentCase stranger = arrestOf("dee");

        assertEquals(Set.of(CaseFlag.LEAD_PARTICIPANT), active.flags());
        assertEquals(Optional.of(ana), active.openEnrollment());
        assertEquals(Set.of(CaseFlag.LEAD_PARTICIPANT), inactive.flags());
        assertEquals(Optional.of(bea), inactive.openEnrollment());
        assertEquals(Set.of(), former.flags());
        assertEquals(Optional.empty(), former.openEnrollment());
        assertEquals(Set.of(), stranger.flags());
        assertTrue(active.referral().isEmpty(), "recorded by the prosecutor, not routed from a referral");

        // elsewhere she is not enrolled: a case at another site is not flagged
        programme.policies().put(org.leaddiversion.domain.policy.ReferenceProfiles.load("santa-fe"));
        var elsewhere = desk.recordCase(PROSECUTOR, new PersonId("ana"),
                new org.leaddiversion.domain.policy.SiteId("santa-fe"), THEFT, List.of(), clock.instant());
        assertEquals(Set.of(), elsewhere.value().flags());

        // recording cases never moves an enrollment (R25)
        assertEquals(EnrollmentStatus.ACTIVE, programme.enrollments().find(ana).orElseThrow().status());
        assertEquals(EnrollmentStatus.INACTIVE, programme.enrollments().find(bea).orElseThrow().status());
        rulesHold();
    }

    @Test
    void the_consultation_is_due_after_the_window_of_the_policy_in_force_when_it_is_asked_for() {
        enrolled(programme, clock, "ana");
        enrolled(programme, clock, "bea");
        PostEnrollmentCase february = arrestOf("ana");
        Instant askedInFebruary = clock.instant();
        PostEnrollmentCase asked = expect(desk.requestConsultation(february.id(), PROSECUTOR), "February request");
        assertEquals(askedInFebruary.plus(Duration.ofDays(14)), asked.consultation().orElseThrow().dueBy());

        clock.set(Instant.parse("2026-03-10T17:00:00Z"));
        PostEnrollmentCase march = arrestOf("bea");
        PostEnrollmentCase askedLater = expect(desk.requestConsultation(march.id(), LIAISON), "March request");
        assertEquals(clock.instant().plus(Duration.ofDays(10)), askedLater.consultation().orElseThrow().dueBy());

        assertTrue(desk.requestConsultation(march.id(), PROSECUTOR).hasError(ErrorCode.ALREADY_RECORDED));
        assertEquals(2, programme.cases().openConsultations(Fixtures.SEATTLE).size());
        rulesHold();
    }

    @Test
    void only_prosecutors_record_cases_ask_for_consultations_and_decide() {
        enrolled(programme, clock, "ana");
        int eventsBefore = programme.events().size();
        for (Actor notProsecutor : List.of(Fixtures.CASE_MANAGER, Fixtures.OFFICER, Fixtures.PROJECT_MANAGER,
                Actor.of("defender-1", Role.DEFENDER))) {
            Outcome<PostEnrollmentCase> out = desk.recordCase(notProsecutor, new PersonId("ana"), Fixtures.SEATTLE,
                    THEFT, List.of(), clock.instant());
            assertTrue(out.hasError(ErrorCode.NOT_AUTHORISED), notProsecutor::toString);
        }
        assertTrue(programme.cases().all().isEmpty());
        assertEquals(eventsBefore, programme.events().size());

        PostEnrollmentCase c = expect(desk.recordCase(LIAISON, new PersonId("ana"), Fixtures.SEATTLE, THEFT,
                List.of(), clock.instant()), "the liaison prosecutor records it");
        assertTrue(desk.requestConsultation(c.id(), Fixtures.CASE_MANAGER).hasError(ErrorCode.NOT_AUTHORISED));
        assertTrue(desk.recordCaseManagerInput(c.id(), PROSECUTOR, "she is doing well")
                .hasError(ErrorCode.NOT_AUTHORISED), "the input is the case manager's");
        assertTrue(desk.recordDecision(c.id(), Fixtures.CASE_MANAGER, ChargingDecision.DECLINE, Optional.of("SLA"),
                Optional.empty(), false).hasError(ErrorCode.NOT_AUTHORISED));
        assertTrue(programme.cases().find(c.id()).orElseThrow().decision().isEmpty());
        rulesHold();
    }

    @Test
    void a_participants_case_is_decided_after_a_consultation_or_with_a_written_waiver_never_on_a_lead_disclosure() {
        enrolled(programme, clock, "ana");
        PostEnrollmentCase first = arrestOf("ana");
        PostEnrollmentCase second = arrestOf("ana");
        PostEnrollmentCase stranger = arrestOf("dee");

        assertTrue(desk.recordDecision(first.id(), PROSECUTOR, ChargingDecision.FILE_STANDARD, Optional.of("  "),
                Optional.empty(), false).hasError(ErrorCode.CONSULTATION_REQUIRED), "a blank waiver is no waiver");
        PostEnrollmentCase waived = expect(desk.recordDecision(first.id(), PROSECUTOR, ChargingDecision.FILE_STANDARD,
                Optional.of("30-day case-review deadline"), Optional.empty(), false), "waived");
        assertEquals(Optional.of("30-day case-review deadline"), waived.decision().orElseThrow().waiverReason());

        expect(desk.requestConsultation(second.id(), PROSECUTOR), "consultation");
        assertTrue(desk.recordDecision(second.id(), PROSECUTOR, ChargingDecision.DECLINE, Optional.empty(),
                Optional.of("what the case manager said"), true).hasError(ErrorCode.LEAD_DISCLOSURE_AS_BASIS));
        expect(desk.recordDecision(second.id(), PROSECUTOR, ChargingDecision.HOLD_PENDING_OWG, Optional.empty(),
                Optional.empty(), false), "held for the work group");
        assertTrue(desk.recordDecision(second.id(), PROSECUTOR, ChargingDecision.DECLINE, Optional.empty(),
                Optional.empty(), false).hasError(ErrorCode.ALREADY_RECORDED));

        expect(desk.recordDecision(stranger.id(), PROSECUTOR, ChargingDecision.FILE_STANDARD, Optional.empty(),
                Optional.empty(), false), "no consultation for someone not in LEAD");
        assertTrue(programme.cases().openConsultations(Fixtures.SEATTLE).isEmpty());
        rulesHold();
    }

    @Test
    void a_case_at_a_site_without_a_policy_in_force_is_refused() {
        Outcome<PostEnrollmentCase> out = desk.recordCase(PROSECUTOR, new PersonId("ana"),
                new org.leaddiversion.domain.policy.SiteId("nowhere"), THEFT, List.of(), clock.instant());
        assertTrue(out.hasError(ErrorCode.NO_POLICY_IN_FORCE));
        assertTrue(programme.cases().all().isEmpty());
    }

    @Test
    void a_case_cannot_be_dated_in_the_future() {
        Outcome<PostEnrollmentCase> out = desk.recordCase(PROSECUTOR, new PersonId("ana"), Fixtures.SEATTLE, THEFT,
                List.of(), clock.instant().plusSeconds(1));
        assertTrue(out.hasError(ErrorCode.INVALID_TIMESTAMP));
        assertTrue(programme.cases().all().isEmpty());
    }
}

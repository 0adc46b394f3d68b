/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.InterventionPlanId;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.workgroup.Meeting;

/**
 * The rules about life after intake are in the catalogue and not vacuous: a Seattle programme in which a participant
 * has a case manager, a plan, consents, a disclosure, a coordinated new charge and an OWG meeting keeps every rule;
 * the same data with one fact tampered breaks exactly the rule that fact is about.
 */
@DisplayName("Rule catalogue: enrollment, plan, coordination, disclosure and work group rules")
class ProgrammeRulesTest {

    private static final Actor CM = Fixtures.CASE_MANAGER;

    private MutableClock clock;
    private InMemoryProgramme programme;
    private Enrollment maria;
    private PersonId person;
    private Consent roi;

    /** Seattle, autumn 2025: Maria is enrolled, planned, consents, is discussed at an OWG and has a new charge. */
    @BeforeEach
    void aParticipantsFirstMonths() {
        clock = new MutableClock(LocalDateTime.parse("2025-10-20T09:15").atZone(ZoneId.of("America/Los_Angeles"))
                .toInstant());
        programme = programme(clock, Fixtures.seattle());
        var policy = Fixtures.seattle().latest();
        Referral r = pendingIntake(programme.desk(), policy, Fixtures.anArrestDiversion("maria").build());
        clock.advance(Duration.ofDays(2));
        completeIntake(programme.desk(), policy, r.id());
        maria = programme.enrollments().all().get(0);
        person = maria.person();
        expect(programme.caseManagement().assignCaseManager(maria.id(), CaseManagerId.of(CM.id()),
                Fixtures.PROJECT_MANAGER), "assign");
        expect(programme.caseManagement().addGoal(maria.id(), CM, PlanDomain.HOUSING, GoalKind.GENERAL,
                "a room of her own", true), "goal");
        roi = expect(programme.disclosure().recordConsent(CM, person, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT, Role.OWG_MEMBER, Role.PROSECUTOR), Set.of(),
                Set.of(Purpose.COURT_PROGRESS, Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY, DataClass.LEGAL_COORDINATION),
                Optional.empty()), "roi");
        clock.advance(Duration.ofDays(7));
        assertTrue(programme.disclosure().disclose(DisclosureRequest.of(CM, Role.COURT, person,
                Set.of(DataClass.ENROLLMENT_STATUS), Purpose.COURT_PROGRESS)).isGranted());
        var charge = expect(programme.coordination().recordCase(Fixtures.PROSECUTOR, person, maria.site(),
                List.of(Offence.of("THEFT_LOW_LEVEL", org.leaddiversion.domain.policy.OffenceLevel.MISDEMEANOR)), List.of(), clock.instant().minusSeconds(3600)),
                "new charge");
        expect(programme.coordination().requestConsultation(charge.id(), Fixtures.PROSECUTOR), "consult");
        programme.meetings().add(Meeting.of(maria.site(), policy.zone(), clock.instant(), Optional.empty(),
                Optional.empty(), Meeting.DEFAULT_CADENCE_DAYS));
        clock.advance(Duration.ofDays(3));
        expect(programme.coordination().recordDecision(charge.id(), Fixtures.PROSECUTOR,
                ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION, Optional.empty(), Optional.empty(), false),
                "decision");
    }

    @Test
    void a_programme_that_kept_the_rules_has_no_violation() {
        assertEquals(List.of(), RuleCatalogue.checkAll(programme.record()));
    }

    @Test
    void an_enrollment_moved_by_anything_but_its_own_lifecycle_breaks_r25() {
        ProgrammeRecord r = programme.record();
        PostEnrollmentCase c = r.cases().get(0);
        // a re-engagement that follows a charging decision, not a participant contact
        var events = new ArrayList<>(r.events());
        events.add(new EnrollmentEvent.ParticipantBecameInactive(maria.id(), maria.startedAt(), 90, clock.instant()));
        events.add(new ProsecutionEvent.ChargingDecisionRecorded(c.id(), ChargingDecision.DECLINE,
                Fixtures.PROSECUTOR.id(), false, clock.instant()));
        events.add(new EnrollmentEvent.ParticipantReengaged(maria.id(), clock.instant(), clock.instant()));
        assertBroken(RuleId.R25, with(r, x -> new ProgrammeRecord(x.policies(), x.referrals(), x.enrollments(),
                events, x.asOf(), x.caseloads(), x.plans(), x.funds(), x.consents(), x.disclosures(), x.cases(),
                x.meetings())));
        // a status no lifecycle event explains
        Enrollment inactive = Enrollment.restore(maria.id(), maria.version() + 1, person, maria.site(),
                maria.startedAt(), EnrollmentStatus.INACTIVE, maria.referrals(), List.of(), Optional.empty(),
                Optional.empty());
        assertBroken(RuleId.R25, with(r, x -> new ProgrammeRecord(x.policies(), x.referrals(), List.of(inactive),
                x.events(), x.asOf(), x.caseloads(), x.plans(), x.funds(), x.consents(), x.disclosures(), x.cases(),
                x.meetings())));
    }

    @Test
    void a_referral_that_forgets_a_closed_enrollment_breaks_r28() {
        ProgrammeRecord r = programme.record();
        var earlier = Enrollment.restore(new EnrollmentId(new UUID(8, 8)), 1, person, maria.site(),
                maria.startedAt().minus(Duration.ofDays(400)), EnrollmentStatus.CLOSED, List.of(), List.of(),
                Optional.of(maria.startedAt().minus(Duration.ofDays(100))),
                Optional.of(ClosureReason.VOLUNTARY_WITHDRAWAL));
        var enrollments = new ArrayList<>(r.enrollments());
        enrollments.add(earlier);
        assertBroken(RuleId.R28, with(r, x -> new ProgrammeRecord(x.policies(), x.referrals(), enrollments,
                x.events(), x.asOf(), x.caseloads(), x.plans(), x.funds(), x.consents(), x.disclosures(), x.cases(),
                x.meetings())));
    }

    @Test
    void a_caseload_over_the_cap_or_holding_a_closed_enrollment_breaks_r30() {
        ProgrammeRecord r = programme.record();
        SiteId site = maria.site();
        int cap = Fixtures.seattle().latest().caseload().cap();
        var assignments = new HashMap<EnrollmentId, CaseManagerId>();
        var enrollments = new ArrayList<Enrollment>();
        for (int i = 0; i <= cap; i++) {
            var id = new EnrollmentId(new UUID(9, i));
            assignments.put(id, CaseManagerId.of(CM.id()));
            enrollments.add(Enrollment.restore(id, 0, new PersonId("p" + i), site, maria.startedAt(),
                    EnrollmentStatus.ACTIVE, List.of(), List.of(), Optional.empty(), Optional.empty()));
        }
        Caseloads over = Caseloads.restore(1, assignments);
        List<Violation> v = RuleCatalogue.invariant(RuleId.R30).orElseThrow().check(with(r, x -> new ProgrammeRecord(
                x.policies(), x.referrals(), enrollments, x.events(), x.asOf(), Map.of(site, over), x.plans(),
                x.funds(), x.consents(), x.disclosures(), x.cases(), x.meetings())));
        assertEquals(1, v.size(), v::toString);
        assertTrue(v.get(0).message().contains("exceeds the cap of " + cap));
        // one fewer is within the cap
        assignments.remove(new EnrollmentId(new UUID(9, 0)));
        assertEquals(List.of(), RuleCatalogue.invariant(RuleId.R30).orElseThrow().check(with(r, x ->
                new ProgrammeRecord(x.policies(), x.referrals(), enrollments, x.events(), x.asOf(),
                        Map.of(site, Caseloads.restore(2, assignments)), x.plans(), x.funds(), x.consents(),
                        x.disclosures(), x.cases(), x.meetings()))));
        // Maria's enrollment closed but still on the caseload
        Enrollment closed = Enrollment.restore(maria.id(), maria.version() + 1, person, site, maria.startedAt(),
                EnrollmentStatus.CLOSED, maria.referrals(), List.of(), Optional.of(clock.instant()),
                Optional.of(ClosureReason.VOLUNTARY_WITHDRAWAL));
        assertBroken(RuleId.R30, with(r, x -> new ProgrammeRecord(x.policies(), x.referrals(), List.of(closed),
                x.events(), x.asOf(), x.caseloads(), x.plans(), x.funds(), x.consents(), x.disclosures(), x.cases(),
                x.meetings())));
    }

    @Test
    void a_plan_of_no_known_enrollment_breaks_r31() {
        ProgrammeRecord r = programme.record();
        var stray = InterventionPlan.open(new InterventionPlanId(new UUID(7, 7)), new EnrollmentId(new UUID(7, 8)));
        var plans = new ArrayList<>(r.plans());
        plans.add(stray);
        assertBroken(RuleId.R31, with(r, x -> new ProgrammeRecord(x.policies(), x.referrals(), x.enrollments(),
                x.events(), x.asOf(), x.caseloads(), plans, x.funds(), x.consents(), x.disclosures(), x.cases(),
                x.meetings())));
    }

    @Test
    void an_enforcement_disclosure_granted_or_an_unflagged_case_manager_disclosure_breaks_r35() {
        ProgrammeRecord r = programme.record();
        var request = DisclosureRequest.of(Actor.of("spd-9", Role.OFFICER), Role.PROSECUTOR, person,
                Set.of(DataClass.ENROLLMENT_STATUS), Purpose.EVIDENCE);
        assertBroken(RuleId.R35, withDisclosure(r, new DisclosureDecision.Granted(request, List.of(roi.id()),
                Optional.empty(), false, clock.instant())));
        var shared = DisclosureRequest.of(CM, Role.COURT, person, Set.of(DataClass.ENROLLMENT_STATUS),
                Purpose.COURT_PROGRESS);
        assertBroken(RuleId.R35, withDisclosure(r, new DisclosureDecision.Granted(shared, List.of(roi.id()),
                Optional.empty(), false, clock.instant())));
    }

    @Test
    void a_grant_without_a_covering_consent_a_part2_grant_without_notice_or_an_unlogged_decision_breaks_r36() {
        ProgrammeRecord r = programme.record();
        // the ROI does not cover case notes
        var notes = DisclosureRequest.of(CM, Role.COURT, person, Set.of(DataClass.CASE_NOTES), Purpose.COURT_PROGRESS);
        assertBroken(RuleId.R36, withDisclosure(r, new DisclosureDecision.Granted(notes, List.of(roi.id()),
                Optional.empty(), true, clock.instant())));
        // after revocation nothing is covered
        Consent revoked = roi.revoke(clock.instant().minusSeconds(60), CM.id()).value();
        var status = DisclosureRequest.of(CM, Role.COURT, person, Set.of(DataClass.ENROLLMENT_STATUS),
                Purpose.COURT_PROGRESS);
        ProgrammeRecord afterRevocation = with(r, x -> new ProgrammeRecord(x.policies(), x.referrals(),
                x.enrollments(), x.events(), x.asOf(), x.caseloads(), x.plans(), x.funds(), List.of(revoked),
                x.disclosures(), x.cases(), x.meetings()));
        assertBroken(RuleId.R36, withDisclosure(afterRevocation, new DisclosureDecision.Granted(status,
                List.of(roi.id()), Optional.empty(), true, clock.instant())));
        // Part 2 records under a Part 2 exception but without the re-disclosure notice
        var part2 = new DisclosureRequest(CM, Role.EVALUATOR, Optional.empty(), person, Set.of(DataClass.SUD_PART2),
                Purpose.AUDIT, Optional.of(org.leaddiversion.domain.consent.Part2Exception.AUDIT_EVALUATION));
        assertBroken(RuleId.R36, withDisclosure(r, new DisclosureDecision.Granted(part2, List.of(), Optional.empty(),
                true, clock.instant())));
        // a decision event with no log entry
        var events = new ArrayList<DomainEvent>(r.events());
        events.add(new DisclosureEvent.DisclosureRefused(person, CM.id(), Role.COURT,
                Set.of(DataClass.PLAN_SUMMARY), Purpose.COURT_PROGRESS, List.of(), clock.instant()));
        assertBroken(RuleId.R36, with(r, x -> new ProgrammeRecord(x.policies(), x.referrals(), x.enrollments(),
                events, x.asOf(), x.caseloads(), x.plans(), x.funds(), x.consents(), x.disclosures(), x.cases(),
                x.meetings())));
    }

    @Test
    void every_part_two_rule_is_stated_once_with_a_statement() {
        for (RuleId id : EnumSet.of(RuleId.R25, RuleId.R28, RuleId.R30, RuleId.R31, RuleId.R33, RuleId.R34,
                RuleId.R35, RuleId.R36, RuleId.R38)) {
            var invariant = RuleCatalogue.invariant(id).orElseThrow();
            assertTrue(invariant.statement().length() > 40, id::toString);
            assertEquals(1, RuleCatalogue.invariants().stream().filter(i -> i.id() == id).count());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static ProgrammeRecord with(ProgrammeRecord r, UnaryOperator<ProgrammeRecord> change) {
        return change.apply(r);
    }

    /** The record with one more logged decision (entry and event), as a desk would have appended it. */
    private static ProgrammeRecord withDisclosure(ProgrammeRecord r, DisclosureDecision d) {
        var entries = new ArrayList<>(r.disclosures());
        entries.add(DisclosureLog.Entry.of(entries.size() + 1L, d));
        var events = new ArrayList<>(r.events());
        events.add(d.event());
        return new ProgrammeRecord(r.policies(), r.referrals(), r.enrollments(), events, r.asOf(), r.caseloads(),
                r.plans(), r.funds(), r.consents(), entries, r.cases(), r.meetings());
    }

    private static void assertBroken(RuleId rule, ProgrammeRecord record) {
        List<Violation> found = RuleCatalogue.checkAll(record);
        assertTrue(found.stream().anyMatch(v -> v.rule() == rule), () -> rule + " not reported; found " + found);
    }
}

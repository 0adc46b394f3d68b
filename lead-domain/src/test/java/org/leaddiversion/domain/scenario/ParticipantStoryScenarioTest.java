/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.toPendingIntake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagementDesk;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.FlexPolicy;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.prosecution.CaseFlag;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.CoordinationDesk;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.domain.workgroup.Agenda;

/**
 * Rosa's story in Seattle, from the evening an officer offers her LEAD instead of booking to the spring, a year later,
 * when she comes back after leaving. Diverted at arrest, enrolled on time, she sets her own goals; she relapses and
 * is not put out; she drops out of sight and is marked inactive, not closed; outreach finds her again; a new arrest
 * is coordinated with her plan without touching her enrollment; her case manager speaks for her in court while her
 * release of information lasts, and not after she revokes it; she leaves, and later starts again.
 *
 * <p>Every step is followed by the whole rule catalogue over the programme's record: no invariant is ever broken.
 */
@DisplayName("Scenario: one participant's story, from arrest diversion to coming back")
class ParticipantStoryScenarioTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final Actor CASE_MANAGER = Fixtures.CASE_MANAGER;
    private static final Actor OFFICER = Fixtures.OFFICER;
    private static final Actor SERGEANT = Fixtures.SERGEANT;
    private static final Actor PROSECUTOR = Fixtures.PROSECUTOR;
    private static final Actor PROJECT_MANAGER = Fixtures.PROJECT_MANAGER;
    private static final Actor ROSA = Actor.of("rosa", Role.PARTICIPANT);
    private static final Actor OUTREACH = Actor.of("outreach-3", Role.OUTREACH_WORKER);
    private static final Actor COURT = Actor.of("muni-court-4", Role.COURT);

    private final MutableClock clock = new MutableClock(seattle("2026-01-12T21:10"));
    private final InMemoryProgramme programme = programme(clock, seattleWithFlexCaps());
    private final ReferralDesk desk = programme.desk();
    private final CaseManagementDesk caseManagement = programme.caseManagement();
    private final CoordinationDesk coordination = programme.coordination();

    private static Instant seattle(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PACIFIC).toInstant();
    }

    /** Seattle / King County, with a flexible-fund cap of $250 per expenditure that a project manager may exceed. */
    private static SitePolicyHistory seattleWithFlexCaps() {
        SitePolicyHistory seattle = Fixtures.seattle();
        SitePolicy current = seattle.latest();
        SitePolicy capped = current.toBuilder().version(current.version(), current.effectiveFrom())
                .flex(new FlexPolicy(Optional.of(Money.of("250.00", "USD")), Optional.of(Money.of("1000.00", "USD")),
                        Set.of(Role.PROJECT_MANAGER)))
                .build();
        return history(seattle.version(1).orElseThrow(), capped);
    }

    private SitePolicy policy() {
        return programme.policies().inForceAt(Fixtures.SEATTLE, clock.instant()).orElseThrow();
    }

    private void noRuleIsBroken(String step) {
        var violations = RuleCatalogue.checkAll(programme.record());
        assertTrue(violations.isEmpty(), () -> "after " + step + ": " + violations);
    }

    private Enrollment enrollment(EnrollmentId id) {
        return programme.enrollments().find(id).orElseThrow();
    }

    @Test
    void rosa_is_diverted_enrolled_relapses_drifts_away_comes_back_is_arrested_again_leaves_and_returns() {
        // 1. On a January evening in the West Precinct an officer arrests Rosa for 1.2 g of heroin and offers her LEAD
        //    instead of booking; she agrees at the offer.
        Referral arrest = expect(desk.submit(Fixtures.anArrestDiversion("rosa").build()), "Rosa's arrest diversion");
        PersonId rosa = arrest.submission().person().id();
        assertEquals(ReferralStatus.SUBMITTED, arrest.status());
        assertTrue(arrest.consent().isPresent(), "her consent is witnessed at the offer");
        noRuleIsBroken("the offer");

        // 2. The case manager, called at 21:15, meets her at the precinct at 21:40 (the warm hand-off) and accepts the
        //    referral; the sergeant confirms she is eligible. The charge is held while the 30-day intake clock runs.
        clock.set(seattle("2026-01-12T21:45"));
        expect(desk.recordHandoff(arrest.id(), CASE_MANAGER, seattle("2026-01-12T21:15"), seattle("2026-01-12T21:40")),
                "warm hand-off");
        Referral pending = expect(desk.accept(arrest.id(), CASE_MANAGER), "acceptance");
        expect(desk.decideEligibility(arrest.id(), SERGEANT, true, null), "sergeant's confirmation");
        assertEquals(ReferralStatus.PENDING_INTAKE, pending.status());
        assertEquals(DivertedCaseStatus.HELD, pending.divertedCase().orElseThrow().status());
        assertEquals(LocalDate.of(2026, 2, 11), pending.intakeDeadline().date());
        noRuleIsBroken("the hand-off");

        // 3. Two weeks later, well inside the deadline, Rosa signs the multi-party release of information and the full
        //    intake assessment is done: she is enrolled and the diverted charge will not be filed.
        clock.set(seattle("2026-01-26T10:00"));
        expect(desk.recordRoiSignature(arrest.id(), CASE_MANAGER), "ROI signed at intake");
        Referral enrolled = expect(desk.completeIntake(arrest.id(), CASE_MANAGER), "intake");
        assertEquals(ReferralStatus.INTAKE_COMPLETED, enrolled.status());
        assertEquals(DivertedCaseStatus.NOT_FILED, enrolled.divertedCase().orElseThrow().status());
        EnrollmentId first = enrolled.enrollment().orElseThrow();
        assertEquals(EnrollmentStatus.ACTIVE, enrollment(first).status());
        noRuleIsBroken("intake");

        // 4. Her case manager takes her onto his own caseload.
        CaseManagerId hers = CaseManagerId.of(CASE_MANAGER.id());
        expect(caseManagement.assignCaseManager(first, hers, CASE_MANAGER), "assignment");
        assertEquals(Optional.of(hers), programme.caseloads().of(Fixtures.SEATTLE).caseManagerOf(first));
        assertEquals(1, programme.caseloads().of(Fixtures.SEATTLE).openCaseload(hers));
        noRuleIsBroken("the assignment");

        // 5. The ROI she signed lets the court, prosecutors and the Operational Work Group hear that she is enrolled,
        //    how her plan goes and how her cases are coordinated; separately she signs a Part 2 consent so the
        //    liaison prosecutor may hear about her treatment when her cases are coordinated.
        Consent roi = expect(programme.disclosure().recordConsent(CASE_MANAGER, rosa, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT, Role.PROSECUTOR, Role.OWG_MEMBER), Set.of(),
                Set.of(Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION, Purpose.COURT_PROGRESS),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY, DataClass.LEGAL_COORDINATION),
                Optional.empty()), "the ROI");
        expect(programme.disclosure().recordConsent(CASE_MANAGER, rosa, ConsentType.PART2,
                Set.of(Role.LIAISON_PROSECUTOR), Set.of(), Set.of(Purpose.LEGAL_COORDINATION), Set.of(DataClass.SUD_PART2),
                Optional.of(seattle("2027-01-26T10:00"))), "the Part 2 consent");
        noRuleIsBroken("the consents");

        // 6. A week on, Rosa and her case manager write her plan. Her goals are her own: a place of her own, ID papers,
        //    and — because she chose it — to stop using heroin. She is referred to a housing navigator.
        clock.set(seattle("2026-02-02T11:00"));
        InterventionPlan plan = expect(caseManagement.addGoal(first, CASE_MANAGER, PlanDomain.HOUSING, GoalKind.GENERAL,
                "a room of her own", true), "housing goal");
        Goal housing = plan.goals().get(0);
        expect(caseManagement.addGoal(first, CASE_MANAGER, PlanDomain.IDENTIFICATION_DOCUMENTS, GoalKind.GENERAL,
                "replace her state ID", true), "ID goal");
        plan = expect(caseManagement.addGoal(first, CASE_MANAGER, PlanDomain.SUBSTANCE_USE, GoalKind.ABSTINENCE,
                "stop using heroin", true), "her own abstinence goal");
        plan = expect(caseManagement.addServiceReferral(first, CASE_MANAGER, PlanDomain.HOUSING,
                "housing navigation", ServiceReferralStatus.REFERRED), "housing referral");
        expect(caseManagement.updateGoalStatus(first, CASE_MANAGER, housing.id(), GoalStatus.IN_PROGRESS),
                "housing in progress");
        assertEquals(3, plan.goals().size());
        assertTrue(plan.goals().stream().allMatch(Goal::setByParticipant), "every goal is hers");
        assertEquals(1, plan.serviceReferrals().size());
        noRuleIsBroken("the plan");

        // 7. Flexible funds pay for what she needs now: a hot meal and a coat, under the cap; a week in a motel
        //    ($600) is above the $250 cap, so it waits for the project manager's approval, then is paid.
        expect(caseManagement.spend(first, CASE_MANAGER, clock.instant(), Money.of("45.00", "USD"),
                PlanDomain.BASIC_NEEDS, "corner diner and thrift store", "a hot meal and a coat", Optional.empty(),
                Optional.empty()), "meal and coat");
        Outcome<FlexFund> motel = caseManagement.spend(first, CASE_MANAGER, clock.instant(),
                Money.of("600.00", "USD"), PlanDomain.HOUSING, "Aurora motel", "a week's room", Optional.empty(),
                Optional.of(housing.id()));
        assertTrue(motel.hasError(ErrorCode.FLEX_APPROVAL_REQUIRED));
        FlexFund fund = expect(caseManagement.spend(first, CASE_MANAGER, clock.instant(), Money.of("600.00", "USD"),
                PlanDomain.HOUSING, "Aurora motel", "a week's room", Optional.of(PROJECT_MANAGER),
                Optional.of(housing.id())), "motel approved");
        assertEquals(2, fund.expenditures().size());
        noRuleIsBroken("the spending");

        // 8. Months of contacts: in the field, by phone, at a clinic appointment. In March she tells her case
        //    manager she has used again. That is a note in her file, nothing more: her enrollment does not move, and
        //    closing it for relapse is refused under every policy.
        for (String at : List.of("2026-02-10T14:00", "2026-03-05T09:30", "2026-03-20T16:00")) {
            clock.set(seattle(at).plus(Duration.ofMinutes(30)));
            expect(desk.recordContact(first, CASE_MANAGER, ContactType.IN_PERSON_FIELD, seattle(at)), "contact " + at);
        }
        Enrollment beforeRelapse = enrollment(first);
        Outcome<Enrollment> putOut = desk.closeEnrollment(first, CASE_MANAGER, ClosureReason.RELAPSE);
        assertTrue(putOut.hasError(ErrorCode.FORBIDDEN_CLOSURE_REASON));
        assertEquals(EnrollmentStatus.ACTIVE, enrollment(first).status());
        assertEquals(beforeRelapse.version(), enrollment(first).version());
        clock.set(seattle("2026-03-25T12:00"));
        expect(desk.recordContact(first, CASE_MANAGER, ContactType.ACCOMPANIMENT, seattle("2026-03-25T10:00")),
                "accompanied to the clinic");
        noRuleIsBroken("the relapse");

        // 9. Then she drops out of sight. The nightly sweep does not mark her a day early; once the inactivity
        //    threshold has passed since her last contact she is INACTIVE — still enrolled, still on the caseload.
        int threshold = policy().enrollment().inactivityThresholdDays();
        Instant due = seattle("2026-03-25T10:00").plus(Duration.ofDays(threshold));
        clock.set(due.minus(Duration.ofHours(1)));
        assertTrue(desk.sweepInactivity().isEmpty());
        clock.set(due.plus(Duration.ofHours(4)));
        assertEquals(List.of(first), desk.sweepInactivity());
        assertEquals(EnrollmentStatus.INACTIVE, enrollment(first).status());
        assertTrue(enrollment(first).closedAt().isEmpty(), "inactive is never closed");
        assertEquals(1, programme.caseloads().of(Fixtures.SEATTLE).openCaseload(hers));
        noRuleIsBroken("the inactivity sweep");

        // 10. At the next Operational Work Group meeting she is on the agenda as newly inactive, by name, because her
        //     ROI covers the work group. Seattle's work groups meet per precinct; hers is the West precinct.
        Instant meeting = clock.instant().plus(Duration.ofDays(1));
        clock.set(meeting);
        Agenda agenda = programme.workgroup().agenda(Fixtures.SEATTLE,
                org.leaddiversion.domain.policy.AreaId.of("WEST_PRECINCT"), meeting,
                Optional.of(meeting.minus(Duration.ofDays(14))), Optional.empty(), List.of());
        List<Agenda.Item> inactive = agenda.section(Agenda.Section.NEWLY_INACTIVE);
        assertEquals(1, inactive.size());
        assertEquals(Optional.of(rosa), inactive.get(0).person());
        noRuleIsBroken("the OWG agenda");

        // 11. An outreach worker finds her under the viaduct a week later: she is ACTIVE again.
        clock.set(meeting.plus(Duration.ofDays(7)));
        Enrollment back = expect(desk.recordContact(first, OUTREACH, ContactType.IN_PERSON_FIELD, clock.instant()),
                "outreach finds her");
        assertEquals(EnrollmentStatus.ACTIVE, back.status());
        noRuleIsBroken("re-engagement");

        // 12. In July she is arrested for shoplifting. The prosecutor records the case; it is flagged as a LEAD
        //     participant's, naming her open enrollment.
        Instant arrested = seattle("2026-07-14T18:00");
        clock.set(seattle("2026-07-15T09:00"));
        long enrollmentVersion = enrollment(first).version();
        PostEnrollmentCase newCase = expect(coordination.recordCase(PROSECUTOR, rosa, Fixtures.SEATTLE,
                List.of(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR)), List.of(), arrested), "new case");
        assertEquals(Set.of(CaseFlag.LEAD_PARTICIPANT), newCase.flags());
        assertEquals(Optional.of(first), newCase.openEnrollment());
        noRuleIsBroken("the new case");

        // 13. The prosecutor cannot decide without consulting her case manager; he asks, and the consultation is due
        //     within the site's window.
        Outcome<PostEnrollmentCase> hasty = coordination.recordDecision(newCase.id(), PROSECUTOR,
                ChargingDecision.FILE_STANDARD, Optional.empty(), Optional.empty(), false);
        assertTrue(hasty.hasError(ErrorCode.CONSULTATION_REQUIRED));
        PostEnrollmentCase consulting = expect(coordination.requestConsultation(newCase.id(), PROSECUTOR),
                "consultation");
        assertEquals(clock.instant().plus(Duration.ofDays(policy().consultationWindowDays())),
                consulting.consultation().orElseThrow().dueBy());
        noRuleIsBroken("the consultation request");

        // 14. The case manager tells him what Golden Rule 1 allows — engagement, goals, barriers — and the prosecutor
        //     files with a resolution coordinated with her plan.
        clock.set(seattle("2026-07-20T15:00"));
        expect(coordination.recordCaseManagerInput(newCase.id(), CASE_MANAGER,
                "engaging again after a gap; housing search under way; a jail stay would cost her the motel room"),
                "case-manager input");
        clock.set(seattle("2026-07-24T10:00"));
        PostEnrollmentCase decided = expect(coordination.recordDecision(newCase.id(), PROSECUTOR,
                ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION, Optional.empty(),
                Optional.of("resolution aligned with her housing goal"), false), "charging decision");
        assertEquals(ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION, decided.decision().orElseThrow().decision());

        // 15. Throughout, her enrollment did not move, and the charge diverted in January stays not filed.
        assertEquals(EnrollmentStatus.ACTIVE, enrollment(first).status());
        assertEquals(enrollmentVersion, enrollment(first).version());
        assertEquals(DivertedCaseStatus.NOT_FILED, programme.referrals().find(arrest.id()).orElseThrow().divertedCase().orElseThrow()
                .status());
        noRuleIsBroken("the charging decision");

        // 16. At her court date the case manager tells the judge she works with LEAD and how her plan goes, under the
        //     ROI: granted, logged, and flagged as never usable as evidence. The liaison prosecutor hears about her
        //     treatment under the Part 2 consent, with the re-disclosure notice attached; the work group, which the
        //     access matrix never lets read Part 2 records, is refused them.
        clock.set(seattle("2026-08-03T09:00"));
        DisclosureRequest progress = DisclosureRequest.of(CASE_MANAGER, Role.COURT, rosa,
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Purpose.COURT_PROGRESS);
        DisclosureDecision told = programme.disclosure().disclose(progress);
        assertTrue(told.isGranted());
        assertEquals(List.of(roi.id()), told.consents());
        assertTrue(((DisclosureDecision.Granted) told).nonEvidentiary());
        DisclosureDecision treatment = programme.disclosure().disclose(DisclosureRequest.of(CASE_MANAGER,
                Role.LIAISON_PROSECUTOR, rosa, Set.of(DataClass.SUD_PART2), Purpose.LEGAL_COORDINATION));
        assertTrue(treatment.isGranted());
        assertTrue(((DisclosureDecision.Granted) treatment).redisclosureNotice().isPresent());
        assertFalse(programme.disclosure().disclose(DisclosureRequest.of(CASE_MANAGER, Role.OWG_MEMBER, rosa,
                Set.of(DataClass.SUD_PART2), Purpose.CARE_COORDINATION)).isGranted());
        noRuleIsBroken("court progress");

        // 17. An officer asks for her plan as evidence: refused, whatever the ROI says (First Golden Rule).
        DisclosureDecision evidence = programme.disclosure().disclose(DisclosureRequest.of(OFFICER, Role.OFFICER, rosa,
                Set.of(DataClass.PLAN_SUMMARY), Purpose.EVIDENCE));
        assertFalse(evidence.isGranted());
        assertEquals(RuleId.R35, ((DisclosureDecision.Refused) evidence).errors().get(0).rule());
        noRuleIsBroken("the evidence request");

        // 18. In August Rosa revokes her ROI. At the next hearing the court asks again and hears nothing; the log still
        //     shows what was shared before.
        clock.set(seattle("2026-08-20T12:00"));
        expect(programme.disclosure().revoke(roi.id(), ROSA), "revocation");
        clock.set(seattle("2026-09-01T09:00"));
        DisclosureDecision refused = programme.disclosure().disclose(DisclosureRequest.of(CASE_MANAGER, Role.COURT,
                rosa, Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Purpose.COURT_PROGRESS));
        assertFalse(refused.isGranted());
        assertEquals(RuleId.R36, ((DisclosureDecision.Refused) refused).errors().get(0).rule());
        List<DisclosureLog.Entry> log = programme.disclosures().entriesAbout(rosa);
        // court (granted), liaison prosecutor (granted), work group Part 2 (refused), officer's evidence (refused),
        // court after the revocation (refused): every decision logged once, the grants before revocation kept
        assertEquals(List.of(true, true, false, false, false),
                log.stream().map(DisclosureLog.Entry::granted).toList());
        assertEquals(List.of(roi.id()), log.get(0).consents());
        noRuleIsBroken("the revocation");

        // 19. In September she decides to leave LEAD. Her enrollment closes as a voluntary withdrawal, her case
        //     manager's caseload has room again, and the January charge is still not filed.
        clock.set(seattle("2026-09-15T10:00"));
        expect(desk.withdrawFromEnrollment(first, ROSA), "Rosa leaves");
        assertEquals(EnrollmentStatus.CLOSED, enrollment(first).status());
        assertEquals(Optional.of(ClosureReason.VOLUNTARY_WITHDRAWAL), enrollment(first).closureReason());
        assertEquals(0, programme.caseloads().of(Fixtures.SEATTLE).openCaseload(hers));
        assertEquals(DivertedCaseStatus.NOT_FILED, programme.referrals().find(arrest.id()).orElseThrow().divertedCase().orElseThrow()
                .status());
        noRuleIsBroken("the withdrawal");

        // 20. The next March an officer who knows her from the street refers her again through the social-contact
        //     door. The referral links to her first enrollment, starts a fresh 30-day intake clock, and intake starts
        //     a new enrollment.
        clock.set(seattle("2027-03-10T13:00"));
        Referral again = expect(desk.submit(Fixtures.aSocialContactReferral("rosa", LocalDate.of(2027, 3, 10))
                .build()), "re-referral");
        assertEquals(List.of(first), again.priorEnrollments());
        assertEquals(LocalDate.of(2027, 4, 9), again.intakeDeadline().date());
        toPendingIntake(desk, policy(), again.id());
        clock.set(seattle("2027-03-17T10:00"));
        Referral restarted = expect(desk.completeIntake(again.id(), CASE_MANAGER), "second intake");
        EnrollmentId second = restarted.enrollment().orElseThrow();
        assertNotEquals(first, second);
        assertEquals(EnrollmentStatus.ACTIVE, enrollment(second).status());
        assertEquals(List.of(first), enrollment(second).priorEnrollments());
        assertEquals(EnrollmentStatus.CLOSED, enrollment(first).status());
        noRuleIsBroken("the return");
    }
}

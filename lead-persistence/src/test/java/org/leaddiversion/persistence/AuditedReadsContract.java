/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.rules.RuleCatalogue;

/**
 * The audited read API on a database: every read through {@link ParticipantRecords} is decided by the domain's
 * access policy under the participant's consents, releases nothing of a refused class, and writes exactly one audit
 * entry per participant — and the desks of {@link PersistentProgramme} keep every programme rule on the database.
 * Written once, run on H2 and PostgreSQL.
 *
 * <p>The story each test starts from: in Seattle an officer diverts Rosa at arrest; she is taken through intake,
 * assigned to her case manager, signs a multi-party ROI letting the court and prosecutors hear about her enrollment and
 * plan, and writes a goal; a contact is recorded. Sam and Lee are diverted too, but not yet taken in.
 */
abstract class AuditedReadsContract {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final Actor CASE_MANAGER = Fixtures.CASE_MANAGER;
    private static final Actor OFFICER = Fixtures.OFFICER;
    private static final Actor PROSECUTOR = new Actor(new ActorId("prosecutor-1"), Role.PROSECUTOR,
            Optional.of("KCPAO"));
    private static final Actor COURT = Actor.of("muni-court-4", Role.COURT);

    private final MutableClock clock = new MutableClock(seattle("2026-01-12T21:10"));
    private LeadDatabase db;
    private PersistentProgramme programme;
    private ParticipantRecords records;
    private PersonId rosa;
    private PersonId sam;
    private PersonId lee;
    private ReferralId rosasReferral;
    private EnrollmentId rosasEnrollment;

    abstract LeadDatabase open();

    private static Instant seattle(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PACIFIC).toInstant();
    }

    @BeforeEach
    void rosa_is_enrolled_with_a_plan_and_an_roi_while_sam_and_lee_are_only_referred() {
        db = open();
        programme = db.programme(clock, IdGenerator.sequential(20_261_122L), CaseloadCapacity.notTracked());
        programme.policies().put(Fixtures.seattle());
        records = programme.records();
        var desk = programme.desk();

        Referral arrest = expect(desk.submit(Fixtures.anArrestDiversion("rosa").build()), "Rosa's arrest diversion");
        rosa = arrest.submission().person().id();
        rosasReferral = arrest.id();
        sam = expect(desk.submit(Fixtures.anArrestDiversion("sam").build()), "Sam's diversion")
                .submission().person().id();
        lee = expect(desk.submit(Fixtures.anArrestDiversion("lee").build()), "Lee's diversion")
                .submission().person().id();

        clock.set(seattle("2026-01-12T21:45"));
        expect(desk.recordHandoff(rosasReferral, CASE_MANAGER, seattle("2026-01-12T21:15"),
                seattle("2026-01-12T21:40")), "warm hand-off");
        expect(desk.accept(rosasReferral, CASE_MANAGER), "acceptance");
        expect(desk.decideEligibility(rosasReferral, Fixtures.SERGEANT, true, null), "sergeant's confirmation");

        clock.set(seattle("2026-01-26T10:00"));
        expect(desk.recordRoiSignature(rosasReferral, CASE_MANAGER), "ROI signed at intake");
        rosasEnrollment = expect(desk.completeIntake(rosasReferral, CASE_MANAGER), "intake").enrollment().orElseThrow();
        expect(programme.caseManagement().assignCaseManager(rosasEnrollment, CaseManagerId.of(CASE_MANAGER.id()),
                CASE_MANAGER), "assignment");
        expect(programme.disclosure().recordConsent(CASE_MANAGER, rosa, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT, Role.PROSECUTOR), Set.of(),
                Set.of(Purpose.LEGAL_COORDINATION, Purpose.COURT_PROGRESS),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY, DataClass.LEGAL_COORDINATION),
                Optional.empty()), "the ROI");

        clock.set(seattle("2026-02-02T11:00"));
        expect(programme.caseManagement().addGoal(rosasEnrollment, CASE_MANAGER, PlanDomain.HOUSING,
                GoalKind.GENERAL, "a room of her own", true), "housing goal");
        expect(desk.recordContact(rosasEnrollment, CASE_MANAGER, ContactType.IN_PERSON_FIELD,
                seattle("2026-02-01T15:00")), "a contact");
        clock.set(seattle("2026-02-03T09:00"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Reader assignedCaseManager() {
        return new Reader(CASE_MANAGER, Purpose.CARE_COORDINATION, new RecipientCircumstances(false, true, false));
    }

    private List<AuditEntry> audit() {
        return db.audit().all();
    }

    private AuditEntry onlyNewEntry(int before) {
        List<AuditEntry> all = audit();
        assertEquals(before + 1, all.size(), "exactly one audit entry");
        return all.get(all.size() - 1);
    }

    // ---- one read, one entry ------------------------------------------------------------------------------------

    @Test
    void the_assigned_case_manager_reads_the_whole_referral_and_one_entry_records_who_what_and_why() {
        int before = audit().size();

        var read = records.referral(assignedCaseManager(), rosasReferral);

        ReferralView view = read.data().orElseThrow();
        assertEquals(rosa, view.person().id());
        assertTrue(view.screening().isPresent(), "screening reasons released");
        assertTrue(view.heldCharge().isPresent(), "the held charge released");
        assertEquals(AuditOutcome.ALLOWED, read.outcome());
        assertTrue(read.refusals().isEmpty());

        AuditEntry entry = onlyNewEntry(before);
        assertEquals(CASE_MANAGER, entry.reader());
        assertEquals(Purpose.CARE_COORDINATION, entry.purpose());
        assertEquals(new RecipientCircumstances(false, true, false), entry.circumstances());
        assertEquals(Optional.of(rosa), entry.participant());
        assertEquals("referral", entry.what());
        assertEquals(Set.of(DataClass.REFERRAL_CORE, DataClass.SCREENING, DataClass.LEGAL_COORDINATION),
                entry.dataClasses());
        assertEquals(AuditOutcome.ALLOWED, entry.outcome());
        assertEquals(List.of("referral:" + rosasReferral.value()), entry.recordIds());
        assertEquals(clock.instant(), entry.at());
    }

    @Test
    void the_officer_reads_his_own_referral_without_its_screening_reasons_and_the_entry_is_partly_allowed() {
        int before = audit().size();
        var officer = new Reader(OFFICER, Purpose.CARE_COORDINATION, new RecipientCircumstances(true, false, false));

        var read = records.referral(officer, rosasReferral);

        ReferralView view = read.data().orElseThrow();
        assertTrue(view.screening().isEmpty(), "screening is not his to read");
        assertTrue(view.heldCharge().isPresent(), "his own diverted case is");
        assertEquals(AuditOutcome.PARTLY_ALLOWED, read.outcome());
        DomainError why = read.refusalOf(DataClass.SCREENING).orElseThrow();
        assertEquals(ErrorCode.NOT_AUTHORISED, why.code());
        assertEquals(RuleId.R36, why.rule());
        assertEquals("dataClasses.SCREENING", why.field());

        AuditEntry entry = onlyNewEntry(before);
        assertEquals(AuditOutcome.PARTLY_ALLOWED, entry.outcome());
        assertEquals(Set.of(DataClass.REFERRAL_CORE, DataClass.LEGAL_COORDINATION), entry.dataClasses());
    }

    @Test
    void a_case_manager_the_participant_is_not_assigned_to_gets_nothing_and_a_denied_entry() {
        int before = audit().size();
        var stranger = Reader.of(Actor.of("cm-2", Role.CASE_MANAGER), Purpose.CARE_COORDINATION);

        var read = records.contactsOf(stranger, rosa);

        assertTrue(read.data().isEmpty());
        assertTrue(read.released().isEmpty());
        assertEquals(AuditOutcome.DENIED, read.outcome());
        assertEquals(ErrorCode.NOT_AUTHORISED, read.refusalOf(DataClass.CASE_NOTES).orElseThrow().code());
        AuditEntry entry = onlyNewEntry(before);
        assertEquals(AuditOutcome.DENIED, entry.outcome());
        assertTrue(entry.dataClasses().isEmpty());
        assertTrue(entry.recordIds().isEmpty());
        assertEquals("contacts", entry.what());
    }

    @Test
    void the_court_hears_of_an_enrollment_only_under_a_covering_roi() {
        var court = Reader.of(COURT, Purpose.COURT_PROGRESS);

        var covered = records.enrollmentsOf(court, rosa);
        assertEquals(AuditOutcome.ALLOWED, covered.outcome());
        assertEquals(rosasEnrollment, covered.data().get(0).id());

        var notForThatPurpose = records.enrollmentsOf(Reader.of(COURT, Purpose.CARE_COORDINATION), rosa);
        assertTrue(notForThatPurpose.data().isEmpty());
        assertEquals(ErrorCode.CONSENT_REQUIRED,
                notForThatPurpose.refusalOf(DataClass.ENROLLMENT_STATUS).orElseThrow().code());
        assertEquals(AuditOutcome.DENIED, notForThatPurpose.outcome());

        var referrals = records.referralsOf(court, rosa);
        assertTrue(referrals.data().isEmpty(), "the court never reads referrals");
        assertEquals(AuditOutcome.DENIED, audit().get(audit().size() - 1).outcome());
    }

    @Test
    void for_enforcement_nothing_is_read_and_the_entry_is_denied_under_r35() {
        int before = audit().size();
        var enforcement = Reader.of(PROSECUTOR, Purpose.ENFORCEMENT);

        var read = records.referralsOf(enforcement, rosa);

        assertTrue(read.data().isEmpty());
        assertEquals(AuditOutcome.DENIED, read.outcome());
        assertEquals(3, read.refusals().size());
        assertTrue(read.refusals().stream().allMatch(e -> e.rule() == RuleId.R35));
        AuditEntry entry = onlyNewEntry(before);
        assertEquals(AuditOutcome.DENIED, entry.outcome());
        assertEquals(Purpose.ENFORCEMENT, entry.purpose());
        assertEquals(Optional.of("KCPAO"), entry.reader().agency());

        var byId = records.referral(Reader.of(PROSECUTOR, Purpose.EVIDENCE), rosasReferral);
        assertTrue(byId.data().isEmpty());
        assertTrue(byId.participant().isEmpty(), "not even whose referral it is");
        AuditEntry second = onlyNewEntry(before + 1);
        assertEquals(AuditOutcome.DENIED, second.outcome());
        assertEquals(List.of("referral:" + rosasReferral.value()), second.recordIds());
    }

    @Test
    void a_batched_read_of_n_participants_writes_n_entries_one_per_participant() {
        int before = audit().size();
        var sergeant = Reader.of(Fixtures.SERGEANT, Purpose.CARE_COORDINATION);

        Map<PersonId, Release<List<ReferralView>>> read = records.referralsOf(sergeant, Set.of(rosa, sam, lee));

        assertEquals(Set.of(rosa, sam, lee), read.keySet());
        read.forEach((person, release) -> {
            assertEquals(1, release.data().size());
            assertEquals(person, release.data().get(0).person().id());
        });
        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(3, entries.size());
        assertEquals(Set.of(rosa, sam, lee),
                Set.copyOf(entries.stream().map(e -> e.participant().orElseThrow()).toList()));
        assertTrue(entries.stream().allMatch(e -> e.what().equals("referrals") && e.recordIds().size() == 1));
    }

    @Test
    void a_batched_read_decides_each_participant_under_her_own_consents() {
        int before = audit().size();
        var court = Reader.of(COURT, Purpose.COURT_PROGRESS);

        var read = records.plansOf(court, Set.of(rosa, sam));

        assertEquals(AuditOutcome.ALLOWED, read.get(rosa).outcome());
        assertEquals(1, read.get(rosa).data().size());
        assertTrue(read.get(rosa).data().get(0).plan().isPresent());
        assertEquals(AuditOutcome.DENIED, read.get(sam).outcome(), "Sam signed no ROI");
        assertEquals(ErrorCode.CONSENT_REQUIRED, read.get(sam).refusalOf(DataClass.PLAN_SUMMARY).orElseThrow().code());
        assertEquals(2, audit().size() - before);
    }

    @Test
    void a_referral_that_does_not_exist_releases_nothing_and_is_still_audited() {
        int before = audit().size();
        ReferralId nowhere = new ReferralId(new java.util.UUID(1, 1));

        var read = records.referral(assignedCaseManager(), nowhere);

        assertTrue(read.data().isEmpty());
        AuditEntry entry = onlyNewEntry(before);
        assertTrue(entry.participant().isEmpty());
        assertEquals(AuditOutcome.DENIED, entry.outcome());
    }

    @Test
    void the_compliance_officer_reads_the_trail_and_that_read_is_audited_too() {
        records.referral(assignedCaseManager(), rosasReferral);
        records.enrollmentsOf(Reader.of(PROSECUTOR, Purpose.ENFORCEMENT), rosa);
        var trail = db.auditTrail(clock);
        var officer = Reader.of(Fixtures.PROJECT_MANAGER, Purpose.AUDIT);

        var read = trail.about(officer, rosa);

        assertEquals(2, read.data().size());
        assertEquals(List.of("referral", "enrollments"), read.data().stream().map(AuditEntry::what).toList());
        var again = trail.about(officer, rosa);
        assertEquals(3, again.data().size());
        assertEquals("audit-trail", again.data().get(2).what());
        assertEquals(AuditOutcome.DENIED, trail.about(Reader.of(PROSECUTOR, Purpose.EVIDENCE), rosa).outcome());
    }

    @Test
    void the_entry_is_written_in_the_reads_transaction_so_a_read_rolled_back_leaves_no_entry_and_no_data_out() {
        int before = audit().size();
        try {
            db.transactions().inTransaction(() -> {
                records.referral(assignedCaseManager(), rosasReferral);
                throw new IllegalStateException("the host's work fails after the read");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(before, audit().size());
    }

    // ---- the programme on the database ---------------------------------------------------------------------------

    @Test
    void rosas_programme_on_the_database_keeps_every_rule_and_each_reader_sees_what_the_matrix_lets_them() {
        // The commands of the set-up (refer, hand-off, accept, intake, assign, consent, plan, contact) broke no rule.
        var violations = RuleCatalogue.checkAll(programme.record());
        assertTrue(violations.isEmpty(), () -> "rules broken: " + violations);
        int before = audit().size();

        // Her case manager sees all of her record: referral, enrollment, plan, contacts, cases, consents.
        var cm = assignedCaseManager();
        assertEquals(AuditOutcome.ALLOWED, records.referralsOf(cm, rosa).outcome());
        assertEquals(AuditOutcome.ALLOWED, records.enrollmentsOf(cm, rosa).outcome());
        assertEquals(1, records.plansOf(cm, rosa).data().size());
        assertEquals(1, records.contactsOf(cm, rosa).data().size());
        assertEquals(AuditOutcome.ALLOWED, records.casesOf(cm, rosa).outcome());
        assertEquals(1, records.consentsOf(cm, rosa).data().size());

        // The prosecutor, coordinating her cases, sees her referral with its screening and held charge, and, under her
        // ROI, her enrollment and plan — never her case notes.
        var prosecutor = Reader.of(PROSECUTOR, Purpose.LEGAL_COORDINATION);
        assertTrue(records.referral(prosecutor, rosasReferral).data().orElseThrow().screening().isPresent());
        assertEquals(AuditOutcome.ALLOWED, records.enrollmentsOf(prosecutor, rosa).outcome());
        assertEquals(AuditOutcome.ALLOWED, records.plansOf(prosecutor, rosa).outcome());
        var notes = records.contactsOf(prosecutor, rosa);
        assertTrue(notes.data().isEmpty());
        assertEquals(AuditOutcome.DENIED, notes.outcome());

        // The court hears that she takes part and how her plan goes, and nothing else.
        var court = Reader.of(COURT, Purpose.COURT_PROGRESS);
        assertEquals(AuditOutcome.ALLOWED, records.enrollmentsOf(court, rosa).outcome());
        assertEquals(AuditOutcome.ALLOWED, records.plansOf(court, rosa).outcome());
        assertEquals(AuditOutcome.DENIED, records.referral(court, rosasReferral).outcome());
        assertEquals(AuditOutcome.DENIED, records.casesOf(court, rosa).outcome());

        // Fourteen reads, fourteen entries, every one about Rosa; and reading left the programme's rules intact.
        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(14, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.participant().equals(Optional.of(rosa))));
        assertFalse(entries.stream().anyMatch(e -> e.outcome() == AuditOutcome.DENIED && !e.dataClasses().isEmpty()));
        assertTrue(RuleCatalogue.checkAll(programme.record()).isEmpty());
    }

    // ---- work lists: open consultations and the OWG agenda -------------------------------------------------------

    private static final Actor OWG_MEMBER = Actor.of("owg-housing-1", Role.OWG_MEMBER);
    /** Seattle's work group meets by precinct; Rosa was arrested in the West precinct. */
    private static final Optional<AreaId> WEST = Optional.of(AreaId.of("WEST_PRECINCT"));

    /** Rosa is arrested again while enrolled; the prosecutor flags the case and asks her case manager. */
    private void rosasNewChargeIsSentForConsultation() {
        var coordination = programme.coordination();
        var flagged = expect(coordination.recordCase(PROSECUTOR, rosa, Fixtures.SEATTLE,
                List.of(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR)), List.of(),
                seattle("2026-02-02T20:00")), "new case flagged");
        expect(coordination.requestConsultation(flagged.id(), PROSECUTOR), "consultation requested");
    }

    /** Rosa lets the work group hear how her enrollment and her legal matters go. */
    private void rosaLetsTheWorkGroupHearOfHer() {
        expect(programme.disclosure().recordConsent(CASE_MANAGER, rosa, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.OWG_MEMBER), Set.of(), Set.of(Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.LEGAL_COORDINATION), Optional.empty()), "OWG consent");
    }

    @Test
    void the_open_consultations_are_a_work_list_decided_and_audited_per_participant() {
        rosasNewChargeIsSentForConsultation();
        int before = audit().size();

        var forProsecutor = records.openConsultations(Reader.of(PROSECUTOR, Purpose.LEGAL_COORDINATION),
                Fixtures.SEATTLE);
        assertEquals(Set.of(rosa), forProsecutor.keySet());
        assertEquals(1, forProsecutor.get(rosa).data().size());
        assertEquals(AuditOutcome.ALLOWED, forProsecutor.get(rosa).outcome());

        // the court hears nothing of a new charge (no class of her ROI covers it for the court's purpose)
        var forCourt = records.openConsultations(Reader.of(COURT, Purpose.COURT_PROGRESS), Fixtures.SEATTLE);
        assertTrue(forCourt.get(rosa).data().isEmpty());
        assertEquals(AuditOutcome.DENIED, forCourt.get(rosa).outcome());

        // for enforcement, not even whose consultations they are is read
        assertTrue(records.openConsultations(Reader.of(PROSECUTOR, Purpose.ENFORCEMENT), Fixtures.SEATTLE).isEmpty());

        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(2, entries.size(), "one entry per participant per read");
        assertTrue(entries.stream().allMatch(e -> e.what().equals(ParticipantRecords.CONSULTATIONS)
                && e.participant().equals(Optional.of(rosa))));
    }

    @Test
    void the_owg_agenda_names_a_person_only_under_her_consent_and_audits_each_named_person_once() {
        rosasNewChargeIsSentForConsultation();
        var inMeeting = new Reader(OWG_MEMBER, Purpose.CARE_COORDINATION, new RecipientCircumstances(false, false, true));
        Instant meeting = seattle("2026-02-03T09:00");
        Optional<Instant> previous = Optional.of(seattle("2026-01-06T09:00"));

        // Without her consent Rosa is on the agenda under a pseudonym, and only the agenda as a whole is audited.
        int before = audit().size();
        var anonymous = records.agenda(inMeeting, Fixtures.SEATTLE, WEST, meeting, previous,
                Optional.empty(), List.of());
        var agenda = anonymous.data().orElseThrow();
        assertFalse(agenda.items().isEmpty(), "her acceptance and her consultation are on the agenda");
        assertTrue(agenda.items().stream().noneMatch(i -> i.isNamed()));
        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(1, entries.size());
        assertEquals(Optional.empty(), entries.get(0).participant());
        assertEquals(ParticipantRecords.AGENDA, entries.get(0).what());

        // Under her consent she is named, and the read of her is audited once, however many items name her.
        rosaLetsTheWorkGroupHearOfHer();
        before = audit().size();
        var named = records.agenda(inMeeting, Fixtures.SEATTLE, WEST, meeting, previous, Optional.empty(),
                List.of()).data().orElseThrow();
        assertTrue(named.items().size() >= 2, () -> "accepted and in consultation: " + named.items());
        assertTrue(named.items().stream().allMatch(i -> i.person().equals(Optional.of(rosa))));
        entries = audit().subList(before, audit().size());
        assertEquals(2, entries.size(), "one entry for Rosa and one for the agenda");
        AuditEntry hers = entries.stream().filter(e -> e.participant().isPresent()).findFirst().orElseThrow();
        assertEquals(Optional.of(rosa), hers.participant());
        assertEquals(Set.of(DataClass.ENROLLMENT_STATUS, DataClass.LEGAL_COORDINATION), hers.dataClasses());
        assertEquals(named.items().stream().map(i -> i.subject()).distinct().sorted().toList(),
                hers.recordIds().stream().sorted().toList());
    }

    @Test
    void the_owg_agenda_is_refused_outside_a_meeting_and_to_a_role_without_the_referral_core() {
        rosaLetsTheWorkGroupHearOfHer();
        int before = audit().size();
        for (Reader reader : List.of(Reader.of(OWG_MEMBER, Purpose.CARE_COORDINATION),
                Reader.of(OFFICER, Purpose.CARE_COORDINATION), Reader.of(PROSECUTOR, Purpose.ENFORCEMENT))) {
            var refused = records.agenda(reader, Fixtures.SEATTLE, WEST, seattle("2026-02-03T09:00"),
                    Optional.empty(), Optional.empty(), List.of());
            assertTrue(refused.data().isEmpty(), reader::toString);
            assertEquals(AuditOutcome.DENIED, refused.outcome());
            assertFalse(refused.refusals().isEmpty(), "the refusal says why");
        }
        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(3, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.outcome() == AuditOutcome.DENIED && e.participant().isEmpty()
                && e.dataClasses().isEmpty()));
    }
}

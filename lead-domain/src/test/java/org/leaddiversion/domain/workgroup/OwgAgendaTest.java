/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.domain.rules.Violation;
import org.leaddiversion.domain.workgroup.Agenda.Item;
import org.leaddiversion.domain.workgroup.Agenda.Section;
import org.quicktheories.generators.Generate;

/**
 * R38: the OWG agenda lists every intake due before the next meeting, every lapse since the last meeting and every
 * open post-enrollment consultation, and names a person only when an in-force ROI covers OWG disclosure for the
 * item's purpose; everyone else is a pseudonym stable within the agenda.
 */
@DisplayName("R38 OWG agenda: complete, and named only with consent")
class OwgAgendaTest {

    /** What a generated person's consent allows. */
    enum Roi { NONE, CARE_ONLY, CARE_AND_LEGAL, EXPIRED, OTHER_ROLE }

    @Test
    void the_agenda_is_complete_and_names_only_people_whose_roi_covers_the_owg() {
        qt().withExamples(40).forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION),
                        Generate.range(1, 5), Generate.range(0, 25), Generate.longRange(0, Long.MAX_VALUE))
                .checkAssert((c, people, meetingDay, seed) -> {
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(c.policy()));
                    var desk = programme.desk();
                    var ids = IdGenerator.sequential(seed % 1_000_000);
                    var rng = new java.util.SplittableRandom(seed);
                    var consents = new HashMap<PersonId, List<Consent>>();
                    var rois = new HashMap<PersonId, Roi>();
                    var cases = new ArrayList<PostEnrollmentCase>();
                    for (int i = 0; i < people; i++) {
                        PersonId person = new PersonId("OWG-" + i);
                        ReferralSubmission s = c.submission().toBuilder().person(someone(c.submission(), person))
                                .build();
                        pendingIntake(desk, c.policy(), s);
                        Roi roi = Roi.values()[rng.nextInt(Roi.values().length)];
                        rois.put(person, roi);
                        roi(ids, person, roi, c.referredAt()).ifPresent(x -> consents.put(person, List.of(x)));
                        if (rng.nextBoolean()) {
                            var flagged = expect(PostEnrollmentCase.flag(ids, person, c.policy().siteId(),
                                    Optional.empty(), List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR)),
                                    List.of(), c.referredAt(), c.referredAt()), "flag");
                            cases.add(expect(flagged.requestConsultation(Fixtures.PROSECUTOR, c.referredAt(), 7),
                                    "consultation"));
                        }
                    }
                    // When time passes to the meeting and the deadline sweep runs
                    clock.set(c.referredAt().plus(Duration.ofDays(meetingDay)));
                    desk.sweepDeadlines();
                    var meeting = Meeting.of(c.policy().siteId(), c.policy().zone(), clock.instant(),
                            Optional.empty(), Optional.empty(), Meeting.DEFAULT_CADENCE_DAYS);
                    var inputs = new OwgInputs(programme.referrals().all(), programme.enrollments().all(), cases,
                            Map.of(), List.of(), consents, List.of("member item"));
                    Agenda agenda = OwgAgenda.build(meeting, inputs);

                    // Then R38 holds
                    assertEquals(List.of(), RuleCatalogue.checkAgenda(agenda, inputs));
                    // and, independently: every pending intake due before the next meeting and every lapse is there
                    for (Referral r : programme.referrals().all()) {
                        String id = r.id().toString();
                        if (r.status() == ReferralStatus.PENDING_INTAKE && r.intakeDeadline().date()
                                .isBefore(LocalDate.ofInstant(meeting.nextAt(), r.intakeDeadline().zone()))) {
                            assertTrue(has(agenda, Section.INTAKE_DUE_BEFORE_NEXT, id), id);
                        }
                        if (r.status() == ReferralStatus.INTAKE_LAPSED
                                && meeting.isSinceLast(r.endedAt().orElseThrow())) {
                            assertTrue(has(agenda, Section.LAPSED_SINCE_LAST, id), id);
                        }
                    }
                    for (PostEnrollmentCase k : cases) {
                        assertTrue(has(agenda, Section.OPEN_CONSULTATION, k.id().toString()));
                    }
                    // and names follow the ROI exactly; pseudonyms reveal nothing
                    for (Item item : agenda.items()) {
                        PersonId p = personOf(item, programme.referrals().all(), cases);
                        Roi roi = rois.get(p);
                        boolean allowed = item.section().isLegal() ? roi == Roi.CARE_AND_LEGAL
                                : roi == Roi.CARE_ONLY || roi == Roi.CARE_AND_LEGAL;
                        assertEquals(allowed, item.isNamed(), () -> item + " roi " + roi);
                        if (!item.isNamed()) {
                            assertTrue(item.label().matches("Participant [A-Z]+"), item.label());
                        }
                    }
                    assertEquals(List.of("member item"), agenda.flagged());
                    // and the generator is deterministic
                    assertEquals(agenda, OwgAgenda.build(meeting, inputs));
                });
    }

    @Test
    void the_check_finds_a_missing_item_and_a_name_the_roi_does_not_allow() {
        var f = santaFe();
        Agenda agenda = OwgAgenda.build(f.meeting, f.inputs);
        assertEquals(List.of(), RuleCatalogue.checkAgenda(agenda, f.inputs));
        Item first = agenda.section(Section.INTAKE_DUE_BEFORE_NEXT).get(0);

        var missing = new Agenda(f.meeting, agenda.items().stream().filter(i -> i != first).toList(), List.of());
        List<Violation> v = RuleCatalogue.checkAgenda(missing, f.inputs);
        assertEquals(1, v.size(), v::toString);
        assertEquals(RuleId.R38, v.get(0).rule());

        Item hidden = agenda.items().stream().filter(i -> !i.isNamed()).findFirst().orElseThrow();
        PersonId who = personOf(hidden, f.inputs.referrals(), f.inputs.cases());
        var outed = new ArrayList<>(agenda.items());
        outed.set(outed.indexOf(hidden), new Item(hidden.section(), hidden.subject(), Optional.of(who), who.value()));
        assertFalse(RuleCatalogue.checkAgenda(new Agenda(f.meeting, outed, List.of()), f.inputs).isEmpty());
    }

    @Test
    void a_santa_fe_style_biweekly_meeting() {
        var f = santaFe();
        Agenda agenda = OwgAgenda.build(f.meeting, f.inputs);

        // next meeting two weeks on (owg.cadenceDays = 14)
        assertEquals(f.meeting.at().plus(Duration.ofDays(14)), f.meeting.nextAt());
        // (a) both referrals accepted since the last meeting; (b) both pending intakes are due before the next meeting
        assertEquals(2, agenda.section(Section.ACCEPTED_SINCE_LAST).size());
        assertEquals(2, agenda.section(Section.INTAKE_DUE_BEFORE_NEXT).size());
        // Ana signed the multi-party ROI covering the OWG: named; Ben did not: "Participant A" in every section
        List<String> labels = agenda.section(Section.INTAKE_DUE_BEFORE_NEXT).stream().map(Item::label).sorted().toList();
        assertEquals(List.of("ANA", "Participant A"), labels);
        // (d) Ana's open consultation: her ROI covers care coordination only, so it is de-identified
        Item consultation = agenda.section(Section.OPEN_CONSULTATION).get(0);
        assertFalse(consultation.isNamed());
        assertEquals("Participant B", consultation.label());
        // (e) and (f) are empty: nobody is enrolled; (g) the member's item is carried over
        assertTrue(agenda.section(Section.UPCOMING_LEGAL_DATE).isEmpty());
        assertTrue(agenda.section(Section.NEWLY_INACTIVE).isEmpty());
        assertEquals(List.of("officer asks how referrals from the plaza are doing"), agenda.flagged());
        // only the site's own data
        var elsewhere = Meeting.of(new org.leaddiversion.domain.policy.SiteId("elsewhere"), f.meeting.zone(),
                f.meeting.at(), Optional.empty(), Optional.empty(), 14);
        assertTrue(OwgAgenda.build(elsewhere, f.inputs).items().isEmpty());
    }

    @Test
    void legal_dates_within_thirty_days_are_listed_for_open_enrollments() {
        var m = Meeting.of(Fixtures.SEATTLE, java.time.ZoneId.of("America/Los_Angeles"),
                Instant.parse("2026-03-04T18:00:00Z"), Optional.empty(), Optional.empty(), 14);
        assertTrue(m.previousAt().equals(m.at().minus(Duration.ofDays(14))));
        assertEquals("Participant A", OwgAgenda.pseudonym(0));
        assertEquals("Participant Z", OwgAgenda.pseudonym(25));
        assertEquals("Participant AA", OwgAgenda.pseudonym(26));
        assertEquals(Set.of(Section.OPEN_CONSULTATION, Section.UPCOMING_LEGAL_DATE),
                EnumSet.copyOf(java.util.Arrays.stream(Section.values()).filter(Section::isLegal).toList()));
        var matter = new LegalMatter(LegalMatter.Kind.COURT_DATE, LocalDate.of(2026, 4, 1));
        assertTrue(matter.date().isBefore(LocalDate.of(2026, 3, 4).plusDays(OwgAgenda.LEGAL_HORIZON_DAYS + 1)));
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------

    record SantaFe(Meeting meeting, OwgInputs inputs) {
    }

    /** Two pending intakes at the Seattle profile, one with an OWG-wide ROI; Ana also has an open consultation. */
    static SantaFe santaFe() {
        var hist = Fixtures.seattle();
        var policy = hist.latest();
        Instant referred = policy.effectiveFrom().plusYears(1).atTime(LocalTime.NOON).atZone(hist.zone()).toInstant();
        var clock = new MutableClock(referred);
        var programme = programme(clock, hist);
        var desk = programme.desk();
        Referral first = pendingIntake(desk, policy, Fixtures.anArrestDiversion("ANA").build());
        pendingIntake(desk, policy, Fixtures.anArrestDiversion("BEN").build());
        var ids = IdGenerator.sequential(5);
        var ana = new PersonId("ANA");
        var consents = Map.of(ana, List.of(roi(ids, ana, Roi.CARE_ONLY, referred).orElseThrow()));
        var flagged = expect(PostEnrollmentCase.flag(ids, ana, Fixtures.SEATTLE, Optional.empty(),
                List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR)), List.of(), referred, referred), "flag");
        var open = expect(flagged.requestConsultation(Fixtures.PROSECUTOR, referred, 10), "consultation");
        // the meeting three days before the intake deadline ends; the previous one just before the referrals
        Instant meetingAt = first.intakeDeadline().firstLateInstant().minus(Duration.ofDays(3));
        var meeting = Meeting.of(Fixtures.SEATTLE, hist.zone(), meetingAt,
                Optional.of(referred.minus(Duration.ofHours(1))), Optional.empty(), Meeting.DEFAULT_CADENCE_DAYS);
        var inputs = new OwgInputs(programme.referrals().all(), programme.enrollments().all(), List.of(open),
                Map.of(), List.of(), consents, List.of("officer asks how referrals from the plaza are doing"));
        return new SantaFe(meeting, inputs);
    }

    static Optional<Consent> roi(IdGenerator ids, PersonId person, Roi roi, Instant at) {
        var id = new ConsentId(ids.next());
        Set<DataClass> data = EnumSet.of(DataClass.ENROLLMENT_STATUS, DataClass.LEGAL_COORDINATION);
        return switch (roi) {
            case NONE -> Optional.empty();
            case CARE_ONLY -> Optional.of(Consent.signed(id, person, ConsentType.MULTI_PARTY_ROI,
                    Set.of(Role.OWG_MEMBER), Set.of(Purpose.CARE_COORDINATION), data, at, Optional.empty()));
            case CARE_AND_LEGAL -> Optional.of(Consent.signed(id, person, ConsentType.MULTI_PARTY_ROI,
                    Set.of(Role.OWG_MEMBER), Set.of(Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION), data,
                    at, Optional.empty()));
            case EXPIRED -> Optional.of(Consent.signed(id, person, ConsentType.MULTI_PARTY_ROI,
                    Set.of(Role.OWG_MEMBER), Set.of(Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION), data,
                    at.minus(Duration.ofDays(30)), Optional.of(at.minus(Duration.ofDays(1)))));
            case OTHER_ROLE -> Optional.of(Consent.signed(id, person, ConsentType.MULTI_PARTY_ROI,
                    Set.of(Role.CASE_MANAGER), Set.of(Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION), data,
                    at, Optional.empty()));
        };
    }

    static boolean has(Agenda agenda, Section section, String subject) {
        return agenda.section(section).stream().anyMatch(i -> i.subject().equals(subject));
    }

    static PersonId personOf(Item item, List<Referral> referrals, List<PostEnrollmentCase> cases) {
        return referrals.stream().filter(r -> r.id().toString().equals(item.subject()))
                .map(r -> r.submission().person().id()).findFirst()
                .orElseGet(() -> cases.stream().filter(k -> k.id().toString().equals(item.subject()))
                        .map(PostEnrollmentCase::person).findFirst().orElseThrow());
    }

    private static Person someone(ReferralSubmission s, PersonId id) {
        Person p = s.person();
        return new Person(id, p.dateOfBirth(), p.demographics(), p.residence(), false);
    }
}

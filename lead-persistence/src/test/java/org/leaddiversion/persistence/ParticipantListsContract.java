/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * The lists of {@link ParticipantRecords} on a database: pages of participants under a filter, a participant's
 * timeline and the deadlines due — each decided by the domain's access policy and audited. Written once, run on H2
 * and PostgreSQL.
 *
 * <p>The programme each test starts from, in Seattle, one referral a minute from 2026-01-12 21:00: Rosa (arrest door,
 * taken in, held by case manager cm-1, with an ROI for the court and prosecutors), Sam (arrest door, waiting), Lee
 * and Kim (arrest door, referred at the same instant), Cat and Dan (community door, waiting for approval), Ana
 * (arrest door, taken in, held by cm-2); later Sam is referred again through the community door. The order of first
 * referral is therefore Rosa, Sam, Lee/Kim (by referral id), Cat, Dan, Ana.
 */
abstract class ParticipantListsContract {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final Actor CM1 = Fixtures.CASE_MANAGER;
    private static final Actor CM2 = Actor.of("cm-2", Role.CASE_MANAGER);
    private static final Actor PROSECUTOR = new Actor(new ActorId("prosecutor-1"), Role.PROSECUTOR,
            Optional.of("KCPAO"));
    private static final Reader PROJECT_MANAGER = Reader.of(Fixtures.PROJECT_MANAGER, Purpose.CARE_COORDINATION);

    private final MutableClock clock = new MutableClock(seattle("2026-01-12T21:00"));
    private LeadDatabase db;
    private PersistentProgramme programme;
    private ParticipantRecords records;
    /** Each person's referrals, in the order made. */
    private final Map<String, List<Referral>> referralsOf = new LinkedHashMap<>();
    private EnrollmentId rosasEnrollment;
    private Instant rosaTakenIn;
    private Instant anaTakenIn;

    abstract LeadDatabase open();

    private static Instant seattle(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PACIFIC).toInstant();
    }

    @BeforeEach
    void seattle_refers_seven_people_and_takes_two_in() {
        db = open();
        programme = db.programme(clock, IdGenerator.sequential(20_260_112L), CaseloadCapacity.notTracked());
        programme.policies().put(Fixtures.seattle());
        records = programme.records();
        var desk = programme.desk();

        refer("rosa", Fixtures.anArrestDiversion("rosa").build());
        refer("sam", Fixtures.anArrestDiversion("sam").build());
        var lee = Fixtures.anArrestDiversion("lee").build();
        var kim = Fixtures.anArrestDiversion("kim").build();
        clock.advance(java.time.Duration.ofMinutes(1));
        referralsOf.computeIfAbsent("lee", k -> new ArrayList<>()).add(expect(desk.submit(lee), "lee"));
        referralsOf.computeIfAbsent("kim", k -> new ArrayList<>()).add(expect(desk.submit(kim), "kim"));
        refer("cat", Fixtures.aCommunityReferral("cat").build());
        refer("dan", Fixtures.aCommunityReferral("dan").build());
        refer("ana", Fixtures.anArrestDiversion("ana").build());

        clock.set(seattle("2026-01-12T21:45"));
        rosaTakenIn = seattle("2026-01-26T10:00");
        rosasEnrollment = takeIn(first("rosa").id(), CM1, rosaTakenIn);
        expect(programme.disclosure().recordConsent(CM1, new PersonId("rosa"), ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT, Role.PROSECUTOR), Set.of(),
                Set.of(Purpose.LEGAL_COORDINATION, Purpose.COURT_PROGRESS),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY, DataClass.LEGAL_COORDINATION),
                Optional.empty()), "Rosa's ROI");
        clock.set(seattle("2026-01-27T09:00"));
        anaTakenIn = seattle("2026-01-28T10:00");
        takeIn(first("ana").id(), CM2, anaTakenIn);

        clock.set(seattle("2026-02-02T11:00"));
        expect(programme.caseManagement().addGoal(rosasEnrollment, CM1, PlanDomain.HOUSING, GoalKind.GENERAL,
                "a room of her own", true), "Rosa's goal");
        expect(desk.recordContact(rosasEnrollment, CM1, ContactType.IN_PERSON_FIELD, seattle("2026-02-01T15:00")),
                "a contact with Rosa");
        refer("sam", Fixtures.aCommunityReferral("sam").build());
        clock.set(seattle("2026-02-03T09:00"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void refer(String person, org.leaddiversion.domain.referral.ReferralSubmission submission) {
        clock.advance(java.time.Duration.ofMinutes(1));
        referralsOf.computeIfAbsent(person, k -> new ArrayList<>())
                .add(expect(programme.desk().submit(submission), person + "'s referral"));
    }

    private Referral first(String person) {
        return referralsOf.get(person).get(0);
    }

    /** Hand-off, acceptance, confirmation, ROI and intake at {@code at}; then the case manager holds her. */
    private EnrollmentId takeIn(ReferralId referral, Actor cm, Instant at) {
        var desk = programme.desk();
        Instant now = clock.instant();
        expect(desk.recordHandoff(referral, cm, now.minusSeconds(1200), now.minusSeconds(300)), "hand-off");
        expect(desk.accept(referral, cm), "acceptance");
        expect(desk.decideEligibility(referral, Fixtures.SERGEANT, true, null), "confirmation");
        clock.set(at);
        expect(desk.recordRoiSignature(referral, cm), "ROI at intake");
        EnrollmentId enrollment = expect(desk.completeIntake(referral, cm), "intake").enrollment().orElseThrow();
        expect(programme.caseManagement().assignCaseManager(enrollment, CaseManagerId.of(cm.id()), cm), "assigned");
        return enrollment;
    }

    /** The people in the order of their first referral (time, then referral id as the database orders it). */
    private List<String> inOrder(Set<String> people) {
        return people.stream().sorted(Comparator.comparing((String p) -> first(p).referredAt())
                .thenComparing(p -> first(p).id().value().toString())).toList();
    }

    /** Every page of the list under {@code filter}, {@code size} at a time; checks the total on each page. */
    private List<String> walk(Reader reader, ParticipantFilter filter, int size, int expectedTotal) {
        List<String> seen = new ArrayList<>();
        Optional<ParticipantCursor> after = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            var page = records.participants(reader, filter, after, size).data();
            assertEquals(expectedTotal, page.total(), "total on every page");
            assertTrue(page.entries().size() <= size);
            page.entries().forEach(e -> seen.add(e.participant().value()));
            if (!page.hasMore()) {
                return seen;
            }
            assertEquals(size, page.entries().size(), "only the last page is short");
            after = page.endCursor();
        }
        throw new AssertionError("the pages never end");
    }

    private List<AuditEntry> audit() {
        return db.audit().all();
    }

    // ---- the list of participants --------------------------------------------------------------------------------

    @Test
    void pages_of_every_size_cover_every_participant_exactly_once_in_the_order_of_first_referral() {
        List<String> everyone = inOrder(referralsOf.keySet());
        assertEquals(7, everyone.size());
        assertEquals(List.of("rosa", "sam"), everyone.subList(0, 2), "Sam's later referral does not move him");
        for (int size : new int[] {1, 2, 3, 7, 100}) {
            assertEquals(everyone, walk(PROJECT_MANAGER, ParticipantFilter.all(), size, 7), "pages of " + size);
        }
    }

    @Test
    void each_filter_lists_exactly_the_participants_it_describes_and_its_total() {
        Instant catReferred = first("cat").referredAt();
        Instant danReferred = first("dan").referredAt();
        Map<ParticipantFilter, Set<String>> expected = new LinkedHashMap<>();
        expected.put(ParticipantFilter.all().withSite(Fixtures.SEATTLE), referralsOf.keySet());
        expected.put(ParticipantFilter.all().withSite(new SiteId("santa-fe")), Set.of());
        expected.put(ParticipantFilter.all().withDoors(Set.of(Door.COMMUNITY)), Set.of("cat", "dan", "sam"));
        expected.put(ParticipantFilter.all().withDoors(Set.of(Door.COMMUNITY, Door.ARREST_DIVERSION)),
                referralsOf.keySet());
        expected.put(ParticipantFilter.all().withReferralStatuses(Set.of(ReferralStatus.INTAKE_COMPLETED)),
                Set.of("rosa", "ana"));
        expected.put(ParticipantFilter.all().withEnrollmentStatuses(Set.of(EnrollmentStatus.ACTIVE)),
                Set.of("rosa", "ana"));
        expected.put(ParticipantFilter.all().withEnrollmentStatuses(Set.of(EnrollmentStatus.CLOSED)), Set.of());
        expected.put(ParticipantFilter.all().withCaseManager(new CaseManagerId("cm-1")), Set.of("rosa"));
        expected.put(ParticipantFilter.all().withCaseManager(new CaseManagerId("cm-2")).withSite(Fixtures.SEATTLE),
                Set.of("ana"));
        expected.put(ParticipantFilter.all().withReferred(new ParticipantFilter.Between(Optional.of(catReferred),
                Optional.of(danReferred))), Set.of("cat"));
        expected.put(ParticipantFilter.all().withReferred(new ParticipantFilter.Between(Optional.of(danReferred),
                Optional.empty())), Set.of("dan", "ana", "sam"));
        expected.put(ParticipantFilter.all().withEnrolled(new ParticipantFilter.Between(Optional.empty(),
                Optional.of(anaTakenIn))), Set.of("rosa"));
        expected.put(ParticipantFilter.all().withDoors(Set.of(Door.COMMUNITY))
                .withReferralStatuses(Set.of(ReferralStatus.INTAKE_COMPLETED)), Set.of());
        expected.forEach((filter, people) -> {
            List<String> want = inOrder(people);
            assertEquals(want, walk(PROJECT_MANAGER, filter, 2, want.size()), filter::toString);
        });
    }

    @Test
    void a_cursor_holds_its_place_when_people_are_referred_after_it() {
        var firstPage = records.participants(PROJECT_MANAGER, ParticipantFilter.all(), Optional.empty(), 3).data();
        List<String> before = inOrder(referralsOf.keySet());
        assertEquals(before.subList(0, 3),
                firstPage.entries().stream().map(e -> e.participant().value()).toList());

        // after the first page was read: Zoe is referred, Sam (on it) and Dan (after it) are referred again
        refer("zoe", Fixtures.anArrestDiversion("zoe").build());
        refer("sam", Fixtures.anArrestDiversion("sam").build());
        refer("dan", Fixtures.anArrestDiversion("dan").build());

        List<String> rest = new ArrayList<>();
        Optional<ParticipantCursor> after = firstPage.endCursor();
        boolean more = true;
        while (more) {
            var page = records.participants(PROJECT_MANAGER, ParticipantFilter.all(), after, 2).data();
            assertEquals(8, page.total());
            page.entries().forEach(e -> rest.add(e.participant().value()));
            after = page.endCursor();
            more = page.hasMore();
        }
        List<String> want = new ArrayList<>(before.subList(3, before.size()));
        want.add("zoe");
        assertEquals(want, rest, "the rest once each, then the newcomer; nobody of the first page again");
    }

    @Test
    void a_page_writes_one_entry_per_participant_named_and_one_for_the_page() {
        int before = audit().size();
        var page = records.participants(PROJECT_MANAGER, ParticipantFilter.all(), Optional.empty(), 2);

        assertEquals(AuditOutcome.ALLOWED, page.outcome());
        assertEquals(Set.of(DataClass.REFERRAL_CORE), page.released());
        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(3, entries.size());
        for (int i = 0; i < 2; i++) {
            PersonId who = page.data().entries().get(i).participant();
            AuditEntry e = entries.get(i);
            assertEquals(Optional.of(who), e.participant());
            assertEquals("participants", e.what());
            assertEquals(Set.of(DataClass.REFERRAL_CORE), e.dataClasses());
            assertEquals(AuditOutcome.ALLOWED, e.outcome());
            assertEquals(List.of("referral:" + first(who.value()).id().value()), e.recordIds());
        }
        AuditEntry whole = entries.get(2);
        assertEquals(Optional.empty(), whole.participant());
        assertEquals(2, whole.recordIds().size());
    }

    @Test
    void a_list_filtered_on_enrollments_tells_enrollment_status_and_needs_it_without_consent() {
        var prosecutor = Reader.of(PROSECUTOR, Purpose.LEGAL_COORDINATION);
        assertEquals(7, records.participants(prosecutor, ParticipantFilter.all(), Optional.empty(), 10)
                .data().total(), "a prosecutor lists referrals");

        int before = audit().size();
        var refused = records.participants(prosecutor,
                ParticipantFilter.all().withEnrollmentStatuses(Set.of(EnrollmentStatus.ACTIVE)), Optional.empty(), 10);

        assertEquals(AuditOutcome.DENIED, refused.outcome());
        assertTrue(refused.data().entries().isEmpty());
        assertEquals(0, refused.data().total(), "not even how many");
        assertEquals(ErrorCode.CONSENT_REQUIRED,
                refused.refusalOf(DataClass.ENROLLMENT_STATUS).orElseThrow().code());
        assertTrue(refused.refusalOf(DataClass.REFERRAL_CORE).isEmpty());
        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(1, entries.size());
        assertEquals(AuditOutcome.DENIED, entries.get(0).outcome());
        assertEquals(Optional.empty(), entries.get(0).participant());
    }

    @Test
    void the_court_and_an_enforcement_purpose_list_nobody() {
        var court = records.participants(Reader.of(Actor.of("muni-court-4", Role.COURT), Purpose.COURT_PROGRESS),
                ParticipantFilter.all(), Optional.empty(), 10);
        assertEquals(AuditOutcome.DENIED, court.outcome());
        assertEquals(ErrorCode.NOT_AUTHORISED, court.refusalOf(DataClass.REFERRAL_CORE).orElseThrow().code());

        var enforcement = records.participants(Reader.of(Fixtures.SERGEANT, Purpose.ENFORCEMENT),
                ParticipantFilter.all(), Optional.empty(), 10);
        assertEquals(AuditOutcome.DENIED, enforcement.outcome());
        assertEquals(RuleId.R35, enforcement.refusalOf(DataClass.REFERRAL_CORE).orElseThrow().rule());
        assertTrue(enforcement.data().entries().isEmpty());
    }

    @Test
    void a_page_size_out_of_range_and_a_cursor_altered_by_hand_are_refused_naming_the_field() {
        assertEquals("first", assertThrows(InvalidValueException.class, () -> records.participants(PROJECT_MANAGER,
                ParticipantFilter.all(), Optional.empty(), 0)).field());
        assertEquals("first", assertThrows(InvalidValueException.class, () -> records.participants(PROJECT_MANAGER,
                ParticipantFilter.all(), Optional.empty(), ParticipantRecords.MAX_PAGE + 1)).field());

        String token = records.participants(PROJECT_MANAGER, ParticipantFilter.all(), Optional.empty(), 1).data()
                .endCursor().orElseThrow().token();
        assertEquals(ParticipantCursor.of(token, "after").token(), token, "a cursor reads back as itself");
        char last = token.charAt(token.length() - 3);
        String altered = token.substring(0, token.length() - 3) + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 2);
        for (String bad : List.of(altered, token.substring(0, token.length() - 4), "not a cursor", "",
                new TimelineCursor(Instant.EPOCH, 1).token())) {
            assertEquals("after", assertThrows(InvalidValueException.class,
                    () -> ParticipantCursor.of(bad, "after"), bad).field());
        }
    }

    // ---- a participant's timeline ----------------------------------------------------------------------------------

    private List<String> typesOf(Timeline t) {
        return t.entries().stream().map(e -> e.event().type()).toList();
    }

    @Test
    void the_assigned_case_manager_reads_rosas_whole_history_in_order_and_one_entry_records_it() {
        var cm = new Reader(CM1, Purpose.CARE_COORDINATION, new RecipientCircumstances(false, true, false));
        int before = audit().size();

        var read = records.timeline(cm, new PersonId("rosa"), Optional.empty(), 100);

        List<String> types = typesOf(read.data());
        assertEquals(AuditOutcome.ALLOWED, read.outcome());
        assertTrue(read.refusals().isEmpty());
        for (String type : List.of("ReferralSubmitted", "ReferralScreened", "HandoffCompleted", "ReferralAccepted",
                "DivertedCaseHeld", "RoiSigned", "IntakeCompleted", "EnrollmentStarted", "DivertedCaseNotFiled",
                "CaseManagerAssigned", "ConsentSigned", "GoalSet", "ContactRecorded")) {
            assertTrue(types.contains(type), () -> type + " in " + types);
        }
        assertTrue(types.indexOf("ReferralSubmitted") < types.indexOf("IntakeCompleted"));
        assertTrue(types.indexOf("IntakeCompleted") < types.indexOf("ContactRecorded"));
        List<Instant> times = read.data().entries().stream().map(e -> e.event().occurredAt()).toList();
        assertEquals(times.stream().sorted().toList(), times, "in the order they happened");
        assertTrue(read.data().entries().stream().noneMatch(e -> e.event().aggregateId()
                .equals(first("sam").id().toString())), "nobody else's events");

        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(1, entries.size());
        assertEquals("timeline", entries.get(0).what());
        assertEquals(Optional.of(new PersonId("rosa")), entries.get(0).participant());
        assertEquals(types.size(), entries.get(0).recordIds().size());
    }

    @Test
    void timeline_pages_cover_the_history_once() {
        var cm = new Reader(CM1, Purpose.CARE_COORDINATION, new RecipientCircumstances(false, true, false));
        List<String> whole = typesOf(records.timeline(cm, new PersonId("rosa"), Optional.empty(), 100).data());
        List<String> paged = new ArrayList<>();
        Optional<TimelineCursor> after = Optional.empty();
        boolean more = true;
        while (more) {
            var page = records.timeline(cm, new PersonId("rosa"), after, 3).data();
            assertTrue(page.entries().size() <= 3);
            paged.addAll(typesOf(page));
            after = page.endCursor();
            more = page.hasMore();
        }
        assertEquals(whole, paged);
    }

    @Test
    void each_reader_sees_only_the_events_of_the_classes_released_to_her() {
        var prosecutor = Reader.of(PROSECUTOR, Purpose.LEGAL_COORDINATION);
        var read = records.timeline(prosecutor, new PersonId("rosa"), Optional.empty(), 100);

        assertEquals(AuditOutcome.PARTLY_ALLOWED, read.outcome());
        assertFalse(read.isReleased(DataClass.CASE_NOTES));
        assertTrue(read.isReleased(DataClass.ENROLLMENT_STATUS), "under Rosa's ROI");
        assertEquals(ErrorCode.NOT_AUTHORISED, read.refusalOf(DataClass.CASE_NOTES).orElseThrow().code());
        List<String> types = typesOf(read.data());
        assertFalse(types.contains("ContactRecorded"), "no case notes");
        assertTrue(types.contains("EnrollmentStarted"));
        assertTrue(read.data().entries().stream().allMatch(e -> read.isReleased(e.dataClass())));

        var withoutRoi = records.timeline(prosecutor, new PersonId("ana"), Optional.empty(), 100);
        assertEquals(ErrorCode.CONSENT_REQUIRED,
                withoutRoi.refusalOf(DataClass.ENROLLMENT_STATUS).orElseThrow().code());
        assertFalse(typesOf(withoutRoi.data()).contains("EnrollmentStarted"));
        assertTrue(typesOf(withoutRoi.data()).contains("ReferralSubmitted"));
        assertNotEquals(List.of(), withoutRoi.data().entries());

        var court = records.timeline(Reader.of(Actor.of("muni-court-4", Role.COURT), Purpose.COURT_PROGRESS),
                new PersonId("ana"), Optional.empty(), 100);
        assertEquals(AuditOutcome.DENIED, court.outcome());
        assertTrue(court.data().entries().isEmpty());
    }

    // ---- deadlines due ----------------------------------------------------------------------------------------------

    @Test
    void the_deadlines_due_are_the_sites_open_referrals_with_a_deadline_before_the_day() {
        var prosecutor = Reader.of(PROSECUTOR, Purpose.LEGAL_COORDINATION);
        LocalDate samsDeadline = first("sam").intakeDeadline().date();
        int before = audit().size();

        var due = records.deadlinesDue(prosecutor, Fixtures.SEATTLE, samsDeadline.plusDays(1));

        assertEquals(AuditOutcome.ALLOWED, due.outcome());
        Map<String, List<ReferralId>> byPerson = due.data().stream().collect(Collectors.groupingBy(
                d -> d.referral().person().id().value(), LinkedHashMap::new,
                Collectors.mapping(d -> d.referral().id(), Collectors.toList())));
        assertEquals(Set.of("sam", "lee", "kim", "cat", "dan"), byPerson.keySet(), "Rosa and Ana were taken in");
        assertEquals(List.of(first("sam").id()), byPerson.get("sam"), "Sam's later referral is due later");
        List<LocalDate> deadlines = due.data().stream().map(d -> d.deadline().date()).toList();
        assertEquals(deadlines.stream().sorted().toList(), deadlines, "soonest first");
        assertTrue(deadlines.stream().allMatch(d -> d.isBefore(samsDeadline.plusDays(1))));

        List<AuditEntry> entries = audit().subList(before, audit().size());
        assertEquals(6, entries.size(), "one per participant, one for the list");
        assertEquals(5, entries.stream().filter(e -> e.participant().isPresent()).count());
        assertTrue(entries.stream().allMatch(e -> e.what().equals("deadlines-due")));

        assertTrue(records.deadlinesDue(prosecutor, Fixtures.SEATTLE, first("sam").intakeDeadline().date())
                .data().isEmpty(), "a deadline on the day itself is not before it");
        assertTrue(records.deadlinesDue(prosecutor, new SiteId("santa-fe"), samsDeadline.plusYears(1)).data()
                .isEmpty());
    }

    @Test
    void deadlines_due_are_refused_to_whom_the_policy_refuses_referrals() {
        int before = audit().size();
        var court = records.deadlinesDue(Reader.of(Actor.of("muni-court-4", Role.COURT), Purpose.COURT_PROGRESS),
                Fixtures.SEATTLE, LocalDate.of(2030, 1, 1));
        assertEquals(AuditOutcome.DENIED, court.outcome());
        assertTrue(court.data().isEmpty());
        assertEquals(ErrorCode.NOT_AUTHORISED, court.refusalOf(DataClass.REFERRAL_CORE).orElseThrow().code());
        assertEquals(before + 1, audit().size());
    }

    // ---- a page read with the field groups of its participants ---------------------------------------------------

    @Test
    void a_page_read_with_its_field_groups_releases_and_audits_what_each_groups_own_read_would() {
        var desk = programme.desk();
        clock.set(seattle("2026-02-03T10:00"));
        expect(desk.recordContact(rosasEnrollment, CM1, ContactType.PHONE, seattle("2026-02-02T09:00")), "a call");
        expect(desk.recordContact(rosasEnrollment, CM1, ContactType.OFFICE, seattle("2026-02-03T09:30")), "a visit");
        expect(programme.caseManagement().addGoal(rosasEnrollment, CM1, PlanDomain.INCOME_BENEFITS, GoalKind.GENERAL,
                "benefits", true), "a second goal");
        var readers = List.of(PROJECT_MANAGER, Reader.of(PROSECUTOR, Purpose.LEGAL_COORDINATION),
                Reader.of(CM1, Purpose.CARE_COORDINATION), Reader.of(Fixtures.PROJECT_MANAGER, Purpose.ENFORCEMENT));
        for (Reader reader : readers) {
            int before = audit().size();
            var read = records.participants(reader, ParticipantFilter.all(), Optional.empty(), 5,
                    EnumSet.allOf(RecordGroup.class), OptionalInt.empty());
            List<AuditEntry> entries = audit().subList(before, audit().size());
            var page = records.participants(reader, ParticipantFilter.all(), Optional.empty(), 5);
            assertEquals(page.data(), read.page().data(), "the page");
            assertEquals(page.outcome(), read.page().outcome());
            if (read.page().data().entries().isEmpty()) {
                assertEquals(Map.of(), read.groups(), reader + ": a page refused reads no group");
                continue;
            }
            Set<PersonId> people = read.page().data().entries().stream().map(ParticipantPage.Entry::participant)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertSame(records.referralsOf(reader, people), read.referrals());
            assertSame(records.referralSummariesOf(reader, people), read.referralSummaries());
            assertSame(records.enrollmentsOf(reader, people), read.enrollments());
            assertSame(records.plansOf(reader, people), read.plans());
            assertSame(records.contactsOf(reader, people), read.contacts());
            assertSame(records.casesOf(reader, people), read.cases());
            assertSame(records.consentsOf(reader, people), read.consents());
            // the page's entries, then one per participant and group
            assertEquals(people.size() + 1 + people.size() * RecordGroup.values().length, entries.size());
            for (String what : List.of("referrals", "enrollments", "plans", "contacts", "cases", "consents")) {
                assertEquals(people, entries.stream().filter(e -> e.what().equals(what))
                        .map(e -> e.participant().orElseThrow()).collect(Collectors.toSet()), what);
            }
        }
    }

    @Test
    void referrals_in_brief_are_the_referrals_cores_released_and_audited_as_referrals() {
        var readers = List.of(PROJECT_MANAGER, Reader.of(PROSECUTOR, Purpose.LEGAL_COORDINATION),
                Reader.of(CM1, Purpose.CARE_COORDINATION), Reader.of(Fixtures.PROJECT_MANAGER, Purpose.ENFORCEMENT));
        Set<PersonId> everyone = records.participants(PROJECT_MANAGER, ParticipantFilter.all(), Optional.empty(), 5)
                .data().entries().stream().map(ParticipantPage.Entry::participant)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        for (Reader reader : readers) {
            var whole = records.referralsOf(reader, everyone);
            int before = audit().size();
            var brief = records.referralSummariesOf(reader, everyone);
            List<AuditEntry> entries = audit().subList(before, audit().size());
            assertEquals(everyone, brief.keySet(), reader.toString());
            for (PersonId p : everyone) {
                var w = whole.get(p);
                var b = brief.get(p);
                boolean core = w.released().contains(DataClass.REFERRAL_CORE);
                assertEquals(core ? Set.of(DataClass.REFERRAL_CORE) : Set.of(), b.released(), reader + " " + p);
                assertEquals(w.data().stream().map(ReferralSummary::of).toList(), b.data(), reader + " " + p);
                AuditEntry entry = entries.stream().filter(e -> e.participant().equals(Optional.of(p))).findFirst()
                        .orElseThrow();
                assertEquals("referrals", entry.what(), reader + " " + p);
                assertEquals(b.released(), entry.dataClasses(), reader + " " + p);
            }
            assertEquals(everyone.size(), entries.size(), reader + ": one entry per participant");
        }
    }

    @Test
    void her_plans_read_with_a_page_are_her_plan_and_fund_as_stored() {
        clock.set(seattle("2026-02-03T10:00"));
        var care = programme.caseManagement();
        var plan = expect(care.addServiceReferral(rosasEnrollment, CM1, PlanDomain.HOUSING, "Plymouth Housing",
                org.leaddiversion.domain.plan.ServiceReferralStatus.REFERRED), "a service referral");
        expect(care.addGoal(rosasEnrollment, CM1, PlanDomain.TRANSPORTATION, GoalKind.GENERAL, "a bus pass", true),
                "a second goal");
        expect(care.spend(rosasEnrollment, CM1, seattle("2026-02-02T12:00"), Money.of("40.0000", "USD"),
                PlanDomain.HOUSING, "a landlord", "a deposit", Optional.of(Fixtures.PROJECT_MANAGER),
                Optional.of(plan.goals().get(0).id())), "a deposit");
        expect(care.spend(rosasEnrollment, CM1, seattle("2026-02-03T09:00"), Money.of("12.5000", "USD"),
                PlanDomain.TRANSPORTATION, "Metro", "a bus pass", Optional.empty(), Optional.empty()), "a bus pass");
        PersonId rosa = new PersonId("rosa");
        var onPage = records.participants(PROJECT_MANAGER, ParticipantFilter.all(), Optional.empty(), 5,
                Set.of(RecordGroup.PLANS), OptionalInt.empty()).plans().get(rosa).data();
        var stored = new PlanSummary(rosasEnrollment, db.interventionPlans().forEnrollment(rosasEnrollment),
                db.flexFunds().forEnrollment(rosasEnrollment));
        assertEquals(2, stored.plan().orElseThrow().goals().size());
        assertEquals(1, stored.plan().orElseThrow().serviceReferrals().size());
        assertEquals(2, stored.fund().orElseThrow().expenditures().size());
        assertEquals(List.of(held(stored)), onPage.stream().map(ParticipantListsContract::held).toList());
    }

    @Test
    void her_last_contacts_are_her_latest_in_the_order_they_took_place() {
        var desk = programme.desk();
        clock.set(seattle("2026-02-03T10:00"));
        expect(desk.recordContact(rosasEnrollment, CM1, ContactType.PHONE, seattle("2026-02-02T09:00")), "a call");
        expect(desk.recordContact(rosasEnrollment, CM1, ContactType.OFFICE, seattle("2026-02-03T09:30")), "a visit");
        expect(desk.recordContact(rosasEnrollment, CM1, ContactType.TEXT, seattle("2026-01-30T09:30")), "late note");
        PersonId rosa = new PersonId("rosa");
        List<Instant> all = records.contactsOf(PROJECT_MANAGER, rosa).data().stream()
                .map(c -> c.contactAt()).toList();
        assertEquals(List.of(seattle("2026-01-30T09:30"), seattle("2026-02-01T15:00"), seattle("2026-02-02T09:00"),
                seattle("2026-02-03T09:30")), all, "every contact, in the order they took place");
        var lastTwo = records.contactsOf(PROJECT_MANAGER, Set.of(rosa), OptionalInt.of(2)).get(rosa).data();
        assertEquals(all.subList(2, 4), lastTwo.stream().map(c -> c.contactAt()).toList());
        var onPage = records.participants(PROJECT_MANAGER, ParticipantFilter.all(), Optional.empty(), 1,
                Set.of(RecordGroup.CONTACTS), OptionalInt.of(3)).contacts().get(rosa).data();
        assertEquals(all.subList(1, 4), onPage.stream().map(c -> c.contactAt()).toList());
        for (int bad : List.of(0, -1, ParticipantRecords.MAX_PAGE + 1)) {
            var e = assertThrows(InvalidValueException.class,
                    () -> records.contactsOf(PROJECT_MANAGER, Set.of(rosa), OptionalInt.of(bad)));
            assertEquals("last", e.field());
        }
    }

    /** The same releases: classes, refusals, outcome and data (aggregates compared by what they hold). */
    private static void assertSame(Map<PersonId, ? extends Release<? extends List<?>>> expected,
                                   Map<PersonId, ? extends Release<? extends List<?>>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((p, e) -> {
            var a = actual.get(p);
            assertEquals(e.released(), a.released(), p.value());
            assertEquals(e.refusals(), a.refusals(), p.value());
            assertEquals(e.outcome(), a.outcome(), p.value());
            assertEquals(e.data().stream().map(ParticipantListsContract::held).toList(),
                    a.data().stream().map(ParticipantListsContract::held).toList(), p.value());
        });
    }

    private static Object held(Object o) {
        if (o instanceof org.leaddiversion.domain.enrollment.Enrollment e) {
            return List.of(e.id(), e.version(), e.status(), e.startedAt(), e.lastEngagementAt(), e.referrals(),
                    e.priorEnrollments(), e.closedAt(), e.closureReason());
        }
        if (o instanceof PlanSummary s) {
            return List.of(s.enrollment(),
                    s.plan().map(p -> List.of(p.id(), p.version(), p.goals(), p.serviceReferrals())),
                    s.fund().map(f -> List.of(f.version(), f.expenditures())));
        }
        if (o instanceof org.leaddiversion.domain.prosecution.PostEnrollmentCase c) {
            return List.of(c.id(), c.version(), c.offences(), c.legalMatters(), c.consultation(), c.decision());
        }
        return o;
    }
}

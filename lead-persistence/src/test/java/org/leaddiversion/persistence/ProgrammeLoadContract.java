/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDesk;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagementDesk;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.rules.ProgrammeRecord;

/**
 * {@link LeadDatabase#load}: a programme played in memory and loaded holds what the same commands leave when the desks
 * run them on the database — every aggregate at its version, the events in order, the disclosure log — and a load is
 * refused whole into a database that already holds programme data or lacks a site's policy.
 */
abstract class ProgrammeLoadContract {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final Actor CM = Fixtures.CASE_MANAGER;
    private static final long SEED = 20_261_123L;

    abstract LeadDatabase open();

    /** The desks a scenario runs on, in memory or on a database. */
    private record Desks(ReferralDesk desk, CaseManagementDesk cases, DisclosureDesk disclosure) {
    }

    @Test
    void aLoadedRecordIsWhatTheDesksOnTheDatabaseLeave() {
        ProgrammeRecord played = playedInMemory();

        try (LeadDatabase throughDesks = open(); LeadDatabase loaded = open()) {
            var deskClock = clock();
            var onDatabase = throughDesks.programme(deskClock, IdGenerator.sequential(SEED),
                    CaseloadCapacity.notTracked());
            onDatabase.policies().put(Fixtures.seattle());
            play(new Desks(onDatabase.desk(), onDatabase.caseManagement(), onDatabase.disclosure()), deskClock);

            loaded.sitePolicies(clock()).put(Fixtures.seattle());
            loaded.load(played);

            ProgrammeRecord expected = onDatabase.record(played.asOf());
            ProgrammeRecord actual = loaded.programme(deskClock, IdGenerator.sequential(SEED),
                    CaseloadCapacity.notTracked()).record(played.asOf());
            assertFalse(actual.events().isEmpty());
            assertEquals(expected.events(), actual.events());
            assertEquals(played.events(), actual.events());
            assertEquals(states(expected), states(actual));
            assertEquals(3, actual.referrals().size());
            assertEquals(2, actual.enrollments().size());
            assertEquals(described(expected), described(actual));
            assertEquals(2, actual.plans().stream().mapToInt(p -> p.goals().size()).sum());
            assertEquals(1, actual.funds().stream().mapToInt(f -> f.expenditures().size()).sum());
            assertEquals(byId(expected.consents(), c -> c.id().toString()),
                    byId(actual.consents(), c -> c.id().toString()));
            assertEquals(1, actual.consents().size());
            assertFalse(actual.caseloads().isEmpty());
            assertEquals(expected.disclosures(), actual.disclosures());
            assertEquals(1, actual.disclosures().size());

            // the loaded database goes on like any other: the next command finds every version where it left it
            var next = loaded.programme(deskClock, IdGenerator.sequential(SEED + 1), CaseloadCapacity.notTracked());
            EnrollmentId rosas = actual.enrollments().get(0).id();
            expect(next.desk().recordContact(rosas, CM, ContactType.PHONE, deskClock.instant()), "a later contact");
            expect(next.caseManagement().addGoal(rosas, CM, PlanDomain.INCOME_BENEFITS, GoalKind.GENERAL,
                    "benefits", true), "a later goal");
            assertTrue(next.disclosure().disclose(DisclosureRequest.of(CM, Role.PROSECUTOR, new PersonId("rosa"),
                    Set.of(DataClass.ENROLLMENT_STATUS), Purpose.LEGAL_COORDINATION)).isGranted());
            assertEquals(List.of(1L, 2L), loaded.disclosureLog().entries().stream().map(e -> e.sequence()).toList());
        }
    }

    @Test
    void aRecordIsLoadedOnlyIntoADatabaseWithoutProgrammeDataAndWithEverySitesPolicy() {
        ProgrammeRecord played = playedInMemory();
        var clock = clock();
        try (LeadDatabase db = open()) {
            var noPolicy = assertThrows(IllegalStateException.class, () -> db.load(played));
            assertTrue(noPolicy.getMessage().contains("[" + Fixtures.SEATTLE.value() + "]"), noPolicy.getMessage());
            db.sitePolicies(clock()).put(Fixtures.seattle());
            db.load(played);
            int events = played.events().size();
            var twice = assertThrows(IllegalStateException.class, () -> db.load(played));
            assertTrue(twice.getMessage().contains("already holds programme data"), twice.getMessage());
            // the refused load wrote nothing
            var programme = db.programme(clock, IdGenerator.sequential(SEED), CaseloadCapacity.notTracked());
            assertEquals(events, programme.record().events().size());
            assertEquals(3, programme.record().referrals().size());
        }
    }

    /** {@link #play} on the desks of an in-memory programme, and its record. */
    private static ProgrammeRecord playedInMemory() {
        var clock = clock();
        var memory = new InMemoryProgramme(clock, IdGenerator.sequential(SEED), CaseloadCapacity.notTracked());
        memory.policies().put(Fixtures.seattle());
        play(new Desks(memory.desk(), memory.caseManagement(), memory.disclosure()), clock);
        return memory.record();
    }

    /**
     * Rosa and Ana are referred, taken in and assigned; Rosa signs a release for the prosecutor, sets two goals, is
     * referred to housing, is seen twice, spends from the fund, and her status goes to the prosecutor; Sam's referral
     * stays open.
     */
    private static void play(Desks d, MutableClock clock) {
        ReferralId rosa = refer(d, clock, "rosa");
        ReferralId ana = refer(d, clock, "ana");
        refer(d, clock, "sam");
        clock.set(seattle("2026-01-12T22:00"));
        EnrollmentId rosas = takeIn(d, clock, rosa, seattle("2026-01-14T10:00"));
        takeIn(d, clock, ana, seattle("2026-01-15T10:00"));
        expect(d.disclosure().recordConsent(CM, new PersonId("rosa"), ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.PROSECUTOR), Set.of(), Set.of(Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Optional.empty()), "Rosa's release");
        clock.set(seattle("2026-01-16T09:00"));
        var plan = expect(d.cases().addGoal(rosas, CM, PlanDomain.HOUSING, GoalKind.GENERAL, "a room of her own",
                true), "Rosa's first goal");
        expect(d.cases().addGoal(rosas, CM, PlanDomain.IDENTIFICATION_DOCUMENTS, GoalKind.GENERAL, "a state ID",
                true), "Rosa's second goal");
        expect(d.cases().addServiceReferral(rosas, CM, PlanDomain.HOUSING, "Housing navigation team",
                ServiceReferralStatus.CONNECTED), "Rosa's service referral");
        expect(d.desk().recordContact(rosas, CM, ContactType.IN_PERSON_FIELD, seattle("2026-01-15T15:00")),
                "a contact");
        expect(d.desk().recordContact(rosas, CM, ContactType.PHONE, seattle("2026-01-16T08:00")), "another");
        expect(d.cases().spend(rosas, CM, clock.instant(), Money.of("45.00", "USD"),
                PlanDomain.IDENTIFICATION_DOCUMENTS, "Licensing office", "state ID fee", Optional.empty(),
                Optional.of(plan.goals().get(0).id())), "Rosa's ID fee");
        clock.set(seattle("2026-01-17T09:00"));
        assertTrue(d.disclosure().disclose(DisclosureRequest.of(CM, Role.PROSECUTOR, new PersonId("rosa"),
                Set.of(DataClass.ENROLLMENT_STATUS), Purpose.LEGAL_COORDINATION)).isGranted());
    }

    private static ReferralId refer(Desks d, MutableClock clock, String person) {
        clock.advance(java.time.Duration.ofMinutes(1));
        return expect(d.desk().submit(Fixtures.anArrestDiversion(person).build()), person + "'s referral").id();
    }

    private static EnrollmentId takeIn(Desks d, MutableClock clock, ReferralId referral, Instant at) {
        Instant now = clock.instant();
        expect(d.desk().recordHandoff(referral, CM, now.minusSeconds(1200), now.minusSeconds(300)), "hand-off");
        expect(d.desk().accept(referral, CM), "acceptance");
        expect(d.desk().decideEligibility(referral, Fixtures.SERGEANT, true, null), "confirmation");
        clock.set(at);
        expect(d.desk().recordRoiSignature(referral, CM), "ROI at intake");
        EnrollmentId enrollment = expect(d.desk().completeIntake(referral, CM), "intake").enrollment()
                .orElseThrow();
        expect(d.cases().assignCaseManager(enrollment, CaseManagerId.of(CM.id()), CM), "assigned");
        return enrollment;
    }

    private static List<Object> states(ProgrammeRecord r) {
        return r.referrals().stream().map(x -> (Object) x.state())
                .sorted(Comparator.comparing(Object::toString)).toList();
    }

    /** Enrollments, plans, funds and caseloads as values (their classes compare by identity). */
    private static List<Object> described(ProgrammeRecord r) {
        return List.of(
                r.enrollments().stream().map(e -> List.of(e.id(), e.person(), e.site(), e.startedAt(),
                        e.lastEngagementAt(), e.status(), e.referrals(), e.priorEnrollments(), e.closedAt(),
                        e.closureReason(), e.version())).sorted(Comparator.comparing(Object::toString)).toList(),
                r.plans().stream().map(p -> List.of(p.id(), p.enrollment(), p.version(), p.goals(),
                        p.serviceReferrals())).sorted(Comparator.comparing(Object::toString)).toList(),
                r.funds().stream().map(f -> List.of(f.enrollment(), f.version(), f.expenditures()))
                        .sorted(Comparator.comparing(Object::toString)).toList(),
                new java.util.TreeMap<>(r.caseloads().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        c -> c.getKey().value(), c -> List.of(c.getValue().version(), c.getValue().assignments())))));
    }

    private static <T> List<T> byId(List<T> items, Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing(id)).toList();
    }

    private static MutableClock clock() {
        return new MutableClock(seattle("2026-01-12T21:00"));
    }

    private static Instant seattle(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PACIFIC).toInstant();
    }
}

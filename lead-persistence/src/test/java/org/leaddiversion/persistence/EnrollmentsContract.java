/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.Histories.EnrollmentView;
import org.leaddiversion.persistence.Histories.Step;

/**
 * The behaviour every store of enrollments must have, written once and run against the in-memory fakes, H2 and
 * PostgreSQL: each version saved comes back equal, the queries agree with what was saved, a stale write is a conflict
 * naming the aggregate, id and versions that writes nothing, a second open enrollment of a person at a site is a
 * conflict whoever writes second, racing writers never lose an update, a failed transaction leaves nothing, and every
 * recorded contact can be read back in the order it took place.
 */
abstract class EnrollmentsContract extends EnrollmentStoreContract {

    EnrollmentId newId() {
        return new EnrollmentId(new UUID(0xE0, fresh.incrementAndGet()));
    }

    Step<Enrollment> started(PersonId person, SiteId site, Instant at) {
        var out = Enrollment.start(newId(), person, site, new ReferralId(new UUID(0xAF, fresh.incrementAndGet())),
                List.of(), at);
        return new Step<>(out.value(), -1, out.events());
    }

    void save(Step<Enrollment> step) {
        store.enrollments().save(step.value(), step.expectedVersion(), step.events());
    }

    static List<ContactRecorded> contactsIn(List<? extends DomainEvent> events) {
        return events.stream().filter(ContactRecorded.class::isInstance).map(ContactRecorded.class::cast).toList();
    }

    @Test
    void any_generated_enrollment_saved_version_by_version_comes_back_equal_with_its_events_and_contacts() {
        qt().withExamples(40).forAll(Histories.enrollmentScripts()).checkAssert(script -> {
            // fresh ids and a fresh person per example: the store keeps what earlier examples saved
            EnrollmentId id = newId();
            var person = new PersonId(LeadGenerators.PEOPLE.get(fresh.get() % 6) + "-" + fresh.incrementAndGet());
            SiteId site = Histories.SITES.get(fresh.get() % Histories.SITES.size());
            int eventsBefore = store.events().events().size();
            var steps = Histories.play(script, id, person, site, List.of(newId()));
            var events = new ArrayList<DomainEvent>();
            for (Step<Enrollment> step : steps) {
                save(step);
                events.addAll(step.events());
                assertEquals(Optional.of(EnrollmentView.of(step.value())),
                        EnrollmentView.of(store.enrollments().find(id)));
            }
            Enrollment last = steps.get(steps.size() - 1).value();
            assertEquals(List.of(EnrollmentView.of(last)), EnrollmentView.of(store.enrollments().of(person, site)));
            assertEquals(last.isOpen() ? Optional.of(EnrollmentView.of(last)) : Optional.empty(),
                    EnrollmentView.of(store.enrollments().openFor(person, site)));
            assertEquals(last.isOpen() ? Set.of(person) : Set.of(),
                    store.enrollments().currentParticipantsAmong(Set.of(person, new PersonId("nobody")), site));
            List<DomainEvent> log = store.events().events();
            assertEquals(events, log.subList(eventsBefore, log.size()), "the events, in order, with their changes");
            List<ContactRecorded> contacts = new ArrayList<>(contactsIn(events));
            contacts.sort(java.util.Comparator.comparing(ContactRecorded::contactAt));
            assertEquals(contacts, store.contactsOf(id), "every contact projected");
            assertEquals(contacts, store.timelineOf(person));
        });
    }

    @Test
    void the_queries_answer_from_what_was_saved() {
        var ana = new PersonId("ana");
        var bo = new PersonId("bo");
        Step<Enrollment> first = started(ana, SITE, T0);
        save(first);
        var closed = first.value().withdraw(Fixtures.CASE_MANAGER, T0.plus(Duration.ofDays(3)));
        store.enrollments().save(closed.value(), 0, closed.events());
        var again = Enrollment.start(newId(), ana, SITE, new ReferralId(new UUID(1, 2)),
                List.of(first.value().id()), T0.plus(Duration.ofDays(10)));
        store.enrollments().save(again.value(), -1, again.events());
        Step<Enrollment> boHere = started(bo, SITE, T0.plus(Duration.ofDays(1)));
        save(boHere);
        Step<Enrollment> anaElsewhere = started(ana, new SiteId("santa-fe"), T0.plus(Duration.ofDays(2)));
        save(anaElsewhere);

        assertEquals(EnrollmentView.of(List.of(closed.value(), again.value())),
                EnrollmentView.of(store.enrollments().of(ana, SITE)), "oldest first");
        assertEquals(Optional.of(EnrollmentView.of(again.value())),
                EnrollmentView.of(store.enrollments().openFor(ana, SITE)));
        assertEquals(List.of(first.value().id()), store.enrollments().find(again.value().id()).orElseThrow()
                .priorEnrollments());
        assertEquals(2, store.enrollments().countOpen(SITE));
        assertEquals(1, store.enrollments().countOpen(new SiteId("santa-fe")));
        assertEquals(0, store.enrollments().countOpen(new SiteId("albany")));
        assertEquals(Set.of(ana, bo), store.enrollments().currentParticipantsAmong(
                Set.of(ana, bo, new PersonId("cy")), SITE));
        assertEquals(Set.of(), store.enrollments().currentParticipantsAmong(Set.of(), SITE));
        assertEquals(Set.of(again.value().id(), closed.value().id(), boHere.value().id(),
                        anaElsewhere.value().id()),
                Set.copyOf(store.enrollments().all().stream().map(Enrollment::id).toList()));
        assertEquals(Optional.empty(), store.enrollments().find(newId()));
        assertEquals(Optional.empty(), store.enrollments().openFor(new PersonId("cy"), SITE));

        // the inactivity sweep's candidates: ACTIVE only, neither the closed one nor one already INACTIVE
        var idle = boHere.value().markInactiveIfDue(T0.plus(Duration.ofDays(400)), 30);
        store.enrollments().save(idle.value(), boHere.value().version(), idle.events());
        assertEquals(Set.of(again.value().id(), anaElsewhere.value().id()),
                Set.copyOf(store.enrollments().active().stream().map(Enrollment::id).toList()));
        assertEquals(EnrollmentView.of(store.enrollments().find(again.value().id()).orElseThrow()),
                EnrollmentView.of(store.enrollments().active().stream()
                        .filter(e -> e.id().equals(again.value().id())).findFirst().orElseThrow()));
    }

    @Test
    void a_stale_write_is_a_conflict_naming_the_enrollment_and_versions_and_writes_nothing() {
        Step<Enrollment> start = started(new PersonId("dee"), SITE, T0);
        save(start);
        Enrollment v0 = start.value();
        Instant now = T0.plus(Duration.ofDays(2));
        var first = v0.recordContact(ContactType.PHONE, now.minusSeconds(60), now);
        store.enrollments().save(first.value(), 0, first.events());
        int events = store.events().events().size();

        // a second writer still holding version 0
        var stale = v0.recordContact(ContactType.OFFICE, now.minusSeconds(30), now);
        var conflict = assertThrows(ConcurrentUpdateException.class,
                () -> store.enrollments().save(stale.value(), 0, stale.events()));
        assertEquals("Enrollment", conflict.aggregate());
        assertEquals(v0.id().toString(), conflict.id());
        assertEquals(0, conflict.expectedVersion());
        assertEquals(1, conflict.actualVersion());
        assertEquals(Optional.of(EnrollmentView.of(first.value())),
                EnrollmentView.of(store.enrollments().find(v0.id())));
        assertEquals(events, store.events().events().size(), "the loser's events were not written");
        assertEquals(contactsIn(first.events()), store.contactsOf(v0.id()), "the loser's contact was not projected");

        // a new enrollment under an id that exists is a conflict too
        var sameId = assertThrows(ConcurrentUpdateException.class, () -> save(start));
        assertEquals(-1, sameId.expectedVersion());
        assertEquals(1, sameId.actualVersion());
    }

    @Test
    void a_second_open_enrollment_of_a_person_at_a_site_is_a_conflict_and_after_closing_a_new_one_is_fine() {
        var eve = new PersonId("eve");
        Step<Enrollment> first = started(eve, SITE, T0);
        save(first);
        Step<Enrollment> second = started(eve, SITE, T0.plusSeconds(5));
        var conflict = assertThrows(ConcurrentUpdateException.class, () -> save(second));
        assertEquals("Enrollment", conflict.aggregate());
        assertEquals(second.value().id().toString(), conflict.id());
        assertEquals(Optional.empty(), store.enrollments().find(second.value().id()));
        assertEquals(1, store.events().events().size(), "only the first start was logged");

        // at another site the person may be enrolled at the same time
        save(started(eve, new SiteId("santa-fe"), T0));
        // once closed, a new enrollment at the site is allowed
        var closed = first.value().close(ClosureReason.MOVED_OUT_OF_AREA, Fixtures.PROJECT_MANAGER,
                T0.plus(Duration.ofDays(1)), Histories.ALLOWED);
        store.enrollments().save(closed.value(), 0, closed.events());
        Step<Enrollment> third = started(eve, SITE, T0.plus(Duration.ofDays(2)));
        save(third);
        assertEquals(2, store.enrollments().of(eve, SITE).size());
        assertEquals(third.value().id(), store.enrollments().openFor(eve, SITE).orElseThrow().id());
    }

    @Test
    void racing_writers_of_a_second_open_enrollment_store_exactly_one() throws Exception {
        var fay = new PersonId("fay");
        int writers = 6;
        List<Step<Enrollment>> starts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            starts.add(started(fay, SITE, T0.plusSeconds(i)));
        }
        List<Boolean> won = Races.race(writers, k -> () -> {
            try {
                store.transactions().inTransaction(() -> {
                    save(starts.get(k));
                    return null;
                });
                return true;
            } catch (ConcurrentUpdateException e) {
                return false;
            }
        });
        assertEquals(1, won.stream().filter(w -> w).count(), "exactly one writer wins");
        assertEquals(1, store.enrollments().of(fay, SITE).size(), "exactly one enrollment is stored");
        assertEquals(1, store.enrollments().countOpen(SITE));
        assertEquals(1, store.events().events().size(), "and one start event");
    }

    @Test
    void racing_contacts_on_one_enrollment_are_each_committed_or_refused_and_none_is_lost(TestReporter report)
            throws Exception {
        Step<Enrollment> start = started(new PersonId("gus"), SITE, T0);
        save(start);
        EnrollmentId id = start.value().id();
        int writers = 4;
        int attempts = 12;
        var committed = new AtomicInteger();
        var refused = new AtomicInteger();
        Races.race(writers, k -> () -> {
            for (int m = 0; m < attempts; m++) {
                Enrollment read = store.enrollments().find(id).orElseThrow();
                Instant now = T0.plus(Duration.ofHours(1 + k * attempts + m));
                var out = read.recordContact(ContactType.values()[(k + m) % ContactType.values().length],
                        now.minusSeconds(k), now);
                try {
                    store.transactions().inTransaction(() -> {
                        store.enrollments().save(out.value(), read.version(), out.events());
                        return null;
                    });
                    committed.incrementAndGet();
                } catch (ConcurrentUpdateException e) {
                    refused.incrementAndGet();
                }
            }
            return true;
        });
        report.publishEntry("committed " + committed + ", refused as conflicts " + refused);
        assertEquals(writers * attempts, committed.get() + refused.get(), "every update committed or refused");
        assertTrue(committed.get() >= 1);
        Enrollment after = store.enrollments().find(id).orElseThrow();
        assertEquals(committed.get(), after.version(), "no lost update: one version per committed change");
        assertEquals(committed.get(), store.contactsOf(id).size(), "one contact per committed change");
        assertEquals(committed.get(), store.events().events().stream()
                .filter(EnrollmentEvent.ContactRecorded.class::isInstance).count());
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind() {
        Step<Enrollment> start = started(new PersonId("hal"), SITE, T0);
        Instant now = T0.plus(Duration.ofDays(1));
        var contact = start.value().recordContact(ContactType.IN_PERSON_FIELD, now, now);
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            save(start);
            store.enrollments().save(contact.value(), 0, contact.events());
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(Optional.empty(), store.enrollments().find(start.value().id()));
        assertEquals(List.of(), store.contactsOf(start.value().id()));
        assertEquals(List.of(), store.events().events());
        assertEquals(0, store.enrollments().countOpen(SITE));
        // and the person can still be enrolled
        save(started(new PersonId("hal"), SITE, T0));
    }

    @Test
    void the_timeline_holds_every_contact_of_the_person_over_enrollments_in_the_order_they_took_place() {
        var ivy = new PersonId("ivy");
        Step<Enrollment> here = started(ivy, SITE, T0);
        Step<Enrollment> there = started(ivy, new SiteId("albany"), T0);
        save(here);
        save(there);
        Instant now = T0.plus(Duration.ofDays(5));
        // recorded late: took place before the next one but recorded after it
        var a = here.value().recordContact(ContactType.COLLATERAL, now.minus(Duration.ofDays(1)), now);
        store.enrollments().save(a.value(), 0, a.events());
        var b = there.value().recordContact(ContactType.TEXT, now.minus(Duration.ofDays(3)), now);
        store.enrollments().save(b.value(), 0, b.events());
        var c = a.value().recordContact(ContactType.OFFICE, now.minus(Duration.ofDays(2)), now.plusSeconds(1));
        store.enrollments().save(c.value(), 1, c.events());
        List<ContactRecorded> expected = List.of(contactsIn(b.events()).get(0), contactsIn(c.events()).get(0),
                contactsIn(a.events()).get(0));
        assertEquals(expected, store.timelineOf(ivy));
        assertEquals(List.of(expected.get(1), expected.get(2)), store.contactsOf(here.value().id()));
        assertEquals(T0, store.enrollments().find(here.value().id()).orElseThrow().lastEngagementAt().minus(
                Duration.ofDays(3)), "the office contact moved the last engagement; the collateral did not");
    }
}

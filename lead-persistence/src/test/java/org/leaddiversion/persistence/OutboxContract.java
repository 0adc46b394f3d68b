/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.CaseloadCapacity;

/**
 * The transactional outbox a host's relay drains: every event a command committed is handed over in log order and
 * marked published once the relay took it; a relay that fails marks nothing; relays running at once never hand the
 * same event twice. Written once, run on H2 and PostgreSQL.
 */
abstract class OutboxContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T17:00:00Z"));
    private LeadDatabase db;
    private PersistentProgramme programme;
    private Outbox outbox;

    abstract LeadDatabase open();

    @BeforeEach
    void three_people_are_diverted() {
        db = open();
        programme = db.programme(clock, IdGenerator.sequential(77), CaseloadCapacity.notTracked());
        programme.policies().put(Fixtures.seattle());
        outbox = db.outbox(clock);
        for (String person : List.of("ana", "bo", "cy")) {
            expect(programme.desk().submit(Fixtures.anArrestDiversion(person).build()), person + "'s diversion");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void the_relay_gets_every_committed_event_once_in_log_order() {
        List<DomainEvent> logged = db.events().events();
        assertEquals(logged.size(), outbox.pending());
        assertTrue(logged.size() >= 3, "each diversion produced its events");

        var relayed = new ArrayList<OutboxEvent>();
        while (outbox.relay(2, relayed::addAll) > 0) {
            assertTrue(relayed.size() <= logged.size(), "nothing handed twice");
        }
        assertEquals(logged, relayed.stream().map(OutboxEvent::event).toList());
        assertEquals(relayed.stream().map(OutboxEvent::sequence).sorted().toList(),
                relayed.stream().map(OutboxEvent::sequence).toList(), "in log order");
        assertEquals(0, outbox.pending());
        assertEquals(0, outbox.relay(10, batch -> { throw new AssertionError("nothing left to relay"); }));

        // a later command's events are the next ones relayed
        expect(programme.desk().submit(Fixtures.anArrestDiversion("dee").build()), "Dee's diversion");
        var next = new ArrayList<OutboxEvent>();
        outbox.relay(100, next::addAll);
        assertEquals(db.events().events().subList(logged.size(), db.events().events().size()),
                next.stream().map(OutboxEvent::event).toList());
    }

    @Test
    void a_relay_that_fails_marks_nothing_and_the_same_batch_comes_again() {
        long pending = outbox.pending();
        var first = new ArrayList<OutboxEvent>();
        var failure = assertThrows(IllegalStateException.class, () -> outbox.relay(2, batch -> {
            first.addAll(batch);
            throw new IllegalStateException("broker down");
        }));
        assertEquals("broker down", failure.getMessage());
        assertEquals(pending, outbox.pending(), "nothing was marked published");

        var again = new ArrayList<OutboxEvent>();
        assertEquals(2, outbox.relay(2, again::addAll));
        assertEquals(first, again);
        assertEquals(pending - 2, outbox.pending());
    }

    @Test
    void a_batch_size_out_of_range_names_the_field() {
        for (int max : new int[] {0, -1, Outbox.MAX_BATCH + 1}) {
            var e = assertThrows(InvalidValueException.class, () -> outbox.relay(max, batch -> { }));
            assertEquals("max", e.field());
        }
        assertThrows(InvalidValueException.class, () -> outbox.relay(1, null));
    }

    @Test
    void relays_running_at_once_hand_each_event_over_exactly_once() throws Exception {
        for (int i = 0; i < 20; i++) {
            expect(programme.desk().submit(Fixtures.anArrestDiversion("person-" + i).build()), "diversion " + i);
        }
        long total = outbox.pending();
        List<OutboxEvent> relayed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> handed = Races.race(4, k -> () -> {
            int n = 0;
            int got;
            do {
                got = outbox.relay(3, relayed::addAll);
                n += got;
            } while (got > 0 || outbox.pending() > 0);
            return n;
        });
        assertEquals(total, handed.stream().mapToLong(Integer::longValue).sum());
        assertEquals(total, relayed.size());
        assertEquals(total, relayed.stream().map(OutboxEvent::sequence).distinct().count(), "no event twice");
        assertEquals(0, outbox.pending());
    }
}

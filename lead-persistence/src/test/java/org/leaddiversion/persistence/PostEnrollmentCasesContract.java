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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryPostEnrollmentCases;
import org.leaddiversion.domain.memory.InMemorySitePolicies;
import org.leaddiversion.domain.memory.InMemoryStore;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.CoordinationDesk;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.PostEnrollmentCaseId;
import org.leaddiversion.domain.prosecution.PostEnrollmentCases;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.prosecution.RecordedDecision;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.quicktheories.core.Gen;

/**
 * The behaviour every store of post-enrollment cases must have, written once and run against the in-memory fake, H2
 * and PostgreSQL: a case comes back as the coordination desk left it at every step, the liaison prosecutor's queue
 * ({@code openConsultations}) is the in-memory answer, a stale write is a conflict naming the case and versions that
 * writes nothing, and a failed transaction leaves nothing behind.
 */
abstract class PostEnrollmentCasesContract {

    static final Instant T0 = Instant.parse("2026-03-02T17:00:00Z");
    static final SiteId SEATTLE = Fixtures.SEATTLE;
    static final EnrollmentId ENROLLMENT = new EnrollmentId(new UUID(8, 1));

    CaseStore store;
    MutableClock clock;

    abstract CaseStore open(MutableClock clock);

    @BeforeEach
    void openStore() {
        clock = new MutableClock(T0);
        store = open(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Everything a case holds, for comparison (the aggregate has no equals of its own). */
    static List<Object> state(PostEnrollmentCase c) {
        return List.of(c.id(), c.person(), c.site(), c.openEnrollment(), c.offences(), c.filedOrArrestedAt(),
                c.flags(), c.version(), c.legalMatters(), c.consultation(), c.caseManagerInput(), c.decision(),
                c.referral());
    }

    static List<List<Object>> states(List<PostEnrollmentCase> cases) {
        return cases.stream().map(PostEnrollmentCasesContract::state).toList();
    }

    static Optional<List<Object>> state(Optional<PostEnrollmentCase> c) {
        return c.map(PostEnrollmentCasesContract::state);
    }

    CoordinationDesk desk(PostEnrollmentCases cases, org.leaddiversion.domain.common.Transactions tx, long seed) {
        var policies = new InMemorySitePolicies(clock).put(Fixtures.seattle());
        return new CoordinationDesk(clock, IdGenerator.sequential(seed), policies,
                (person, site) -> person.value().equals("P1") ? Optional.of(ENROLLMENT) : Optional.empty(), cases, tx);
    }

    static <T> T accepted(Outcome<T> out) {
        assertTrue(out.isSuccess(), () -> "rejected: " + out);
        return out.value();
    }

    @Test
    void a_case_comes_back_as_the_desk_left_it_at_every_step_with_its_events() {
        CoordinationDesk desk = desk(store.cases(), store.transactions(), 1);
        var offences = List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR),
                new Offence(org.leaddiversion.domain.policy.OffenceCode.of("THEFT_LOW_LEVEL"), OffenceLevel.FELONY, true));
        var matters = List.of(new LegalMatter(LegalMatter.Kind.WARRANT, LocalDate.of(2025, 12, 1)),
                new LegalMatter(LegalMatter.Kind.COURT_DATE, LocalDate.of(2026, 4, 9)),
                new LegalMatter(LegalMatter.Kind.PRE_EXISTING_CASE, LocalDate.of(2024, 1, 5)));
        var events = new ArrayList<DomainEvent>();
        Outcome<PostEnrollmentCase> flagged = desk.recordCase(Fixtures.PROSECUTOR, new PersonId("P1"), SEATTLE,
                offences, matters, T0.minus(Duration.ofDays(1)));
        PostEnrollmentCase c = accepted(flagged);
        events.addAll(flagged.events());
        assertTrue(c.isLeadParticipant());
        assertEquals(state(Optional.of(c)), state(store.cases().find(c.id())));
        assertEquals(List.of(), store.cases().openConsultations(SEATTLE));

        clock.advance(Duration.ofHours(2));
        Outcome<PostEnrollmentCase> requested = desk.requestConsultation(c.id(), Fixtures.PROSECUTOR);
        c = accepted(requested);
        events.addAll(requested.events());
        assertEquals(state(Optional.of(c)), state(store.cases().find(c.id())));
        assertEquals(List.of(state(c)), states(store.cases().openConsultations(SEATTLE)));

        clock.advance(Duration.ofDays(3));
        Outcome<PostEnrollmentCase> input = desk.recordCaseManagerInput(c.id(), Fixtures.CASE_MANAGER,
                "engaged weekly; housing application in progress");
        c = accepted(input);
        events.addAll(input.events());
        assertEquals(state(Optional.of(c)), state(store.cases().find(c.id())));

        clock.advance(Duration.ofDays(1));
        Outcome<PostEnrollmentCase> decided = desk.recordDecision(c.id(), Fixtures.PROSECUTOR,
                ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION, Optional.empty(), Optional.of("plan progress"),
                false);
        c = accepted(decided);
        events.addAll(decided.events());
        assertEquals(3, c.version());
        assertEquals(state(Optional.of(c)), state(store.cases().find(c.id())));
        assertEquals(List.of(), store.cases().openConsultations(SEATTLE));
        assertEquals(List.of(state(c)), states(store.cases().of(new PersonId("P1"), SEATTLE)));
        assertEquals(List.of(), store.cases().of(new PersonId("P1"), new SiteId("santa-fe")));
        assertEquals(events, store.events().events());
        assertEquals(Optional.empty(), store.cases().find(new PostEnrollmentCaseId(new UUID(9, 9))));
    }

    @Test
    void a_restored_case_with_its_referral_agencies_and_a_waiver_comes_back_equal() {
        Actor liaison = new Actor(new ActorId("lp-7"), Role.LIAISON_PROSECUTOR, Optional.of("City Attorney"));
        Actor cm = new Actor(new ActorId("cm-3"), Role.CASE_MANAGER, Optional.of("Evergreen Treatment"));
        PostEnrollmentCase c = PostEnrollmentCase.restore(new PostEnrollmentCaseId(new UUID(3, 3)),
                new PersonId("P9"), SEATTLE, Optional.empty(), List.of(Offence.of("TRESPASS", OffenceLevel.MISDEMEANOR)),
                T0, 2, List.of(), Optional.empty(),
                Optional.of(new org.leaddiversion.domain.prosecution.CaseManagerInput(cm, "line one\nline two", T0)),
                Optional.of(new RecordedDecision(ChargingDecision.DECLINE, liaison, T0.plusSeconds(5),
                        Optional.of("victim unreachable"), Optional.empty(), true)),
                Optional.of(new ReferralId(new UUID(4, 4))));
        store.cases().save(c, -1, List.of());
        assertEquals(Optional.of(state(c)), state(store.cases().find(c.id())));
        assertEquals(List.of(state(c)), states(store.cases().all()));
    }

    /** One step of a case's life: which command, by which role. */
    record Step(int command, Role role, boolean waiver) {
    }

    static Gen<List<Step>> steps() {
        return in -> {
            var out = new ArrayList<Step>();
            int n = LeadGenerators.between(in, 0, 5);
            for (int i = 0; i < n; i++) {
                out.add(new Step(LeadGenerators.between(in, 0, 2),
                        LeadGenerators.pick(in, List.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR, Role.CASE_MANAGER,
                                Role.OFFICER)), LeadGenerators.chance(in, 50)));
            }
            return out;
        };
    }

    /** A case to record: person, site, offences, legal matters, and the steps that follow. */
    record Script(String person, SiteId site, List<Offence> offences, List<LegalMatter> matters, List<Step> steps) {
    }

    static Gen<Script> scripts() {
        return in -> {
            var offences = new ArrayList<Offence>();
            for (String code : LeadGenerators.OFFENCES) {
                if (!offences.isEmpty() && LeadGenerators.chance(in, 70)) {
                    continue;
                }
                offences.add(new Offence(org.leaddiversion.domain.policy.OffenceCode.of(code),
                        LeadGenerators.pick(in, List.of(OffenceLevel.values())), LeadGenerators.chance(in, 20)));
            }
            var matters = new ArrayList<LegalMatter>();
            int m = LeadGenerators.between(in, 0, 3);
            for (int i = 0; i < m; i++) {
                matters.add(new LegalMatter(LeadGenerators.pick(in, List.of(LegalMatter.Kind.values())),
                        LocalDate.of(2024, 1, 1).plusDays(LeadGenerators.between(in, 0, 900))));
            }
            return new Script(LeadGenerators.pick(in, LeadGenerators.PEOPLE),
                    LeadGenerators.chance(in, 80) ? SEATTLE : new SiteId("elsewhere"), offences, matters,
                    steps().generate(in));
        };
    }

    @Test
    void any_case_history_comes_back_equal_and_the_queue_matches_the_in_memory_answer() {
        var reference = new InMemoryPostEnrollmentCases(new InMemoryStore());
        var seed = new AtomicInteger(100);
        var expected = new HashMap<PostEnrollmentCaseId, PostEnrollmentCase>();
        // both stores see exactly the same saves: the desk writes to the store under test and to the reference
        PostEnrollmentCases both = new PostEnrollmentCases() {
            public Optional<PostEnrollmentCase> find(PostEnrollmentCaseId id) {
                return Optional.ofNullable(expected.get(id));
            }

            public List<PostEnrollmentCase> of(PersonId person, SiteId site) {
                return reference.of(person, site);
            }

            public List<PostEnrollmentCase> openConsultations(SiteId site) {
                return reference.openConsultations(site);
            }

            public void save(PostEnrollmentCase c, long expectedVersion, List<DomainEvent> events) {
                store.cases().save(c, expectedVersion, events);
                reference.save(c, expectedVersion, events);
                expected.put(c.id(), c);
            }

            public List<PostEnrollmentCase> all() {
                return reference.all();
            }
        };
        var policies = new InMemorySitePolicies(clock).put(Fixtures.seattle());
        qt().withExamples(40).forAll(scripts()).checkAssert(script -> {
            var desk = new CoordinationDesk(clock, IdGenerator.sequential(seed.incrementAndGet()), policies,
                    (person, site) -> person.value().equals("P1") ? Optional.of(ENROLLMENT) : Optional.empty(),
                    both, store.transactions());
            clock.advance(Duration.ofMinutes(7));
            Outcome<PostEnrollmentCase> recorded = desk.recordCase(Fixtures.PROSECUTOR, new PersonId(script.person()),
                    script.site(), script.offences(), script.matters(), clock.instant().minusSeconds(3600));
            if (!recorded.isSuccess()) {
                return;
            }
            PostEnrollmentCaseId id = recorded.value().id();
            for (Step step : script.steps()) {
                clock.advance(Duration.ofMinutes(11));
                Actor actor = Actor.of("actor-" + step.role(), step.role());
                switch (step.command()) {
                    case 0 -> desk.requestConsultation(id, actor);
                    case 1 -> desk.recordCaseManagerInput(id, actor, "summary at " + clock.instant());
                    default -> desk.recordDecision(id, actor, ChargingDecision.HOLD_PENDING_OWG,
                            step.waiver() ? Optional.of("urgent filing") : Optional.empty(), Optional.empty(), false);
                }
            }
            assertEquals(state(Optional.ofNullable(expected.get(id))), state(store.cases().find(id)));
            assertEquals(states(reference.openConsultations(SEATTLE)), states(store.cases().openConsultations(SEATTLE)));
            assertEquals(states(reference.of(new PersonId(script.person()), script.site())),
                    states(store.cases().of(new PersonId(script.person()), script.site())));
        });
        assertEquals(states(reference.all()), states(store.cases().all()));
    }

    @Test
    void a_stale_write_is_a_conflict_naming_the_case_and_versions_and_writes_nothing() {
        CoordinationDesk desk = desk(store.cases(), store.transactions(), 2);
        PostEnrollmentCase c = accepted(desk.recordCase(Fixtures.PROSECUTOR, new PersonId("P1"), SEATTLE,
                List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR)), List.of(), T0));
        var first = c.requestConsultation(Fixtures.PROSECUTOR, T0, 14);
        store.cases().save(first.value(), 0, first.events());
        int events = store.events().events().size();
        // a second writer still holding version 0
        var second = c.recordCaseManagerInput(Fixtures.CASE_MANAGER, "late summary", T0.plusSeconds(9));
        var conflict = assertThrows(ConcurrentUpdateException.class,
                () -> store.cases().save(second.value(), 0, second.events()));
        String message = conflict.getMessage();
        assertTrue(message.contains("PostEnrollmentCase") && message.contains(c.id().toString())
                && message.contains("expected version 0") && message.contains("found 1"), message);
        assertEquals(state(Optional.of(first.value())), state(store.cases().find(c.id())));
        assertEquals(events, store.events().events().size(), "the loser's events were not written");
        // a new case under an id that exists is a conflict too
        assertThrows(ConcurrentUpdateException.class, () -> store.cases().save(c, -1, List.of()));
    }

    @Test
    void concurrent_consultation_requests_on_one_case_one_wins_the_rest_conflict() throws Exception {
        CoordinationDesk desk = desk(store.cases(), store.transactions(), 3);
        PostEnrollmentCase c = accepted(desk.recordCase(Fixtures.PROSECUTOR, new PersonId("P1"), SEATTLE,
                List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR)), List.of(), T0));
        int writers = 8;
        long won = Races.committed(writers, k -> {
            var requested = c.requestConsultation(Actor.of("p-" + k, Role.PROSECUTOR), T0.plusSeconds(k), 14);
            store.transactions().inTransaction(() -> {
                store.cases().save(requested.value(), 0, requested.events());
                return null;
            });
        });
        assertEquals(1, won, "exactly one request is stored");
        assertEquals(1, store.events().events().stream()
                .filter(ProsecutionEvent.ConsultationRequested.class::isInstance).count());
        assertEquals(1, store.cases().find(c.id()).orElseThrow().version());
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind() {
        var flagged = PostEnrollmentCase.flag(IdGenerator.sequential(5), new PersonId("P2"), SEATTLE,
                Optional.of(ENROLLMENT), List.of(Offence.of("TRESPASS", OffenceLevel.MISDEMEANOR)),
                List.of(new LegalMatter(LegalMatter.Kind.WARRANT, LocalDate.of(2026, 1, 2))), T0, T0);
        PostEnrollmentCase c = accepted(flagged);
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.cases().save(flagged.value(), -1, flagged.events());
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(Optional.empty(), store.cases().find(c.id()));
        assertEquals(List.of(), store.cases().all());
        assertEquals(List.of(), store.events().events());
        // the same case can then be stored
        store.cases().save(flagged.value(), -1, flagged.events());
        assertEquals(state(Optional.of(flagged.value())), state(store.cases().find(c.id())));
    }
}

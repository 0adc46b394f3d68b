/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.persistence.jooq.Tables.DIVERTED_CASE;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SCREENING_REASON;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * The behaviour every store of referrals must have, written once and run against the in-memory fake, H2 and
 * PostgreSQL. Referrals are made by the real domain (generated policies and submissions, random walks of desk
 * commands, clock moves and sweeps) and fed to the store in the order the desk saved them: every version comes back
 * with an equal state, the sweep query agrees with {@link Referral#isLapseDue} to the nanosecond, pending intakes are
 * counted per site, a stale write is a conflict that writes nothing, and events go in, in order, with their referral
 * or not at all. On a database, the query columns and the screening and held-charge tables agree with the state.
 */
abstract class ReferralsContract {

    static final Instant MONDAY = Instant.parse("2026-03-02T17:00:00Z");

    ReferralStore store;
    /** The last saved version of every referral in the store, as the test saved it. */
    final Map<ReferralId, Referral> saved = new LinkedHashMap<>();
    /** Every event the test saved, in order. */
    final List<DomainEvent> savedEvents = new ArrayList<>();

    abstract ReferralStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Saves each referral's versions in order, as the desk did, checking that each comes back equal. */
    void save(ReferralWalks.Walk walk) {
        for (List<ReferralWalks.Saved> history : walk.histories()) {
            long expected = -1;
            for (ReferralWalks.Saved s : history) {
                store.referrals().save(s.referral(), expected, s.events());
                savedEvents.addAll(s.events());
                expected = s.referral().version();
                Referral back = store.referrals().find(s.referral().id()).orElseThrow();
                assertEquals(s.referral().state(), back.state(), walk::story);
                saved.put(s.referral().id(), s.referral());
            }
        }
    }

    @Test
    void referrals_in_every_state_and_every_state_of_a_held_charge_come_back_equal() {
        qt().withFixedSeed(20_261_122L).withExamples(120).forAll(ReferralWalks.walks()).checkAssert(this::save);
        List<Referral> finals = List.copyOf(saved.values());
        assertEquals(EnumSet.allOf(ReferralStatus.class), ReferralWalks.statuses(finals));
        assertEquals(EnumSet.allOf(DivertedCaseStatus.class), ReferralWalks.chargeStatuses(finals));
        assertEquals(states(finals), states(store.referrals().all()));
        for (Referral r : finals) {
            assertEquals(r.state(), store.referrals().find(r.id()).orElseThrow().state());
            projectionAgrees(r);
        }
        assertEquals(savedEvents, store.events().events(), "every event, in the order saved");
    }

    @Test
    void any_generated_referral_saved_and_loaded_has_an_equal_state_and_its_events_in_order() {
        qt().withExamples(60).forAll(ReferralWalks.walks()).checkAssert(walk -> {
            int before = store.events().events().size();
            int eventsOfWalk = walk.histories().stream().flatMap(List::stream).mapToInt(s -> s.events().size()).sum();
            save(walk);
            for (Referral r : walk.finals()) {
                projectionAgrees(r);
            }
            List<DomainEvent> all = store.events().events();
            assertEquals(savedEvents.subList(savedEvents.size() - eventsOfWalk, savedEvents.size()),
                    all.subList(before, all.size()), walk::story);
        });
    }

    @Test
    void due_for_lapse_agrees_with_the_referral_to_the_nanosecond() {
        qt().withExamples(60).forAll(ReferralWalks.walks(), LeadGenerators.referralInstants()).checkAssert((walk, at) -> {
            save(walk);
            var instants = new ArrayList<Instant>(List.of(at));
            for (Referral r : walk.finals()) {
                Instant late = r.intakeDeadline().firstLateInstant();
                instants.addAll(List.of(late.minusNanos(1), late, late.plusNanos(1), late.minusSeconds(86_400),
                        r.referredAt()));
            }
            for (Instant now : instants) {
                Set<ReferralId> due = saved.values().stream().filter(r -> r.isLapseDue(now)).map(Referral::id)
                        .collect(Collectors.toSet());
                List<ReferralId> found = store.referrals().dueForLapse(now);
                assertEquals(due, Set.copyOf(found), () -> "at " + now + "\n" + walk.story());
                assertEquals(found.size(), Set.copyOf(found).size(), "each due referral once");
            }
        });
    }

    @Test
    void pending_intakes_are_counted_per_site() {
        qt().withExamples(40).forAll(ReferralWalks.walks()).checkAssert(walk -> {
            save(walk);
            Set<SiteId> sites = new HashSet<>(Set.of(new SiteId("nowhere")));
            saved.values().forEach(r -> sites.add(r.submission().site()));
            for (SiteId site : sites) {
                long pending = saved.values().stream().filter(r -> r.submission().site().equals(site)
                        && r.status() == ReferralStatus.PENDING_INTAKE).count();
                assertEquals(pending, store.referrals().countPendingIntake(site), () -> site + "\n" + walk.story());
            }
        });
    }

    /** A Seattle arrest diversion submitted at {@link #MONDAY} through an in-memory desk. */
    record Submitted(InMemoryProgramme programme, SitePolicy policy, Outcome<Referral> outcome) {
        Referral referral() {
            return outcome.value();
        }
    }

    static Submitted submitted(String person) {
        var clock = new MutableClock(MONDAY);
        var seattle = Fixtures.seattle();
        // each submission numbers its ids from its own seed, so two never share an id
        var programme = new InMemoryProgramme(clock, IdGenerator.sequential(31L * person.hashCode()),
                CaseloadCapacity.notTracked());
        programme.policies().put(seattle);
        Outcome<Referral> out = programme.desk().submit(Fixtures.anArrestDiversion(person).build());
        assertTrue(out.isSuccess(), () -> "submitted: " + out.errors());
        return new Submitted(programme, seattle.version(out.value().policyVersion()).orElseThrow(), out);
    }

    @Test
    void a_stale_write_is_a_conflict_naming_the_referral_and_versions_and_writes_nothing() {
        Submitted s = submitted("maria");
        Referral r0 = s.referral();
        store.referrals().save(r0, -1, s.outcome().events());
        Instant later = MONDAY.plus(Duration.ofMinutes(20));
        Outcome<Referral> first = r0.recordDecline(Fixtures.CASE_MANAGER, later);
        store.referrals().save(first.value(), 0, first.events());
        List<DomainEvent> events = store.events().events();
        Map<String, Object> rows = rows(r0.id());

        // a second writer still holding version 0
        Outcome<Referral> second = r0.withdraw(Fixtures.CASE_MANAGER, "moved away", later, s.policy());
        assertTrue(second.isSuccess());
        var conflict = assertThrows(ConcurrentUpdateException.class,
                () -> store.referrals().save(second.value(), 0, second.events()));
        assertEquals("Referral", conflict.aggregate());
        assertEquals(r0.id().toString(), conflict.id());
        assertEquals(0, conflict.expectedVersion());
        assertEquals(1, conflict.actualVersion());
        assertTrue(conflict.getMessage().contains(r0.id().toString()), conflict.getMessage());
        assertEquals(first.value().state(), store.referrals().find(r0.id()).orElseThrow().state());
        assertEquals(events, store.events().events(), "the loser's events were not written");
        assertEquals(rows, rows(r0.id()), "the projections were not touched");

        // saving as new a referral whose id exists is a conflict too
        var again = assertThrows(ConcurrentUpdateException.class,
                () -> store.referrals().save(r0, -1, s.outcome().events()));
        assertEquals(-1, again.expectedVersion());
        assertEquals(1, again.actualVersion());
        // and so is a change to a referral that was never stored
        Submitted other = submitted("dee");
        Referral changed = other.referral().recordDecline(Fixtures.CASE_MANAGER, later).value();
        var missing = assertThrows(ConcurrentUpdateException.class,
                () -> store.referrals().save(changed, 0, List.of()));
        assertEquals(-1, missing.actualVersion());
        assertEquals(Optional.empty(), store.referrals().find(other.referral().id()));
        assertEquals(events, store.events().events());
    }

    @Test
    void concurrent_changes_of_one_referral_one_wins_the_rest_conflict_and_none_is_lost() throws Exception {
        Submitted s = submitted("bea");
        Referral r0 = s.referral();
        store.referrals().save(r0, -1, s.outcome().events());
        int writers = 8;
        long won = Races.committed(writers, k -> {
            Instant at = MONDAY.plusSeconds(10 + k);
            Outcome<Referral> change = k % 2 == 0 ? r0.recordDecline(Fixtures.CASE_MANAGER, at)
                    : r0.withdraw(Fixtures.CASE_MANAGER, "moved away", at, s.policy());
            store.transactions().inTransaction(() -> {
                store.referrals().save(change.value(), 0, change.events());
                return null;
            });
        });
        assertEquals(1, won, "exactly one change is stored");
        Referral stored = store.referrals().find(r0.id()).orElseThrow();
        assertEquals(1, stored.version());
        // the winner's one event follows the submission's
        assertEquals(s.outcome().events().size() + 1, store.events().events().size());
    }

    @Test
    void events_go_in_order_with_their_referral_and_roll_back_with_it() {
        Submitted s = submitted("cy");
        Referral r0 = s.referral();
        store.referrals().save(r0, -1, s.outcome().events());
        assertEquals(s.outcome().events(), store.events().events(), "the submission's events, in order");
        Map<String, Object> rows = rows(r0.id());

        Outcome<Referral> declined = r0.recordDecline(Fixtures.CASE_MANAGER, MONDAY.plusSeconds(60));
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.referrals().save(declined.value(), 0, declined.events());
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(r0.state(), store.referrals().find(r0.id()).orElseThrow().state());
        assertEquals(s.outcome().events(), store.events().events());
        assertEquals(rows, rows(r0.id()));

        // a new referral whose transaction fails leaves nothing at all
        Submitted other = submitted("di");
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.referrals().save(other.referral(), -1, other.outcome().events());
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(Optional.empty(), store.referrals().find(other.referral().id()));
        assertEquals(List.of(r0.id()), store.referrals().all().stream().map(Referral::id).toList());
        assertEquals(s.outcome().events(), store.events().events());
    }

    // ---- the database's projections ----------------------------------------------------------------------------

    private Optional<DSLContext> dsl() {
        return store.database().map(db -> ((JooqTransactions) db.transactions()).dsl());
    }

    /** The rows a referral owns in every table (empty for the in-memory fake), for "nothing was written" checks. */
    private Map<String, Object> rows(ReferralId id) {
        var out = new HashMap<String, Object>();
        dsl().ifPresent(dsl -> {
            out.put("referral", dsl.selectFrom(REFERRAL).where(REFERRAL.ID.eq(id.value())).fetch().intoMaps());
            out.put("reasons", dsl.selectFrom(SCREENING_REASON).where(SCREENING_REASON.REFERRAL_ID.eq(id.value()))
                    .orderBy(SCREENING_REASON.ORDINAL).fetch().intoMaps());
            out.put("charge", dsl.selectFrom(DIVERTED_CASE).where(DIVERTED_CASE.REFERRAL_ID.eq(id.value()))
                    .fetch().intoMaps());
        });
        return out;
    }

    /** The query columns, the screening reasons and the held charge agree with the referral's state. */
    private void projectionAgrees(Referral r) {
        dsl().ifPresent(dsl -> {
            var row = dsl.selectFrom(REFERRAL).where(REFERRAL.ID.eq(r.id().value())).fetchOne();
            assertEquals(r.version(), row.getVersion());
            assertEquals(r.status().name(), row.getStatus());
            assertEquals(r.door().name(), row.getDoor());
            assertEquals(r.submission().site().value(), row.getSiteId());
            assertEquals(r.submission().person().id().value(), row.getPersonId());
            assertEquals(r.intakeDeadline().date(), row.getIntakeDeadline());
            assertEquals(r.status().isTerminal() ? null : r.intakeDeadline().firstLateInstant(),
                    row.getLapseDueAt() == null ? null : row.getLapseDueAt().toInstant());
            assertEquals(r.enrollment().map(e -> e.value()).orElse(null), row.getEnrollmentId());
            assertEquals(r.divertedCase().map(c -> c.status().name()).orElse(null), row.getDivertedCaseStatus());
            assertEquals(r.submission().person().demographics().race().orElse(null), row.getRace());
            var reasons = dsl.selectFrom(SCREENING_REASON).where(SCREENING_REASON.REFERRAL_ID.eq(r.id().value()))
                    .orderBy(SCREENING_REASON.ORDINAL).fetch();
            var decision = r.screening();
            assertEquals(decision.findings().size() + decision.notes().size() + decision.rejections().size(),
                    reasons.size());
            for (int i = 0; i < decision.findings().size(); i++) {
                assertEquals("FINDING", reasons.get(i).getKind());
                assertEquals(decision.findings().get(i).exclusion().name(), reasons.get(i).getExclusion());
                assertEquals(decision.findings().get(i).fact(), reasons.get(i).getMessage());
            }
            var charge = dsl.selectFrom(DIVERTED_CASE).where(DIVERTED_CASE.REFERRAL_ID.eq(r.id().value())).fetch();
            assertEquals(r.divertedCase().map(c -> List.of(c.id().value(), c.status().name())).orElse(null),
                    charge.isEmpty() ? null : List.of(charge.get(0).getId(), charge.get(0).getStatus()));
        });
    }

    private static Set<Referral.State> states(List<Referral> referrals) {
        return referrals.stream().map(Referral::state).collect(Collectors.toSet());
    }
}

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentGenerators;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.consent.DisclosurePolicy;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The behaviour every store of consents and disclosures must have, written once and run against the in-memory fakes,
 * H2 and PostgreSQL: what is saved comes back equal, a stale write is a conflict that writes nothing, events go in
 * with their aggregate, the disclosure log numbers every decision once without gaps, and a failed transaction leaves
 * nothing behind.
 */
abstract class ConsentsContract {

    static final Instant SIGNED = Instant.parse("2026-03-02T17:00:00Z");

    ConsentStore store;

    abstract ConsentStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Consent roi(int n, PersonId person) {
        return Consent.signed(new ConsentId(new UUID(77, n)), person, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT, Role.PROSECUTOR), Set.of(Purpose.COURT_PROGRESS, Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), SIGNED, Optional.of(SIGNED.plus(
                        Duration.ofDays(365))));
    }

    static DomainEvent recorded(Consent c) {
        return new DisclosureEvent.ConsentSigned(c.id(), c.participant(), c.type(), new ActorId("cm-1"),
                c.signedAt());
    }

    @Test
    void a_saved_consent_comes_back_equal_and_is_found_by_participant() {
        Consent maria = roi(1, new PersonId("maria"));
        Consent dee = roi(2, new PersonId("dee"));
        store.consents().save(maria, -1, List.of(recorded(maria)));
        store.consents().save(dee, -1, List.of(recorded(dee)));
        assertEquals(Optional.of(maria), store.consents().find(maria.id()));
        assertEquals(List.of(maria), store.consents().of(new PersonId("maria")));
        assertEquals(Set.of(maria, dee), Set.copyOf(store.consents().all()));
        assertEquals(Optional.empty(), store.consents().find(new ConsentId(new UUID(9, 9))));
        assertEquals(List.of(recorded(maria), recorded(dee)), store.events().events());
    }

    @Test
    void any_generated_consent_saved_and_revoked_comes_back_equal() {
        var n = new AtomicInteger();
        qt().withExamples(60).forAll(ConsentGenerators.consents()).checkAssert(generated -> {
            // a fresh id per example: the store keeps what earlier examples saved
            Consent c = new Consent(new ConsentId(new UUID(5, n.incrementAndGet())), generated.participant(),
                    generated.type(), generated.recipientRoles(), generated.recipientAgencies(), generated.purposes(),
                    generated.dataClasses(), generated.signedAt(), generated.expiresAt(), Optional.empty());
            store.consents().save(c, -1, List.of());
            assertEquals(Optional.of(c), store.consents().find(c.id()));
            Consent revoked = c.revoke(c.signedAt().plusSeconds(1), new ActorId("cm-1")).value();
            store.consents().save(revoked, c.version(), List.of());
            assertEquals(Optional.of(revoked), store.consents().find(c.id()));
        });
    }

    @Test
    void a_stale_revocation_is_a_conflict_naming_the_consent_and_versions_and_writes_nothing() {
        Consent c = roi(3, new PersonId("ana"));
        store.consents().save(c, -1, List.of());
        var by = new ActorId("cm-1");
        var first = c.revoke(SIGNED.plusSeconds(60), by);
        store.consents().save(first.value(), 0, first.events());
        int events = store.events().events().size();
        // a second writer still holding version 0
        var second = c.revoke(SIGNED.plusSeconds(120), by);
        var conflict = assertThrows(ConcurrentUpdateException.class,
                () -> store.consents().save(second.value(), 0, second.events()));
        assertTrue(conflict.getMessage().contains("Consent"), conflict.getMessage());
        assertTrue(conflict.getMessage().contains(c.id().toString()), conflict.getMessage());
        assertEquals(Optional.of(first.value()), store.consents().find(c.id()));
        assertEquals(events, store.events().events().size(), "the loser's events were not written");
        // saving a new consent under an id that exists is a conflict too
        assertThrows(ConcurrentUpdateException.class, () -> store.consents().save(c, -1, List.of()));
    }

    @Test
    void concurrent_revocations_of_one_consent_one_wins_the_rest_conflict_and_none_is_lost() throws Exception {
        Consent c = roi(4, new PersonId("bea"));
        store.consents().save(c, -1, List.of());
        int writers = 8;
        long won = Races.committed(writers, k -> {
            var revoked = c.revoke(SIGNED.plusSeconds(10 + k), new ActorId("cm-" + k));
            store.transactions().inTransaction(() -> {
                store.consents().save(revoked.value(), 0, revoked.events());
                return null;
            });
        });
        assertEquals(1, won, "exactly one revocation is stored");
        assertEquals(1, store.events().events().stream()
                .filter(DisclosureEvent.ConsentRevoked.class::isInstance).count());
        assertTrue(store.consents().find(c.id()).orElseThrow().revokedAt().isPresent());
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind() {
        Consent c = roi(5, new PersonId("cy"));
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.consents().save(c, -1, List.of(recorded(c)));
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(Optional.empty(), store.consents().find(c.id()));
        assertEquals(List.of(), store.events().events());
    }

    @Test
    void the_disclosure_log_keeps_every_decision_once_numbered_without_gaps_with_its_event() {
        var policy = new DisclosurePolicy();
        PersonId maria = new PersonId("maria");
        Consent c = roi(6, maria);
        store.consents().save(c, -1, List.of());
        Actor cm = Actor.of("cm-1", Role.CASE_MANAGER);
        var expected = new ArrayList<DisclosureLog.Entry>();
        var decisions = List.of(
                org.leaddiversion.domain.consent.DisclosureRequest.of(cm, Role.COURT, maria,
                        Set.of(DataClass.ENROLLMENT_STATUS), Purpose.COURT_PROGRESS),
                org.leaddiversion.domain.consent.DisclosureRequest.of(cm, Role.OFFICER, maria,
                        Set.of(DataClass.PLAN_SUMMARY), Purpose.EVIDENCE),
                org.leaddiversion.domain.consent.DisclosureRequest.of(cm, Role.COURT, new PersonId("dee"),
                        Set.of(DataClass.PLAN_SUMMARY), Purpose.COURT_PROGRESS));
        Instant at = SIGNED.plus(Duration.ofDays(3));
        for (var request : decisions) {
            DisclosureDecision d = policy.decide(request, store.consents().of(request.participant()), at);
            DisclosureLog.Entry entry = store.disclosureLog().record(d);
            assertEquals(DisclosureLog.Entry.of(expected.size() + 1L, d), entry);
            expected.add(entry);
        }
        assertEquals(expected, store.disclosureLog().entries());
        assertEquals(expected.subList(0, 2), store.disclosureLog().entriesAbout(maria));
        assertEquals(List.of(true, false, false), expected.stream().map(DisclosureLog.Entry::granted).toList());
        assertEquals(3, store.events().events().size(), "one event per decision");
        // a decision whose transaction fails gives its number back
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.disclosureLog().record(policy.decide(decisions.get(0), List.of(c), at));
            throw new IllegalStateException("rolled back");
        }));
        DisclosureLog.Entry next = store.disclosureLog().record(policy.decide(decisions.get(0), List.of(c), at));
        assertEquals(4, next.sequence());
    }

    @Test
    void events_between_two_instants_come_back_in_log_order() {
        Consent a = roi(7, new PersonId("a"));
        Consent b = Consent.signed(new ConsentId(new UUID(77, 8)), new PersonId("b"), ConsentType.PART2,
                Set.of(Role.PROSECUTOR), Set.of(Purpose.LEGAL_COORDINATION), Set.of(DataClass.SUD_PART2),
                SIGNED.plus(Duration.ofDays(2)), Optional.empty());
        store.consents().save(a, -1, List.of(recorded(a)));
        store.consents().save(b, -1, List.of(recorded(b)));
        assertEquals(List.of(recorded(b)), store.events().between(SIGNED, SIGNED.plus(Duration.ofDays(2))));
        assertEquals(List.of(recorded(a), recorded(b)),
                store.events().between(SIGNED.minusSeconds(1), SIGNED.plus(Duration.ofDays(3))));
    }
}

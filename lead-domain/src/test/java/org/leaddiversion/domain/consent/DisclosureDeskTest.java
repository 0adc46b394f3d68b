/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.rules.RuleCatalogue;

/**
 * The disclosure desk through an in-memory programme: who records and revokes consents, what a revocation does (and
 * that it happens once), and that every disclosure decision — granted or refused — is logged exactly once with its
 * event, in one transaction, against the consents the port holds at that instant.
 */
@DisplayName("Disclosure desk")
class DisclosureDeskTest {

    private static final PersonId ANA = new PersonId("ana");
    private static final Actor CM = Fixtures.CASE_MANAGER;
    private static final Set<Role> COURT = Set.of(Role.COURT);
    private static final Set<Purpose> PROGRESS = Set.of(Purpose.COURT_PROGRESS);
    private static final Set<DataClass> STATUS = Set.of(DataClass.ENROLLMENT_STATUS);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T17:00:00Z"));
    private final InMemoryProgramme programme = programme(clock, Fixtures.seattle());
    private final DisclosureDesk desk = programme.disclosure();

    private static DisclosureRequest courtProgress() {
        return DisclosureRequest.of(CM, Role.COURT, ANA, STATUS, Purpose.COURT_PROGRESS);
    }

    private Outcome<Consent> roi(Actor recordedBy) {
        return desk.recordConsent(recordedBy, ANA, ConsentType.MULTI_PARTY_ROI, COURT, Set.of(), PROGRESS, STATUS,
                Optional.empty());
    }

    private void rulesHold() {
        var violations = RuleCatalogue.checkAll(programme.record());
        assertTrue(violations.isEmpty(), violations::toString);
    }

    @Test
    void consents_are_recorded_by_the_participant_or_staff_on_her_word_never_by_the_justice_system() {
        for (Actor a : List.of(Actor.of("ana", Role.PARTICIPANT), CM, Actor.of("ow-1", Role.OUTREACH_WORKER),
                Fixtures.PROJECT_MANAGER)) {
            Consent c = expect(roi(a), a.toString());
            assertEquals(clock.instant(), c.signedAt());
            assertTrue(c.revokedAt().isEmpty());
        }
        int before = programme.consents().all().size();
        for (Actor a : List.of(Fixtures.OFFICER, Fixtures.PROSECUTOR, Actor.of("judge-1", Role.COURT),
                Actor.of("po-1", Role.PROBATION))) {
            assertTrue(roi(a).hasError(ErrorCode.NOT_AUTHORISED), a::toString);
        }
        assertEquals(before, programme.consents().all().size());
        assertEquals(4, programme.events().stream().filter(DisclosureEvent.ConsentSigned.class::isInstance).count());
        rulesHold();
    }

    @Test
    void a_participant_signs_and_revokes_only_her_own_consents() {
        Actor bob = Actor.of("bob", Role.PARTICIPANT);
        assertTrue(roi(bob).hasError(ErrorCode.NOT_AUTHORISED), "nobody signs a release for someone else");
        Consent anas = expect(roi(Actor.of("ana", Role.PARTICIPANT)), "Ana signs her own");

        assertTrue(desk.revoke(anas.id(), bob).hasError(ErrorCode.NOT_AUTHORISED), "nor revokes someone else's");
        assertTrue(programme.consents().find(anas.id()).orElseThrow().revokedAt().isEmpty());
        assertEquals(1, programme.consents().all().size());
        rulesHold();
    }

    @Test
    void a_consent_without_scope_or_already_expired_is_refused_naming_the_field() {
        Outcome<Consent> noRecipient = desk.recordConsent(CM, ANA, ConsentType.MULTI_PARTY_ROI, Set.of(), Set.of(),
                PROGRESS, STATUS, Optional.empty());
        assertTrue(noRecipient.hasError(ErrorCode.PRECONDITION_MISSING));
        assertEquals("consent.recipientRoles", noRecipient.errors().get(0).field());
        Outcome<Consent> expired = desk.recordConsent(CM, ANA, ConsentType.MULTI_PARTY_ROI, COURT, Set.of(), PROGRESS,
                STATUS, Optional.of(clock.instant()));
        assertEquals("consent.expiresAt", expired.errors().get(0).field());
        assertTrue(programme.consents().all().isEmpty());
    }

    @Test
    void a_revocation_is_recorded_once_by_those_who_may_record_consents_and_blocks_later_disclosures() {
        Consent roi = expect(roi(CM), "ROI");
        clock.advance(Duration.ofDays(3));
        assertTrue(desk.disclose(courtProgress()).isGranted());

        clock.advance(Duration.ofDays(3));
        assertTrue(desk.revoke(roi.id(), Fixtures.OFFICER).hasError(ErrorCode.NOT_AUTHORISED));
        assertTrue(desk.revoke(new ConsentId(new java.util.UUID(4, 4)), CM).hasError(ErrorCode.NOT_FOUND));
        Consent revoked = expect(desk.revoke(roi.id(), Actor.of("ana", Role.PARTICIPANT)), "she revokes");
        assertEquals(Optional.of(clock.instant()), revoked.revokedAt());

        clock.advance(Duration.ofDays(1));
        Outcome<Consent> twice = desk.revoke(roi.id(), CM);
        assertFalse(twice.isSuccess(), "a consent is revoked once");
        assertEquals(revoked.revokedAt(), programme.consents().find(roi.id()).orElseThrow().revokedAt(),
                "the first revocation instant stands");
        assertEquals(1, programme.events().stream().filter(DisclosureEvent.ConsentRevoked.class::isInstance).count());

        DisclosureDecision after = desk.disclose(courtProgress());
        assertFalse(after.isGranted());
        List<DisclosureLog.Entry> log = programme.disclosures().entriesAbout(ANA);
        assertEquals(List.of(true, false), log.stream().map(DisclosureLog.Entry::granted).toList());
        rulesHold();
    }

    @Test
    void every_decision_is_logged_exactly_once_with_exactly_one_event() {
        expect(roi(CM), "ROI");
        List<DisclosureRequest> requests = List.of(courtProgress(),
                DisclosureRequest.of(CM, Role.PROBATION, ANA, STATUS, Purpose.COURT_PROGRESS),
                DisclosureRequest.of(Fixtures.OFFICER, Role.OFFICER, ANA, STATUS, Purpose.EVIDENCE),
                DisclosureRequest.of(CM, Role.COURT, ANA, Set.of(DataClass.SUD_PART2), Purpose.COURT_PROGRESS));
        for (DisclosureRequest r : requests) {
            clock.advance(Duration.ofMinutes(5));
            int entries = programme.disclosures().entries().size();
            List<DomainEvent> events = programme.events();

            DisclosureDecision d = desk.disclose(r);

            List<DisclosureLog.Entry> log = programme.disclosures().entries();
            assertEquals(entries + 1, log.size(), r::toString);
            DisclosureLog.Entry entry = log.get(log.size() - 1);
            assertEquals(d.isGranted(), entry.granted());
            assertEquals(entries + 1L, entry.sequence());
            assertEquals(clock.instant(), entry.at());
            List<DomainEvent> now = programme.events();
            assertEquals(events.size() + 1, now.size(), r::toString);
            assertEquals(d.event(), now.get(now.size() - 1));
        }
        assertEquals(List.of(true, false, false, false),
                programme.disclosures().entries().stream().map(DisclosureLog.Entry::granted).toList());
        rulesHold();
    }

    @Test
    void a_failure_inside_the_transaction_leaves_neither_the_entry_nor_the_event() {
        expect(roi(CM), "ROI");
        Transactions failingAfterTheWork = new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return programme.store().inTransaction(() -> {
                    work.get();
                    throw new IllegalStateException("the connection dropped before commit");
                });
            }
        };
        var desk = new DisclosureDesk(clock, IdGenerator.sequential(99), programme.consents(),
                programme.disclosures(), new DisclosurePolicy(), failingAfterTheWork);
        int entries = programme.disclosures().entries().size();
        int events = programme.events().size();

        assertThrows(IllegalStateException.class, () -> desk.disclose(courtProgress()));

        assertEquals(entries, programme.disclosures().entries().size());
        assertEquals(events, programme.events().size());
    }

    @Test
    void disclosures_are_decided_on_the_consents_the_port_holds_at_that_instant() {
        assertFalse(desk.disclose(courtProgress()).isGranted(), "nothing on file yet");

        // a consent stored by another application through the same port
        Consent signedElsewhere = Consent.signed(new ConsentId(new java.util.UUID(7, 7)), ANA,
                ConsentType.MULTI_PARTY_ROI, COURT, PROGRESS, STATUS, clock.instant(),
                Optional.of(clock.instant().plus(Duration.ofDays(30))));
        programme.consents().save(signedElsewhere, -1, List.of());
        assertEquals(List.of(signedElsewhere), programme.consents().of(ANA));
        clock.advance(Duration.ofDays(1));
        DisclosureDecision granted = desk.disclose(courtProgress());
        assertTrue(granted.isGranted());
        assertEquals(List.of(signedElsewhere.id()), granted.consents());

        // it lapses at its expiry, with nobody telling the desk
        clock.advance(Duration.ofDays(29));
        assertFalse(desk.disclose(courtProgress()).isGranted());
        rulesHold();
    }
}

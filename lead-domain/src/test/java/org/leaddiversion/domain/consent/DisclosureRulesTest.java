/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.consent.ConsentGenerators.PARTICIPANT;
import static org.leaddiversion.domain.consent.ConsentGenerators.consentLists;
import static org.leaddiversion.domain.consent.ConsentGenerators.instants;
import static org.leaddiversion.domain.consent.ConsentGenerators.requests;
import static org.leaddiversion.domain.consent.DisclosureOracle.EXCEPTION_PURPOSES;
import static org.leaddiversion.domain.consent.DisclosureOracle.consentAllows;
import static org.leaddiversion.domain.consent.DisclosureOracle.matrixAllows;
import static org.leaddiversion.domain.consent.DisclosureOracle.oracleCovers;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryConsents;
import org.leaddiversion.domain.memory.InMemoryDisclosureLog;
import org.leaddiversion.domain.memory.InMemoryStore;
import org.quicktheories.generators.Generate;

/**
 * R35, R36, the §2.2 matrix and 42 CFR Part 2 as invariants of {@link DisclosurePolicy}, each checked against the
 * {@link DisclosureOracle} written from the consents' raw fields and the restated matrix; and the
 * {@link DisclosureLog} as an append-only record of every decision.
 */
@DisplayName("R35/R36 disclosure rules")
class DisclosureRulesTest {

    private final DisclosurePolicy policy = new DisclosurePolicy();

    @Test
    @DisplayName("R35: enforcement or evidence is refused whatever the consents, role, classes or exception")
    void enforcementIsAlwaysRefused() {
        qt().withExamples(2000).forAll(consentLists(), requests(), instants(),
                Generate.pick(List.of(Purpose.ENFORCEMENT, Purpose.EVIDENCE))).checkAssert((consents, r, t, p) -> {
                    DisclosureRequest enforcement = new DisclosureRequest(r.requester(), r.recipientRole(),
                            r.recipientAgency(), r.participant(), r.dataClasses(), p, r.part2Exception());
                    // even a consent naming everyone, everything and the enforcement purpose itself
                    Consent everything = new Consent(new ConsentId(new UUID(1, 1)), PARTICIPANT,
                            ConsentType.MULTI_PARTY_ROI, EnumSet.allOf(Role.class), Set.of(),
                            EnumSet.allOf(Purpose.class), EnumSet.allOf(DataClass.class), t, Optional.empty(),
                            Optional.empty());
                    var all = new java.util.ArrayList<>(consents);
                    all.add(everything);
                    all.add(new Consent(new ConsentId(new UUID(1, 2)), PARTICIPANT, ConsentType.PART2,
                            EnumSet.allOf(Role.class), Set.of(), EnumSet.allOf(Purpose.class),
                            EnumSet.allOf(DataClass.class), t, Optional.empty(), Optional.empty()));
                    DisclosureDecision d = policy.decide(enforcement, all, t);
                    assertFalse(d.isGranted());
                    DomainError e = ((DisclosureDecision.Refused) d).errors().get(0);
                    assertEquals(RuleId.R35, e.rule());
                    assertEquals("purpose", e.field());
                });
    }

    @Test
    @DisplayName("R36, §2.2 and Part 2: granted iff the matrix and an in-force consent (or exception) allow every class")
    void grantedIffCovered() {
        var substantiveGrants = new java.util.concurrent.atomic.AtomicInteger();
        var matrixRefusals = new java.util.concurrent.atomic.AtomicInteger();
        var consentRefusals = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(5000).forAll(consentLists(), requests(), instants()).checkAssert((consents, r, t) -> {
            DisclosureDecision d = policy.decide(r, consents, t);
            if (d.isGranted() && !d.consents().isEmpty()) {
                substantiveGrants.incrementAndGet();
            }
            assertEquals(DisclosureOracle.granted(r, consents, t), d.isGranted(), () -> r + " " + consents + " at " + t);
            if (d instanceof DisclosureDecision.Granted g) {
                for (ConsentId id : g.consents()) {
                    Consent used = consents.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
                    assertTrue(r.dataClasses().stream().anyMatch(data -> oracleCovers(used, r, data, t)));
                }
                assertEquals(r.dataClasses().contains(DataClass.SUD_PART2), g.redisclosureNotice().isPresent());
                assertEquals(r.requester().role() == Role.CASE_MANAGER, g.nonEvidentiary());
            } else if (!r.purpose().isEnforcement()) {
                // one error per class refused, naming it; the matrix's own code when the matrix refuses it
                Set<String> refused = new java.util.TreeSet<>();
                for (DataClass data : r.dataClasses()) {
                    if (!matrixAllows(r, consents, data, t) || !consentAllows(r, consents, data, t)) {
                        refused.add("dataClasses." + data);
                    }
                }
                List<DomainError> errors = ((DisclosureDecision.Refused) d).errors();
                assertEquals(refused, new java.util.TreeSet<>(errors.stream().map(DomainError::field).toList()));
                assertEquals(refused.size(), errors.size());
                for (DomainError e : errors) {
                    assertEquals(RuleId.R36, e.rule());
                    DataClass data = DataClass.valueOf(e.field().substring("dataClasses.".length()));
                    if (!matrixAllows(r, consents, data, t)) {
                        matrixRefusals.incrementAndGet();
                        assertTrue(e.code() == ErrorCode.NOT_AUTHORISED || e.code() == ErrorCode.CONSENT_REQUIRED);
                        assertTrue(e.message().contains(r.recipientRole().name()) && e.message().contains(data.name()),
                                e.message());
                    } else {
                        consentRefusals.incrementAndGet();
                        assertEquals(ErrorCode.CONSENT_REQUIRED, e.code());
                    }
                }
            } else {
                DomainError e = ((DisclosureDecision.Refused) d).errors().get(0);
                assertEquals(RuleId.R35, e.rule());
                assertEquals("purpose", e.field());
            }
        });
        assertTrue(substantiveGrants.get() > 0, "the generators must produce grants resting on consents");
        assertTrue(matrixRefusals.get() > 0, "the generators must produce refusals by the matrix");
        assertTrue(consentRefusals.get() > 0, "the generators must produce refusals for want of consent");
    }

    @Test
    @DisplayName("R36 boundaries: in force from signing (inclusive) to expiry and revocation (exclusive)")
    void expiryAndRevocationBoundaries() {
        // recipients whose matrix cell for the class needs at most the ROI, so that the consent alone decides
        List<Map.Entry<Role, DataClass>> cells = List.of(
                Map.entry(Role.COURT, DataClass.ENROLLMENT_STATUS), Map.entry(Role.COURT, DataClass.PLAN_SUMMARY),
                Map.entry(Role.PROBATION, DataClass.PLAN_SUMMARY),
                Map.entry(Role.DEFENDER, DataClass.ENROLLMENT_STATUS), Map.entry(Role.DEFENDER, DataClass.PLAN_SUMMARY),
                Map.entry(Role.DEFENDER, DataClass.LEGAL_COORDINATION),
                Map.entry(Role.PROSECUTOR, DataClass.LEGAL_COORDINATION));
        qt().withExamples(1000).forAll(instants(), Generate.range(2, 100_000), Generate.range(1, 100_000),
                Generate.pick(cells)).checkAssert((signed, expiryMinutes, revokeMinutes, cell) -> {
                    Role recipient = cell.getKey();
                    DataClass data = cell.getValue();
                    Instant expires = signed.plus(Duration.ofMinutes(expiryMinutes));
                    Consent roi = Consent.signed(new ConsentId(new UUID(3, 3)), PARTICIPANT, ConsentType.MULTI_PARTY_ROI,
                            Set.of(recipient), Set.of(Purpose.COURT_PROGRESS), Set.of(data), signed,
                            Optional.of(expires));
                    DisclosureRequest r = DisclosureRequest.of(Actor.of("cm", Role.CASE_MANAGER), recipient,
                            PARTICIPANT, Set.of(data), Purpose.COURT_PROGRESS);
                    Duration tick = Duration.ofMillis(1);
                    assertFalse(policy.decide(r, List.of(roi), signed.minus(tick)).isGranted());
                    assertTrue(policy.decide(r, List.of(roi), signed).isGranted());
                    assertTrue(policy.decide(r, List.of(roi), expires.minus(tick)).isGranted());
                    assertFalse(policy.decide(r, List.of(roi), expires).isGranted());

                    Instant revokedAt = signed.plus(Duration.ofMinutes(revokeMinutes % expiryMinutes));
                    Consent revoked = roi.revoke(revokedAt, new org.leaddiversion.domain.common.ActorId("cm")).value();
                    if (revokedAt.isAfter(signed)) {
                        assertTrue(policy.decide(r, List.of(revoked), revokedAt.minus(tick)).isGranted());
                    }
                    assertFalse(policy.decide(r, List.of(revoked), revokedAt).isGranted());
                    assertFalse(policy.decide(r, List.of(revoked), expires.minus(tick)).isGranted());
                });
    }

    @Test
    @DisplayName("Part 2: an ROI alone never releases SUD_PART2; a Part 2 consent or a fitting exception does,"
            + " to a recipient the matrix lets read it")
    void part2NeedsItsOwnConsentOrAnException() {
        qt().withExamples(1000).forAll(instants(), Generate.enumValues(Role.class), Generate.enumValues(Purpose.class),
                Generate.enumValues(Part2Exception.class)).checkAssert((t, recipient, purpose, exception) -> {
                    if (purpose.isEnforcement()) {
                        return;
                    }
                    Consent roi = Consent.signed(new ConsentId(new UUID(4, 1)), PARTICIPANT,
                            ConsentType.MULTI_PARTY_ROI, EnumSet.allOf(Role.class), EnumSet.allOf(Purpose.class),
                            EnumSet.allOf(DataClass.class), t, Optional.empty());
                    Consent part2 = Consent.signed(new ConsentId(new UUID(4, 2)), PARTICIPANT, ConsentType.PART2,
                            Set.of(recipient), Set.of(purpose), Set.of(DataClass.SUD_PART2), t, Optional.empty());
                    // every circumstance the host can state, so that only consent, purpose and role decide
                    DisclosureRequest plain = DisclosureRequest.of(Actor.of("cm", Role.CASE_MANAGER), recipient,
                            PARTICIPANT, Set.of(DataClass.SUD_PART2), purpose)
                            .withCircumstances(new RecipientCircumstances(true, true, true));
                    DisclosureDecision roiOnly = policy.decide(plain, List.of(roi), t);
                    assertFalse(roiOnly.isGranted());
                    assertEquals("dataClasses.SUD_PART2", ((DisclosureDecision.Refused) roiOnly).errors().get(0).field());

                    // §2.2: the assigned case manager, the prosecutors under Part 2 consent, the evaluator for research
                    boolean matrixLetsRead = recipient == Role.CASE_MANAGER || recipient == Role.PROSECUTOR
                            || recipient == Role.LIAISON_PROSECUTOR
                            || (recipient == Role.EVALUATOR && purpose == Purpose.RESEARCH_EVALUATION);
                    DisclosureDecision withConsent = policy.decide(plain, List.of(roi, part2), t);
                    assertEquals(matrixLetsRead, withConsent.isGranted(), recipient + " " + purpose);
                    if (matrixLetsRead) {
                        assertEquals(List.of(part2.id()), withConsent.consents());
                        assertEquals(Optional.of(DisclosurePolicy.PART2_REDISCLOSURE_NOTICE),
                                ((DisclosureDecision.Granted) withConsent).redisclosureNotice());
                    } else {
                        DomainError e = ((DisclosureDecision.Refused) withConsent).errors().get(0);
                        assertEquals("dataClasses.SUD_PART2", e.field());
                        assertEquals(ErrorCode.NOT_AUTHORISED, e.code());
                    }

                    DisclosureRequest excepted = new DisclosureRequest(plain.requester(), recipient, Optional.empty(),
                            PARTICIPANT, plain.dataClasses(), purpose, Optional.of(exception), plain.circumstances());
                    assertEquals(matrixLetsRead && EXCEPTION_PURPOSES.get(exception).contains(purpose),
                            policy.decide(excepted, List.of(), t).isGranted());
                });
    }

    @Test
    @DisplayName("exactly one immutable log entry per decision, granted or refused; earlier entries never change")
    void oneEntryPerDecisionAppendOnly() {
        qt().withExamples(200).forAll(consentLists(), Generate.range(1, 20), requests()).checkAssert((consents, n, seed) -> {
            MutableClock clock = new MutableClock(ConsentGenerators.T0);
            var store = new InMemoryStore();
            var onFile = new InMemoryConsents(store);
            var distinct = new java.util.LinkedHashMap<ConsentId, Consent>();
            consents.forEach(c -> distinct.putIfAbsent(c.id(), c));
            distinct.values().forEach(c -> onFile.save(c, -1, List.of()));
            DisclosureLog log = new InMemoryDisclosureLog(store);
            DisclosureDesk desk = new DisclosureDesk(clock, IdGenerator.sequential(9), onFile, log, policy, store);
            List<DisclosureLog.Entry> before = List.of();
            for (int i = 0; i < n; i++) {
                DisclosureRequest r = i % 2 == 0 ? seed : DisclosureRequest.of(seed.requester(),
                        seed.recipientRole(), PARTICIPANT, seed.dataClasses(), Purpose.values()[i % Purpose.values().length]);
                DisclosureDecision d = desk.disclose(r);
                List<DisclosureLog.Entry> after = log.entries();
                assertEquals(before.size() + 1, after.size());
                assertEquals(before, after.subList(0, before.size()));
                DisclosureLog.Entry last = after.get(after.size() - 1);
                assertEquals(d.isGranted(), last.granted());
                assertEquals(d.consents(), last.consents());
                assertEquals(r.requester().id(), last.who());
                assertEquals(r.recipientRole(), last.to());
                assertEquals(r.circumstances(), last.circumstances());
                assertEquals(r.dataClasses(), last.dataClasses());
                assertEquals(r.purpose(), last.purpose());
                assertEquals(clock.instant(), last.at());
                assertEquals(i + 1L, last.sequence());
                before = after;
                clock.advance(Duration.ofDays(3));
            }
            List<DisclosureLog.Entry> snapshot = log.entries();
            assertThrows(UnsupportedOperationException.class, () -> snapshot.remove(0));
            assertThrows(UnsupportedOperationException.class, snapshot::clear);
            assertThrows(UnsupportedOperationException.class, () -> snapshot.get(0).consents().clear());
            assertEquals(n, log.entries().size());
            assertEquals(n, store.events().size(), "one event per decision, in the same transaction");
        });
    }

    @Test
    @DisplayName("revocation happens once, never before signing, and emits ConsentRevoked")
    void revocation() {
        Instant signed = ConsentGenerators.T0;
        Consent roi = Consent.signed(new ConsentId(new UUID(5, 1)), PARTICIPANT, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT), Set.of(Purpose.COURT_PROGRESS), Set.of(DataClass.ENROLLMENT_STATUS), signed,
                Optional.empty());
        var by = new org.leaddiversion.domain.common.ActorId("cm-1");
        assertTrue(roi.revoke(signed.minusSeconds(1), by).hasError(ErrorCode.INVALID_TIMESTAMP));
        var first = roi.revoke(signed.plusSeconds(60), by);
        assertTrue(first.isSuccess());
        var event = (DisclosureEvent.ConsentRevoked) first.events().get(0);
        assertEquals(roi.id().toString(), event.aggregateId());
        assertEquals(signed.plusSeconds(60), event.occurredAt());
        var again = first.value().revoke(signed.plusSeconds(120), by);
        assertFalse(again.isSuccess());
        assertEquals(RuleId.R36, again.errors().get(0).rule());
        assertEquals(Optional.of(signed.plusSeconds(60)), first.value().revokedAt());
    }
}

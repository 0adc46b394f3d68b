/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryConsents;
import org.leaddiversion.domain.memory.InMemoryDisclosureLog;
import org.leaddiversion.domain.memory.InMemoryStore;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A participant signs the multi-party ROI; her case manager tells the court she is working with LEAD and how it is
 * going; the officer who referred her may hear that she is enrolled but not how her plan goes, which the visibility
 * matrix never shows officers, whatever the ROI names; an officer asking for evidence is refused even while an ROI
 * naming officers is in force; she revokes the ROI and the court hears nothing more. Every decision is in the log,
 * and the revocation did not erase the past.
 */
@DisplayName("Scenario: court progress under the ROI, then revocation")
class CourtProgressScenarioTest {

    @Test
    void courtProgressThenRevocation() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        IdGenerator ids = IdGenerator.sequential(42);
        var store = new InMemoryStore();
        var onFile = new InMemoryConsents(store);
        DisclosureLog log = new InMemoryDisclosureLog(store);
        DisclosureDesk desk = new DisclosureDesk(clock, ids, onFile, log, new DisclosurePolicy(), store);
        PersonId maria = new PersonId("P-MARIA");
        Actor caseManager = Actor.of("cm-ets-7", Role.CASE_MANAGER);
        List<Consent> consents = new ArrayList<>();

        // 1. At intake Maria signs the ROI naming court, probation and officers for her participation and plan.
        Consent roi = Consent.signed(new ConsentId(ids.next()), maria, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT, Role.PROBATION, Role.OFFICER),
                Set.of(Purpose.COURT_PROGRESS, Purpose.CARE_COORDINATION),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), clock.instant(), Optional.empty());
        consents.add(roi);
        onFile.save(roi, -1, List.of());

        // 2. Two weeks later the case manager tells the court she works with LEAD and how the plan is going.
        clock.advance(Duration.ofDays(14));
        DisclosureRequest progress = DisclosureRequest.of(caseManager, Role.COURT, maria,
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Purpose.COURT_PROGRESS);
        DisclosureDecision told = desk.disclose(progress);
        assertTrue(told.isGranted());
        assertEquals(List.of(roi.id()), told.consents());
        assertTrue(((DisclosureDecision.Granted) told).nonEvidentiary(), "case-manager disclosures are non-evidentiary");
        assertTrue(((DisclosureDecision.Granted) told).redisclosureNotice().isEmpty(), "no Part 2 data was shared");

        // 3. The officer who referred her asks, for care coordination, how her plan is going. The ROI names officers
        //    and plan summaries, but §2.2 never lets an officer read a plan summary: refused by the matrix.
        Actor officer = Actor.of("spd-1123", Role.OFFICER);
        DisclosureDecision plan = desk.disclose(DisclosureRequest.of(caseManager, Role.OFFICER, maria,
                Set.of(DataClass.PLAN_SUMMARY), Purpose.CARE_COORDINATION)
                .withCircumstances(new RecipientCircumstances(true, false, false)));
        assertFalse(plan.isGranted());
        var matrixRefusal = ((DisclosureDecision.Refused) plan).errors().get(0);
        assertEquals("dataClasses.PLAN_SUMMARY", matrixRefusal.field());
        assertEquals(ErrorCode.NOT_AUTHORISED, matrixRefusal.code());
        assertEquals(RuleId.R36, matrixRefusal.rule());

        //    That she is enrolled he may hear: the matrix lets officers read enrollment status under an ROI.
        DisclosureDecision status = desk.disclose(DisclosureRequest.of(caseManager, Role.OFFICER, maria,
                Set.of(DataClass.ENROLLMENT_STATUS), Purpose.CARE_COORDINATION));
        assertTrue(status.isGranted());
        assertEquals(List.of(roi.id()), status.consents());

        // 4. An officer asks for her plan as evidence: refused under the First Golden Rule although the ROI names officers.
        DisclosureDecision evidence = desk.disclose(DisclosureRequest.of(officer, Role.OFFICER, maria,
                Set.of(DataClass.PLAN_SUMMARY), Purpose.EVIDENCE));
        assertFalse(evidence.isGranted());
        assertEquals(RuleId.R35, ((DisclosureDecision.Refused) evidence).errors().get(0).rule());

        // 5. A month in, Maria revokes the ROI.
        clock.advance(Duration.ofDays(16));
        var revocation = roi.revoke(clock.instant(), caseManager.id());
        assertTrue(revocation.isSuccess());
        assertEquals("ConsentRevoked", revocation.events().get(0).type());
        consents.set(0, revocation.value());
        onFile.save(revocation.value(), roi.version(), revocation.events());

        // 6. The next hearing: the court asks again and is refused; nothing is disclosed.
        clock.advance(Duration.ofDays(7));
        DisclosureDecision refused = desk.disclose(progress);
        assertFalse(refused.isGranted());
        assertEquals(RuleId.R36, ((DisclosureDecision.Refused) refused).errors().get(0).rule());
        assertEquals(ErrorCode.CONSENT_REQUIRED, ((DisclosureDecision.Refused) refused).errors().get(0).code());
        assertEquals("DisclosureRefused", refused.event().type());

        // 7. The log holds all five decisions in order, with the circumstances stated; the grants before revocation
        //    are still there.
        List<DisclosureLog.Entry> entries = log.entriesAbout(maria);
        assertEquals(5, entries.size());
        assertEquals(List.of(true, false, true, false, false),
                entries.stream().map(DisclosureLog.Entry::granted).toList());
        assertEquals(List.of(roi.id()), entries.get(0).consents());
        assertEquals(new RecipientCircumstances(true, false, false), entries.get(1).circumstances());
        assertEquals(RecipientCircumstances.none(), entries.get(2).circumstances());
        assertEquals(new ActorId("spd-1123"), entries.get(3).who());
    }
}

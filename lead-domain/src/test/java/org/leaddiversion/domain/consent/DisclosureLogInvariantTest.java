/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.consent.ConsentGenerators.PARTICIPANT;
import static org.leaddiversion.domain.consent.ConsentGenerators.T0;
import static org.leaddiversion.domain.consent.ConsentGenerators.consentLists;
import static org.leaddiversion.domain.consent.ConsentGenerators.instants;
import static org.leaddiversion.domain.consent.ConsentGenerators.requests;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.Records;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.rules.Invariant;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.domain.rules.Violation;

/**
 * The R36 invariant re-derives matrix and consent from the log: it finds nothing in entries the policy wrote, and
 * names a granted entry the matrix would not have allowed in the circumstances the entry records.
 */
@DisplayName("R36 invariant over the disclosure log: matrix and consent")
class DisclosureLogInvariantTest {

    private static final Invariant R36 = RuleCatalogue.invariant(RuleId.R36).orElseThrow();

    private static final SitePolicy SITE = Fixtures.seattle().versions().get(0);

    private final DisclosurePolicy policy = new DisclosurePolicy();

    private static List<Violation> check(List<Consent> consents, DisclosureLog.Entry entry) {
        return R36.check(Records.of(SITE).consents(consents).disclosures(List.of(entry))
                .asOf(entry.at()));
    }

    @Test
    @DisplayName("every entry the policy writes keeps R36")
    void entriesThePolicyWritesKeepTheRule() {
        var grants = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(500).forAll(consentLists(), requests(), instants()).checkAssert((generated, r, t) -> {
            var distinct = new LinkedHashMap<ConsentId, Consent>();
            generated.forEach(c -> distinct.putIfAbsent(c.id(), c));
            List<Consent> consents = new ArrayList<>(distinct.values());
            DisclosureDecision d = policy.decide(r, consents, t);
            grants.addAndGet(d.isGranted() ? 1 : 0);
            assertEquals(List.of(), check(consents, DisclosureLog.Entry.of(1, d)), () -> r + " " + consents);
        });
        assertTrue(grants.get() > 0, "the generators must produce grants");
    }

    @Test
    @DisplayName("a grant the matrix forbids in the logged circumstances is a violation, consent or not")
    void grantsTheMatrixForbidsAreViolations() {
        Instant at = T0.plusSeconds(3600);
        Consent roi = Consent.signed(new ConsentId(new UUID(21, 1)), PARTICIPANT, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.values()), Set.of(Purpose.CARE_COORDINATION), Set.of(DataClass.values()), T0,
                Optional.empty());
        Actor pm = Actor.of("pm-1", Role.PROJECT_MANAGER);

        // the case manager's case notes under the ROI: allowed only for the assigned case manager
        DisclosureRequest notes = DisclosureRequest.of(pm, Role.CASE_MANAGER, PARTICIPANT,
                Set.of(DataClass.CASE_NOTES), Purpose.CARE_COORDINATION)
                .withCircumstances(new RecipientCircumstances(false, true, false));
        DisclosureDecision granted = policy.decide(notes, List.of(roi), at);
        assertTrue(granted.isGranted());
        DisclosureLog.Entry kept = DisclosureLog.Entry.of(1, granted);
        assertEquals(List.of(), check(List.of(roi), kept));
        DisclosureLog.Entry notAssigned = withCircumstances(kept, RecipientCircumstances.none());
        assertViolation(check(List.of(roi), notAssigned), "CASE_NOTES");

        // aggregates need no consent, but court and probation have no aggregate cell
        DisclosureDecision counts = policy.decide(DisclosureRequest.of(pm, Role.PCG_MEMBER, PARTICIPANT,
                Set.of(DataClass.AGGREGATE), Purpose.CARE_COORDINATION), List.of(), at);
        assertTrue(counts.isGranted());
        DisclosureLog.Entry toCourt = withRecipient(DisclosureLog.Entry.of(1, counts), Role.COURT);
        assertViolation(check(List.of(), toCourt), "AGGREGATE");
    }

    private static void assertViolation(List<Violation> violations, String dataClass) {
        assertEquals(1, violations.size(), violations::toString);
        assertEquals(RuleId.R36, violations.get(0).rule());
        assertTrue(violations.get(0).message().contains(dataClass) && violations.get(0).message().contains("matrix"),
                violations.get(0).message());
    }

    private static DisclosureLog.Entry withCircumstances(DisclosureLog.Entry e, RecipientCircumstances c) {
        return new DisclosureLog.Entry(e.sequence(), e.who(), e.whoRole(), e.to(), e.toAgency(), c, e.participant(),
                e.dataClasses(), e.purpose(), e.part2Exception(), e.consents(), e.granted(), e.redisclosureNotice(),
                e.nonEvidentiary(), e.reasons(), e.at());
    }

    private static DisclosureLog.Entry withRecipient(DisclosureLog.Entry e, Role to) {
        return new DisclosureLog.Entry(e.sequence(), e.who(), e.whoRole(), to, e.toAgency(), e.circumstances(),
                e.participant(), e.dataClasses(), e.purpose(), e.part2Exception(), e.consents(), e.granted(),
                e.redisclosureNotice(), e.nonEvidentiary(), e.reasons(), e.at());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.consent.ConsentGenerators.PARTICIPANT;
import static org.leaddiversion.domain.consent.ConsentGenerators.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.access.SpecMatrix;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;

/**
 * What a role may read or write of a participant's record, for a purpose, given her consents: for every role, data
 * class, purpose, consent state and circumstance (enumerated, not sampled), exactly what the §2.2 matrix allows once
 * the consents decide its ROI and Part 2 conditions — and nothing for enforcement or evidence.
 */
@DisplayName("Participant access: the §2.2 matrix under the participant's consents, every combination")
class ParticipantAccessTest {

    private static final Instant AT = T0.plus(Duration.ofDays(10));

    private final ParticipantAccess access = new ParticipantAccess();

    @Test
    void readable_and_writable_classes_are_what_the_matrix_allows_under_the_consents() {
        int checked = 0;
        int allowed = 0;
        for (Role role : Role.values()) {
            Actor actor = Actor.of("actor-" + role, role);
            for (DataClass data : DataClass.values()) {
                for (Purpose purpose : Purpose.values()) {
                    for (MatrixAndConsentTest.ConsentState state : MatrixAndConsentTest.ConsentState.values()) {
                        List<Consent> consents = MatrixAndConsentTest.consents(state, role, data, purpose);
                        for (RecipientCircumstances c : MatrixAndConsentTest.everyCircumstance()) {
                            DisclosureRequest asIfDisclosed = new DisclosureRequest(actor, role, Optional.empty(),
                                    PARTICIPANT, Set.of(data), purpose, Optional.empty(), c);
                            boolean read = !purpose.isEnforcement()
                                    && DisclosureOracle.matrixAllows(asIfDisclosed, consents, data, AT);
                            boolean write = !purpose.isEnforcement()
                                    && SpecMatrix.cell(role, data).grants(Operation.WRITE)
                                    && conditionsHold(asIfDisclosed, consents, data);
                            String where = role + " " + data + " " + purpose + " " + state + " " + c;
                            assertEquals(read, access.readable(actor, PARTICIPANT, c, purpose, consents, AT)
                                    .contains(data), where);
                            assertEquals(write, access.writable(actor, PARTICIPANT, c, purpose, consents, AT)
                                    .contains(data), where);
                            checked++;
                            allowed += read ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertEquals(Role.values().length * DataClass.values().length * Purpose.values().length
                * MatrixAndConsentTest.ConsentState.values().length * 8, checked);
        assertTrue(allowed > 0 && allowed < checked);
    }

    @Test
    void enforcement_and_evidence_read_nothing_even_under_a_consent_naming_everything() {
        Consent everything = new Consent(new ConsentId(new java.util.UUID(4, 4)), PARTICIPANT,
                ConsentType.MULTI_PARTY_ROI, java.util.EnumSet.allOf(Role.class), Set.of(),
                java.util.EnumSet.allOf(Purpose.class), java.util.EnumSet.allOf(DataClass.class), T0,
                Optional.empty(), Optional.empty());
        for (Role role : Role.values()) {
            for (Purpose p : List.of(Purpose.ENFORCEMENT, Purpose.EVIDENCE)) {
                var decisions = access.decisions(Actor.of("a", role), Operation.READ, PARTICIPANT,
                        new RecipientCircumstances(true, true, true), p, Optional.empty(), List.of(everything), AT);
                decisions.values().forEach(d -> {
                    assertTrue(d instanceof AccessDecision.Denied);
                    assertEquals(RuleId.R35, ((AccessDecision.Denied) d).reason().rule());
                });
            }
        }
    }

    /** The conditions of the role's §2.2 cell hold (they apply to every operation of the cell). */
    private static boolean conditionsHold(DisclosureRequest r, List<Consent> consents, DataClass data) {
        return DisclosureOracle.conditionsHold(SpecMatrix.cell(r.recipientRole(), data), r, consents, data, AT);
    }
}

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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.access.SpecMatrix;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;

/**
 * Every disclosure of one data class, enumerated, not sampled: each recipient role × data class × purpose × consent
 * state × recipient circumstances (own, assigned, in meeting) × Part 2 exception (none or each) is decided by
 * {@link DisclosurePolicy} and compared with the {@link DisclosureOracle}, which restates the §2.2 matrix and the
 * consent rules without calling the policy. Granted iff the matrix and a covering in-force consent (or exception) allow
 * it; refused with one error naming the class, or the purpose for enforcement and evidence.
 */
@DisplayName("Disclosure = §2.2 matrix AND consent, every combination enumerated")
class MatrixAndConsentTest {

    /** What the participant has signed, relative to the recipient, purpose and class asked about. */
    enum ConsentState {
        NONE, ROI, ROI_REVOKED_BEFORE, ROI_EXPIRED_BEFORE, ROI_FOR_ANOTHER_ROLE, ROI_FOR_ANOTHER_CLASS,
        ROI_FOR_ANOTHER_AGENCY, PART2, ROI_AND_PART2, EVALUATION
    }

    private static final Instant SIGNED = T0;
    private static final Instant LAPSED = T0.plus(Duration.ofDays(5));
    private static final Instant AT = T0.plus(Duration.ofDays(10));

    private final DisclosurePolicy policy = new DisclosurePolicy();

    private static Consent consent(int n, ConsentType type, Role role, Set<String> agencies, Purpose purpose,
                                   DataClass data, Optional<Instant> expires, Optional<Instant> revoked) {
        return new Consent(new ConsentId(new UUID(11, n)), PARTICIPANT, type, Set.of(role), agencies, Set.of(purpose),
                Set.of(data), SIGNED, expires, revoked);
    }

    static List<Consent> consents(ConsentState state, Role role, DataClass data, Purpose purpose) {
        Optional<Instant> never = Optional.empty();
        Role other = Role.values()[(role.ordinal() + 1) % Role.values().length];
        DataClass otherClass = DataClass.values()[(data.ordinal() + 1) % DataClass.values().length];
        ConsentType roi = ConsentType.MULTI_PARTY_ROI;
        switch (state) {
            case NONE:
                return List.of();
            case ROI:
                return List.of(consent(1, roi, role, Set.of(), purpose, data, never, never));
            case ROI_REVOKED_BEFORE:
                return List.of(consent(1, roi, role, Set.of(), purpose, data, never, Optional.of(LAPSED)));
            case ROI_EXPIRED_BEFORE:
                return List.of(consent(1, roi, role, Set.of(), purpose, data, Optional.of(LAPSED), never));
            case ROI_FOR_ANOTHER_ROLE:
                return List.of(consent(1, roi, other, Set.of(), purpose, data, never, never));
            case ROI_FOR_ANOTHER_CLASS:
                return List.of(consent(1, roi, role, Set.of(), purpose, otherClass, never, never));
            case ROI_FOR_ANOTHER_AGENCY:
                return List.of(consent(1, roi, role, Set.of("KCPAO"), purpose, data, never, never));
            case PART2:
                return List.of(consent(2, ConsentType.PART2, role, Set.of(), purpose, data, never, never));
            case ROI_AND_PART2:
                return List.of(consent(1, roi, role, Set.of(), purpose, data, never, never),
                        consent(2, ConsentType.PART2, role, Set.of(), purpose, data, never, never));
            case EVALUATION:
                return List.of(consent(3, ConsentType.EVALUATION, role, Set.of(), purpose, data, never, never));
            default:
                throw new IllegalArgumentException(state.name());
        }
    }

    static List<RecipientCircumstances> everyCircumstance() {
        List<RecipientCircumstances> all = new ArrayList<>();
        for (int bits = 0; bits < 8; bits++) {
            all.add(new RecipientCircumstances((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0));
        }
        return all;
    }

    static List<Optional<Part2Exception>> noneOrEachException() {
        List<Optional<Part2Exception>> all = new ArrayList<>();
        all.add(Optional.empty());
        for (Part2Exception e : Part2Exception.values()) {
            all.add(Optional.of(e));
        }
        return all;
    }

    @Test
    @DisplayName("granted iff the matrix and a covering in-force consent allow it, for every combination")
    void everyCombination() {
        Actor caseManager = Actor.of("cm-1", Role.CASE_MANAGER);
        Actor projectManager = Actor.of("pm-1", Role.PROJECT_MANAGER);
        List<RecipientCircumstances> circumstances = everyCircumstance();
        List<Optional<Part2Exception>> exceptions = noneOrEachException();
        Map<DataClass, int[]> grantsAndRefusals = new EnumMap<>(DataClass.class);
        int checked = 0;
        int matrixOnlyRefusals = 0;
        int consentOnlyRefusals = 0;
        for (Role role : Role.values()) {
            for (DataClass data : DataClass.values()) {
                SpecMatrix.Cell cell = SpecMatrix.cell(role, data);
                for (Purpose purpose : Purpose.values()) {
                    for (ConsentState state : ConsentState.values()) {
                        List<Consent> consents = consents(state, role, data, purpose);
                        for (RecipientCircumstances circumstance : circumstances) {
                            for (Optional<Part2Exception> exception : exceptions) {
                                Actor requester = checked % 2 == 0 ? caseManager : projectManager;
                                DisclosureRequest r = new DisclosureRequest(requester, role, Optional.empty(),
                                        PARTICIPANT, Set.of(data), purpose, exception, circumstance);
                                boolean matrix = DisclosureOracle.matrixAllows(r, consents, data, AT);
                                boolean consent = DisclosureOracle.consentAllows(r, consents, data, AT);
                                boolean expected = !purpose.isEnforcement() && matrix && consent;
                                DisclosureDecision d = policy.decide(r, consents, AT);
                                Supplier<String> where = () -> role + " " + data + " " + purpose + " " + state
                                        + " " + circumstance + " " + exception;
                                assertEquals(expected, d.isGranted(), where);
                                if (d instanceof DisclosureDecision.Granted g) {
                                    assertEquals(data == DataClass.SUD_PART2, g.redisclosureNotice().isPresent(),
                                            where);
                                    assertEquals(requester == caseManager, g.nonEvidentiary(), where);
                                    // each state holds at most one consent of a type: the covering one is used
                                    List<ConsentId> covering = data == DataClass.AGGREGATE ? List.of()
                                            : consents.stream()
                                                    .filter(c -> DisclosureOracle.oracleCovers(c, r, data, AT))
                                                    .map(Consent::id).toList();
                                    assertEquals(covering, g.consents(), where);
                                    grantsAndRefusals.computeIfAbsent(data, k -> new int[2])[0]++;
                                } else {
                                    List<DomainError> errors = ((DisclosureDecision.Refused) d).errors();
                                    assertEquals(1, errors.size(), where);
                                    DomainError e = errors.get(0);
                                    if (purpose.isEnforcement()) {
                                        assertEquals("purpose", e.field(), where);
                                        assertEquals(RuleId.R35, e.rule(), where);
                                        assertEquals(ErrorCode.POLICY_FORBIDS, e.code(), where);
                                    } else {
                                        assertEquals("dataClasses." + data, e.field(), where);
                                        assertEquals(RuleId.R36, e.rule(), where);
                                        assertTrue(expectedCodes(cell, matrix, r).contains(e.code()),
                                                () -> where.get() + " " + e);
                                        if (!matrix) {
                                            assertTrue(e.message().contains(role.name())
                                                    && e.message().contains(data.name()), () -> where.get() + " " + e);
                                        }
                                        matrixOnlyRefusals += !matrix && consent ? 1 : 0;
                                        consentOnlyRefusals += matrix && !consent ? 1 : 0;
                                    }
                                    grantsAndRefusals.computeIfAbsent(data, k -> new int[2])[1]++;
                                }
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(Role.values().length * DataClass.values().length * Purpose.values().length
                * ConsentState.values().length * 8 * (Part2Exception.values().length + 1), checked);
        assertEquals(17 * 8 * 10 * 10 * 8 * 8, checked, "the enumeration covers the whole product");
        for (DataClass data : DataClass.values()) {
            int[] counts = grantsAndRefusals.get(data);
            assertTrue(counts != null && counts[0] > 0 && counts[1] > 0, data + " must be both granted and refused");
        }
        assertTrue(matrixOnlyRefusals > 0, "some disclosures the consents allow are refused by the matrix alone");
        assertTrue(consentOnlyRefusals > 0, "some disclosures the matrix allows are refused for want of consent");
    }

    /**
     * The possible codes of a refusal for one class: {@code CONSENT_REQUIRED} when the matrix allows and the consent
     * is missing; else the matrix's, {@code NOT_AUTHORISED} without a read in the cell or with only a circumstance or
     * the purpose unmet, {@code CONSENT_REQUIRED} with only a consent condition unmet, either when both are.
     */
    private static Set<ErrorCode> expectedCodes(SpecMatrix.Cell cell, boolean matrix, DisclosureRequest r) {
        if (matrix) {
            return Set.of(ErrorCode.CONSENT_REQUIRED);
        }
        if (!cell.grants(Operation.READ)) {
            return Set.of(ErrorCode.NOT_AUTHORISED);
        }
        boolean otherUnmet = cell.conditions().stream()
                .anyMatch(w -> !w.equals("roi") && !w.equals("p2") && !holdsWithoutConsent(w, r));
        boolean consentCondition = cell.conditions().contains("roi") || cell.conditions().contains("p2");
        if (!otherUnmet) {
            return Set.of(ErrorCode.CONSENT_REQUIRED);
        }
        return consentCondition ? Set.of(ErrorCode.CONSENT_REQUIRED, ErrorCode.NOT_AUTHORISED)
                : Set.of(ErrorCode.NOT_AUTHORISED);
    }

    private static boolean holdsWithoutConsent(String condition, DisclosureRequest r) {
        switch (condition) {
            case "own":
                return r.circumstances().own();
            case "assigned":
                return r.circumstances().assigned();
            case "meeting":
                return r.circumstances().inOwgMeeting();
            case "research":
                return r.purpose() == Purpose.RESEARCH_EVALUATION;
            case "supervisory":
                return true;
            default:
                throw new IllegalArgumentException(condition);
        }
    }
}

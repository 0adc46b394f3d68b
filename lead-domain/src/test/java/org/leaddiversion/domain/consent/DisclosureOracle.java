/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.access.SpecMatrix;

/**
 * SPEC §2.2, §7.5, §7.6, R35 and R36 restated as a test oracle for disclosures, from the consents' raw fields and the
 * {@link SpecMatrix} table; it never calls {@link DisclosurePolicy}, {@code AccessPolicy} or {@link Consent#covers}.
 */
final class DisclosureOracle {

    /** The purposes each Part 2 exception may serve, restated from SPEC §7.6. */
    static final Map<Part2Exception, Set<Purpose>> EXCEPTION_PURPOSES = new EnumMap<>(Part2Exception.class);

    static {
        EXCEPTION_PURPOSES.put(Part2Exception.COURT_ORDER_SUBPART_E,
                EnumSet.of(Purpose.COURT_PROGRESS, Purpose.LEGAL_COORDINATION));
        EXCEPTION_PURPOSES.put(Part2Exception.MEDICAL_EMERGENCY,
                EnumSet.of(Purpose.MEDICAL_EMERGENCY, Purpose.TREATMENT));
        EXCEPTION_PURPOSES.put(Part2Exception.RESEARCH, EnumSet.of(Purpose.RESEARCH_EVALUATION));
        EXCEPTION_PURPOSES.put(Part2Exception.AUDIT_EVALUATION,
                EnumSet.of(Purpose.AUDIT, Purpose.RESEARCH_EVALUATION));
        EXCEPTION_PURPOSES.put(Part2Exception.QUALIFIED_SERVICE_ORGANISATION,
                EnumSet.of(Purpose.CARE_COORDINATION, Purpose.TREATMENT));
        EXCEPTION_PURPOSES.put(Part2Exception.CRIME_ON_PREMISES, EnumSet.of(Purpose.MANDATED_REPORT));
        EXCEPTION_PURPOSES.put(Part2Exception.CHILD_ABUSE_REPORT, EnumSet.of(Purpose.MANDATED_REPORT));
    }

    private DisclosureOracle() {
    }

    static boolean inForce(Consent c, Instant t) {
        return !t.isBefore(c.signedAt())
                && (c.expiresAt().isEmpty() || t.isBefore(c.expiresAt().get()))
                && (c.revokedAt().isEmpty() || t.isBefore(c.revokedAt().get()));
    }

    /** Whether {@code c}, whatever its type, reaches this recipient, purpose and class of {@code r} at {@code t}. */
    private static boolean reaches(Consent c, DisclosureRequest r, DataClass data, Instant t) {
        return c.participant().equals(r.participant()) && inForce(c, t)
                && c.recipientRoles().contains(r.recipientRole())
                && (c.recipientAgencies().isEmpty()
                        || (r.recipientAgency().isPresent()
                                && c.recipientAgencies().contains(r.recipientAgency().get())))
                && c.purposes().contains(r.purpose()) && c.dataClasses().contains(data);
    }

    /** An ROI (or an evaluation consent, for research/evaluation) covering {@code data} of {@code r}. */
    static boolean roiCovers(Consent c, DisclosureRequest r, DataClass data, Instant t) {
        boolean typeFits = c.type() == ConsentType.MULTI_PARTY_ROI
                || (c.type() == ConsentType.EVALUATION && r.purpose() == Purpose.RESEARCH_EVALUATION);
        return typeFits && reaches(c, r, data, t);
    }

    /** A Part 2 consent covering {@code data} of {@code r}. */
    static boolean part2Covers(Consent c, DisclosureRequest r, DataClass data, Instant t) {
        return c.type() == ConsentType.PART2 && reaches(c, r, data, t);
    }

    /** The consent R36 asks of {@code data}: Part 2 for SUD_PART2, else the ROI. */
    static boolean oracleCovers(Consent c, DisclosureRequest r, DataClass data, Instant t) {
        return data == DataClass.SUD_PART2 ? part2Covers(c, r, data, t) : roiCovers(c, r, data, t);
    }

    static boolean excepted(DisclosureRequest r) {
        return r.part2Exception().map(e -> EXCEPTION_PURPOSES.get(e).contains(r.purpose())).orElse(false);
    }

    /** R36 and Part 2 alone, as before the matrix: the consent (or exception) each non-aggregate class needs. */
    static boolean consentAllows(DisclosureRequest r, List<Consent> consents, DataClass data, Instant t) {
        if (data == DataClass.AGGREGATE) {
            return true;
        }
        boolean consented = consents.stream().anyMatch(c -> oracleCovers(c, r, data, t));
        return consented || (data == DataClass.SUD_PART2 && excepted(r));
    }

    /** §2.2: the recipient's role may read {@code data}, every condition of its cell met. */
    static boolean matrixAllows(DisclosureRequest r, List<Consent> consents, DataClass data, Instant t) {
        SpecMatrix.Cell cell = SpecMatrix.cell(r.recipientRole(), data);
        return cell.grants(Operation.READ) && conditionsHold(cell, r, consents, data, t);
    }

    /** Every condition of the §2.2 cell holds for the recipient of {@code r}. */
    static boolean conditionsHold(SpecMatrix.Cell cell, DisclosureRequest r, List<Consent> consents, DataClass data,
                                  Instant t) {
        for (String condition : cell.conditions()) {
            boolean holds;
            switch (condition) {
                case "own":
                    holds = r.circumstances().own();
                    break;
                case "assigned":
                    holds = r.circumstances().assigned();
                    break;
                case "meeting":
                    holds = r.circumstances().inOwgMeeting();
                    break;
                case "roi":
                    holds = consents.stream().anyMatch(c -> roiCovers(c, r, data, t));
                    break;
                case "p2":
                    holds = consents.stream().anyMatch(c -> part2Covers(c, r, data, t))
                            || (data == DataClass.SUD_PART2 && excepted(r));
                    break;
                case "research":
                    holds = r.purpose() == Purpose.RESEARCH_EVALUATION;
                    break;
                case "supervisory":
                    holds = true;
                    break;
                default:
                    throw new IllegalArgumentException(condition);
            }
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code r} must be granted: never for enforcement or evidence, else matrix and consent for each class. */
    static boolean granted(DisclosureRequest r, List<Consent> consents, Instant t) {
        if (r.purpose() == Purpose.ENFORCEMENT || r.purpose() == Purpose.EVIDENCE) {
            return false;
        }
        return r.dataClasses().stream()
                .allMatch(data -> matrixAllows(r, consents, data, t) && consentAllows(r, consents, data, t));
    }
}

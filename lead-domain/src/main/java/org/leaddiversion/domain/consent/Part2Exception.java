/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 42 CFR Part 2 exceptions under which substance-use-disorder records may be disclosed without the patient's
 * consent (SPEC §7.6, P2-LIST), each with the purposes it can serve. An exception never makes an enforcement or
 * evidence purpose acceptable: under the First Golden Rule (R35) those are refused before any exception is looked at,
 * and a court order for a criminal investigation of the patient is not something LEAD discloses under.
 */
public enum Part2Exception {
    /** A court order under subpart E (§§2.61–2.65), here only for court progress and legal coordination. */
    COURT_ORDER_SUBPART_E(EnumSet.of(Purpose.COURT_PROGRESS, Purpose.LEGAL_COORDINATION)),
    /** A bona fide medical emergency (§2.51). */
    MEDICAL_EMERGENCY(EnumSet.of(Purpose.MEDICAL_EMERGENCY, Purpose.TREATMENT)),
    /** Research (§2.52). */
    RESEARCH(EnumSet.of(Purpose.RESEARCH_EVALUATION)),
    /** Audit and evaluation (§2.53). */
    AUDIT_EVALUATION(EnumSet.of(Purpose.AUDIT, Purpose.RESEARCH_EVALUATION)),
    /** A qualified service organisation agreement (§2.12(c)(4)). */
    QUALIFIED_SERVICE_ORGANISATION(EnumSet.of(Purpose.CARE_COORDINATION, Purpose.TREATMENT)),
    /** Crimes on programme premises or against programme staff (§2.12(c)(5)). */
    CRIME_ON_PREMISES(EnumSet.of(Purpose.MANDATED_REPORT)),
    /** Reports of suspected child abuse and neglect under state law (§2.12(c)(6)). */
    CHILD_ABUSE_REPORT(EnumSet.of(Purpose.MANDATED_REPORT));

    private final Set<Purpose> purposes;

    Part2Exception(Set<Purpose> purposes) {
        this.purposes = purposes;
    }

    /** The purposes a disclosure under this exception may serve. */
    public Set<Purpose> purposes() {
        return EnumSet.copyOf(purposes);
    }

    /** Whether a disclosure for {@code purpose} may rest on this exception. */
    public boolean permits(Purpose purpose) {
        return purposes.contains(purpose);
    }
}

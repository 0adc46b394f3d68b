/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

/**
 * Why information is disclosed. {@link #ENFORCEMENT} and {@link #EVIDENCE} exist so that a request can name them and
 * be refused: LEAD information is never disclosed for them, whatever a consent says (First Golden Rule, R35).
 */
public enum Purpose {
    /** Coordinating care among operational partners. */
    CARE_COORDINATION,
    /** Treatment by a provider. */
    TREATMENT,
    /** Coordinating the diverted, pre-existing and new cases with prosecution and defence. */
    LEGAL_COORDINATION,
    /** Telling a court or probation that the person works with LEAD, and about progress and barriers. */
    COURT_PROGRESS,
    /** Research and programme evaluation. */
    RESEARCH_EVALUATION,
    /** Audit of the programme. */
    AUDIT,
    /** A bona fide medical emergency. */
    MEDICAL_EMERGENCY,
    /** A report the law mandates (crime on programme premises, suspected child abuse). */
    MANDATED_REPORT,
    /** Enforcement against the participant: always refused (R35). */
    ENFORCEMENT,
    /** Evidence against the participant: always refused (R35). */
    EVIDENCE;

    /** Whether this purpose is one LEAD information may never serve (R35). */
    public boolean isEnforcement() {
        return this == ENFORCEMENT || this == EVIDENCE;
    }
}

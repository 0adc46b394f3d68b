/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import org.leaddiversion.domain.common.RuleId;

/**
 * The master table of exclusion criteria E1–E17 (SPEC §4.3), each with its default strength (SPEC §4.5) and the
 * programme rule that governs it. A site switches criteria on and may change their strength, except that
 * {@link #ACTIVE_CONFIDENTIAL_INFORMANT}, {@link #NOT_LEAD_ELIGIBLE_OFFENCE} and {@link #UNDER_MIN_AGE} (rule R12) are
 * always HARD and {@link #NOT_AMENABLE} is always DISCRETIONARY.
 */
public enum ExclusionKind {
    /** E1: drug weight over the site threshold, or a "substantial quantity" where the site uses that wording. */
    DRUG_WEIGHT_OVER_THRESHOLD(1, RuleStrength.PRESUMPTIVE, RuleId.R10),
    /** E2: sale involvement beyond what the sales policy allows. */
    SALES_ABOVE_SUBSISTENCE(2, RuleStrength.PRESUMPTIVE, RuleId.R11),
    /** E3: the officer judges the person not amenable (a recorded factor only). */
    NOT_AMENABLE(3, RuleStrength.DISCRETIONARY, RuleId.R09),
    /** E4: younger than the site's minimum age at the referral date. */
    UNDER_MIN_AGE(4, RuleStrength.HARD, RuleId.R12),
    /** E5: exploits minors or others (e.g. for sales). */
    EXPLOITS_MINORS(5, RuleStrength.PRESUMPTIVE, RuleId.R09),
    /** E6: promotes prostitution. */
    PROMOTES_PROSTITUTION(6, RuleStrength.PRESUMPTIVE, RuleId.R09),
    /** E7: a prior conviction or prison release caught by a criminal-history rule. */
    DISQUALIFYING_CRIMINAL_HISTORY(7, RuleStrength.PRESUMPTIVE, RuleId.R13),
    /** E8: a pending drug-court, mental-health-court or other specialty-court case. */
    PENDING_TREATMENT_COURT_CASE(8, RuleStrength.HARD, RuleId.R15),
    /** E9: an order barring contact with a person who is currently a participant. */
    NO_CONTACT_ORDER_WITH_PARTICIPANT(9, RuleStrength.HARD, RuleId.R15),
    /** E10: on probation or other supervision (optionally only for listed offence categories). */
    ON_SUPERVISION(10, RuleStrength.PRESUMPTIVE, RuleId.R09),
    /** E11: a pending felony case. */
    PENDING_FELONY(11, RuleStrength.PRESUMPTIVE, RuleId.R09),
    /** E12: an outstanding warrant. */
    OUTSTANDING_WARRANT(12, RuleStrength.PRESUMPTIVE, RuleId.R09),
    /** E13: an identified complainant has not agreed to forgo prosecution. */
    COMPLAINANT_DOES_NOT_CONSENT(13, RuleStrength.HARD, RuleId.R14),
    /** E14: the offence requires restitution (arrest door only). */
    RESTITUTION_OFFENCE(14, RuleStrength.PRESUMPTIVE, RuleId.R09),
    /** E15: encounter outside the catchment area, or person not resident where residency is required. */
    OUTSIDE_CATCHMENT(15, RuleStrength.HARD, RuleId.R09),
    /** E16: an active confidential informant. Always HARD (core principle). */
    ACTIVE_CONFIDENTIAL_INFORMANT(16, RuleStrength.HARD, RuleId.R37),
    /** E17: an offence that is not on the site's divertible list. Always HARD for charge-holding doors. */
    NOT_LEAD_ELIGIBLE_OFFENCE(17, RuleStrength.HARD, RuleId.R04);

    private final int number;
    private final RuleStrength defaultStrength;
    private final RuleId rule;

    ExclusionKind(int number, RuleStrength defaultStrength, RuleId rule) {
        this.number = number;
        this.defaultStrength = defaultStrength;
        this.rule = rule;
    }

    /** The criterion number, 1–17. */
    public int number() {
        return number;
    }

    /** Short id such as {@code E7}. */
    public String id() {
        return "E" + number;
    }

    /** The strength used when the site does not set one (SPEC §4.5). */
    public RuleStrength defaultStrength() {
        return defaultStrength;
    }

    /** The programme rule that governs this criterion. */
    public RuleId rule() {
        return rule;
    }

    /** Whether the strength is fixed by a core principle and cannot be configured. */
    public boolean strengthIsFixed() {
        return this == ACTIVE_CONFIDENTIAL_INFORMANT || this == NOT_LEAD_ELIGIBLE_OFFENCE || this == NOT_AMENABLE
                || this == UNDER_MIN_AGE;
    }
}

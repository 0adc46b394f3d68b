/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

/** The parts of legal-system cost the Seattle cost study counted (SPEC §8.1, §8.4 {@code LEGAL_COST_DELTA}). */
public enum CostComponent {
    /** Jail bookings and jail days. */
    JAIL,
    /** Prison terms. */
    PRISON,
    /** Prosecution of the person's cases. */
    PROSECUTION,
    /** Public defence of the person's cases. */
    DEFENCE
}

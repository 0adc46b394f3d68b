/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

/** A source of legitimate income or benefits in a month (SPEC §8.1 "legitimate income/benefits (yes/no, sources)"). */
public enum IncomeSource {
    /** Wages from employment. */
    EMPLOYMENT,
    /** Cash assistance. */
    CASH_BENEFITS,
    /** Food benefits (e.g. food stamps). */
    FOOD_BENEFITS,
    /** Disability benefits. */
    DISABILITY_BENEFITS,
    /** Pension or retirement income. */
    PENSION,
    /** Any other legitimate source. */
    OTHER
}

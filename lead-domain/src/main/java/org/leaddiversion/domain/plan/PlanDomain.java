/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

/** Domains of an Individual Intervention Plan (SPEC §6.2); also the category of a flexible-fund expenditure. */
public enum PlanDomain {
    HOUSING, SUBSTANCE_USE, MENTAL_HEALTH, PHYSICAL_HEALTH, LEGAL, INCOME_BENEFITS, EMPLOYMENT_EDUCATION,
    IDENTIFICATION_DOCUMENTS, BASIC_NEEDS, FAMILY_CHILDCARE, SAFETY, TRANSPORTATION, OTHER
}

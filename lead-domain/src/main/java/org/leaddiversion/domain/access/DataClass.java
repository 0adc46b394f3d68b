/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

/** Kinds of LEAD information the visibility matrix and consents speak about (SPEC §2.2). */
public enum DataClass {
    /** Identity, door, date and time, referring agency, offence codes, catchment. */
    REFERRAL_CORE,
    /** Eligibility result and reasons, criminal-history facts used. */
    SCREENING,
    /** The fact of participation: enrolled, active, inactive, closed. */
    ENROLLMENT_STATUS,
    /** Intervention-plan goals at summary level, barriers, resource gaps, "working with LEAD". */
    PLAN_SUMMARY,
    /** Contact narratives and clinical observations. */
    CASE_NOTES,
    /** Anything from a federally assisted substance-use-disorder programme (42 CFR Part 2). */
    SUD_PART2,
    /** Diverted-case status, pre-existing and post-enrolment cases, consultations. */
    LEGAL_COORDINATION,
    /** De-identified counts for PCG, CLT and evaluation dashboards. */
    AGGREGATE
}

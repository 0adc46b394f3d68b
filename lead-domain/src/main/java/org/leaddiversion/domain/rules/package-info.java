/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The rule catalogue: the programme rules of SPEC §10 as engine-neutral invariants. Each
 * {@link org.leaddiversion.domain.rules.Invariant} has an id (R01–R40), a one-line statement and a check over a
 * {@link org.leaddiversion.domain.rules.ProgrammeRecord} — a programme's policies, referrals, enrollments and event
 * log. Vendors run the same checks in their own property tests (with any engine) or over their own stored data.
 *
 * <p>{@link org.leaddiversion.domain.rules.EventDataClasses} names the data class each domain event belongs to, so a
 * participant's history is shown only as far as the access policy releases its classes.
 */
package org.leaddiversion.domain.rules;

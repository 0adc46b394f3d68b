/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Consent, the multi-party release of information and 42 CFR Part 2 (SPEC §7.5, §7.6, rules R35 and R36).
 *
 * <p>A participant's {@link org.leaddiversion.domain.consent.Consent consents} say who may receive which data for
 * which purposes, and until when. Every {@link org.leaddiversion.domain.consent.DisclosureRequest} is decided by the
 * {@link org.leaddiversion.domain.consent.DisclosurePolicy} against the visibility matrix and the consents in force at
 * that instant: LEAD information is never disclosed for enforcement or evidence (First Golden Rule), the matrix must let
 * the recipient read each class in the circumstances the host states, partner disclosures need a covering ROI, and
 * Part 2 records need a Part 2 consent or a listed exception. Every decision, granted or refused, is written
 * once to the append-only {@link org.leaddiversion.domain.consent.DisclosureLog}.
 */
package org.leaddiversion.domain.consent;

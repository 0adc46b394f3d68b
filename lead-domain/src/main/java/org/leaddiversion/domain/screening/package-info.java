/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Eligibility screening (SPEC §4.8): a deterministic, pure function from a referral's facts, the site policy version
 * in force and the context at screening time (current participants, capacity) to a
 * {@link org.leaddiversion.domain.screening.ScreeningDecision} with every reason.
 *
 * <p>Each exclusion criterion E1–E17 is a named {@link org.leaddiversion.domain.screening.ExclusionCriterion}; a
 * site's screening is the composition of the criteria its policy switches on, never an {@code if} chain keyed on site
 * names. Build one per policy version with {@link org.leaddiversion.domain.screening.EligibilityScreening#of} and reuse
 * it: it is immutable and thread-safe.
 */
package org.leaddiversion.domain.screening;

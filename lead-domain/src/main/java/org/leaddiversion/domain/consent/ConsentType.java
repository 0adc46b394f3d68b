/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

/** Kinds of consent a participant signs (SPEC §7.6). */
public enum ConsentType {
    /** The multi-party release of information that lets operational partners coordinate. */
    MULTI_PARTY_ROI,
    /** A consent meeting 42 CFR §2.31, naming recipients and purposes for substance-use-disorder records. */
    PART2,
    /** Consent to take part in research or evaluation. */
    EVALUATION
}

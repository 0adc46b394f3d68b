/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

/**
 * The victim of the diverted offence, where there is one (E13, rule R14).
 *
 * @param identified                whether a complainant has been identified
 * @param consentsToForgoProsecution whether the complainant agreed to forgo prosecution (Albany, VOA NNE)
 */
public record Complainant(boolean identified, boolean consentsToForgoProsecution) {
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import org.leaddiversion.domain.common.Require;

/**
 * An order barring the person from contacting someone (E9): no-contact, restraining or anti-harassment order.
 *
 * @param kind             {@code NO_CONTACT}, {@code RESTRAINING} or {@code ANTI_HARASSMENT}
 * @param protectedPerson  the person protected by the order
 */
public record CourtOrder(Kind kind, PersonId protectedPerson) {

    /** Kinds of order. */
    public enum Kind { NO_CONTACT, RESTRAINING, ANTI_HARASSMENT }

    public CourtOrder {
        Require.present(kind, "courtOrder.kind");
        Require.present(protectedPerson, "courtOrder.protectedPerson");
    }
}

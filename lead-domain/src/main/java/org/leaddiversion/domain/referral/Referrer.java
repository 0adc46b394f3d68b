/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.ReferrerKind;

/**
 * Who makes the referral.
 *
 * @param actor       identity, role and agency
 * @param kind        relationship to the person, for doors restricted by referrer kind (family, friend…)
 * @param leadTrained whether the officer is LEAD-trained, for sites that require it
 */
public record Referrer(Actor actor, Optional<ReferrerKind> kind, boolean leadTrained) {
    public Referrer {
        Require.present(actor, "referrer.actor");
        Require.present(kind, "referrer.kind");
    }

    /** A LEAD-trained referrer with no recorded kind. */
    public static Referrer trained(Actor actor) {
        return new Referrer(actor, Optional.empty(), true);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.util.Optional;

/**
 * Who issues a command: identity, role and agency, as resolved by the host application from its own
 * authentication. The domain decides what the role may do; it never authenticates.
 *
 * @param id     the actor's identity
 * @param role   the role acted in
 * @param agency the agency the actor works for, if known (e.g. {@code SPD}, {@code KCPAO})
 */
public record Actor(ActorId id, Role role, Optional<String> agency) {

    public Actor {
        Require.present(id, "actor.id");
        Require.present(role, "actor.role");
        Require.present(agency, "actor.agency");
        agency = agency.map(a -> Require.text(a, "actor.agency", Require.NAME_MAX));
    }

    /** An actor without a recorded agency. */
    public static Actor of(String id, Role role) {
        return new Actor(new ActorId(id), role, Optional.empty());
    }

    /** Whether this is the same person as {@code other}. */
    public boolean isSamePersonAs(Actor other) {
        return id.equals(other.id);
    }
}

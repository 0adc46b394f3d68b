/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.persistence.Reader;

/**
 * Who is asking, for what purpose, in which circumstances: what a host's {@link ActorResolver} resolves from its own
 * authentication for each GraphQL request. Every participant field the request touches is decided by the domain's
 * access policy for this viewer and audited under it.
 *
 * @param actor         the person behind the request (id, role, agency)
 * @param purpose       the purpose of use (ENFORCEMENT and EVIDENCE read nothing, rule R35)
 * @param circumstances the viewer's relation to the records read, as the host states it (own record, assigned
 *                      participant, in an OWG meeting)
 */
public record Viewer(Actor actor, Purpose purpose, RecipientCircumstances circumstances) {

    public Viewer {
        Require.present(actor, "viewer.actor");
        Require.present(purpose, "viewer.purpose");
        Require.present(circumstances, "viewer.circumstances");
    }

    /** A viewer in no special circumstance. */
    public static Viewer of(Actor actor, Purpose purpose) {
        return new Viewer(actor, purpose, RecipientCircumstances.none());
    }

    /** The same viewer as the persistence module's audited reads know it. */
    Reader reader() {
        return new Reader(actor, purpose, circumstances);
    }
}

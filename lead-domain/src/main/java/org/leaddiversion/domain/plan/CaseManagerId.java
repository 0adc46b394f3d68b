/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.Require;

/** A case manager, identified by the actor id the host application resolves. */
public record CaseManagerId(String value) implements Comparable<CaseManagerId> {
    public CaseManagerId {
        value = Require.id(value, "caseManagerId");
    }

    /** The case manager who is this actor. */
    public static CaseManagerId of(ActorId actor) {
        return new CaseManagerId(actor.value());
    }

    @Override
    public int compareTo(CaseManagerId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

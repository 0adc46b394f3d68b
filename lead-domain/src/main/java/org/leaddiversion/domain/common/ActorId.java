/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

/** Identity of a person acting in the system (an officer's badge id, a staff account), as the host knows it. */
public record ActorId(String value) {
    public ActorId {
        value = Require.id(value, "actorId");
    }

    @Override
    public String toString() {
        return value;
    }
}

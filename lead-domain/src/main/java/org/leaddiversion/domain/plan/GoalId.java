/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.util.UUID;
import org.leaddiversion.domain.common.Require;

/** Identity (from the injected {@link org.leaddiversion.domain.common.IdGenerator}). */
public record GoalId(UUID value) {
    public GoalId {
        Require.present(value, "goalId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

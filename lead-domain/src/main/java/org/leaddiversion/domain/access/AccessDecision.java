/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

import java.util.Set;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.Require;

/** The matrix's answer to one access: allowed under some conditions, or denied with the reason. */
public sealed interface AccessDecision permits AccessDecision.Allowed, AccessDecision.Denied {

    /** Whether the access is allowed. */
    boolean isAllowed();

    /** Allowed; {@code conditions} are those of the matrix cell, all satisfied by the context. */
    record Allowed(Set<Condition> conditions) implements AccessDecision {
        public Allowed {
            conditions = Set.copyOf(Require.noNulls(conditions, "conditions"));
        }

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /** Denied, with the error naming the operation or unmet condition and the rule. */
    record Denied(DomainError reason) implements AccessDecision {
        public Denied {
            Require.present(reason, "reason");
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}

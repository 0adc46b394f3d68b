/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.util.UUID;
import org.leaddiversion.domain.common.Require;

/** Identity of a diverted (held) case. */
public record DivertedCaseId(UUID value) {
    public DivertedCaseId {
        Require.present(value, "divertedCaseId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

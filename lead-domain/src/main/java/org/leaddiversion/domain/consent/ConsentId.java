/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.util.UUID;
import org.leaddiversion.domain.common.Require;

/** Identity of one signed consent (an ROI, a Part 2 consent, an evaluation consent). */
public record ConsentId(UUID value) implements Comparable<ConsentId> {
    public ConsentId {
        Require.present(value, "consentId");
    }

    @Override
    public int compareTo(ConsentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

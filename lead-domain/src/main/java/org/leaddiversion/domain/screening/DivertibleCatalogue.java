/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.util.HashMap;
import java.util.Map;
import org.leaddiversion.domain.policy.DivertibleOffence;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SitePolicy;

/** The divertible-offence catalogue of a policy as one hash lookup: offence code to a bit per level it covers. */
final class DivertibleCatalogue {

    private static final int ALL_LEVELS = (1 << OffenceLevel.values().length) - 1;

    private final Map<String, Integer> levels = new HashMap<>();

    DivertibleCatalogue(SitePolicy policy) {
        for (DivertibleOffence d : policy.divertibleOffences()) {
            int bits = d.level().map(l -> 1 << l.ordinal()).orElse(ALL_LEVELS);
            levels.merge(d.code().value(), bits, (a, b) -> a | b);
        }
    }

    boolean isDivertible(OffenceCode code, OffenceLevel level) {
        Integer bits = levels.get(code.value());
        return bits != null && (bits & (1 << level.ordinal())) != 0;
    }
}

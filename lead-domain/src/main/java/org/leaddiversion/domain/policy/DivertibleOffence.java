/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Optional;
import org.leaddiversion.domain.common.Require;

/**
 * An entry of a site's divertible-offence catalogue (SPEC §4.2): an offence code, optionally limited to one level
 * (Baltimore: misdemeanour drug possession only).
 */
public record DivertibleOffence(OffenceCode code, Optional<OffenceLevel> level) {

    public DivertibleOffence {
        Require.present(code, "divertibleOffence.code");
        Require.present(level, "divertibleOffence.level");
    }

    public static DivertibleOffence of(String code) {
        return new DivertibleOffence(OffenceCode.of(code), Optional.empty());
    }

    /** Whether an offence with this code and level is covered by the entry. */
    public boolean covers(OffenceCode offence, OffenceLevel offenceLevel) {
        return code.equals(offence) && (level.isEmpty() || level.get() == offenceLevel);
    }

    @Override
    public String toString() {
        return level.map(l -> code + ":" + l).orElse(code.value());
    }
}

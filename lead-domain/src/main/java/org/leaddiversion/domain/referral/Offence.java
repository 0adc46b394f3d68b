/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;

/**
 * An offence the officer has probable cause for (arrest door) or the prosecutor holds (prosecutor door).
 *
 * @param code                the site's offence code
 * @param level               misdemeanour, felony…
 * @param requiresRestitution whether the offence would require restitution (E14)
 */
public record Offence(OffenceCode code, OffenceLevel level, boolean requiresRestitution) {
    public Offence {
        Require.present(code, "offence.code");
        Require.present(level, "offence.level");
    }

    public static Offence of(String code, OffenceLevel level) {
        return new Offence(OffenceCode.of(code), level, false);
    }
}

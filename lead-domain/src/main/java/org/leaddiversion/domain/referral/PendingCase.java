/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;

/**
 * A pending criminal case.
 *
 * @param offence the charged offence
 * @param level   misdemeanour or felony (E11)
 * @param court   court type code if a specialty court ({@code DRUG_COURT}, {@code MENTAL_HEALTH_COURT}…) (E8)
 */
public record PendingCase(OffenceCode offence, OffenceLevel level, Optional<String> court) {
    public PendingCase {
        Require.present(offence, "pendingCase.offence");
        Require.present(level, "pendingCase.level");
        Require.present(court, "pendingCase.court");
        court.ifPresent(c -> Require.code(c, "pendingCase.court"));
    }
}

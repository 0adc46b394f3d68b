/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * What a missed intake deadline does (SPEC §3.6).
 *
 * @param recipient                   who is told that a held charge is released for ordinary review
 * @param releaseOnLaterNonEngagement fidelity variant (Santa Fe 2014, Clackamas): allow a NOT_FILED case to be
 *                                    released later for non-engagement. Off by default; on only with a recorded
 *                                    fidelity warning, because it contradicts harm reduction
 * @param fidelityWarning             the PCG's recorded fidelity warning, required when the variant is on
 */
public record LapsePolicy(LapseRecipient recipient, boolean releaseOnLaterNonEngagement, Optional<String> fidelityWarning) {

    public LapsePolicy {
        Require.present(recipient, "lapse.recipient");
        Require.present(fidelityWarning, "lapse.fidelityWarning");
        if (releaseOnLaterNonEngagement && fidelityWarning.map(String::isBlank).orElse(true)) {
            throw new InvalidValueException("lapse.fidelityWarning",
                    "is required when lapse.releaseOnLaterNonEngagement is true (it departs from harm reduction)");
        }
    }
}

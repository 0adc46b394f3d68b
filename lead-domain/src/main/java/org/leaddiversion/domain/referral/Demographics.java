/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.util.Optional;
import org.leaddiversion.domain.common.Require;

/**
 * Demographics for equity monitoring (SPEC §8.5). Categories are site-configured codes; an absent value is reported
 * as unknown and never imputed.
 */
public record Demographics(Optional<String> race, Optional<String> ethnicity, Optional<String> gender) {
    public Demographics {
        Require.present(race, "demographics.race");
        Require.present(ethnicity, "demographics.ethnicity");
        Require.present(gender, "demographics.gender");
    }

    /** Nothing recorded. */
    public static Demographics unknown() {
        return new Demographics(Optional.empty(), Optional.empty(), Optional.empty());
    }
}

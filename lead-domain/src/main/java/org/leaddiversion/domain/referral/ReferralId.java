/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.util.UUID;
import org.leaddiversion.domain.common.Require;

/** Identity of a referral. */
public record ReferralId(UUID value) implements Comparable<ReferralId> {
    public ReferralId {
        Require.present(value, "referralId");
    }

    @Override
    public int compareTo(ReferralId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

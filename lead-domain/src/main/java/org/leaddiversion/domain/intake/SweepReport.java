/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.util.List;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * What one run of the deadline sweep did.
 *
 * @param lapsed  referrals this run moved to INTAKE_LAPSED
 * @param skipped referrals another writer changed first (another node's sweep, a late intake); left as they are
 */
public record SweepReport(List<ReferralId> lapsed, List<ReferralId> skipped) {
    public SweepReport {
        lapsed = List.copyOf(lapsed);
        skipped = List.copyOf(skipped);
    }
}

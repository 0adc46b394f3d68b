/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.time.LocalDate;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.EvidenceKind;

/**
 * Verification of prior involvement in the target conduct, for a social-contact referral (SPEC §3.2, rule R05).
 *
 * @param kind     records, direct observation or reliable information
 * @param date     local date of the verified activity
 * @param location where the activity took place
 */
public record VerificationEvidence(EvidenceKind kind, LocalDate date, Location location) {
    public VerificationEvidence {
        Require.present(kind, "verificationEvidence.kind");
        Require.present(date, "verificationEvidence.date");
        Require.present(location, "verificationEvidence.location");
    }
}

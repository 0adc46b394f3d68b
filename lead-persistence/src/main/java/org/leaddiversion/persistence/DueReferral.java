/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.intake.IntakeDeadline;

/**
 * An open referral whose intake deadline is near or past ({@link ParticipantRecords#deadlinesDue}): the referral as
 * the reader may see it, and its deadline.
 *
 * @param referral the referral, cut to the classes released
 * @param deadline its intake deadline (SPEC §3.5): the last local day on which intake is timely
 */
public record DueReferral(ReferralView referral, IntakeDeadline deadline) {

    public DueReferral {
        Require.present(referral, "referral");
        Require.present(deadline, "deadline");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.LapseRecipient;
import org.leaddiversion.domain.referral.Offence;

/**
 * The held charge of a charge-holding door (SPEC §5.6): the arrest report sent to the prosecutor and not filed while
 * the intake window is open. Immutable; transitions are made by its {@link Referral}.
 *
 * @param id              identity
 * @param offences        the offences held
 * @param reviewingOffice the office that would ordinarily charge it (charge routing), if configured
 * @param status          current state
 * @param heldAt          when the hold began (acceptance)
 * @param resolvedAt      when it left HELD
 * @param releaseReason   why it was released, if released
 * @param notified        who was told of the release
 */
public record DivertedCase(DivertedCaseId id, List<Offence> offences, Optional<String> reviewingOffice,
                           DivertedCaseStatus status, Instant heldAt, Optional<Instant> resolvedAt,
                           Optional<ReleaseReason> releaseReason, Optional<LapseRecipient> notified) {

    public DivertedCase {
        Require.present(id, "divertedCase.id");
        offences = List.copyOf(Require.noNulls(offences, "divertedCase.offences"));
        Require.present(reviewingOffice, "divertedCase.reviewingOffice");
        Require.present(status, "divertedCase.status");
        Require.present(heldAt, "divertedCase.heldAt");
        Require.present(resolvedAt, "divertedCase.resolvedAt");
        Require.present(releaseReason, "divertedCase.releaseReason");
        Require.present(notified, "divertedCase.notified");
    }

    static DivertedCase held(DivertedCaseId id, List<Offence> offences, Optional<String> office, Instant now) {
        return new DivertedCase(id, offences, office, DivertedCaseStatus.HELD, now, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    DivertedCase notFiled(Instant now) {
        return new DivertedCase(id, offences, reviewingOffice, DivertedCaseStatus.NOT_FILED, heldAt, Optional.of(now),
                Optional.empty(), Optional.empty());
    }

    DivertedCase released(ReleaseReason reason, LapseRecipient recipient, Instant now) {
        return new DivertedCase(id, offences, reviewingOffice, DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, heldAt,
                Optional.of(now), Optional.of(reason), Optional.of(recipient));
    }

    DivertedCase reviewed(DivertedCaseStatus outcome) {
        return new DivertedCase(id, offences, reviewingOffice, outcome, heldAt, resolvedAt, releaseReason, notified);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.time.Instant;
import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;

/**
 * A charging decision as recorded on a post-enrollment case.
 *
 * @param decision      the enumerated option chosen
 * @param decidedBy     the prosecutor or liaison prosecutor
 * @param decidedAt     when (from the injected clock)
 * @param waiverReason  why consultation was waived, when it was (rule R34)
 * @param basis         the stated basis, free text; never a LEAD disclosure (rule R35)
 * @param basedOnLeadDisclosure whether the basis is a LEAD disclosure; always {@code false} for decisions the
 *                      aggregate recorded, kept so restored data can be checked against rule R35
 */
public record RecordedDecision(ChargingDecision decision, Actor decidedBy, Instant decidedAt,
                               Optional<String> waiverReason, Optional<String> basis,
                               boolean basedOnLeadDisclosure) {
    public RecordedDecision {
        Require.present(decision, "decision");
        Require.present(decidedBy, "decision.decidedBy");
        Require.present(decidedAt, "decision.decidedAt");
        Require.present(waiverReason, "decision.waiverReason");
        Require.present(basis, "decision.basis");
    }
}

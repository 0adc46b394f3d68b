/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.time.Instant;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;

/** The case manager's summary for the prosecutor (SPEC §7.2); never a disclosure the decision may rest on (R35). */
public record CaseManagerInput(Actor recordedBy, String summary, Instant recordedAt) {
    public CaseManagerInput {
        Require.present(recordedBy, "caseManagerInput.recordedBy");
        summary = Require.text(summary, "caseManagerInput.summary", Require.TEXT_MAX);
        Require.present(recordedAt, "caseManagerInput.recordedAt");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.time.Duration;
import java.time.Instant;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;

/**
 * A prosecutor's request to consult the case manager before a charging decision (rule R34).
 *
 * @param requestedBy the prosecutor or liaison prosecutor who asked
 * @param requestedAt when (from the injected clock)
 * @param dueBy       {@code requestedAt} plus the site's {@code consultationWindowDays} (whole 24-hour days)
 */
public record ConsultationRequest(Actor requestedBy, Instant requestedAt, Instant dueBy) {
    public ConsultationRequest {
        Require.present(requestedBy, "consultation.requestedBy");
        Require.present(requestedAt, "consultation.requestedAt");
        Require.present(dueBy, "consultation.dueBy");
    }

    /** A request made at {@code requestedAt}, due {@code windowDays} days later. */
    public static ConsultationRequest of(Actor requestedBy, Instant requestedAt, int windowDays) {
        Require.atLeast(windowDays, 1, "consultationWindowDays");
        return new ConsultationRequest(requestedBy, requestedAt, requestedAt.plus(Duration.ofDays(windowDays)));
    }
}

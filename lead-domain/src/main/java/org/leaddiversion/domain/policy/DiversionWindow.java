/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.time.LocalDateTime;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * A period, in the site's local time, in which arrest diversion is allowed — an evaluation's "green-light
 * shift" (SPEC §3.1, §8.4). Start inclusive, end exclusive.
 */
public record DiversionWindow(LocalDateTime start, LocalDateTime end) {

    public DiversionWindow {
        Require.present(start, "diversionWindow.start");
        Require.present(end, "diversionWindow.end");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("diversionWindow.end", "must be after the start");
        }
    }

    public boolean contains(LocalDateTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}

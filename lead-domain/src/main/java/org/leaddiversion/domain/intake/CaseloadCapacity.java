/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.util.OptionalInt;
import org.leaddiversion.domain.policy.SiteId;

/**
 * Port: case-management capacity of a site, the sum of the caseload caps of its active case managers (rule R17).
 * A host that does not run the capacity gate says so explicitly with {@link #notTracked()}.
 */
@FunctionalInterface
public interface CaseloadCapacity {

    /** Total capacity of the site, or empty when capacity is not tracked (the gate is then skipped). */
    OptionalInt of(SiteId site);

    /** Capacity is not tracked: screening skips the capacity gate. */
    static CaseloadCapacity notTracked() {
        return site -> OptionalInt.empty();
    }

    /** The same fixed capacity for every site (tests, demos). */
    static CaseloadCapacity fixed(int capacity) {
        return site -> OptionalInt.of(capacity);
    }
}

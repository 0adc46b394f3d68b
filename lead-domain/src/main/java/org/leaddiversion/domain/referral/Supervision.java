/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.OffenceCode;

/**
 * Current probation or parole (E10).
 *
 * @param kind       {@code PROBATION} or {@code PAROLE}
 * @param categories offence categories of the supervised conviction ({@code PERSON_CRIME}…)
 */
public record Supervision(Kind kind, Set<OffenceCode> categories) {

    /** Kinds of supervision. */
    public enum Kind { PROBATION, PAROLE }

    public Supervision {
        Require.present(kind, "supervision.kind");
        categories = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(categories, "supervision.categories")));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.OffenceCode;

/**
 * A prior conviction.
 *
 * @param categories          offence categories it belongs to ({@code ROBBERY}, {@code VIOLENT}…)
 * @param convictionDate      date of conviction
 * @param attemptOrConspiracy an attempt or conspiracy to commit the offence
 */
public record Conviction(Set<OffenceCode> categories, LocalDate convictionDate, boolean attemptOrConspiracy) {
    public Conviction {
        categories = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(categories, "conviction.categories")));
        if (categories.isEmpty()) {
            throw new InvalidValueException("conviction.categories", "must name at least one offence category");
        }
        Require.present(convictionDate, "conviction.convictionDate");
    }

    public static Conviction of(String category, LocalDate date) {
        return new Conviction(Set.of(OffenceCode.of(category)), date, false);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * The pre/post design of the outcome measures (SPEC §8.2): a window of the same length before and after each cohort
 * member's entry date, and the last date the legal data cover.
 *
 * <ul>
 *   <li>The <em>pre</em> window is {@code [entry − length, entry)}: it ends the day before entry.</li>
 *   <li>The <em>post</em> window is {@code (entry, entry + length]}: it starts the day after entry.</li>
 *   <li>The entry day belongs to neither, so the encounter that brought the person into the evaluation (the
 *       diverted arrest, or the comparison arrest) is never counted as an outcome.</li>
 *   <li>A member is <em>followed</em> when {@code entry + length ≤ dataThrough}. Every outcome measure counts followed
 *       members only, before and after alike, so pre and post are always over the same people.</li>
 * </ul>
 * Lengths in months follow the calendar ({@code 2025-08-31} plus one month is {@code 2025-09-30}).
 *
 * @param length      the length of each window (e.g. six months for the short-term Seattle design)
 * @param dataThrough the last date the legal-event data are complete for
 */
public record OutcomeWindow(Period length, LocalDate dataThrough) {

    /** Validates that the length is positive. */
    public OutcomeWindow {
        Require.present(length, "window.length");
        Require.present(dataThrough, "window.dataThrough");
        if (length.isZero() || length.isNegative() || length.getYears() < 0 || length.getMonths() < 0
                || length.getDays() < 0) {
            throw new InvalidValueException("window.length", "must be positive");
        }
    }

    /** The first day of the pre window. */
    public LocalDate preStart(LocalDate entry) {
        return entry.minus(length);
    }

    /** The last day of the post window. */
    public LocalDate postEnd(LocalDate entry) {
        return entry.plus(length);
    }

    /** Whether a member who entered on {@code entry} has a complete post window in the data. */
    public boolean follows(LocalDate entry) {
        return !postEnd(entry).isAfter(dataThrough);
    }

    /** Whether the date is in the pre window of {@code entry}. */
    public boolean inPre(LocalDate entry, LocalDate date) {
        return !date.isBefore(preStart(entry)) && date.isBefore(entry);
    }

    /** Whether the date is in the post window of {@code entry}. */
    public boolean inPost(LocalDate entry, LocalDate date) {
        return date.isAfter(entry) && !date.isAfter(postEnd(entry));
    }

    /** The number of days in the pre window. */
    public long preDays(LocalDate entry) {
        return ChronoUnit.DAYS.between(preStart(entry), entry);
    }

    /** The number of days in the post window. */
    public long postDays(LocalDate entry) {
        return ChronoUnit.DAYS.between(entry, postEnd(entry));
    }
}

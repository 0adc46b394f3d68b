/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * The period a report covers, in local dates of the site zone: from {@code start} (inclusive) to {@code end}
 * (exclusive). An instant belongs to the period when its local date in {@code zone} does, so a referral made at
 * 23:30 on the last day of a quarter is in that quarter whatever the server's time zone.
 *
 * @param start the first day
 * @param end   the first day after the period
 * @param zone  the site zone instants are read in
 */
public record ReportingPeriod(LocalDate start, LocalDate end, ZoneId zone) {

    /** Validates that the period is not empty. */
    public ReportingPeriod {
        Require.present(start, "period.start");
        Require.present(end, "period.end");
        Require.present(zone, "period.zone");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("period.end", "must be after the start");
        }
    }

    /** Quarter {@code q} (1–4) of {@code year}. */
    public static ReportingPeriod quarter(int year, int q, ZoneId zone) {
        if (q < 1 || q > 4) {
            throw new InvalidValueException("quarter", "must be 1 to 4");
        }
        LocalDate start = LocalDate.of(year, 3 * (q - 1) + 1, 1);
        return new ReportingPeriod(start, start.plusMonths(3), zone);
    }

    /** The whole months from {@code first} to {@code last}, both included. */
    public static ReportingPeriod months(YearMonth first, YearMonth last, ZoneId zone) {
        Require.present(first, "period.first");
        Require.present(last, "period.last");
        return new ReportingPeriod(first.atDay(1), last.plusMonths(1).atDay(1), zone);
    }

    /** Whether the local date is in the period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** Whether the instant's local date in the site zone is in the period. */
    public boolean contains(Instant instant) {
        return contains(localDate(instant));
    }

    /** The local date of an instant in the site zone. */
    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The last day of the period. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** Whether the period is made of whole calendar months. */
    public boolean isWholeMonths() {
        return start.getDayOfMonth() == 1 && end.getDayOfMonth() == 1;
    }

    /** The calendar months of a period of whole months, in order; invalid for any other period. */
    public List<YearMonth> months() {
        if (!isWholeMonths()) {
            throw new InvalidValueException("period", "must start and end on the first day of a month");
        }
        var out = new ArrayList<YearMonth>();
        for (YearMonth m = YearMonth.from(start); m.isBefore(YearMonth.from(end)); m = m.plusMonths(1)) {
            out.add(m);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ") " + zone;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.leaddiversion.domain.common.Require;

/**
 * The intake deadline (SPEC §3.5, rule R18): the local date {@code deadlineDays} after the local referral date in the
 * site zone. Intake at any instant up to the end of that local day is timely; one nanosecond later is late. Computed
 * in the zone's rules, so a daylight-saving change in the window neither shortens nor lengthens it.
 *
 * @param date the last local day on which intake is timely
 * @param zone the site zone
 */
public record IntakeDeadline(LocalDate date, ZoneId zone) {

    public IntakeDeadline {
        Require.present(date, "intakeDeadline.date");
        Require.present(zone, "intakeDeadline.zone");
    }

    /** {@code localDate(referredAt, zone) + deadlineDays}. */
    public static IntakeDeadline of(Instant referredAt, ZoneId zone, int deadlineDays) {
        return new IntakeDeadline(LocalDate.ofInstant(referredAt, zone).plusDays(deadlineDays), zone);
    }

    /** The first instant that is late: the start of the next local day. */
    public Instant firstLateInstant() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether something done at {@code instant} meets the deadline. */
    public boolean isMetBy(Instant instant) {
        return instant.isBefore(firstLateInstant());
    }
}

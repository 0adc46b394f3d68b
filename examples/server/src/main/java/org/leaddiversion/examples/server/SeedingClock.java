/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the demo data is written under: it stands still until the seeding moves it, and it only moves forward, so
 * every command is dated when the story says it happened and every aggregate's events stay in time order (rule R29).
 */
final class SeedingClock extends Clock {

    private Instant now;

    SeedingClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code instant}, which must not be earlier than the clock's present. */
    void moveTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalStateException("the seeding clock only moves forward: " + instant + " is before " + now);
        }
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the seeding clock runs in UTC");
        }
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

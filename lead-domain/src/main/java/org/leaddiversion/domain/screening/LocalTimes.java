/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local date-times of one zone, remembering the offset windows (the spans between two transitions) it has already
 * resolved. {@link ZoneRules#getOffset(Instant)} is costly for years past the zone database's explicit transitions;
 * screening converts one instant per referral, and the instants of a programme cluster in a few windows. The result
 * is always exactly {@link LocalDateTime#ofInstant(Instant, ZoneId)}. Thread-safe (copy-on-write, at most
 * {@link #MAX_WINDOWS} windows kept).
 */
final class LocalTimes {

    static final int MAX_WINDOWS = 128;

    /** [from, until) in epoch seconds, with the offset in force throughout. */
    private record Window(long from, long until, ZoneOffset offset) {
    }

    private final ZoneRules rules;
    private volatile Window[] windows = new Window[0];

    LocalTimes(ZoneId zone) {
        this.rules = zone.getRules();
    }

    LocalDateTime of(Instant t) {
        if (rules.isFixedOffset()) {
            return LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), rules.getOffset(t));
        }
        long s = t.getEpochSecond();
        Window[] ws = windows;
        int lo = 0;
        int hi = ws.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Window w = ws[mid];
            if (s < w.from) {
                hi = mid - 1;
            } else if (s >= w.until) {
                lo = mid + 1;
            } else {
                return LocalDateTime.ofEpochSecond(s, t.getNano(), w.offset);
            }
        }
        Window w = resolve(t);
        remember(w);
        return LocalDateTime.ofEpochSecond(s, t.getNano(), w.offset);
    }

    private Window resolve(Instant t) {
        ZoneOffset offset = rules.getOffset(t);
        long s = t.getEpochSecond();
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(s + 1));
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(s));
        long from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        long until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        if (from > s || until <= s) {
            return new Window(s, s + 1, offset);
        }
        return new Window(from, until, offset);
    }

    private synchronized void remember(Window w) {
        Window[] ws = windows;
        if (ws.length >= MAX_WINDOWS) {
            return;
        }
        int at = 0;
        while (at < ws.length && ws[at].from < w.from) {
            at++;
        }
        if (at < ws.length && ws[at].from == w.from) {
            return;
        }
        Window[] next = new Window[ws.length + 1];
        System.arraycopy(ws, 0, next, 0, at);
        next[at] = w;
        System.arraycopy(ws, at, next, at + 1, ws.length - at);
        windows = next;
    }
}

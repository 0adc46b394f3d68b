/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.quicktheories.generators.Generate;

/**
 * The local date-time screening uses for the referral date (rules R12, R13, R18, R40) is exactly the JDK's, in every
 * zone, at every instant — also on the second of a daylight-saving transition and one nanosecond either side of it.
 */
class LocalTimesTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("America/Santiago"), ZoneId.of("Europe/London"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("America/Havana"));

    @Test
    void equals_the_jdk_conversion_for_any_instant() {
        qt().forAll(Generate.pick(ZONES), LeadGenerators.referralInstants(), Generate.longRange(-3_000_000_000L, 3_000_000_000L))
                .checkAssert((zone, base, shift) -> {
                    var times = new LocalTimes(zone);
                    Instant t = base.plusMillis(shift);
                    // twice: the first call resolves the window, the second reads it back
                    assertEquals(LocalDateTime.ofInstant(t, zone), times.of(t));
                    assertEquals(LocalDateTime.ofInstant(t, zone), times.of(t));
                });
    }

    @Test
    void equals_the_jdk_conversion_around_every_transition() {
        for (ZoneId zone : ZONES) {
            var times = new LocalTimes(zone);
            Instant t = Instant.parse("2015-01-01T00:00:00Z");
            for (int i = 0; i < 40; i++) {
                ZoneOffsetTransition next = zone.getRules().nextTransition(t);
                if (next == null) {
                    break;
                }
                for (Instant probe : List.of(next.getInstant().minusNanos(1), next.getInstant(), next.getInstant().plusNanos(1),
                        next.getInstant().minusSeconds(1))) {
                    assertEquals(LocalDateTime.ofInstant(probe, zone), times.of(probe), () -> zone + " " + probe);
                }
                t = next.getInstant();
            }
            for (Instant probe : List.of(Instant.parse("2016-03-13T10:00:00.000000001Z"), Instant.parse("2030-11-03T09:00:00Z"))) {
                assertEquals(LocalDateTime.ofInstant(probe, zone), times.of(probe), () -> zone + " " + probe);
            }
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;
import static org.leaddiversion.domain.fixtures.LeadGenerators.pick;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.policy.SiteId;
import org.quicktheories.core.Gen;

/**
 * "Six months after the start" of the stage conversion's enrollment stage, as the SQL reckons it (an instant plus the
 * seconds of its piece, {@link EquityReportQueries#sixMonthShifts}), equals {@code ZonedDateTime.plusMonths(6)} in the
 * scope's zone for every instant of the period: across month ends, daylight-saving gaps and overlaps six months on,
 * and changes of offset inside the period itself.
 */
@DisplayName("Six months later in SQL is ZonedDateTime.plusMonths(6)")
class SixMonthShiftsTest {

    /** Zones with daylight saving on either hemisphere, a half-hour shift, offsets at midnight, and none. */
    private static final List<ZoneId> ZONES = new ArrayList<>(LeadGenerators.ZONES);

    static {
        ZONES.addAll(List.of(ZoneId.of("America/Santiago"), ZoneId.of("America/Havana"), ZoneId.of("Asia/Beirut"),
                ZoneId.of("Europe/Moscow"), ZoneId.of("Pacific/Apia"), ZoneId.of("America/Sao_Paulo"),
                ZoneId.of("Africa/Casablanca"), ZoneId.of("Asia/Tehran")));
    }

    record Case(ReportScope scope, List<Instant> instants) {
    }

    private static Gen<Case> cases() {
        return in -> {
            ZoneId zone = pick(in, ZONES);
            LocalDate start = LocalDate.of(between(in, 1975, 2035), 1, 1).plusDays(between(in, 0, 364));
            var period = new ReportingPeriod(start, start.plusDays(chance(in, 70) ? between(in, 1, 100)
                    : between(in, 100, 500)), zone);
            var scope = new ReportScope(new SiteId("site"), period);
            Instant lo = ReportSql.startOf(scope);
            Instant hi = ReportSql.endOf(scope);
            var instants = new ArrayList<Instant>(List.of(lo, hi.minusNanos(1000)));
            long seconds = Duration.between(lo, hi).getSeconds();
            for (int i = 0; i < 40; i++) {
                instants.add(lo.plusSeconds((long) (seconds * (between(in, 0, 1_000_000) / 1_000_000.0)))
                        .plusNanos(between(in, 0, 999_999) * 1000L));
            }
            // the instants six months before every offset change of the target range, and around them
            var rules = zone.getRules();
            for (ZoneOffsetTransition t = rules.nextTransition(lo.plus(Duration.ofDays(150))); t != null
                    && t.getInstant().isBefore(hi.plus(Duration.ofDays(200))); t = rules.nextTransition(
                    t.getInstant())) {
                for (LocalDateTime edge : List.of(t.getDateTimeBefore(), t.getDateTimeAfter())) {
                    for (int back = 0; back < 4; back++) {
                        Instant at = edge.minusMonths(6).plusDays(back - 1).atZone(zone).toInstant();
                        for (long delta : new long[] {-3_600, -1, 0, 1, 1_799, 3_599, 3_600}) {
                            instants.add(at.plusSeconds(delta));
                        }
                    }
                }
            }
            // and the period's own offset changes
            for (ZoneOffsetTransition t = rules.nextTransition(lo); t != null && t.getInstant().isBefore(hi);
                 t = rules.nextTransition(t.getInstant())) {
                for (long delta : new long[] {-1, 0, 1, 1_800, 3_600}) {
                    instants.add(t.getInstant().plusSeconds(delta));
                }
            }
            instants.removeIf(i -> i.isBefore(lo) || !i.isBefore(hi));
            return new Case(scope, instants);
        };
    }

    @Test
    void every_instant_of_the_period_moves_as_zoned_date_time_moves_it() {
        qt().withExamples(400).forAll(cases()).checkAssert(c -> {
            List<EquityReportQueries.Shift> shifts = EquityReportQueries.sixMonthShifts(c.scope());
            assertEquals(ReportSql.startOf(c.scope()), shifts.get(0).from(), "the first piece starts it");
            for (Instant at : c.instants()) {
                EquityReportQueries.Shift piece = shifts.get(0);
                for (EquityReportQueries.Shift s : shifts) {
                    if (!s.from().isAfter(at)) {
                        piece = s;
                    }
                }
                assertEquals(EquityReportQueries.sixMonths(at, c.scope().period().zone()),
                        at.plusSeconds(piece.seconds()), () -> at + " in " + c.scope());
            }
        });
    }

    @Test
    void a_quarter_is_a_handful_of_pieces() {
        var scope = new ReportScope(new SiteId("site"), ReportingPeriod.quarter(2024, 2,
                ZoneId.of("America/Los_Angeles")));
        List<EquityReportQueries.Shift> shifts = EquityReportQueries.sixMonthShifts(scope);
        // April to June: a piece for each run of days as far from the same day six months on (183 or 184 days; 31
        // May goes to 30 November), split where the return to standard time on 3 November 2024 falls
        assertTrue(shifts.size() < 12, shifts::toString);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.workgroup.Meeting;
import org.quicktheories.core.Gen;

/**
 * The behaviour every store of OWG meetings must have (in-memory, H2, PostgreSQL): meetings come back equal in the
 * order recorded, by site, whole-site and precinct meetings alike, and a failed transaction records none.
 */
abstract class MeetingsContract {

    static final Instant T0 = Instant.parse("2026-03-02T17:00:00Z");
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    CaseStore store;

    abstract CaseStore open(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = open(new MutableClock(T0));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Gen<Meeting> meetings() {
        return in -> {
            SiteId site = LeadGenerators.pick(in, List.of(Fixtures.SEATTLE, new SiteId("santa-fe"), new SiteId("denver")));
            Instant at = LeadGenerators.referralInstants().generate(in);
            int cadence = LeadGenerators.between(in, 1, 30);
            Optional<Instant> previous = LeadGenerators.chance(in, 50)
                    ? Optional.of(at.minus(Duration.ofHours(LeadGenerators.between(in, 1, 2000)))) : Optional.empty();
            Optional<AreaId> precinct = LeadGenerators.chance(in, 40)
                    ? Optional.of(AreaId.of(LeadGenerators.pick(in, LeadGenerators.AREAS) + "_PRECINCT")) : Optional.empty();
            return Meeting.of(site, LeadGenerators.pick(in, LeadGenerators.ZONES), at, previous, Optional.empty(),
                    cadence, precinct);
        };
    }

    @Test
    void meetings_come_back_equal_in_the_order_recorded_and_by_site() {
        Meeting west = Meeting.of(Fixtures.SEATTLE, PACIFIC, T0, Optional.empty(), Optional.empty(), 14,
                Optional.of(AreaId.of("WEST_PRECINCT")));
        Meeting site = new Meeting(new SiteId("santa-fe"), ZoneId.of("America/Denver"), T0.plusSeconds(60),
                T0.minus(Duration.ofDays(14)), T0.plus(Duration.ofDays(14)));
        Meeting north = Meeting.of(Fixtures.SEATTLE, PACIFIC, T0.plusSeconds(120), Optional.empty(), Optional.empty(),
                7, Optional.of(AreaId.of("NORTH_PRECINCT")));
        store.meetings().add(west);
        store.meetings().add(site);
        store.meetings().add(north);
        assertEquals(List.of(west, site, north), store.meetings().all());
        assertEquals(List.of(west, north), store.meetings().of(Fixtures.SEATTLE));
        assertEquals(List.of(site), store.meetings().of(new SiteId("santa-fe")));
        assertEquals(List.of(), store.meetings().of(new SiteId("denver")));
    }

    @Test
    void any_generated_meetings_come_back_equal() {
        var added = new ArrayList<Meeting>();
        qt().withExamples(60).forAll(meetings()).checkAssert(m -> {
            store.meetings().add(m);
            added.add(m);
            assertEquals(added, store.meetings().all());
            assertEquals(added.stream().filter(x -> x.site().equals(m.site())).toList(), store.meetings().of(m.site()));
        });
    }

    @Test
    void a_failed_transaction_records_no_meeting() {
        Meeting m = Meeting.of(Fixtures.SEATTLE, PACIFIC, T0, Optional.empty(), Optional.empty(), 14);
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.meetings().add(m);
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(List.of(), store.meetings().all());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.OWG_MEETING;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.workgroup.Meeting;
import org.leaddiversion.domain.workgroup.Meetings;
import org.leaddiversion.persistence.jooq.tables.records.OwgMeetingRecord;

/** {@link Meetings} in {@code owg_meeting}, one row per meeting, numbered in the order recorded. */
final class JooqMeetings implements Meetings {

    private final JooqTransactions tx;

    JooqMeetings(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(Meeting m) {
        Require.present(m, "meeting");
        tx.inTransaction(() -> tx.dsl().insertInto(OWG_MEETING)
                .set(OWG_MEETING.SITE_ID, m.site().value())
                .set(OWG_MEETING.ZONE, m.zone().getId())
                .set(OWG_MEETING.AT, EventStore.utc(m.at()))
                .set(OWG_MEETING.PREVIOUS_AT, EventStore.utc(m.previousAt()))
                .set(OWG_MEETING.NEXT_AT, EventStore.utc(m.nextAt()))
                .set(OWG_MEETING.PRECINCT, m.precinct().map(AreaId::value).orElse(null))
                .execute());
    }

    @Override
    public List<Meeting> all() {
        return load(DSL.noCondition());
    }

    @Override
    public List<Meeting> of(SiteId site) {
        return load(OWG_MEETING.SITE_ID.eq(site.value()));
    }

    private List<Meeting> load(Condition where) {
        return tx.dsl().selectFrom(OWG_MEETING).where(where).orderBy(OWG_MEETING.SEQ).fetch(JooqMeetings::toMeeting);
    }

    private static Meeting toMeeting(OwgMeetingRecord r) {
        return new Meeting(new SiteId(r.getSiteId()), ZoneId.of(r.getZone()), r.getAt().toInstant(),
                r.getPreviousAt().toInstant(), r.getNextAt().toInstant(),
                Optional.ofNullable(r.getPrecinct()).map(AreaId::of));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;

/**
 * One page of a participant's history ({@link ParticipantRecords#timeline}): the domain events of her referrals,
 * enrollments, plans, cases and consents in the order they happened, only those of the data classes released.
 *
 * @param entries the events of the page
 * @param hasMore whether a page follows this one
 */
public record Timeline(List<Entry> entries, boolean hasMore) {

    public Timeline {
        entries = List.copyOf(Require.noNulls(entries, "entries"));
    }

    /** A timeline with nothing on it. */
    public static Timeline empty() {
        return new Timeline(List.of(), false);
    }

    /** The cursor of the last event of the page, to ask for the next page after it. */
    public Optional<TimelineCursor> endCursor() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).cursor());
    }

    /**
     * An event of the participant's history.
     *
     * @param event     what happened
     * @param dataClass the data class it belongs to ({@link org.leaddiversion.domain.rules.EventDataClasses})
     * @param cursor    its place in the timeline
     */
    public record Entry(DomainEvent event, DataClass dataClass, TimelineCursor cursor) {
        public Entry {
            Require.present(event, "event");
            Require.present(dataClass, "dataClass");
            Require.present(cursor, "cursor");
        }
    }
}

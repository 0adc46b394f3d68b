/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * One page of a list of participants ({@link ParticipantRecords#participants}): who, in the order they first came to
 * the programme, each with her cursor. Only the people are named; each field group of their records is read, decided
 * and audited on its own.
 *
 * @param entries the participants of the page
 * @param total   how many participants the filter lists over all pages
 * @param hasMore whether a page follows this one
 */
public record ParticipantPage(List<Entry> entries, long total, boolean hasMore) {

    public ParticipantPage {
        entries = List.copyOf(Require.noNulls(entries, "entries"));
    }

    /** A page with nobody on it. */
    public static ParticipantPage empty() {
        return new ParticipantPage(List.of(), 0, false);
    }

    /** The cursor of the last participant of the page, to ask for the next page after it. */
    public Optional<ParticipantCursor> endCursor() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).cursor());
    }

    /**
     * A participant on the page.
     *
     * @param participant who
     * @param cursor      her place in the list
     */
    public record Entry(PersonId participant, ParticipantCursor cursor) {
        public Entry {
            Require.present(participant, "participant");
            Require.present(cursor, "cursor");
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import java.util.List;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * A place in a participant's timeline ({@link ParticipantRecords#timeline}): an event's time and its place in the
 * event log.
 *
 * @param at       when the event happened
 * @param sequence its number in the event log
 */
public record TimelineCursor(Instant at, long sequence) {

    private static final String KIND = "timeline";

    public TimelineCursor {
        Require.present(at, "at");
    }

    /** The cursor as opaque text for a client (URL-safe base64 with a checksum). */
    public String token() {
        return Cursors.encode(KIND, at.getEpochSecond(), at.getNano(), sequence);
    }

    /**
     * The cursor a client sent back.
     *
     * @param field the input field it came in, named by the refusal
     * @throws InvalidValueException on {@code field} when the text is not a cursor of a timeline, or was altered
     */
    public static TimelineCursor of(String token, String field) {
        List<String> key = Cursors.decode(KIND, 3, token, field);
        try {
            return new TimelineCursor(Instant.ofEpochSecond(Long.parseLong(key.get(0)), Long.parseLong(key.get(1))),
                    Long.parseLong(key.get(2)));
        } catch (RuntimeException e) {
            throw Cursors.refused(field);
        }
    }
}

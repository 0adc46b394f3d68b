/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * A place in the list of participants ({@link ParticipantRecords#participants}): the participant's first referral,
 * when and which. Participants are listed in the order they first came to the programme, so a page started after a
 * cursor is not shifted by people referred later.
 *
 * @param firstReferredAt when the participant was first referred
 * @param firstReferral   that referral
 */
public record ParticipantCursor(Instant firstReferredAt, ReferralId firstReferral) {

    private static final String KIND = "participants";

    public ParticipantCursor {
        Require.present(firstReferredAt, "firstReferredAt");
        Require.present(firstReferral, "firstReferral");
    }

    /** The cursor as opaque text for a client (URL-safe base64 with a checksum). */
    public String token() {
        return Cursors.encode(KIND, firstReferredAt.getEpochSecond(), firstReferredAt.getNano(),
                firstReferral.value());
    }

    /**
     * The cursor a client sent back.
     *
     * @param field the input field it came in, named by the refusal
     * @throws InvalidValueException on {@code field} when the text is not a cursor of this list, or was altered
     */
    public static ParticipantCursor of(String token, String field) {
        List<String> key = Cursors.decode(KIND, 3, token, field);
        try {
            return new ParticipantCursor(Instant.ofEpochSecond(Long.parseLong(key.get(0)), Long.parseLong(key.get(1))),
                    new ReferralId(UUID.fromString(key.get(2))));
        } catch (RuntimeException e) {
            throw Cursors.refused(field);
        }
    }
}

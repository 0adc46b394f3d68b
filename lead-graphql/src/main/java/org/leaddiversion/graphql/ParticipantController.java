/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.OptionalInt;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * A participant by id. The fields of her record's field groups are wired in {@link ParticipantFields}, each through its
 * DataLoader (batched, decided, audited).
 */
@Controller
class ParticipantController {

    /**
     * A participant is only her id until a field is asked for: asking reads nothing. {@code referralsInBrief} tells
     * whether every selection of her referrals in the query asks only for what a summary holds
     * ({@link ParticipantFields#inBrief}): then they are read as summaries, from the referral's columns.
     */
    record ParticipantRef(PersonId id, boolean referralsInBrief) {

        /** A participant whose referrals are read whole. */
        ParticipantRef(PersonId id) {
            this(id, false);
        }
    }

    /** A blank or over-long id is a {@code BAD_REQUEST} naming the argument, {@code id}. */
    @QueryMapping
    ParticipantRef participant(@Argument String id, DataFetchingEnvironment env) {
        return new ParticipantRef(CareInputs.person(id, "id"),
                ParticipantFields.inBrief(env.getSelectionSet().getFields("referrals")));
    }

    /** The number of latest contacts asked for, or a {@code BAD_REQUEST} naming {@code last}. */
    static OptionalInt last(Integer last) {
        if (last == null) {
            return OptionalInt.empty();
        }
        if (last < 1 || last > ParticipantRecords.MAX_PAGE) {
            throw new InvalidValueException("last", "must be between 1 and " + ParticipantRecords.MAX_PAGE);
        }
        return OptionalInt.of(last);
    }

}

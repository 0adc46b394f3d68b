/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.RecordGroup;
import org.leaddiversion.persistence.ReferralView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A participant and the field groups of her record, each through its DataLoader (batched, decided, audited). */
@Controller
class ParticipantController {

    /** A participant is only her id until a field is asked for: asking reads nothing. */
    record ParticipantRef(PersonId id) {
    }

    /** A blank or over-long id is a {@code BAD_REQUEST} naming the argument, {@code id}. */
    @QueryMapping
    ParticipantRef participant(@Argument String id) {
        return new ParticipantRef(CareInputs.person(id, "id"));
    }

    @SchemaMapping(typeName = "Participant")
    CompletableFuture<DataFetcherResult<List<ReferralView>>> referrals(ParticipantRef participant,
                                                                      DataFetchingEnvironment env) {
        return ParticipantLoaders.load(RecordGroup.REFERRALS, participant.id(), env);
    }

    @SchemaMapping(typeName = "Participant")
    CompletableFuture<DataFetcherResult<List<Enrollment>>> enrollments(ParticipantRef participant,
                                                                      DataFetchingEnvironment env) {
        return ParticipantLoaders.load(RecordGroup.ENROLLMENTS, participant.id(), env);
    }

    @SchemaMapping(typeName = "Participant")
    CompletableFuture<DataFetcherResult<List<ContactRecorded>>> contacts(ParticipantRef participant,
                                                                        @Argument Integer last,
                                                                        DataFetchingEnvironment env) {
        return ParticipantLoaders.load(RecordGroup.CONTACTS, participant.id(), last(last), env);
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

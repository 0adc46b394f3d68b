/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.referral.PersonId;
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
        return ParticipantLoaders.load(ParticipantLoaders.REFERRALS, participant.id(), env);
    }

    @SchemaMapping(typeName = "Participant")
    CompletableFuture<DataFetcherResult<List<Enrollment>>> enrollments(ParticipantRef participant,
                                                                      DataFetchingEnvironment env) {
        return ParticipantLoaders.load(ParticipantLoaders.ENROLLMENTS, participant.id(), env);
    }

    @SchemaMapping(typeName = "Participant")
    CompletableFuture<DataFetcherResult<List<ContactRecorded>>> contacts(ParticipantRef participant,
                                                                        DataFetchingEnvironment env) {
        return ParticipantLoaders.load(ParticipantLoaders.CONTACTS, participant.id(), env);
    }

}

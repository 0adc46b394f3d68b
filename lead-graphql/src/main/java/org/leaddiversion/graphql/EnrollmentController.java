/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The enrollment lifecycle after intake, on the referral desk: contacts (T11, R32), the participant's withdrawal (R03)
 * and closure with an allowed reason (T12, R24, R27). The domain decides who may do what; a refusal is payload data.
 */
@Controller
class EnrollmentController {

    private final PersistentProgramme programme;
    private final ParticipantRecords records;

    EnrollmentController(PersistentProgramme programme, ParticipantRecords records) {
        this.programme = programme;
        this.records = records;
    }

    /** The input of a command on one enrollment. */
    record EnrollmentCommandInput(String enrollmentId) {
    }

    /** A contact to record. */
    record RecordContactInput(String enrollmentId, ContactType contactType, Instant contactAt) {
    }

    /** An enrollment to close, and why. */
    record CloseEnrollmentInput(String enrollmentId, ClosureReason reason) {
    }

    /**
     * An enrollment command's payload: whose enrollment changed (only to read it back for the viewer; never shown),
     * or the refusal.
     */
    record EnrollmentPayload(Optional<PersonId> participant, EnrollmentId enrollmentId,
                             List<Commands.UserError> errors) {
    }

    @MutationMapping
    EnrollmentPayload recordContact(@Argument RecordContactInput input, DataFetchingEnvironment env) {
        return run(input.enrollmentId(), env, (id, actor) -> programme.desk().recordContact(id, actor,
                CareInputs.required(input.contactType(), "input.contactType"),
                CareInputs.required(input.contactAt(), "input.contactAt")));
    }

    @MutationMapping
    EnrollmentPayload withdrawFromEnrollment(@Argument EnrollmentCommandInput input, DataFetchingEnvironment env) {
        return run(input.enrollmentId(), env, (id, actor) -> programme.desk().withdrawFromEnrollment(id, actor));
    }

    @MutationMapping
    EnrollmentPayload closeEnrollment(@Argument CloseEnrollmentInput input, DataFetchingEnvironment env) {
        return run(input.enrollmentId(), env, (id, actor) -> programme.desk().closeEnrollment(id, actor,
                CareInputs.required(input.reason(), "input.reason")));
    }

    /**
     * The enrollment after the command, read when the client asks for it: straight from the audited read (not the
     * request's DataLoader, whose cache may hold the enrollment as it was before the command).
     */
    @SchemaMapping(typeName = "EnrollmentPayload")
    DataFetcherResult<Optional<Enrollment>> enrollment(EnrollmentPayload payload, DataFetchingEnvironment env) {
        if (payload.participant().isEmpty()) {
            return DataFetcherResult.<Optional<Enrollment>>newResult().data(Optional.empty()).build();
        }
        var release = records.enrollmentsOf(Commands.viewer(env).reader(), payload.participant().get());
        return CareInputs.one(release, e -> e.id().equals(payload.enrollmentId()), env);
    }

    private EnrollmentPayload run(String enrollmentId, DataFetchingEnvironment env,
                                  BiFunction<EnrollmentId, Actor, Outcome<Enrollment>> command) {
        Viewer viewer = Commands.viewer(env);
        EnrollmentId id = CareInputs.enrollment(enrollmentId, "input.enrollmentId");
        Outcome<Enrollment> out = command.apply(id, viewer.actor());
        if (!out.isSuccess()) {
            return new EnrollmentPayload(Optional.empty(), id, Commands.errors(out));
        }
        return new EnrollmentPayload(Optional.of(out.value().person()), id, List.of());
    }
}

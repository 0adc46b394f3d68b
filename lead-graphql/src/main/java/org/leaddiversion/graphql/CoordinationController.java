/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.CoordinationDesk;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.PostEnrollmentCaseId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.leaddiversion.persistence.Reader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Prosecution coordination: the {@link CoordinationDesk}'s commands, acting as the request's viewer (a participant's
 * cases as a field group of her record are wired in {@link ParticipantFields}). A command's case is read back through the audited {@link ParticipantRecords#casesOf}, so the
 * payload shows it only to a viewer who may read legal coordination data.
 */
@Controller
class CoordinationController {

    private final PersistentProgramme programme;
    private final ParticipantRecords records;

    CoordinationController(PersistentProgramme programme, ParticipantRecords records) {
        this.programme = programme;
        this.records = records;
    }

    record RecordCaseInput(String person, String site, List<ReferralInputs.OffenceInput> offences,
                           List<LegalMatterInput> legalMatters, Instant filedOrArrestedAt) {
    }

    record LegalMatterInput(LegalMatter.Kind kind, LocalDate date) {
    }

    record CaseCommandInput(String caseId) {
    }

    record CaseManagerSummaryInput(String caseId, String summary) {
    }

    record RecordChargingDecisionInput(String caseId, ChargingDecision decision, String waiverReason, String basis,
                                       boolean basedOnLeadDisclosure) {
    }

    /** A coordination command's payload: the case it changed (read back for the viewer when asked), or the refusal. */
    record PostEnrollmentCasePayload(Optional<PostEnrollmentCase> changed, Reader reader,
                                     List<Commands.UserError> errors) {
    }

    /**
     * The payload's {@code case} (a Java keyword, hence not a record component's name), read back through the audited
     * read only when asked for: null when the command was refused; null with a FORBIDDEN error naming the data class
     * when the viewer may not read legal coordination data.
     */
    @SchemaMapping(typeName = "PostEnrollmentCasePayload", field = "case")
    DataFetcherResult<Optional<PostEnrollmentCase>> payloadCase(PostEnrollmentCasePayload payload,
                                                                DataFetchingEnvironment env) {
        if (payload.changed().isEmpty()) {
            return DataFetcherResult.<Optional<PostEnrollmentCase>>newResult().data(Optional.empty()).build();
        }
        PostEnrollmentCase changed = payload.changed().get();
        return CareInputs.one(records.casesOf(payload.reader(), changed.person()), c -> c.id().equals(changed.id()),
                env);
    }

    @MutationMapping
    PostEnrollmentCasePayload recordCase(@Argument RecordCaseInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = ReferralInputs.at("input.person", () -> new PersonId(input.person()));
        SiteId site = ReferralInputs.at("input.site", () -> new SiteId(input.site()));
        var offences = ReferralInputs.offences(input.offences(), "input.offences");
        if (offences.isEmpty()) {
            throw new InvalidValueException("input.offences", "a case names at least one offence");
        }
        List<LegalMatter> matters = ReferralInputs.list(input.legalMatters(), "input.legalMatters", (m, path) ->
                new LegalMatter(m.kind(), m.date()));
        return payload(desk().recordCase(viewer.actor(), person, site, offences, matters, input.filedOrArrestedAt()),
                viewer);
    }

    @MutationMapping
    PostEnrollmentCasePayload requestConsultation(@Argument CaseCommandInput input, DataFetchingEnvironment env) {
        return run(input.caseId(), env, (id, actor) -> desk().requestConsultation(id, actor));
    }

    @MutationMapping
    PostEnrollmentCasePayload recordCaseManagerInput(@Argument CaseManagerSummaryInput input,
                                                     DataFetchingEnvironment env) {
        return run(input.caseId(), env, (id, actor) -> desk().recordCaseManagerInput(id, actor, input.summary()));
    }

    @MutationMapping
    PostEnrollmentCasePayload recordChargingDecision(@Argument RecordChargingDecisionInput input,
                                                     DataFetchingEnvironment env) {
        return run(input.caseId(), env, (id, actor) -> desk().recordDecision(id, actor, input.decision(),
                Optional.ofNullable(input.waiverReason()), Optional.ofNullable(input.basis()),
                input.basedOnLeadDisclosure()));
    }

    private CoordinationDesk desk() {
        return programme.coordination();
    }

    private PostEnrollmentCasePayload run(String caseId, DataFetchingEnvironment env,
                                          BiFunction<PostEnrollmentCaseId, Actor, Outcome<PostEnrollmentCase>>
                                                  command) {
        Viewer viewer = Commands.viewer(env);
        var id = new PostEnrollmentCaseId(Commands.uuid(caseId, "input.caseId"));
        return payload(command.apply(id, viewer.actor()), viewer);
    }

    /** The refusal, or the changed case for the payload to read back. */
    private PostEnrollmentCasePayload payload(Outcome<PostEnrollmentCase> out, Viewer viewer) {
        if (!out.isSuccess()) {
            return new PostEnrollmentCasePayload(Optional.empty(), viewer.reader(), Commands.errors(out));
        }
        return new PostEnrollmentCasePayload(Optional.of(out.value()), viewer.reader(), List.of());
    }
}

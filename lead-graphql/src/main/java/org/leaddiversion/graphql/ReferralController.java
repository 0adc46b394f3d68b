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
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.leaddiversion.persistence.Reader;
import org.leaddiversion.persistence.ReferralView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Referrals: the audited read by id, and every command of the {@link ReferralDesk}, acting as the request's viewer.
 * A command's referral is read back through the audited {@link ParticipantRecords#referral}, so the payload shows
 * only what the viewer may see. The referrer of a new referral reads it back as her own (the one circumstance the
 * host cannot state, since the referral did not exist when it resolved the viewer).
 */
@Controller
class ReferralController {

    private final PersistentProgramme programme;
    private final ParticipantRecords records;

    ReferralController(PersistentProgramme programme, ParticipantRecords records) {
        this.programme = programme;
        this.records = records;
    }

    @QueryMapping
    DataFetcherResult<Optional<ReferralView>> referral(@Argument String id, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        return ParticipantLoaders.result(records.referral(viewer.reader(), new ReferralId(Commands.uuid(id, "id"))),
                env);
    }

    /** The input of a command on one referral. */
    record ReferralCommandInput(String referralId) {
    }

    /** A command on one referral with a written reason. */
    record ReasonedReferralCommandInput(String referralId, String reason) {
    }

    record RecordHandoffInput(String referralId, Instant calledAt, Instant arrivedAt) {
    }

    record DecideEligibilityInput(String referralId, boolean confirm, String reason) {
    }

    record ExtendIntakeDeadlineInput(String referralId, LocalDate newDeadline, String reason) {
    }

    /** The outcomes of an ordinary review the schema offers: the only two the domain accepts. */
    enum OrdinaryReviewOutcome {
        FILED(DivertedCaseStatus.FILED), DECLINED(DivertedCaseStatus.DECLINED);

        private final DivertedCaseStatus status;

        OrdinaryReviewOutcome(DivertedCaseStatus status) {
            this.status = status;
        }
    }

    record RecordOrdinaryReviewInput(String referralId, OrdinaryReviewOutcome outcome) {
    }

    /**
     * A referral command's payload: the referral it changed (read back for the viewer when the client asks for it), or
     * the refusal, and any warnings.
     */
    record ReferralPayload(Optional<ReferralId> changed, Reader reader, List<Commands.UserError> errors,
                           List<Commands.UserError> warnings) {
    }

    /**
     * The payload's referral, read back through the audited read only when asked for: null when the command was
     * refused; what the viewer may not see of it is null with a FORBIDDEN error naming the data class, as everywhere.
     */
    @SchemaMapping(typeName = "ReferralPayload")
    DataFetcherResult<Optional<ReferralView>> referral(ReferralPayload payload, DataFetchingEnvironment env) {
        if (payload.changed().isEmpty()) {
            return DataFetcherResult.<Optional<ReferralView>>newResult().data(Optional.empty()).build();
        }
        return ParticipantLoaders.result(records.referral(payload.reader(), payload.changed().get()), env);
    }

    @MutationMapping
    ReferralPayload submitReferral(@Argument ReferralInputs.SubmitReferralInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        var submission = ReferralInputs.submission(input, viewer.actor());
        RecipientCircumstances stated = viewer.circumstances();
        Reader referrer = new Reader(viewer.actor(), viewer.purpose(),
                new RecipientCircumstances(true, stated.assigned(), stated.inOwgMeeting()));
        return payload(programme.desk().submit(submission), referrer);
    }

    @MutationMapping
    ReferralPayload recordReferralConsent(@Argument ReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().recordConsent(id, actor));
    }

    @MutationMapping
    ReferralPayload recordReferralDecline(@Argument ReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().recordDecline(id, actor));
    }

    @MutationMapping
    ReferralPayload recordHandoff(@Argument RecordHandoffInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().recordHandoff(id, actor, input.calledAt(),
                input.arrivedAt()));
    }

    @MutationMapping
    ReferralPayload approveReferral(@Argument ReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().approve(id, actor));
    }

    @MutationMapping
    ReferralPayload overrideExclusion(@Argument ReasonedReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().override(id, actor, input.reason()));
    }

    @MutationMapping
    ReferralPayload confirmExclusion(@Argument ReasonedReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().confirmExclusion(id, actor, input.reason()));
    }

    @MutationMapping
    ReferralPayload acceptReferral(@Argument ReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().accept(id, actor));
    }

    @MutationMapping
    ReferralPayload decideEligibility(@Argument DecideEligibilityInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().decideEligibility(id, actor, input.confirm(),
                input.reason()));
    }

    @MutationMapping
    ReferralPayload completeIntake(@Argument ReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().completeIntake(id, actor));
    }

    @MutationMapping
    ReferralPayload recordRoiSignature(@Argument ReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().recordRoiSignature(id, actor));
    }

    @MutationMapping
    ReferralPayload withdrawReferral(@Argument ReasonedReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().withdraw(id, actor, input.reason()));
    }

    @MutationMapping
    ReferralPayload extendIntakeDeadline(@Argument ExtendIntakeDeadlineInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().extendDeadline(id, actor, input.newDeadline(),
                input.reason()));
    }

    @MutationMapping
    ReferralPayload recordOrdinaryReview(@Argument RecordOrdinaryReviewInput input, DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().recordOrdinaryReview(id, actor,
                input.outcome().status));
    }

    @MutationMapping
    ReferralPayload releaseForLaterNonEngagement(@Argument ReasonedReferralCommandInput input,
                                                 DataFetchingEnvironment env) {
        return run(input.referralId(), env, (id, actor) -> desk().releaseForLaterNonEngagement(id, actor,
                input.reason()));
    }

    private ReferralDesk desk() {
        return programme.desk();
    }

    private ReferralPayload run(String referralId, DataFetchingEnvironment env,
                                BiFunction<ReferralId, Actor, Outcome<Referral>> command) {
        Viewer viewer = Commands.viewer(env);
        ReferralId id = new ReferralId(Commands.uuid(referralId, "input.referralId"));
        return payload(command.apply(id, viewer.actor()), viewer.reader());
    }

    /** The refusal, or the referral read back for {@code reader} with the command's warnings. */
    private ReferralPayload payload(Outcome<Referral> out, Reader reader) {
        if (!out.isSuccess()) {
            return new ReferralPayload(Optional.empty(), reader, Commands.errors(out), List.of());
        }
        return new ReferralPayload(Optional.of(out.value().id()), reader, List.of(),
                out.warnings().stream().map(Commands.UserError::of).toList());
    }
}

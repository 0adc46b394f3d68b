/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.leaddiversion.persistence.ReferralView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Referrals: the audited read by id, and the referral desk's commands. */
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

    /** A referral command's payload: the referral read back for the viewer, or the refusal. */
    record ReferralPayload(ReferralView referral, List<Commands.UserError> errors) {
    }

    @MutationMapping
    ReferralPayload acceptReferral(@Argument ReferralCommandInput input, DataFetchingEnvironment env) {
        return run(input, env, (id, actor) -> programme.desk().accept(id, actor));
    }

    private ReferralPayload run(ReferralCommandInput input, DataFetchingEnvironment env,
                                java.util.function.BiFunction<ReferralId, Actor, Outcome<Referral>> command) {
        Viewer viewer = Commands.viewer(env);
        ReferralId id = new ReferralId(Commands.uuid(input.referralId(), "input.referralId"));
        Outcome<Referral> out = command.apply(id, viewer.actor());
        if (!out.isSuccess()) {
            return new ReferralPayload(null, Commands.errors(out));
        }
        Optional<ReferralView> readBack = records.referral(viewer.reader(), id).data();
        return new ReferralPayload(readBack.orElse(null), List.of());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Set;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.persistence.PlanSummary;
import org.leaddiversion.persistence.RecordGroup;
import org.leaddiversion.persistence.ReferralSummary;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The fields a page of participants repeats for every participant on it, wired as plain data fetchers: each field of
 * a participant that speaks for a field group of her record asks that group's DataLoader
 * ({@link ParticipantLoaders}: batched, decided, audited), and the fields of a plan summary read its parts.
 *
 * <p>They do no I/O of their own and need no thread-bound context, so they are {@link TrivialDataFetcher}s: Spring for
 * GraphQL invokes no controller method for them (resolving arguments per call) and does not wrap them to carry
 * context, which a page of 100 participants would otherwise pay some 500 times. Tracing instrumentations that skip
 * trivial fetchers skip these.
 */
final class ParticipantFields implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Participant", type -> type
                .dataFetcher("referrals", trivial(env -> ParticipantLoaders.load(referrals(env.getSelectionSet()),
                        participant(env).id(), env)))
                .dataFetcher("enrollments", group(RecordGroup.ENROLLMENTS))
                .dataFetcher("plans", group(RecordGroup.PLANS))
                .dataFetcher("cases", group(RecordGroup.CASES))
                .dataFetcher("consents", group(RecordGroup.CONSENTS))
                .dataFetcher("contacts", trivial(env -> ParticipantLoaders.load(RecordGroup.CONTACTS,
                        participant(env).id(), ParticipantController.last(env.getArgument("last")), env))));
        wiring.type("PlanSummary", type -> type
                .dataFetcher("enrollmentId", trivial(env -> summary(env).enrollment()))
                .dataFetcher("goals", trivial(env -> summary(env).plan().map(InterventionPlan::goals)
                        .orElse(List.of())))
                .dataFetcher("serviceReferrals", trivial(env -> summary(env).plan()
                        .map(InterventionPlan::serviceReferrals).orElse(List.of())))
                .dataFetcher("expenditures", trivial(env -> summary(env).fund().map(FlexFund::expenditures)
                        .orElse(List.of()))));
    }

    /** The fields of a referral that its summary ({@link ReferralSummary}) answers as the whole view would. */
    private static final Set<String> IN_BRIEF = Set.of("id", "site", "door", "status", "referredAt", "__typename");

    /**
     * The group that answers a selection of a participant's referrals: {@link RecordGroup#REFERRAL_SUMMARIES} when it
     * asks only for what a summary holds (read from the referral's columns), else {@link RecordGroup#REFERRALS}.
     */
    static RecordGroup referrals(DataFetchingFieldSelectionSet selection) {
        for (SelectedField field : selection.getImmediateFields()) {
            if (!IN_BRIEF.contains(field.getName())) {
                return RecordGroup.REFERRALS;
            }
        }
        return RecordGroup.REFERRAL_SUMMARIES;
    }

    private static TrivialDataFetcher<Object> group(RecordGroup group) {
        return env -> ParticipantLoaders.load(group, participant(env).id(), env);
    }

    private static TrivialDataFetcher<Object> trivial(TrivialDataFetcher<Object> fetcher) {
        return fetcher;
    }

    private static ParticipantController.ParticipantRef participant(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static PlanSummary summary(DataFetchingEnvironment env) {
        return env.getSource();
    }
}

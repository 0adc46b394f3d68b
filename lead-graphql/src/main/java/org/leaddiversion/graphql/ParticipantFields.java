/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
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
                .dataFetcher("referrals", trivial(env -> ParticipantLoaders.load(participant(env).referralsInBrief()
                        ? RecordGroup.REFERRAL_SUMMARIES : RecordGroup.REFERRALS, participant(env).id(), env)))
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
     * Whether a participant's referrals are read in brief ({@link RecordGroup#REFERRAL_SUMMARIES}, from the referral's
     * columns): when the query selects them ({@code referrals}, every alias) and each selection asks only for what a
     * summary holds. The participant's source decides it once ({@link ParticipantController.ParticipantRef}), so every
     * selection of her referrals asks the same loader and the group is read and audited once.
     */
    static boolean inBrief(List<SelectedField> referrals) {
        if (referrals.isEmpty()) {
            return false;
        }
        for (SelectedField selection : referrals) {
            for (SelectedField field : selection.getSelectionSet().getImmediateFields()) {
                if (!IN_BRIEF.contains(field.getName())) {
                    return false;
                }
            }
        }
        return true;
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

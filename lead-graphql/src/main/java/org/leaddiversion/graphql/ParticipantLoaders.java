/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.Reader;
import org.leaddiversion.persistence.Release;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.Mono;

/**
 * One DataLoader per field group of a participant's record, each calling the batched, audited read of
 * {@link ParticipantRecords} once per dispatch with every participant the request asked for: the SQL statements of a
 * page do not grow with its size, and each participant's field group is read — and audited — once per request (the
 * loader caches per request).
 *
 * <p>The field's value is the released data; every class the access policy refused becomes a {@code FORBIDDEN}
 * error on the field's path with the domain's code, rule and field in its extensions, and the field is null when
 * nothing was released.
 */
final class ParticipantLoaders {

    static final String REFERRALS = "participant.referrals";
    static final String ENROLLMENTS = "participant.enrollments";
    static final String PLANS = "participant.plans";
    static final String CONTACTS = "participant.contacts";
    static final String CASES = "participant.cases";
    static final String CONSENTS = "participant.consents";

    ParticipantLoaders(ParticipantRecords records, BatchLoaderRegistry registry) {
        register(registry, REFERRALS, records::referralsOf);
        register(registry, ENROLLMENTS, records::enrollmentsOf);
        register(registry, PLANS, records::plansOf);
        register(registry, CONTACTS, records::contactsOf);
        register(registry, CASES, records::casesOf);
        register(registry, CONSENTS, records::consentsOf);
    }

    private static <T> void register(BatchLoaderRegistry registry, String name,
                                     BiFunction<Reader, Set<PersonId>, Map<PersonId, Release<List<T>>>> read) {
        registry.<PersonId, Release<List<T>>>forName(name).registerMappedBatchLoader((people, env) ->
                Mono.fromCallable(() -> read.apply(viewer(env).reader(), people)));
    }

    private static Viewer viewer(BatchLoaderEnvironment env) {
        // a loader is only ever called by load(...) below, which checked the viewer first
        return Viewers.of((GraphQLContext) env.getContext()).orElseThrow();
    }

    /**
     * Loads field group {@code name} of {@code person} for the request's viewer: the released list, with one
     * FORBIDDEN error per refused class; for an anonymous request, null and one FORBIDDEN error, nothing read.
     */
    static <T> CompletableFuture<DataFetcherResult<List<T>>> load(String name, PersonId person,
                                                                  DataFetchingEnvironment env) {
        if (Viewers.of(env.getGraphQlContext()).isEmpty()) {
            return CompletableFuture.completedFuture(DataFetcherResult.<List<T>>newResult()
                    .error(GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN)
                            .message("participant data needs an authenticated actor").build())
                    .build());
        }
        DataLoader<PersonId, Release<List<T>>> loader = env.getDataLoader(name);
        return loader.load(person).thenApply(release -> result(release, env));
    }

    static <T> DataFetcherResult<T> result(Release<T> release, DataFetchingEnvironment env) {
        List<GraphQLError> errors = new ArrayList<>();
        for (DomainError refusal : release.refusals()) {
            errors.add(GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(refusal.message())
                    .extensions(Map.of("code", refusal.code().name(), "field", refusal.field(),
                            "rule", refusal.rule() == null ? "" : refusal.rule().name()))
                    .build());
        }
        boolean nothing = release.released().isEmpty();
        return DataFetcherResult.<T>newResult().data(nothing ? null : release.data()).errors(errors).build();
    }
}

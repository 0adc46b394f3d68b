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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantPageRecords;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.Reader;
import org.leaddiversion.persistence.RecordGroup;
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

    /**
     * What a loader is asked for: a participant's field group, with — for contacts — how many of her latest (all when
     * empty). A request asking for contacts twice with different {@code last} reads each once.
     */
    record Key(PersonId person, OptionalInt last) {
    }

    ParticipantLoaders(ParticipantRecords records, BatchLoaderRegistry registry) {
        for (RecordGroup group : RecordGroup.values()) {
            registry.<Key, Release<List<?>>>forName(name(group)).registerMappedBatchLoader((keys, env) ->
                    Mono.fromCallable(() -> {
                        Reader reader = viewer(env).reader();
                        Map<OptionalInt, Set<PersonId>> byLast = new HashMap<>();
                        keys.forEach(k -> byLast.computeIfAbsent(k.last(), l -> new TreeSet<>()).add(k.person()));
                        Map<Key, Release<List<?>>> out = new HashMap<>();
                        byLast.forEach((last, people) -> read(records, group, reader, people, last)
                                .forEach((p, release) -> out.put(new Key(p, last), widened(release))));
                        return out;
                    }));
        }
    }

    @SuppressWarnings("unchecked")
    private static Release<List<?>> widened(Release<? extends List<?>> release) {
        return (Release<List<?>>) release;
    }

    /** The DataLoader of {@code group}. */
    static String name(RecordGroup group) {
        return "participant." + group.name().toLowerCase(Locale.ROOT);
    }

    private static Map<PersonId, ? extends Release<? extends List<?>>> read(ParticipantRecords records,
                                                                            RecordGroup group, Reader reader,
                                                                            Set<PersonId> people, OptionalInt last) {
        switch (group) {
            case REFERRALS:
                return records.referralsOf(reader, people);
            case REFERRAL_SUMMARIES:
                return records.referralSummariesOf(reader, people);
            case ENROLLMENTS:
                return records.enrollmentsOf(reader, people);
            case PLANS:
                return records.plansOf(reader, people);
            case CONTACTS:
                return records.contactsOf(reader, people, last);
            case CASES:
                return records.casesOf(reader, people);
            case CONSENTS:
                return records.consentsOf(reader, people);
            default:
                throw new IllegalArgumentException("no loader for " + group);
        }
    }

    private static Viewer viewer(BatchLoaderEnvironment env) {
        // a loader is only ever called by load(...) below, which checked the viewer first
        return Viewers.of((GraphQLContext) env.getContext()).orElseThrow();
    }

    /**
     * Loads field group {@code group} of {@code person} for the request's viewer: the released list, with one
     * FORBIDDEN error per refused class; for an anonymous request, null and one FORBIDDEN error, nothing read.
     */
    static <T> CompletableFuture<DataFetcherResult<List<T>>> load(RecordGroup group, PersonId person,
                                                                  DataFetchingEnvironment env) {
        return load(group, person, OptionalInt.empty(), env);
    }

    /** As {@link #load(RecordGroup, PersonId, DataFetchingEnvironment)}, for her latest {@code last} contacts. */
    @SuppressWarnings("unchecked")
    static <T> CompletableFuture<DataFetcherResult<List<T>>> load(RecordGroup group, PersonId person,
                                                                  OptionalInt last, DataFetchingEnvironment env) {
        if (Viewers.of(env.getGraphQlContext()).isEmpty()) {
            return CompletableFuture.completedFuture(DataFetcherResult.<List<T>>newResult()
                    .error(GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN)
                            .message("participant data needs an authenticated actor").build())
                    .build());
        }
        DataLoader<Key, Release<List<?>>> loader = env.getDataLoader(name(group));
        return loader.load(new Key(person, last)).thenApply(release -> result((Release<List<T>>) (Release<?>) release,
                env));
    }

    /**
     * Puts what a page read with its field groups released into the request's loaders, so the fields of the page's
     * participants are answered from it and read nothing more.
     */
    static void prime(ParticipantPageRecords page, OptionalInt last, DataFetchingEnvironment env) {
        page.groups().forEach((group, releases) -> {
            DataLoader<Key, Release<List<?>>> loader = env.getDataLoader(name(group));
            OptionalInt key = group == RecordGroup.CONTACTS ? last : OptionalInt.empty();
            releases.forEach((person, release) -> loader.prime(new Key(person, key), release));
        });
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

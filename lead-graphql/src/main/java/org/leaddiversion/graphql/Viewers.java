/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Resolves the request's {@link Viewer} once, before execution, and keeps it in the GraphQL context. A resolver that
 * refuses what the request states ({@link InvalidValueException}, e.g. an unknown purpose of use in a header) ends the
 * request with one {@code BAD_REQUEST} error naming the field; nothing is executed.
 */
final class Viewers implements WebGraphQlInterceptor {

    private static final String KEY = Viewer.class.getName();

    private final ActorResolver resolver;

    Viewers(ActorResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<Viewer> viewer;
        try {
            viewer = resolver.resolve(request);
        } catch (InvalidValueException invalid) {
            var error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(invalid.getMessage())
                    .extensions(Map.of("field", invalid.field())).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                    ExecutionResult.newExecutionResult().addError(error).build())));
        }
        viewer.ifPresent(v -> request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(KEY, v)).build()));
        return chain.next(request);
    }

    /** The viewer of the request whose context this is, if one was resolved. */
    static Optional<Viewer> of(GraphQLContext context) {
        return Optional.ofNullable(context.get(KEY));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphQLContext;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/** Resolves the request's {@link Viewer} once, before execution, and keeps it in the GraphQL context. */
final class Viewers implements WebGraphQlInterceptor {

    private static final String KEY = Viewer.class.getName();

    private final ActorResolver resolver;

    Viewers(ActorResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<Viewer> viewer = resolver.resolve(request);
        viewer.ifPresent(v -> request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(KEY, v)).build()));
        return chain.next(request);
    }

    /** The viewer of the request whose context this is, if one was resolved. */
    static Optional<Viewer> of(GraphQLContext context) {
        return Optional.ofNullable(context.get(KEY));
    }
}

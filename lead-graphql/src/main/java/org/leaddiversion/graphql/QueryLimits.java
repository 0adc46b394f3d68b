/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Refuses a query document longer than {@code lead.graphql.max-query-chars} before it is parsed. Depth and
 * complexity are limited by graphql-java's instrumentations, after parsing and before execution.
 */
final class QueryLimits implements WebGraphQlInterceptor {

    private final int maxChars;

    QueryLimits(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        if (document != null && document.length() > maxChars) {
            var error = GraphqlErrorBuilder.newError().errorType(LeadErrorType.QUERY_TOO_LARGE)
                    .message("the query has " + document.length() + " characters; at most " + maxChars
                            + " are accepted (lead.graphql.max-query-chars)")
                    .build();
            var result = ExecutionResult.newExecutionResult().addError(error).build();
            return Mono.just(new WebGraphQlResponse(
                    new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        }
        return chain.next(request);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.persistence.DatabaseUnavailableException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Classifies exceptions raised while fetching a field. A business rejection never gets here (it is a payload's
 * {@code errors}); what does is a bad value ({@code BAD_REQUEST} naming the field), a lost optimistic-locking race
 * ({@code CONFLICT}), an unreachable database ({@code UNAVAILABLE}) or a refusal ({@code FORBIDDEN}). Messages come
 * from the library's own exceptions, which name fields and reasons and never carry personal data; anything else is
 * left to Spring's default ({@code INTERNAL_ERROR} with no detail).
 */
final class ErrorClassifier extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidValueException invalid) {
            return error(env, ErrorType.BAD_REQUEST, invalid.getMessage(), Map.of("field", invalid.field()));
        }
        if (ex instanceof ConcurrentUpdateException || ex instanceof Commands.Conflict) {
            return error(env, LeadErrorType.CONFLICT, ex.getMessage() + "; read it again and retry", Map.of());
        }
        if (ex instanceof DatabaseUnavailableException) {
            return error(env, LeadErrorType.UNAVAILABLE, "the database is unavailable; nothing was written", Map.of());
        }
        if (ex instanceof Forbidden forbidden) {
            return error(env, ErrorType.FORBIDDEN, forbidden.getMessage(), Map.of());
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, graphql.ErrorClassification type, String message,
                                      Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }

    /** A request without a resolved viewer touched something only a known actor may. */
    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message, null, false, false);
        }
    }
}

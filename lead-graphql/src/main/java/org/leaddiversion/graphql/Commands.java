/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.UUID;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.RuleId;

/** What every mutation shares: the viewer it acts as, required inputs, and rejections as payload errors. */
final class Commands {

    private Commands() {
    }

    /** A business rejection in a payload. */
    record UserError(ErrorCode code, String field, RuleId rule, String message) {
        static UserError of(DomainError e) {
            return new UserError(e.code(), e.field(), e.rule(), e.message());
        }
    }

    /** The request's viewer; a request without one is refused ({@code FORBIDDEN}). */
    static Viewer viewer(DataFetchingEnvironment env) {
        return Viewers.of(env.getGraphQlContext()).orElseThrow(() ->
                new ErrorClassifier.Forbidden("this needs an authenticated actor"));
    }

    /** The value, or a {@code BAD_REQUEST} naming the field. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /** The id an input names, or a {@code BAD_REQUEST} naming the field when it is missing or not an id. */
    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(required(value, field).trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "is not an id of this API");
        }
    }

    /**
     * The rejection's errors. A lost optimistic-locking race ({@code CONCURRENT_UPDATE}) is not a business rejection
     * but a retry: it is thrown as a {@link Conflict} and comes back as a top-level {@code CONFLICT} error instead.
     */
    static List<UserError> errors(Outcome<?> out) {
        for (DomainError e : out.errors()) {
            if (e.code() == ErrorCode.CONCURRENT_UPDATE) {
                throw new Conflict(e.message());
            }
        }
        return out.errors().stream().map(UserError::of).toList();
    }

    /** Someone else changed the record first; nothing of the command was written. Classified {@code CONFLICT}. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message, null, false, false);
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.ErrorClassification;

/**
 * Error classifications the LEAD API adds to Spring for GraphQL's {@code ErrorType} (BAD_REQUEST, FORBIDDEN,
 * NOT_FOUND, INTERNAL_ERROR…), in {@code extensions.classification} of an error.
 */
public enum LeadErrorType implements ErrorClassification {
    /** Someone else changed the record first (optimistic locking): read it again and retry. Nothing was written. */
    CONFLICT,
    /** The database is unreachable; nothing was written. Retry later. */
    UNAVAILABLE,
    /** The query exceeds the API's depth, complexity or size limit. */
    QUERY_TOO_LARGE
}

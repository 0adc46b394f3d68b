/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A bounded, per-node Caffeine cache of parsed and validated query documents, keyed by the document's text: a front
 * end sends the same few documents again and again, and each is parsed and validated once. Only documents that
 * parsed and validated cleanly are kept (a malformed or hostile document is parsed again each time and can never
 * evict a good one). Safe to cache: a document depends on the schema alone, never on who asks or on any data; the
 * depth and complexity limits still run on every execution.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    ParsedDocuments(int maximumSize) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = documents.getIfPresent(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** How many documents were served from the cache so far (for tests and metrics). */
    long hits() {
        return documents.stats().hitCount();
    }
}

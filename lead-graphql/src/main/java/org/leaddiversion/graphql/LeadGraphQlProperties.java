/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and switches of the LEAD GraphQL API ({@code lead.graphql.*}).
 *
 * @param maxDepth      deepest selection a query may nest (default 12); deeper queries are refused before execution
 * @param maxComplexity most fields a query may select, counting each field once (default 500)
 * @param maxQueryChars longest query document accepted, in characters (default 20,000)
 * @param introspection whether schema introspection is answered; default on, and off whenever a profile named
 *                      {@code production} or {@code prod} is active unless set explicitly
 */
@ConfigurationProperties("lead.graphql")
public record LeadGraphQlProperties(Integer maxDepth, Integer maxComplexity, Integer maxQueryChars,
                                    Boolean introspection) {

    /** The depth limit in force. */
    public int depthLimit() {
        return maxDepth == null ? 12 : maxDepth;
    }

    /** The complexity limit in force. */
    public int complexityLimit() {
        return maxComplexity == null ? 500 : maxComplexity;
    }

    /** The size limit in force. */
    public int sizeLimit() {
        return maxQueryChars == null ? 20_000 : maxQueryChars;
    }
}

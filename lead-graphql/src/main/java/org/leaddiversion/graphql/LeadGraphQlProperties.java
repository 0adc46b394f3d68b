/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.leaddiversion.domain.common.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and switches of the LEAD GraphQL API ({@code lead.graphql.*}).
 *
 * @param maxDepth         deepest selection a query may nest (default 12); deeper queries are refused before
 *                         execution with {@code QUERY_TOO_LARGE}
 * @param maxComplexity    most fields a query may select, counting each field once (default 500); more are refused
 *                         before execution with {@code QUERY_TOO_LARGE}
 * @param maxQueryChars    longest query document accepted, in characters (default 20,000)
 * @param introspection    whether schema introspection is answered; default on, and off whenever a profile named
 *                         {@code production} or {@code prod} is active unless set explicitly
 * @param policyCacheTtl   how long this node keeps a site's policy versions before reading them again (default 30
 *                         seconds; {@code 0} reads them on every request): a version published through this node is
 *                         seen at once, one published through another node within this time
 * @param policyPublishers roles that may publish a site policy version (default {@code PROJECT_MANAGER} and
 *                         {@code PCG_MEMBER}: the PCG decides policy, the project manager keeps it, SPEC §2.1); an
 *                         empty list lets nobody publish through the API
 * @param documentCacheSize how many parsed and validated query documents this node keeps (default 500; {@code 0}
 *                         parses every request's document)
 */
@ConfigurationProperties("lead.graphql")
public record LeadGraphQlProperties(Integer maxDepth, Integer maxComplexity, Integer maxQueryChars,
                                    Boolean introspection, Duration policyCacheTtl, Set<Role> policyPublishers,
                                    Integer documentCacheSize) {

    public LeadGraphQlProperties {
        if (documentCacheSize != null && documentCacheSize < 0) {
            throw new IllegalArgumentException("lead.graphql.document-cache-size must not be negative");
        }
        if (policyCacheTtl != null && policyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("lead.graphql.policy-cache-ttl must not be negative");
        }
    }

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

    /** How long a site's policy versions stay cached on this node. */
    public Duration policyCacheTimeToLive() {
        return policyCacheTtl == null ? Duration.ofSeconds(30) : policyCacheTtl;
    }

    /** How many parsed documents this node keeps; 0 keeps none. */
    public int documentCacheEntries() {
        return documentCacheSize == null ? 500 : documentCacheSize;
    }

    /** The roles that may publish a policy version. */
    public Set<Role> policyPublisherRoles() {
        if (policyPublishers == null) {
            return EnumSet.of(Role.PROJECT_MANAGER, Role.PCG_MEMBER);
        }
        return policyPublishers.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(policyPublishers);
    }
}

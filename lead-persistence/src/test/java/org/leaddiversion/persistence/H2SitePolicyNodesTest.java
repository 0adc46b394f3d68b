/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Site policies on two nodes: H2")
class H2SitePolicyNodesTest extends SitePolicyNodesContract {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final String name = "lead_nodes_" + COUNTER.incrementAndGet();

    @Override
    LeadDatabase node() {
        // a named in-memory database lives as long as the JVM, so both nodes open the same one
        return LeadDatabase.h2InMemory(name);
    }
}

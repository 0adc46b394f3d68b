/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Caseloads on two nodes: H2")
class H2CaseloadNodesTest extends CaseloadNodesContract {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final String name = "lead_caseload_nodes_" + COUNTER.incrementAndGet();

    @Override
    LeadDatabase node() {
        // a named in-memory database lives as long as the JVM, so both nodes open the same one
        return LeadDatabase.h2InMemory(name);
    }
}

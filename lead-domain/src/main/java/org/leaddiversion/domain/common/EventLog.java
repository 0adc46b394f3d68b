/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.time.Instant;
import java.util.List;

/** Port: the programme's append-only log of domain events, read back for agendas, timelines and audits. */
public interface EventLog {

    /** Every event, oldest first. */
    List<DomainEvent> events();

    /** The events that occurred after {@code fromExclusive} and not after {@code toInclusive}, in log order. */
    default List<DomainEvent> between(Instant fromExclusive, Instant toInclusive) {
        Require.present(fromExclusive, "from");
        Require.present(toInclusive, "to");
        return events().stream()
                .filter(e -> e.occurredAt().isAfter(fromExclusive) && !e.occurredAt().isAfter(toInclusive))
                .toList();
    }
}

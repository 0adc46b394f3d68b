/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;

/**
 * One domain event as the outbox relays it: the event with its place in the log.
 *
 * @param sequence the event's position in the log, increasing in commit order of the appending transactions'
 *                 inserts; a consumer de-duplicates on it (delivery is at least once)
 * @param event    the event
 */
public record OutboxEvent(long sequence, DomainEvent event) {

    public OutboxEvent {
        Require.present(event, "event");
    }

    /** The event's type name (unique across the domain's events). */
    public String type() {
        return event.type();
    }

    /** When the event happened. */
    public Instant occurredAt() {
        return event.occurredAt();
    }
}

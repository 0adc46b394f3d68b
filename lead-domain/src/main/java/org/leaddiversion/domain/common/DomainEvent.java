/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.time.Instant;

/**
 * Something that happened in a LEAD programme, named in the past tense. Events are immutable records carrying
 * ids and values; their time comes from the injected {@link java.time.Clock}.
 */
public interface DomainEvent {

    /** When it happened (from the injected clock). */
    Instant occurredAt();

    /** Id of the aggregate the event belongs to, as text (for logs and outboxes). */
    String aggregateId();

    /** Stable event type name, e.g. {@code ReferralSubmitted}. */
    default String type() {
        return getClass().getSimpleName();
    }
}

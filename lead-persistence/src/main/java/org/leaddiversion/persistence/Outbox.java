/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Record3;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * The transactional outbox: the domain events every command appended in its own transaction, handed to the host's
 * relay (a message broker, a records system's feed) and marked published once the relay has taken them.
 *
 * <p>A system-to-system channel, not a person's read: events carry ids and values of participants' records, so the
 * relay is the host's integration code, never a screen. Each event is handed over until one {@link #relay} call
 * returns normally for it — at least once: a relay that fails, or a node that dies mid-call, leaves the batch
 * unpublished for the next call, so consumers de-duplicate on {@link OutboxEvent#sequence()}. On PostgreSQL, relays
 * on several nodes take disjoint batches ({@code FOR UPDATE SKIP LOCKED}); the database refuses any change to an
 * event but marking it published.
 */
public final class Outbox {

    /** The most events one relay call hands over. */
    public static final int MAX_BATCH = 10_000;

    private final JooqTransactions tx;
    private final EventJson json = new EventJson();
    private final Clock clock;
    private final LeadDatabase.Vendor vendor;

    Outbox(JooqTransactions tx, Clock clock, LeadDatabase.Vendor vendor) {
        this.tx = tx;
        this.clock = clock;
        this.vendor = vendor;
    }

    /**
     * Hands the oldest unpublished events, at most {@code max}, to {@code publisher} in log order, and marks them
     * published in the same transaction when it returns. If the publisher throws, nothing is marked and the
     * exception propagates.
     *
     * @return how many events were handed over and marked published (0 when none were waiting)
     * @throws InvalidValueException on field {@code max} unless 1 ≤ max ≤ {@value #MAX_BATCH}
     */
    public int relay(int max, Consumer<List<OutboxEvent>> publisher) {
        if (max < 1 || max > MAX_BATCH) {
            throw new InvalidValueException("max", "must be between 1 and " + MAX_BATCH + ", was " + max);
        }
        Require.present(publisher, "publisher");
        return tx.inTransaction(() -> {
            var select = tx.dsl().select(DOMAIN_EVENT.SEQ, DOMAIN_EVENT.EVENT_TYPE, DOMAIN_EVENT.PAYLOAD)
                    .from(DOMAIN_EVENT)
                    .where(DOMAIN_EVENT.PUBLISHED_AT.isNull())
                    .orderBy(DOMAIN_EVENT.SEQ)
                    .limit(max)
                    .forUpdate();
            // several relays take disjoint batches on PostgreSQL; H2 (one process) simply waits for the lock
            var rows = vendor == LeadDatabase.Vendor.POSTGRESQL ? select.skipLocked().fetch() : select.fetch();
            if (rows.isEmpty()) {
                return 0;
            }
            List<OutboxEvent> batch = rows.map(this::event);
            publisher.accept(batch);
            tx.dsl().update(DOMAIN_EVENT)
                    .set(DOMAIN_EVENT.PUBLISHED_AT, EventStore.utc(clock.instant()))
                    .where(DOMAIN_EVENT.SEQ.in(batch.stream().map(OutboxEvent::sequence).toList()))
                    .execute();
            return batch.size();
        });
    }

    /** How many events wait to be relayed. */
    public long pending() {
        return tx.inTransaction(() -> (long) tx.dsl().fetchCount(DOMAIN_EVENT, DOMAIN_EVENT.PUBLISHED_AT.isNull()));
    }

    private OutboxEvent event(Record3<Long, String, String> r) {
        return new OutboxEvent(r.value1(), json.read(r.value2(), r.value3()));
    }
}

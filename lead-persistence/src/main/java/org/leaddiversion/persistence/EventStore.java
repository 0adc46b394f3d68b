package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Record;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.EventLog;

/**
 * The domain event log in the database, which is also the transactional outbox: events are appended in the
 * transaction of the aggregate change that produced them, in the order the command reported them.
 */
final class EventStore implements EventLog {

    private final JooqTransactions tx;
    private final EventJson json = new EventJson();

    EventStore(JooqTransactions tx) {
        this.tx = tx;
    }

    /** Appends the events in order, inside the current transaction. */
    void append(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        var insert = tx.dsl().insertInto(DOMAIN_EVENT, DOMAIN_EVENT.AGGREGATE_ID, DOMAIN_EVENT.EVENT_TYPE,
                DOMAIN_EVENT.OCCURRED_AT, DOMAIN_EVENT.PAYLOAD);
        for (DomainEvent e : events) {
            insert = insert.values(e.aggregateId(), e.type(), utc(e.occurredAt()), json.write(e));
        }
        insert.execute();
    }

    @Override
    public List<DomainEvent> events() {
        return tx.dsl().select(DOMAIN_EVENT.EVENT_TYPE, DOMAIN_EVENT.PAYLOAD).from(DOMAIN_EVENT)
                .orderBy(DOMAIN_EVENT.SEQ).fetch(this::event);
    }

    @Override
    public List<DomainEvent> between(Instant fromExclusive, Instant toInclusive) {
        return tx.dsl().select(DOMAIN_EVENT.EVENT_TYPE, DOMAIN_EVENT.PAYLOAD).from(DOMAIN_EVENT)
                .where(DOMAIN_EVENT.OCCURRED_AT.gt(utc(fromExclusive)))
                .and(DOMAIN_EVENT.OCCURRED_AT.le(utc(toInclusive)))
                .orderBy(DOMAIN_EVENT.SEQ).fetch(this::event);
    }

    private DomainEvent event(Record r) {
        return json.read(r.get(DOMAIN_EVENT.EVENT_TYPE), r.get(DOMAIN_EVENT.PAYLOAD));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

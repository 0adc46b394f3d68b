/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.persistence.jooq.tables.records.DomainEventRecord;

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

    /**
     * Appends the events in order, inside the current transaction: one prepared statement of fixed text, run once per
     * event in a JDBC batch, so the statement is neither rendered nor parsed again per command.
     */
    void append(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> payloads = new java.util.ArrayList<>(events.size());
        for (DomainEvent e : events) {
            payloads.add(json.write(e));
        }
        try {
            tx.dsl().connection(c -> {
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (int i = 0; i < events.size(); i++) {
                        DomainEvent e = events.get(i);
                        insert.setString(1, e.aggregateId());
                        insert.setString(2, e.type());
                        insert.setObject(3, utc(e.occurredAt()));
                        insert.setString(4, payloads.get(i));
                        if (events.size() == 1) {
                            insert.executeUpdate();
                        } else {
                            insert.addBatch();
                        }
                    }
                    if (events.size() > 1) {
                        insert.executeBatch();
                    }
                }
            });
        } catch (DataAccessException e) {
            throw Failures.translate(e);
        }
    }

    /** The one insert {@link #append} runs; the table's own columns, named as in the migrations. */
    private static final String INSERT = "insert into domain_event (aggregate_id, event_type, occurred_at, payload) "
            + "values (?, ?, ?, ?)";

    /** Appends many events in order, inside the current transaction, through {@link BulkRows}. */
    void appendAll(List<? extends DomainEvent> events) {
        render(tx.dsl().dialect(), events).writeTo(tx.dsl());
    }

    /** Many events rendered for {@link BulkRows.Rendered#writeTo}, in order (no database work). */
    BulkRows.Rendered render(org.jooq.SQLDialect dialect, List<? extends DomainEvent> events) {
        var rows = new java.util.ArrayList<DomainEventRecord>(events.size());
        for (DomainEvent e : events) {
            var r = new DomainEventRecord();
            r.setAggregateId(e.aggregateId());
            r.setEventType(e.type());
            r.setOccurredAt(utc(e.occurredAt()));
            r.setPayload(json.write(e));
            rows.add(r);
        }
        return BulkRows.render(dialect, DOMAIN_EVENT, BULK_COLUMNS, rows);
    }

    private static final List<org.jooq.Field<?>> BULK_COLUMNS = List.of(DOMAIN_EVENT.AGGREGATE_ID,
            DOMAIN_EVENT.EVENT_TYPE, DOMAIN_EVENT.OCCURRED_AT, DOMAIN_EVENT.PAYLOAD);

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

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.persistence.jooq.Tables.DIVERTED_CASE;
import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SCREENING_REASON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.persistence.jooq.tables.records.DomainEventRecord;

/**
 * The bulk path's COPY in binary format stores what a bound insert stores: every table the import writes goes in
 * binary, and instants are rounded to the microsecond as the server rounds a bound one — half to even, across a
 * second, before PostgreSQL's epoch (2000) and after.
 */
@DisplayName("Bulk rows: PostgreSQL binary COPY")
class PostgresBulkRowsTest {

    @Test
    void theImportsTablesAreWrittenInBinary() {
        assertTrue(binary(REFERRAL));
        assertTrue(binary(SCREENING_REASON));
        assertTrue(binary(DIVERTED_CASE));
        var events = List.of(DOMAIN_EVENT.AGGREGATE_ID, DOMAIN_EVENT.EVENT_TYPE, DOMAIN_EVENT.OCCURRED_AT,
                DOMAIN_EVENT.PAYLOAD);
        assertTrue(BulkRows.render(SQLDialect.POSTGRES, DOMAIN_EVENT, new ArrayList<>(events),
                List.of(new DomainEventRecord())).binary());
    }

    private static <R extends org.jooq.Record> boolean binary(org.jooq.Table<R> table) {
        return BulkRows.render(SQLDialect.POSTGRES, table, List.of(table.fields()), List.of(table.newRecord()))
                .binary();
    }

    @Test
    void binaryCopyStoresWhatABoundInsertStores() {
        List<Instant> instants = List.of(Instant.parse("2024-05-01T14:30:00Z"),
                Instant.parse("2024-05-01T14:30:00.123456499Z"), Instant.parse("2024-05-01T14:30:00.123456500Z"),
                Instant.parse("2024-12-31T23:59:59.999999500Z"), Instant.parse("1999-12-31T23:59:59.999999700Z"),
                Instant.parse("1969-07-20T20:17:40.000000001Z"), Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2024-05-01T14:30:00.000001500Z"), Instant.parse("2024-05-01T14:30:00.000002500Z"),
                Instant.parse("1999-12-31T23:59:59.123456500Z"), Instant.parse("2024-05-01T14:30:00.987654321Z"),
                Instant.parse("2024-05-01T14:30:00.000000500Z"), Instant.parse("1900-01-01T00:00:00.999999999Z"));
        String payload = "{\"text\":\"tab\\there, new\\nline, back\\\\slash, é, 😀\"}";
        try (LeadDatabase db = TestDatabases.postgres()) {
            var tx = (JooqTransactions) db.transactions();
            var bulk = new ArrayList<DomainEventRecord>();
            for (int i = 0; i < instants.size(); i++) {
                var r = new DomainEventRecord();
                r.setAggregateId("bulk");
                r.setEventType("E" + i);
                r.setOccurredAt(EventStore.utc(instants.get(i)));
                r.setPayload(payload + "\t" + i);
                bulk.add(r);
                tx.inTransaction(() -> tx.dsl().insertInto(DOMAIN_EVENT).set(DOMAIN_EVENT.AGGREGATE_ID, "bound")
                        .set(DOMAIN_EVENT.EVENT_TYPE, r.getEventType()).set(DOMAIN_EVENT.OCCURRED_AT, r.getOccurredAt())
                        .set(DOMAIN_EVENT.PAYLOAD, r.getPayload()).execute());
            }
            var fields = List.<org.jooq.Field<?>>of(DOMAIN_EVENT.AGGREGATE_ID, DOMAIN_EVENT.EVENT_TYPE,
                    DOMAIN_EVENT.OCCURRED_AT, DOMAIN_EVENT.PAYLOAD);
            tx.inTransaction(() -> {
                BulkRows.insert(tx.dsl(), DOMAIN_EVENT, fields, bulk);
                return null;
            });
            assertEquals(stored(tx, "bound"), stored(tx, "bulk"));
        }
    }

    private static List<String> stored(JooqTransactions tx, String aggregate) {
        return tx.dsl().select(DOMAIN_EVENT.EVENT_TYPE, DOMAIN_EVENT.OCCURRED_AT, DOMAIN_EVENT.PAYLOAD)
                .from(DOMAIN_EVENT).where(DOMAIN_EVENT.AGGREGATE_ID.eq(aggregate)).orderBy(DOMAIN_EVENT.EVENT_TYPE)
                .fetch(r -> r.value1() + " " + r.value2().toInstant() + " " + r.value3());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes many new rows of one table inside the current transaction, the fastest way each database offers: on
 * PostgreSQL one {@code COPY … FROM STDIN} per call, elsewhere multi-row {@code INSERT}s. Constraints, foreign keys,
 * defaults, identities and indexes apply exactly as for an insert; the rows are the records' values of
 * {@code fields}, so both paths store the same thing.
 *
 * <p>Rendering and writing are two steps: {@link #render} turns the records into what goes over the wire (CPU only,
 * no connection, so it can run on another thread while an earlier batch is being written) and
 * {@link Rendered#writeTo} sends it in the current transaction. On PostgreSQL the rows are rendered in COPY's binary
 * format ({@code FORMAT binary}: uuid, bigint, integer, smallint, boolean, text and varchar, timestamp with time zone
 * and date columns), which the server reads without parsing text; a table with a column of another type is rendered
 * in COPY's text format instead.
 */
final class BulkRows {

    /** A statement's bind values stay under 30,000, below the drivers' limits (PostgreSQL: 65,535). */
    private static final int BIND_VALUES = 30_000;
    /** Bytes per {@code CopyData} message. */
    private static final int COPY_CHUNK = 1 << 18;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'");
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, // flags: no OIDs
            0, 0, 0, 0}; // header extension length
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds of the Unix epoch and in days. */
    private static final long PG_EPOCH_SECOND = 946_684_800L;
    private static final long PG_EPOCH_DAY = 10_957L;

    private BulkRows() {
    }

    /** Renders and writes {@code rows} in the current transaction of {@code dsl}. */
    static <R extends Record> void insert(DSLContext dsl, Table<R> table, List<Field<?>> fields, List<R> rows) {
        render(dsl.dialect(), table, fields, rows).writeTo(dsl);
    }

    /**
     * Renders and writes {@code rows}, records of {@code table} built alike, in the current transaction: the columns
     * the first record sets (so a column none of them sets keeps its default).
     */
    static <R extends Record> void insertSet(DSLContext dsl, Table<R> table, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        R first = rows.get(0);
        insert(dsl, table, java.util.Arrays.stream(table.fields()).filter(first::changed)
                .<Field<?>>map(f -> f).toList(), rows);
    }

    /**
     * The rows made ready to write on a database of {@code dialect}: on PostgreSQL the COPY data (the records are
     * not kept), elsewhere the records themselves.
     */
    static <R extends Record> Rendered render(SQLDialect dialect, Table<R> table, List<Field<?>> fields,
                                              List<R> rows) {
        if (rows.isEmpty()) {
            return new Rendered(table, fields, List.of(), null, false);
        }
        if (dialect.family() == SQLDialect.POSTGRES) {
            Kind[] kinds = binaryKinds(fields);
            if (kinds != null) {
                return new Rendered(table, fields, null, binary(kinds, fields, rows), true);
            }
            return new Rendered(table, fields, null, text(fields, rows), false);
        }
        return new Rendered(table, fields, List.copyOf(rows), null, false);
    }

    /** One table's new rows, ready to write: COPY data on PostgreSQL, records elsewhere. */
    static final class Rendered {
        private final Table<?> table;
        private final List<Field<?>> fields;
        private final List<? extends Record> records;
        private final Bytes copyData;
        private final boolean binary;

        private Rendered(Table<?> table, List<Field<?>> fields, List<? extends Record> records, Bytes copyData,
                         boolean binary) {
            this.table = table;
            this.fields = fields;
            this.records = records;
            this.copyData = copyData;
            this.binary = binary;
        }

        /** Whether the rows go in COPY's binary format (PostgreSQL, every column of a type rendered in binary). */
        boolean binary() {
            return binary;
        }

        /** Writes the rows in the current transaction of {@code dsl}. */
        void writeTo(DSLContext dsl) {
            if (copyData != null) {
                copy(dsl);
            } else if (!records.isEmpty()) {
                insertValues(dsl);
            }
        }

        private void copy(DSLContext dsl) {
            var sql = new StringBuilder("copy ").append(table.getName()).append(" (");
            for (int i = 0; i < fields.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(fields.get(i).getName());
            }
            sql.append(binary ? ") from stdin (format binary)" : ") from stdin");
            dsl.connection(connection -> {
                CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
                try {
                    for (int from = 0; from < copyData.length; from += COPY_CHUNK) {
                        in.writeToCopy(copyData.bytes, from, Math.min(COPY_CHUNK, copyData.length - from));
                    }
                    in.endCopy();
                } catch (SQLException e) {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                    throw new DataAccessException("bulk write of " + table.getName() + " failed", e);
                }
            });
        }

        /**
         * One prepared insert of a single row, run for every row in JDBC batches: the statement is parsed once, where
         * a multi-row insert of thousands of values would be rendered and parsed again for every chunk.
         */
        private void insertValues(DSLContext dsl) {
            var sql = new StringBuilder("insert into ").append(table.getName()).append(" (");
            for (int i = 0; i < fields.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(fields.get(i).getName());
            }
            sql.append(") values (").append("?, ".repeat(fields.size() - 1)).append("?)");
            int chunk = Math.max(1, BIND_VALUES / fields.size());
            dsl.connection(connection -> {
                try (var insert = connection.prepareStatement(sql.toString())) {
                    for (int from = 0; from < records.size(); from += chunk) {
                        for (Record row : records.subList(from, Math.min(records.size(), from + chunk))) {
                            for (int i = 0; i < fields.size(); i++) {
                                insert.setObject(i + 1, row.get(fields.get(i)));
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
            });
        }
    }

    // ---- COPY binary format ----------------------------------------------------------------------------------

    /** How a column's values go in COPY's binary format (PostgreSQL's {@code *_send} representations). */
    private enum Kind { UUID, INT8, INT4, INT2, BOOL, TEXT, TIMESTAMPTZ, DATE }

    /** The binary rendering of each column, or null when a column has a type rendered only as text here. */
    private static Kind[] binaryKinds(List<Field<?>> fields) {
        Kind[] kinds = new Kind[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            Field<?> f = fields.get(i);
            Class<?> type = f.getType();
            var dataType = f.getDataType();
            int sql = dataType.getSQLType();
            Kind k = null;
            if (type == UUID.class) {
                k = Kind.UUID;
            } else if (type == Long.class && sql == Types.BIGINT) {
                k = Kind.INT8;
            } else if (type == Integer.class && sql == Types.INTEGER) {
                k = Kind.INT4;
            } else if (type == Short.class && sql == Types.SMALLINT) {
                k = Kind.INT2;
            } else if (type == Boolean.class) {
                k = Kind.BOOL;
            } else if (type == String.class && dataType.isString()) {
                k = Kind.TEXT;
            } else if (type == OffsetDateTime.class) {
                // jOOQ's only column type read as an OffsetDateTime (it reports the JDBC type of how it binds one)
                k = Kind.TIMESTAMPTZ;
            } else if (type == LocalDate.class && dataType.isDate()) {
                k = Kind.DATE;
            }
            if (k == null) {
                return null;
            }
            kinds[i] = k;
        }
        return kinds;
    }

    private static <R extends Record> Bytes binary(Kind[] kinds, List<Field<?>> fields, List<R> rows) {
        var out = new Bytes(rows.size() * 64 * kinds.length);
        out.put(BINARY_HEADER);
        for (R row : rows) {
            out.int16(kinds.length);
            for (int i = 0; i < kinds.length; i++) {
                Object v = row.get(fields.get(i));
                if (v == null) {
                    out.int32(-1);
                    continue;
                }
                switch (kinds[i]) {
                    case UUID -> {
                        UUID u = (UUID) v;
                        out.int32(16);
                        out.int64(u.getMostSignificantBits());
                        out.int64(u.getLeastSignificantBits());
                    }
                    case INT8 -> {
                        out.int32(8);
                        out.int64((Long) v);
                    }
                    case INT4 -> {
                        out.int32(4);
                        out.int32((Integer) v);
                    }
                    case INT2 -> {
                        out.int32(2);
                        out.int16((Short) v);
                    }
                    case BOOL -> {
                        out.int32(1);
                        out.put((byte) ((Boolean) v ? 1 : 0));
                    }
                    case TEXT -> out.text((String) v);
                    case TIMESTAMPTZ -> {
                        out.int32(8);
                        out.int64(micros(((OffsetDateTime) v).toInstant()));
                    }
                    case DATE -> {
                        out.int32(4);
                        out.int32((int) (((LocalDate) v).toEpochDay() - PG_EPOCH_DAY));
                    }
                    default -> throw new IllegalStateException(kinds[i].name());
                }
            }
        }
        out.int16(-1); // trailer
        return out;
    }

    /**
     * Microseconds since PostgreSQL's epoch, as the server stores a bound {@code OffsetDateTime}: jOOQ sends the
     * instant's nanoseconds as text, and PostgreSQL reads a fraction of a second with {@code strtod} and rounds it to
     * the microsecond with {@code rint} (half to even, on the double) — so an insert and the bulk path store the same.
     */
    static long micros(Instant t) {
        int nano = t.getNano();
        long fraction;
        if (nano % 1_000 == 0) {
            fraction = nano / 1_000;
        } else {
            String digits = Integer.toString(1_000_000_000 + nano).substring(1);
            fraction = (long) Math.rint(Double.parseDouble("0." + digits) * 1_000_000);
        }
        return (t.getEpochSecond() - PG_EPOCH_SECOND) * 1_000_000L + fraction;
    }

    // ---- COPY text format ------------------------------------------------------------------------------------

    private static <R extends Record> Bytes text(List<Field<?>> fields, List<R> rows) {
        var text = new StringBuilder(COPY_CHUNK + 4096);
        var out = new Bytes(rows.size() * 64 * fields.size());
        for (R row : rows) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                value(text, row.get(fields.get(i)));
            }
            text.append('\n');
            if (text.length() >= COPY_CHUNK) {
                out.put(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        out.put(text.toString().getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** One value in COPY's text format: {@code \N} for null, backslash escapes in text. */
    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        } else if (v instanceof OffsetDateTime t) {
            // rounded to the microsecond as the server rounds a bound timestamp
            long micros = micros(t.toInstant());
            OffsetDateTime utc = Instant.ofEpochSecond(PG_EPOCH_SECOND).plus(micros, ChronoUnit.MICROS)
                    .atOffset(ZoneOffset.UTC);
            out.append(TIMESTAMP.format(utc));
        } else if (v instanceof UUID || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof LocalDate) {
            out.append(v);
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else {
            throw new IllegalArgumentException("no COPY text for a value of " + v.getClass().getSimpleName());
        }
    }

    /** A growable big-endian byte buffer. */
    static final class Bytes {
        private byte[] bytes;
        private int length;

        Bytes(int capacity) {
            bytes = new byte[Math.max(256, capacity)];
        }

        int length() {
            return length;
        }

        private void room(int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
            }
        }

        void put(byte b) {
            room(1);
            bytes[length++] = b;
        }

        void put(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        void int16(int v) {
            room(2);
            bytes[length++] = (byte) (v >>> 8);
            bytes[length++] = (byte) v;
        }

        void int32(int v) {
            room(4);
            bytes[length++] = (byte) (v >>> 24);
            bytes[length++] = (byte) (v >>> 16);
            bytes[length++] = (byte) (v >>> 8);
            bytes[length++] = (byte) v;
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        /** A text value: its length in UTF-8 bytes, then the bytes. */
        void text(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            put(utf8);
        }
    }
}

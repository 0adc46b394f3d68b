package org.leaddiversion.persistence;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 * PostgreSQL one {@code COPY … FROM STDIN} per call (text format, streamed in chunks), elsewhere multi-row
 * {@code INSERT}s. Constraints, foreign keys, defaults, identities and indexes apply exactly as for an insert; the
 * rows are the records' values of {@code fields}, so both paths store the same thing.
 */
final class BulkRows {

    /** A statement's bind values stay under 30,000, below the drivers' limits (PostgreSQL: 65,535). */
    private static final int BIND_VALUES = 30_000;
    private static final int COPY_CHUNK = 1 << 16;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'");

    private BulkRows() {
    }

    static <R extends Record> void insert(DSLContext dsl, Table<R> table, List<Field<?>> fields, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            copy(dsl, table, fields, rows);
            return;
        }
        int chunk = Math.max(1, BIND_VALUES / fields.size());
        for (int from = 0; from < rows.size(); from += chunk) {
            var insert = dsl.insertInto(table).columns(fields);
            for (R row : rows.subList(from, Math.min(rows.size(), from + chunk))) {
                insert = insert.values(fields.stream().map(row::get).toList());
            }
            insert.execute();
        }
    }

    private static <R extends Record> void copy(DSLContext dsl, Table<R> table, List<Field<?>> fields, List<R> rows) {
        var sql = new StringBuilder("copy ").append(table.getName()).append(" (");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(fields.get(i).getName());
        }
        sql.append(") from stdin");
        dsl.connection(connection -> {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
            try {
                var text = new StringBuilder(COPY_CHUNK + 4096);
                for (R row : rows) {
                    for (int i = 0; i < fields.size(); i++) {
                        if (i > 0) {
                            text.append('\t');
                        }
                        value(text, row.get(fields.get(i)));
                    }
                    text.append('\n');
                    if (text.length() >= COPY_CHUNK) {
                        write(in, text);
                    }
                }
                write(in, text);
                in.endCopy();
            } catch (SQLException e) {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                throw new DataAccessException("bulk write of " + table.getName() + " failed", e);
            }
        });
    }

    private static void write(CopyIn in, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
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
            // rounded to the microsecond, half up, as PgJDBC sends a bound timestamp
            OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).plusNanos(500).truncatedTo(ChronoUnit.MICROS);
            out.append(TIMESTAMP.format(utc));
        } else if (v instanceof UUID || v instanceof Long || v instanceof Integer || v instanceof LocalDate) {
            out.append(v);
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else {
            throw new IllegalArgumentException("no COPY text for a value of " + v.getClass().getSimpleName());
        }
    }
}

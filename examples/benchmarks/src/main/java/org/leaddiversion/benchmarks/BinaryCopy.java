/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Renders a table's rows in PostgreSQL's binary COPY format (the header, one tuple per row, the trailer; see the
 * {@code COPY} reference, "Binary Format"), streaming from a server-side cursor so a table of any size passes through
 * a few kilobytes of heap. Handles the column types of the library's referral tables: uuid, bigint, integer, text and
 * varchar, timestamp with time zone, date.
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final OffsetDateTime PG_EPOCH = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    private static final LocalDate PG_EPOCH_DAY = LocalDate.of(2000, 1, 1);

    private BinaryCopy() {
    }

    /** Writes {@code select <columns> from <table>} as read on {@code connection} to {@code file}; returns the rows. */
    static long render(Connection connection, String table, String columns, Path file) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PgJDBC streams with a cursor only inside a transaction
        try (Statement st = connection.createStatement();
             OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            st.setFetchSize(5_000);
            long rows = 0;
            try (ResultSet rs = st.executeQuery("select " + columns + " from " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                String[] types = new String[n];
                for (int i = 0; i < n; i++) {
                    types[i] = meta.getColumnTypeName(i + 1);
                }
                out.write(SIGNATURE);
                out.writeInt(0); // flags: no OIDs
                out.writeInt(0); // header extension length
                while (rs.next()) {
                    out.writeShort(n);
                    for (int i = 0; i < n; i++) {
                        field(out, rs, i + 1, types[i]);
                    }
                    rows++;
                }
                out.writeShort(-1);
            }
            connection.commit();
            return rows;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void field(DataOutputStream out, ResultSet rs, int column, String type)
            throws SQLException, IOException {
        Object value = rs.getObject(column);
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        switch (type) {
            case "uuid" -> {
                UUID u = (UUID) value;
                out.writeInt(16);
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            case "int8", "bigserial" -> {
                out.writeInt(8);
                out.writeLong(rs.getLong(column));
            }
            case "int4", "serial" -> {
                out.writeInt(4);
                out.writeInt(rs.getInt(column));
            }
            case "text", "varchar" -> {
                byte[] bytes = rs.getString(column).getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            case "timestamptz" -> {
                OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                out.writeInt(8);
                out.writeLong(ChronoUnit.MICROS.between(PG_EPOCH, t));
            }
            case "date" -> {
                LocalDate d = rs.getObject(column, LocalDate.class);
                out.writeInt(4);
                out.writeInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DAY, d));
            }
            default -> throw new IllegalArgumentException("no binary COPY rendering for column type " + type);
        }
    }
}

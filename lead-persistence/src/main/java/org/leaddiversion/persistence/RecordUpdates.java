/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;

/**
 * The optimistic update of one aggregate row that the write path runs on nearly every command: {@code update <table>
 * set <the record's changed columns> where <key> = ? and version = ?}. Its text depends only on the table and the
 * columns set, so it is built once per shape and kept, and the values are bound straight to the prepared statement;
 * jOOQ renders nothing per call. A failure is the same {@link DataAccessException} a jOOQ statement raises.
 */
final class RecordUpdates {

    private record Shape(String table, List<String> columns, String key, String version) {
    }

    private static final Map<Shape, String> SQL = new ConcurrentHashMap<>();

    private RecordUpdates() {
    }

    /**
     * Sets {@code row}'s changed columns on the row whose {@code key} is {@code keyValue} and whose {@code version} is
     * {@code expectedVersion}; returns how many rows were updated (0: the version moved on, or no such row).
     */
    static int update(DSLContext dsl, TableRecord<?> row, Field<?> key, Object keyValue, Field<Long> version,
                      long expectedVersion) {
        List<Field<?>> set = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Field<?> f : row.fields()) {
            if (row.changed(f)) {
                set.add(f);
                names.add(f.getName());
            }
        }
        String sql = SQL.computeIfAbsent(new Shape(row.getTable().getName(), List.copyOf(names), key.getName(),
                version.getName()), RecordUpdates::render);
        try {
            return dsl.connectionResult(c -> {
                try (var update = c.prepareStatement(sql)) {
                    int i = 1;
                    for (Field<?> f : set) {
                        update.setObject(i++, row.get(f));
                    }
                    update.setObject(i++, keyValue);
                    update.setLong(i, expectedVersion);
                    return update.executeUpdate();
                }
            });
        } catch (DataAccessException e) {
            throw Failures.translate(e);
        }
    }

    private static String render(Shape shape) {
        var sql = new StringBuilder("update ").append(shape.table()).append(" set ");
        for (int i = 0; i < shape.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(shape.columns().get(i)).append(" = ?");
        }
        return sql.append(" where ").append(shape.key()).append(" = ? and ").append(shape.version()).append(" = ?")
                .toString();
    }
}

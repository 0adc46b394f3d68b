/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

/**
 * A statement whose text does not depend on its values, built with jOOQ once and then run over JDBC: every value is a
 * named parameter ({@code DSL.param(name, type)}); jOOQ renders the text once, in the database's dialect, and the
 * order of the names in it tells which value each placeholder takes. Rendering a statement's tree is most of what
 * jOOQ costs for the statements a page of participants runs on every request; this pays it once.
 *
 * <p>Arrays are bound as SQL arrays of their component type, instants as UTC {@code OffsetDateTime}s.
 */
final class FixedStatement {

    private static final Pattern NAME = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    private final String sql;
    private final List<String> names;
    private final List<DataType<?>> types;

    private FixedStatement(String sql, List<String> names, List<DataType<?>> types) {
        this.sql = sql;
        this.names = names;
        this.types = types;
    }

    /** {@code query} rendered once by {@code dsl}; every value in it must be a parameter with a name of its own. */
    static FixedStatement of(DSLContext dsl, Query query) {
        Map<String, Param<?>> params = dsl.extractParams(query);
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(dsl.renderNamedParams(query));
        while (m.find()) {
            names.add(m.group(1));
        }
        String sql = dsl.render(query);
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != names.size() || !params.keySet().containsAll(names)) {
            throw new IllegalStateException("a fixed statement binds named parameters only: " + names + " for "
                    + placeholders + " placeholders in " + sql);
        }
        List<DataType<?>> types = new ArrayList<>();
        names.forEach(n -> types.add(params.get(n).getDataType()));
        return new FixedStatement(sql, List.copyOf(names), List.copyOf(types));
    }

    /** What is read from a statement's rows. */
    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs the query on the connection of {@code dsl} (the caller's transaction) with {@code values} bound by name and
     * gives its rows to {@code read}; a failure is the library's (see {@link Failures}).
     */
    <T> T query(DSLContext dsl, Map<String, ?> values, Rows<T> read) {
        try {
            return dsl.connectionResult(c -> {
                try (PreparedStatement statement = prepare(c, values); ResultSet rows = statement.executeQuery()) {
                    return read.read(rows);
                }
            });
        } catch (DataAccessException e) {
            throw Failures.translate(e);
        }
    }

    /** Runs the insert, update or delete as {@link #query} runs a query; the number of rows it changed. */
    int update(DSLContext dsl, Map<String, ?> values) {
        try {
            return dsl.connectionResult(c -> {
                try (PreparedStatement statement = prepare(c, values)) {
                    return statement.executeUpdate();
                }
            });
        } catch (DataAccessException e) {
            throw Failures.translate(e);
        }
    }

    private PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                bind(connection, statement, i + 1, types.get(i), values.get(names.get(i)));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, DataType<?> type,
                             Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, type.getSQLType());
        } else if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("varchar", texts));
        } else if (value instanceof Instant at) {
            statement.setObject(index, EventStore.utc(at));
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public String toString() {
        return sql;
    }
}

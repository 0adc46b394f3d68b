/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/** Turns database failures into the library's errors, without SQL, values or personal data in the message. */
final class Failures {

    private Failures() {
    }

    /**
     * A connection-level failure (SQL state class 08, an administrator or crash shutdown 57P0x, a pool timeout) is a
     * {@link DatabaseUnavailableException}; a value the schema refuses (class 22, or 23 other than a unique violation,
     * which adapters report as a conflict) is an {@code InvalidValueException} naming the constraint; anything else is
     * returned as it was, for the adapter to interpret.
     */
    static RuntimeException translate(DataAccessException e) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return new DatabaseUnavailableException("the database became unavailable during a command; "
                    + "nothing of the command was stored (SQL state " + state + ")", e);
        }
        if (state != null && (state.startsWith("22") || (state.startsWith("23") && !"23505".equals(state)))) {
            // a value the schema refuses (too long, out of range, a CHECK or NOT NULL): the domain bounds its values
            // so this means a value slipped past them; name the constraint, never the value
            return new org.leaddiversion.domain.common.InvalidValueException(constraintOf(e).orElse("value"),
                    "is refused by the database (SQL state " + state + ")");
        }
        if (e.getCause() instanceof SQLException s && s.getMessage() != null
                && s.getMessage().contains("Connection is not available")) {
            return new DatabaseUnavailableException("no database connection became available in time; "
                    + "nothing of the command was stored", e);
        }
        return e;
    }

    /** The violated constraint's name, where the driver reports it (PostgreSQL does). */
    private static java.util.Optional<String> constraintOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                var m = p.getServerErrorMessage();
                if (m.getConstraint() != null) {
                    return java.util.Optional.of(m.getConstraint());
                }
                if (m.getColumn() != null) {
                    return java.util.Optional.of(m.getTable() + "." + m.getColumn());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}

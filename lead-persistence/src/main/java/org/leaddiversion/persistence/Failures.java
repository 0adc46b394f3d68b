package org.leaddiversion.persistence;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/** Turns database failures into the library's errors, without SQL, values or personal data in the message. */
final class Failures {

    private Failures() {
    }

    /**
     * A connection-level failure (SQL state class 08, an administrator or crash shutdown 57P0x, a pool timeout) is a
     * {@link DatabaseUnavailableException}; anything else is returned as it was, for the adapter to interpret.
     */
    static RuntimeException translate(DataAccessException e) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return new DatabaseUnavailableException("the database became unavailable during a command; "
                    + "nothing of the command was stored (SQL state " + state + ")", e);
        }
        if (e.getCause() instanceof SQLException s && s.getMessage() != null
                && s.getMessage().contains("Connection is not available")) {
            return new DatabaseUnavailableException("no database connection became available in time; "
                    + "nothing of the command was stored", e);
        }
        return e;
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

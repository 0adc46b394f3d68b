/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.leaddiversion.domain.common.ConcurrentUpdateException;

/**
 * Turns the database's refusals of a racing writer into the domain's {@link ConcurrentUpdateException}: a unique
 * violation (two writers inserting the same aggregate, or a second open enrollment), a serialization failure, or
 * H2's "row changed by another transaction". Anything else is a real failure and passes through. On PostgreSQL the
 * failed statement aborts the transaction, so the conflict must end it: {@code Transactions.command} catches the
 * conflict outside the transaction, as it should.
 */
final class Conflicts {

    private Conflicts() {
    }

    /** Runs the write; a conflict the database reports becomes {@code conflict}'s exception. */
    static void mapped(Runnable write, Supplier<ConcurrentUpdateException> conflict) {
        try {
            write.run();
        } catch (DataAccessException e) {
            if (isConflict(e)) {
                // not chained: the database's message names the colliding key, which may hold a person's id
                throw conflict.get();
            }
            throw e;
        }
    }

    static boolean isConflict(DataAccessException e) {
        String state = e.sqlState();
        if ("23505".equals(state) || "40001".equals(state)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getErrorCode() == 90131) {
                return true; // H2: concurrent update in table
            }
        }
        return false;
    }
}

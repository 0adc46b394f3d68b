/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.leaddiversion.domain.common.Transactions;

/**
 * {@link Transactions} on a database: one JDBC transaction per command, committed when the work returns and rolled
 * back when it throws. Adapters read and write through {@link #dsl()}, which is the command's transaction while one is
 * open on this thread; nested calls join the outer transaction. A lost connection or a database that stops mid-command
 * rolls the command back (the database never commits half of it) and surfaces as a
 * {@link DatabaseUnavailableException}; the pool replaces broken connections once the database is back.
 *
 * <p>An adapter may remember what the open transaction read or wrote in its {@link #memo()}, which lives exactly as
 * long as the transaction: nothing remembered there outlives a rollback or is seen by another transaction. What is
 * to be shared once committed is handed to {@link #afterCommit}.
 */
final class JooqTransactions implements Transactions {

    private final DSLContext base;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();
    private final ThreadLocal<Map<Object, Object>> memo = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    JooqTransactions(DSLContext base) {
        this.base = base;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        List<Runnable> committed = new ArrayList<>();
        T result;
        try {
            result = base.transactionResult(configuration -> {
                current.set(DSL.using(configuration));
                memo.set(new HashMap<>());
                afterCommit.set(committed);
                try {
                    return work.get();
                } finally {
                    current.remove();
                    memo.remove();
                    afterCommit.remove();
                }
            });
        } catch (DataAccessException e) {
            throw Failures.translate(e);
        }
        committed.forEach(Runnable::run);
        return result;
    }

    /** Whether a transaction is open on this thread (a call to {@link #inTransaction} would join it). */
    boolean isOpen() {
        return current.get() != null;
    }

    /** The open transaction's context, or an auto-commit one outside a transaction (single statements only). */
    DSLContext dsl() {
        DSLContext tx = current.get();
        return tx != null ? tx : base;
    }

    /**
     * Runs {@code action} once the transaction open on this thread has committed (never if it rolls back); outside a
     * transaction, at once (an auto-committed statement is committed when it returns).
     */
    void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions != null) {
            actions.add(action);
        } else {
            action.run();
        }
    }

    /**
     * What adapters remember within the transaction open on this thread, by keys of their own; outside a transaction a
     * fresh map each call, so nothing is remembered between auto-committed statements.
     */
    Map<Object, Object> memo() {
        Map<Object, Object> m = memo.get();
        return m != null ? m : new HashMap<>();
    }
}

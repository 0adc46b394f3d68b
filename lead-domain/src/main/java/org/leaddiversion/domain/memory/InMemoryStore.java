/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.domain.common.Transactions;

/**
 * The shared state of the in-memory adapters: one lock, an undo log per transaction and the append-only event log.
 * Transactions are serialised; an exception undoes every write made inside the transaction.
 */
public final class InMemoryStore implements Transactions, EventLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();
    private final List<DomainEvent> events = new ArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        boolean outer = undo.get() == null;
        if (outer) {
            undo.set(new ArrayDeque<>());
        }
        try {
            T result = work.get();
            if (outer) {
                undo.remove();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outer) {
                Deque<Runnable> log = undo.get();
                undo.remove();
                while (!log.isEmpty()) {
                    log.pop().run();
                }
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Runs a write under the lock, registering how to undo it if the enclosing transaction fails. */
    void write(Runnable doIt, Runnable undoIt) {
        lock.lock();
        try {
            doIt.run();
            Deque<Runnable> log = undo.get();
            if (log != null) {
                log.push(undoIt);
            }
        } finally {
            lock.unlock();
        }
    }

    <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    void append(List<DomainEvent> newEvents) {
        int size = read(events::size);
        write(() -> events.addAll(newEvents), () -> events.subList(size, events.size()).clear());
    }

    /** The event log, oldest first (append-only). */
    @Override
    public List<DomainEvent> events() {
        return read(() -> Collections.unmodifiableList(new ArrayList<>(events)));
    }
}

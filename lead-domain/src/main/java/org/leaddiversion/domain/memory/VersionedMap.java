/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;

/**
 * Aggregates of one kind kept in insertion order under the store's lock, written with optimistic locking: a save
 * succeeds only if the stored version is the one the writer read (-1 for none), and its events are appended in the
 * same transaction. A failed transaction undoes the write.
 */
final class VersionedMap<K, V> {

    private final InMemoryStore store;
    private final String aggregate;
    private final ToLongFunction<V> version;
    private final long absentVersion;
    private final Map<K, V> byId = new LinkedHashMap<>();

    /** Aggregates whose new instances are saved with expected version -1. */
    VersionedMap(InMemoryStore store, String aggregate, ToLongFunction<V> version) {
        this(store, aggregate, version, -1);
    }

    /** Aggregates that exist implicitly in an empty state of version {@code absentVersion} before the first save. */
    VersionedMap(InMemoryStore store, String aggregate, ToLongFunction<V> version, long absentVersion) {
        this.store = store;
        this.aggregate = aggregate;
        this.version = version;
        this.absentVersion = absentVersion;
    }

    Map<K, V> snapshot() {
        return store.read(() -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId)));
    }

    Optional<V> find(K id) {
        return store.read(() -> Optional.ofNullable(byId.get(id)));
    }

    List<V> where(Predicate<V> filter) {
        return store.read(() -> byId.values().stream().filter(filter).toList());
    }

    List<V> all() {
        return store.read(() -> List.copyOf(byId.values()));
    }

    /**
     * Stores {@code value} under {@code id} if its stored version is {@code expectedVersion} and {@code clashes} finds
     * no clash with a stored aggregate when a new one is stored; appends the events in the same transaction.
     */
    void save(K id, V value, long expectedVersion, List<DomainEvent> events, Predicate<V> clashes) {
        store.inTransaction(() -> {
            V current = byId.get(id);
            long actual = current == null ? absentVersion : version.applyAsLong(current);
            if (actual != expectedVersion) {
                throw new ConcurrentUpdateException(aggregate, id.toString(), expectedVersion, actual);
            }
            if (current == null && byId.values().stream().anyMatch(clashes)) {
                throw new ConcurrentUpdateException(aggregate, id.toString(), expectedVersion, 0);
            }
            store.write(() -> byId.put(id, value), () -> {
                if (current == null) {
                    byId.remove(id);
                } else {
                    byId.put(id, current);
                }
            });
            store.append(events);
            return null;
        });
    }
}

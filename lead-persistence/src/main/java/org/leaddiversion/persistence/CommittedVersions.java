/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this node has read of committed aggregate versions, by id and version number: a bounded map, least recently
 * used first out. It rests on one premise the adapters keep: a version number is committed once, and what it holds
 * never changes after (a later change is a new number; a rolled-back version was never committed, and adapters hand
 * over only what they read from committed rows or what a transaction wrote once it has committed). So an entry never
 * goes stale: a node that reads the latest version number from the database first sees a newer version the moment
 * another node commits it, whatever this map holds.
 *
 * @param <K> the aggregate's id
 * @param <V> the aggregate's state at a version
 */
final class CommittedVersions<K, V> {

    private record Key<K>(K id, long version) {
    }

    private final Map<Key<K>, V> entries;

    /** At most {@code capacity} versions are kept. */
    CommittedVersions(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key<K>, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The aggregate {@code id} at {@code version}, if this node has it. */
    synchronized Optional<V> get(K id, long version) {
        return Optional.ofNullable(entries.get(new Key<>(id, version)));
    }

    /** Keeps the aggregate {@code id} at {@code version}: committed rows only. */
    synchronized void put(K id, long version, V value) {
        entries.put(new Key<>(id, version), value);
    }
}

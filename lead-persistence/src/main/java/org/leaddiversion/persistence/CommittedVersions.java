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
 * <p>Within a transaction, {@link #known}, {@link #written} and {@link #read} keep the same by-version knowledge in the
 * transaction's memo as well, so that what it wrote is its own until it commits and only then the node's.
 *
 * @param <K> the aggregate's id
 * @param <V> the aggregate's state at a version
 */
final class CommittedVersions<K, V> {

    private record Key<K>(K id, long version) {
    }

    /** The memo key of an aggregate's state at a version, as the open transaction read or wrote it. */
    private record AtVersion(CommittedVersions<?, ?> owner, Object id, long version) {
    }

    /** The memo key marking an aggregate the open transaction wrote (its versions are not committed yet). */
    private record Written(CommittedVersions<?, ?> owner, Object id) {
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

    /**
     * The aggregate {@code id} at {@code version} as the open transaction ({@code memo}, {@link
     * JooqTransactions#memo()}) or, failing that, this node knows it; what the node knew is remembered in the memo.
     */
    Optional<V> known(Map<Object, Object> memo, K id, long version) {
        @SuppressWarnings("unchecked") // only this object puts values under its keys, and they are V's
        V inTransaction = (V) memo.get(new AtVersion(this, id, version));
        if (inTransaction != null) {
            return Optional.of(inTransaction);
        }
        Optional<V> shared = get(id, version);
        shared.ifPresent(v -> memo.put(new AtVersion(this, id, version), v));
        return shared;
    }

    /** The open transaction {@code tx} wrote {@code id} at {@code version}: its own now, this node's once committed. */
    void written(JooqTransactions tx, K id, long version, V value) {
        Map<Object, Object> memo = tx.memo();
        memo.put(new Written(this, id), Boolean.TRUE);
        memo.put(new AtVersion(this, id, version), value);
        tx.afterCommit(() -> put(id, version, value));
    }

    /**
     * The open transaction read {@code id} at {@code version} from the database: its own, and this node's too unless
     * the transaction wrote that aggregate itself (then the row is not committed yet).
     */
    void read(Map<Object, Object> memo, K id, long version, V value) {
        memo.put(new AtVersion(this, id, version), value);
        if (!memo.containsKey(new Written(this, id))) {
            put(id, version, value);
        }
    }
}

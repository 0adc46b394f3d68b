/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.util.UUID;

/**
 * Source of new identities, injected like the {@link java.time.Clock}: the domain never draws
 * a random UUID itself, so tests and replays are deterministic.
 */
@FunctionalInterface
public interface IdGenerator {

    /** A fresh, never-repeated id. */
    UUID next();

    /** Deterministic generator for tests and demos: ids derived from a seed and a counter. */
    static IdGenerator sequential(long seed) {
        var counter = new java.util.concurrent.atomic.AtomicLong();
        return () -> new UUID(seed, counter.incrementAndGet());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.util.function.Supplier;

/**
 * Port: runs one command's reads and writes as a unit — the aggregate changes and their events are stored together
 * or not at all.
 */
@FunctionalInterface
public interface Transactions {

    /** Runs {@code work} in one transaction; a thrown exception undoes every write of it. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs one command in one transaction. A stale write ({@link ConcurrentUpdateException}) undoes everything the
     * command wrote and comes back as a {@link ErrorCode#CONCURRENT_UPDATE} rejection on field {@code version}, naming
     * the aggregate and the versions; any other exception propagates.
     */
    default <T> Outcome<T> command(Supplier<Outcome<T>> work) {
        try {
            return inTransaction(work);
        } catch (ConcurrentUpdateException e) {
            return Outcome.rejected(ErrorCode.CONCURRENT_UPDATE, "version", RuleId.R29, e.getMessage());
        }
    }
}

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
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

/**
 * A write was based on a stale version of an aggregate: someone else changed it first. Nothing of the write was
 * stored. Adapters throw it; application services turn it into a {@link ErrorCode#CONCURRENT_UPDATE} rejection.
 */
public class ConcurrentUpdateException extends RuntimeException {

    private final String aggregate;
    private final String id;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrentUpdateException(String aggregate, String id, long expectedVersion, long actualVersion) {
        super(aggregate + " " + id + " was changed concurrently: expected version " + expectedVersion
                + " but found " + actualVersion);
        this.aggregate = aggregate;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String aggregate() {
        return aggregate;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}

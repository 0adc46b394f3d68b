/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: H2 in memory, and real PostgreSQL — the binaries shipped as a Maven artifact (zonky embedded
 * PostgreSQL, started once per test JVM), or the server {@code LEAD_PG_URL} (with {@code LEAD_PG_USER},
 * {@code LEAD_PG_PASSWORD}) points at. Every database handed out is fresh: its own H2 database, or its own
 * PostgreSQL schema.
 */
final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A fresh, migrated H2 database in memory. */
    static LeadDatabase h2() {
        return LeadDatabase.h2InMemory("lead_test_" + COUNTER.incrementAndGet());
    }

    /** Settings of a fresh schema on the test PostgreSQL server. */
    static DatabaseSettings postgresSettings() {
        String schema = "lead_test_" + COUNTER.incrementAndGet();
        String external = System.getenv("LEAD_PG_URL");
        if (external != null && !external.isBlank()) {
            return DatabaseSettings.of(external).withCredentials(env("LEAD_PG_USER", "postgres"),
                    env("LEAD_PG_PASSWORD", "")).inSchema(schema).withPoolSize(4);
        }
        return DatabaseSettings.of(server().getJdbcUrl("postgres", "postgres"))
                .withCredentials("postgres", "postgres").inSchema(schema).withPoolSize(4);
    }

    /** A fresh, migrated schema on the test PostgreSQL server. */
    static LeadDatabase postgres() {
        return LeadDatabase.connect(postgresSettings());
    }

    /** The embedded server, started on first use and stopped when the test JVM exits. */
    static synchronized EmbeddedPostgres server() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return embedded;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}

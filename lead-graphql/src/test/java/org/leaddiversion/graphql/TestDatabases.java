/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The host's {@code DataSource} in the API tests, on either database the library supports. Import {@link OnH2} or
 * {@link OnPostgres} into a test class: each Spring context gets a fresh, empty database (the library migrates it on
 * start), so contexts never see each other's data. PostgreSQL is real: the binaries shipped as a Maven artifact (zonky
 * embedded PostgreSQL, started once per test JVM), or the server {@code LEAD_PG_URL} (with {@code LEAD_PG_USER},
 * {@code LEAD_PG_PASSWORD}) points at.
 */
final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A fresh in-memory H2 database per context, in PostgreSQL mode as the library's embedded default uses it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnH2 {
        @Bean
        DataSource dataSource() {
            return small(DataSourceBuilder.create()
                    .url("jdbc:h2:mem:graphql_" + COUNTER.incrementAndGet() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                    .username("sa").password(""));
        }
    }

    /** A fresh PostgreSQL database per context on the test server. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnPostgres {
        @Bean
        DataSource dataSource() {
            String database = "graphql_" + COUNTER.incrementAndGet();
            String external = System.getenv("LEAD_PG_URL");
            String user = external == null ? "postgres" : env("LEAD_PG_USER", "postgres");
            String password = external == null ? "postgres" : env("LEAD_PG_PASSWORD", "");
            String adminUrl = external == null ? server().getJdbcUrl("postgres", "postgres") : external;
            try (Connection c = DataSourceBuilder.create().url(adminUrl).username(user).password(password).build()
                    .getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + database, e);
            }
            String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
            return small(DataSourceBuilder.create().url(url).username(user).password(password));
        }
    }

    /**
     * A pool of at most four connections: Spring keeps every test context it has started (one per test class
     * configuration), and a full default pool per context would exhaust PostgreSQL's connections.
     */
    private static DataSource small(DataSourceBuilder<?> builder) {
        HikariDataSource pool = builder.type(HikariDataSource.class).build();
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        return pool;
    }

    private static synchronized EmbeddedPostgres server() {
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

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;

/**
 * Two writers, one referral: a mutation that read the referral before someone else's change committed loses the race
 * with a {@code CONFLICT} error naming the aggregate, and nothing of it is written. The other writer is a plain JDBC
 * transaction that bumps the referral's version and holds the row until the mutation's update waits on it; it then
 * commits, and the mutation's optimistic update matches no row.
 */
@SpringBootTest(classes = {TestApplication.class, ConflictScenarios.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConflictScenarios extends ApiClients {


    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return new MutableClock(seattle("2026-01-12T21:10"));
        }
    }

    @Autowired
    PersistentProgramme programme;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;


    /** Whether some session of the database is waiting for a lock right now. */
    abstract boolean someoneWaitsForALock(Connection c) throws SQLException;

    @Test
    void a_mutation_that_lost_the_race_is_a_conflict_and_writes_nothing() throws Exception {
        programme.policies().put(Fixtures.seattle());
        var desk = programme.desk();
        var referral = desk.submit(Fixtures.anArrestDiversion("conflicted").build()).value();
        ((MutableClock) clock).set(seattle("2026-01-12T21:45"));
        desk.recordHandoff(referral.id(), Fixtures.CASE_MANAGER, seattle("2026-01-12T21:15"),
                seattle("2026-01-12T21:40"));
        long before = version(referral.id());

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement bump = other.prepareStatement(
                    "update referral set version = version + 1 where id = ?")) {
                bump.setObject(1, referral.id().value());
                assertEquals(1, bump.executeUpdate());
            }
            CompletableFuture<ClientGraphQlResponse> accepting = CompletableFuture.supplyAsync(() -> caseManager()
                    .document("mutation($id: ID!) { acceptReferral(input: {referralId: $id}) { referral { id } "
                            + "errors { code } } }")
                    .variable("id", referral.id().value()).executeSync());
            try (Connection watcher = dataSource.getConnection()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!someoneWaitsForALock(watcher)) {
                    assertTrue(System.nanoTime() < deadline, "the mutation never reached the locked row");
                    Thread.sleep(20);
                }
            }
            other.commit();
            ClientGraphQlResponse response = accepting.get(30, TimeUnit.SECONDS);
            ResponseError error = only(response);
            assertEquals("CONFLICT", error.getErrorType().toString());
            assertTrue(error.getMessage().startsWith("Referral " + referral.id().value()), error::getMessage);
            assertTrue(error.getMessage().contains("retry"), error::getMessage);
        }
        assertEquals(before + 1, version(referral.id()), "only the other writer's change is stored");
        assertEquals("SUBMITTED", jdbc.queryForObject("select status from referral where id = ?", String.class,
                referral.id().value()));
    }

    private long version(ReferralId id) {
        return jdbc.queryForObject("select version from referral where id = ?", Long.class, id.value());
    }

    static boolean anyRow(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}

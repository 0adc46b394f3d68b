/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The PostgreSQL server stops in the middle of a command: the command fails with a clear error, nothing of it is
 * stored, and once the server is back the same pool serves the next command — no restart of the application.
 */
@DisplayName("PostgreSQL stops mid-transaction: clear error, no partial write, the pool recovers")
class PostgresOutageTest {

    @Test
    void a_command_cut_off_by_the_server_stopping_writes_nothing_and_the_pool_recovers() throws Exception {
        Path data = Files.createTempDirectory("lead-pg-outage");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres server = start(data, port);
        DatabaseSettings settings = DatabaseSettings.of(server.getJdbcUrl("postgres", "postgres"))
                .withCredentials("postgres", "postgres").withPoolSize(2)
                .withConnectionTimeout(Duration.ofSeconds(2));
        try (LeadDatabase db = LeadDatabase.connect(settings)) {
            Consent before = ConsentsContract.roi(1, new PersonId("maria"));
            db.consents().save(before, -1, List.of(ConsentsContract.recorded(before)));

            // the server goes down after the command has written its first row
            Consent cut = ConsentsContract.roi(2, new PersonId("dee"));
            EmbeddedPostgres running = server;
            var failure = assertThrows(DatabaseUnavailableException.class, () ->
                    db.transactions().inTransaction(() -> {
                        db.consents().save(cut, -1, List.of(ConsentsContract.recorded(cut)));
                        try {
                            running.close();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        db.consents().save(ConsentsContract.roi(3, new PersonId("dee")), -1, List.of());
                        return null;
                    }));
            assertTrue(failure.getMessage().contains("nothing of the command was stored"), failure.getMessage());
            assertTrue(!failure.getMessage().contains("dee"), "no personal data in the message");

            // while it is down, commands fail fast with the same clear error
            assertThrows(DatabaseUnavailableException.class, () -> db.transactions().inTransaction(() ->
                    db.consents().find(before.id())));

            // back up on the same data and port: the same LeadDatabase (same pool) works again
            server = start(data, port);
            Optional<Consent> found = Optional.empty();
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                try {
                    found = db.transactions().inTransaction(() -> db.consents().find(before.id()));
                    break;
                } catch (DatabaseUnavailableException stillRecovering) {
                    Thread.sleep(200);
                }
            }
            assertEquals(Optional.of(before), found, "what was committed before the outage is there");
            assertEquals(Optional.empty(), db.consents().find(cut.id()), "nothing of the cut command was stored");
            assertEquals(1, db.events().events().size(), "and none of its events");
            Consent after = ConsentsContract.roi(4, new PersonId("cy"));
            db.consents().save(after, -1, List.of());
            assertEquals(Optional.of(after), db.consents().find(new ConsentId(new UUID(77, 4))));
        } finally {
            server.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}

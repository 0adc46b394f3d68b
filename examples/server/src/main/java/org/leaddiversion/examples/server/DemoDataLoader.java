/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.leaddiversion.persistence.LeadDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the synthetic demo data ({@link DemoData}) on first start: when the database holds no site policy yet. A
 * database that already has one — the demo data of an earlier start, or a site's own — is left as it is. The data ends
 * at the start of today (UTC), by the application's clock, so the server's own clock never runs behind it.
 *
 * <p>Seeding starts on a thread of its own as soon as the (migrated) database is there, so it runs while the rest of
 * the application starts on the other core; the server is not ready (no {@code ApplicationReadyEvent}, no banner)
 * until it has finished, and a failed seeding fails the start. The data is the same as if it ran on the main thread:
 * one thread plays the whole year, in order.
 *
 * <p>It logs one line of counts and the time taken; never a person.
 */
@Component
@ConditionalOnProperty(name = "lead.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements InitializingBean, ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final LeadDatabase db;
    private final Clock clock;
    private final long seed;
    private final int participants;
    private final FutureTask<Optional<DemoData.Summary>> seeding = new FutureTask<>(this::seedIfEmpty);

    DemoDataLoader(LeadDatabase db, Clock clock, @Value("${lead.demo.seed:" + DemoData.DEFAULT_SEED + "}") long seed,
                   @Value("${lead.demo.participants:" + DemoData.DEFAULT_PARTICIPANTS + "}") int participants) {
        this.db = db;
        this.clock = clock;
        this.seed = seed;
        this.participants = participants;
    }

    /** Starts seeding while the rest of the application starts. */
    @Override
    public void afterPropertiesSet() {
        Thread thread = new Thread(seeding, "demo-data-seeding");
        // a start that fails elsewhere does not wait for the seeding
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the seeding: the server is ready once the demo data is in. */
    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        try {
            seeding.get().ifPresentOrElse(
                    summary -> LOG.info("Demo data seeded (seed {}): {}", seed, summary.describe()),
                    () -> LOG.info("Demo data: the database already holds site policies; nothing seeded"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("seeding the demo data failed", e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("seeding the demo data was cancelled", e);
        }
    }

    private Optional<DemoData.Summary> seedIfEmpty() {
        if (!db.sitePolicies(clock).sites().isEmpty()) {
            return Optional.empty();
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        var settings = new DemoData.Settings(seed, participants, LocalDate.now(clock));
        var summary = DemoData.seed(db, settings);
        LOG.info("Demo evaluation data: {}", DemoEvaluationData.seed(db, settings).describe());
        // the seeding thread's own CPU time: unlike the wall time, it hardly depends on what else the machine runs
        LOG.info(String.format(java.util.Locale.ROOT, "Demo data seeding used %.1f s of CPU on its thread",
                (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9));
        return Optional.of(summary);
    }
}

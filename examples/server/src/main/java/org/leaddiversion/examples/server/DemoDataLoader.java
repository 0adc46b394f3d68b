/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.time.Clock;
import java.time.LocalDate;
import org.leaddiversion.persistence.LeadDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>It logs one line of counts and the time taken; never a person.
 */
@Component
@ConditionalOnProperty(name = "lead.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final LeadDatabase db;
    private final Clock clock;
    private final long seed;
    private final int participants;

    DemoDataLoader(LeadDatabase db, Clock clock, @Value("${lead.demo.seed:" + DemoData.DEFAULT_SEED + "}") long seed,
                   @Value("${lead.demo.participants:" + DemoData.DEFAULT_PARTICIPANTS + "}") int participants) {
        this.db = db;
        this.clock = clock;
        this.seed = seed;
        this.participants = participants;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!db.sitePolicies(clock).sites().isEmpty()) {
            LOG.info("Demo data: the database already holds site policies; nothing seeded");
            return;
        }
        var settings = new DemoData.Settings(seed, participants, LocalDate.now(clock));
        var summary = DemoData.seed(db, settings);
        LOG.info("Demo data seeded (seed {}): {}", seed, summary.describe());
        LOG.info("Demo evaluation data: {}", DemoEvaluationData.seed(db, settings).describe());
    }
}

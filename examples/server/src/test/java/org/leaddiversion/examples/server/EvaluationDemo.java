/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The demo data set the evaluation tests share: the server's own loader seeds 800 people with seed 11 on a server
 * whose clock stands at 22 November 2026, so the data, the reports and the dashboard's default periods are the same on
 * every run. {@link DemoEvaluationDataTest} and {@link DashboardInChromiumTest} name the same classes and properties,
 * so Spring's test context cache starts (and seeds) one server for both.
 */
@TestConfiguration(proxyBeanMethods = false)
class EvaluationDemo {

    static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:evaluation-demo;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final String PARTICIPANTS = "lead.demo.participants=800";
    static final String SEED = "lead.demo.seed=11";

    /** The server's "now": the data cover the 365 days before 22 November 2026 (UTC). */
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    /** The settings the loader seeds with under {@link #NOW}. */
    static final DemoData.Settings SETTINGS = new DemoData.Settings(11, 800, LocalDate.of(2026, 11, 22));

    @Bean
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

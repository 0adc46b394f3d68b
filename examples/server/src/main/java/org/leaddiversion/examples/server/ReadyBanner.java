/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where GraphiQL is and how to sign in once the server is ready, with the time it took from JVM start. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        Duration sinceStart = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.printf("%nLEAD example server ready in %.1f s (from JVM start, demo data included)%n"
                        + "  GraphiQL:  http://localhost:%d/graphiql/%n"
                        + "  dashboard: http://localhost:%d/dashboard/ (evaluation and equity measures)%n"
                        + "  sign in as case-manager, prosecutor, officer, sergeant, defender, project-manager, "
                        + "evaluator or community-referrer; password: demo%n"
                        + "  health:    http://localhost:%d/actuator/health%n%n",
                sinceStart.toMillis() / 1000.0, port, port, port);
    }
}

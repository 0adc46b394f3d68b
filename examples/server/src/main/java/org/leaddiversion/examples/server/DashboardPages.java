/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The evaluation dashboard's address: {@code /dashboard} and {@code /dashboard/} lead to the static page in
 * {@code static/dashboard}, which draws the process funnel, the outcomes against the comparison cohort and the referral
 * RRI by group from the library's GraphQL reports, as the signed-in user, with Chart.js from its webjar.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }

    /**
     * The days the demo data cover by the server's clock — the year before today (UTC), as {@link DemoData} seeds it —
     * from which the dashboard offers its periods and picks its defaults. Dates only: no data.
     */
    @RestController
    static class Coverage {

        private final Clock clock;

        Coverage(Clock clock) {
            this.clock = clock;
        }

        @GetMapping("/dashboard/coverage")
        Map<String, String> coverage() {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            return Map.of("from", today.minusDays(365).toString(), "through", today.minusDays(1).toString());
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The evaluation dashboard in a real browser ({@link HeadlessChromium}: only this server answers), against the demo
 * data the server's loader seeded ({@link EvaluationDemo}). The evaluator signs in, the dashboard opens on Seattle with
 * its default periods, and the test reads Chart.js' own chart objects: the series drawn, the RRI's bounds, the small
 * group marked suppressed (no bar, never a zero). A viewer without aggregate access (an
 * officer stating the purpose ENFORCEMENT) sees the FORBIDDEN message instead.
 *
 * <p>The screenshot goes to {@code target/dashboard.png}; with {@code -Ddashboard.screenshot=docs} also to
 * {@code docs/images/dashboard.png}, the one the docs show (the test does not rewrite a committed file on every run).
 */
@SpringBootTest(classes = {DemoServer.class, EvaluationDemo.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {EvaluationDemo.DATABASE, EvaluationDemo.PARTICIPANTS, EvaluationDemo.SEED})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The evaluation dashboard draws the funnel, outcomes and RRI from the demo data in headless Chromium")
class DashboardInChromiumTest {

    private static final String READ_CHARTS = """
            const read = id => {
              const chart = Chart.getChart(id);
              return chart ? { labels: chart.data.labels, datasets: chart.data.datasets.map(d => ({
                label: d.label, data: d.data, suppressed: d.suppressed || null, flags: d.flags || null })) } : null;
            };
            return { funnel: read('funnel-chart'), outcome: read('outcome-chart'), odds: read('odds-chart'),
                     rri: read('rri-chart') };
            """;

    @LocalServerPort
    int port;

    private HeadlessChromium browser;

    @BeforeAll
    void start_chromium() throws IOException {
        browser = HeadlessChromium.start(port, 1280, 1480);
    }

    @AfterAll
    void stop_chromium() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Whether the library's schema on the classpath has the process-funnel query. */
    private static boolean schemaHasProcessFunnel() throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
            try (InputStream in = r.getInputStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("processFunnel(")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void signInAtTheDashboard(String user) {
        browser.signOut();
        browser.open("/dashboard/");
        browser.waitFor("the login form", b -> !b.findElements(By.name("username")).isEmpty());
        b().findElement(By.name("username")).sendKeys(user);
        b().findElement(By.name("password")).sendKeys(DemoUsers.PASSWORD);
        b().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor("the sign-in to land back on the dashboard", d -> d.getCurrentUrl().contains("/dashboard/"));
        awaitReports();
    }

    private void awaitReports() {
        browser.waitFor("the reports to load", d -> "false".equals(browser.js("return document.body.dataset.loading")));
    }

    private org.openqa.selenium.WebDriver b() {
        return browser.driver();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> charts() {
        return (Map<String, Map<String, Object>>) browser.js(READ_CHARTS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> datasets(Map<String, Object> chart) {
        return (List<Map<String, Object>>) chart.get("datasets");
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(Map<String, Object> chart) {
        return (List<String>) chart.get("labels");
    }

    private static Map<String, Object> dataset(Map<String, Object> chart, String labelStart) {
        return datasets(chart).stream().filter(d -> String.valueOf(d.get("label")).startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no dataset " + labelStart + " in " + datasets(chart)));
    }

    @Test
    @Order(1)
    void the_evaluator_sees_the_three_reports_of_the_last_full_quarter_with_nothing_loaded_from_outside()
            throws IOException {
        signInAtTheDashboard("evaluator");
        assertThat(browser.text("#lead-user")).startsWith("evaluator");
        assertThat(browser.js("return document.getElementById('site').value")).isEqualTo("seattle-king-county");
        assertThat(browser.js("return document.getElementById('period').selectedOptions[0].text"))
                .isEqualTo("2026 Q3");
        assertThat(browser.js("return document.getElementById('entry-period').selectedOptions[0].text"))
                .as("the newest quarter whose entrants are all followed for six months").isEqualTo("2026 Q1");

        var charts = charts();
        // outcomes: participants against the comparison cohort, one bar per yes/no measure after entry
        var outcome = charts.get("outcome");
        assertThat(labels(outcome)).hasSize(4).anyMatch(l -> l.startsWith("Arrest"))
                .anyMatch(l -> l.startsWith("Felony charge")).anyMatch(l -> l.startsWith("Prison admission"));
        assertThat(datasets(outcome)).extracting(d -> d.get("label"))
                .containsExactly("Participants (LEAD)", "Comparison cohort");
        datasets(outcome).forEach(d -> assertThat((List<?>) d.get("data")).hasSize(4));
        // the odds ratios with their intervals and the line of no difference
        var odds = charts.get("odds");
        assertThat(datasets(odds)).extracting(d -> d.get("label"))
                .containsExactly("95% confidence interval", "Odds ratio", "No difference (1)");
        int arrest = labels(odds).indexOf("Arrest");
        Number arrestOr = (Number) ((List<?>) dataset(odds, "Odds ratio").get("data")).get(arrest);
        assertThat(arrestOr.doubleValue()).as("participants' odds of re-arrest are lower").isLessThan(1.0);
        assertThat((List<?>) ((List<?>) dataset(odds, "95% confidence interval").get("data")).get(arrest)).hasSize(2);

        // equity: the RRI by group, the bounds drawn, the small group marked suppressed and given no bar
        var rri = charts.get("rri");
        assertThat(labels(rri)).contains("WHITE (reference)", DemoEvaluationData.SMALL_GROUP + " (suppressed)");
        var index = dataset(rri, "RRI");
        assertThat((List<?>) index.get("data")).hasSameSizeAs(labels(rri));
        int small = labels(rri).indexOf(DemoEvaluationData.SMALL_GROUP + " (suppressed)");
        assertThat(((List<?>) index.get("suppressed")).get(small)).isEqualTo(true);
        assertThat(((List<?>) index.get("data")).get(small)).as("suppressed, not zero").isNull();
        assertThat((List<?>) dataset(rri, "Lower bound").get("data")).hasSameSizeAs(labels(rri))
                .allMatch(v -> ((Number) v).doubleValue() == 0.8);
        assertThat((List<?>) dataset(rri, "Upper bound").get("data")).hasSameSizeAs(labels(rri))
                .allMatch(v -> ((Number) v).doubleValue() == 1.25);
        assertThat(browser.text("#rri-table")).contains("suppressed");

        // the funnel: drawn when the library has the query, said to be unavailable otherwise
        if (schemaHasProcessFunnel()) {
            var funnel = charts.get("funnel");
            assertThat(funnel).as("the funnel chart").isNotNull();
            assertThat(labels(funnel)).anyMatch(l -> l.startsWith("All referrals"))
                    .anyMatch(l -> l.startsWith("Referred · arrest diversion")).anyMatch(l -> l.startsWith("Eligible"))
                    .anyMatch(l -> l.startsWith("Intake on time"));
            assertThat((List<?>) datasets(funnel).get(0).get("data")).hasSameSizeAs(labels(funnel));
        } else {
            assertThat(charts.get("funnel")).isNull();
            assertThat(browser.text("#funnel-status")).contains("not available");
        }

        List<String> resources = browser.resources();
        assertThat(resources).anyMatch(u -> u.endsWith("/webjars/chart.js/4.4.7/dist/chart.umd.js"))
                .anyMatch(u -> u.endsWith("/graphql"));
        assertThat(browser.externalResources()).as("resources requested from anywhere but this server").isEmpty();
    }

    @Test
    @Order(2)
    void over_the_whole_year_every_flag_shows_and_the_screenshot_is_saved() throws IOException {
        browser.js("const s = document.getElementById('period'); s.selectedIndex = s.options.length - 1;"
                + "document.body.dataset.loading = 'true'; s.dispatchEvent(new Event('change'));");
        awaitReports();
        var rri = charts().get("rri");
        @SuppressWarnings("unchecked")
        List<String> flags = (List<String>) dataset(rri, "RRI").get("flags");
        assertThat(flags).contains("WITHIN_BOUNDS", "ABOVE_UPPER_BOUND", "BELOW_LOWER_BOUND", "NOT_PRODUCED");
        assertThat(labels(rri)).contains("UNKNOWN");

        Path target = Path.of("target", "dashboard.png");
        if ("docs".equals(System.getProperty("dashboard.screenshot"))) {
            browser.screenshot(target, Path.of("..", "..", "docs", "images", "dashboard.png"));
        } else {
            browser.screenshot(target);
        }
        assertThat(target).isNotEmptyFile();
    }

    @Test
    @Order(3)
    void a_viewer_without_aggregate_access_sees_the_forbidden_message() {
        // every demo role reads aggregates; a purpose of ENFORCEMENT reads nothing at all (rule R35)
        signInAtTheDashboard("officer");
        browser.open("/dashboard/?purpose=ENFORCEMENT");
        awaitReports();
        assertThat(browser.text("#equity-status")).contains("FORBIDDEN");
        assertThat(browser.text("#outcome-status")).contains("FORBIDDEN");
        assertThat(charts().get("rri")).isNull();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL as a newcomer meets it, in a real browser: Debian's headless Chromium, with every host but localhost
 * unresolvable and every connection but loopback (which Chromium never proxies) sent to a dead proxy, so a single asset fetched from a CDN would
 * break the page. It signs in, GraphiQL opens with the saved operations, a query runs, and the browser's own resource
 * timing shows that nothing was requested from anywhere but this server.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's chromium and chromium-driver, which
 * {@code .ci/run} installs). Without them the test is skipped, unless {@code LEAD_BROWSER_TESTS=required}, as in CI,
 * where their absence fails it.
 */
@SpringBootTest(classes = DemoServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:graphiql-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "lead.demo.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("GraphiQL loads from the server alone and runs a query in headless Chromium")
class GraphiQlInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private Path profile;

    @BeforeAll
    void start_chromium() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("required".equals(System.getenv("LEAD_BROWSER_TESTS"))) {
            assertTrue(present, "LEAD_BROWSER_TESTS=required but Debian's chromium and chromium-driver are missing");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        profile = Files.createTempDirectory("lead-chromium");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--proxy-server=http://127.0.0.1:9");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop_chromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_signed_in_case_manager_runs_her_saved_caseload_query_with_nothing_loaded_from_outside() {
        String origin = "http://localhost:" + port;
        browser.get(origin + "/login");
        browser.findElement(By.name("username")).sendKeys("case-manager");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor("the sign-in to land on GraphiQL", b -> b.getCurrentUrl().endsWith("/graphiql/"));
        waitFor("GraphiQL to render", b -> !b.findElements(By.cssSelector(".graphiql-container")).isEmpty());
        waitFor("the page to show who is signed in",
                b -> b.findElement(By.id("lead-user")).getText().startsWith("case-manager"));
        assertTrue(browser.findElement(By.cssSelector(".graphiql-container")).getText().contains("MyCaseload"),
                "the case manager's saved operations are open as tabs, her caseload first");

        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        waitFor("the query's result", b -> text(b, ".graphiql-response").contains("\"totalCount\""));
        assertTrue(text(browser, ".graphiql-response").contains("\"participants\""), "her caseload came back");

        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
        assertTrue(resources.size() >= 6, () -> "page, styles, React, GraphiQL, operations, query: " + resources);
        assertEquals(List.of(), resources.stream().filter(url -> !url.startsWith(origin + "/")).toList(),
                "resources requested from anywhere but this server");
    }

    /** Waits up to 30 s for {@code condition}; on a timeout, fails with the page's URL, text and console. */
    private void waitFor(String what, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            String page = String.valueOf(((JavascriptExecutor) browser).executeScript(
                    "return document.body ? document.body.innerText : ''"));
            var console = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
            throw new AssertionError("timed out waiting for " + what + " at " + browser.getCurrentUrl() + "\npage: "
                    + page.substring(0, Math.min(page.length(), 2000)) + "\nconsole: " + console, e);
        }
    }

    private static String text(org.openqa.selenium.WebDriver b, String css) {
        return String.valueOf(((JavascriptExecutor) b).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css));
    }
}

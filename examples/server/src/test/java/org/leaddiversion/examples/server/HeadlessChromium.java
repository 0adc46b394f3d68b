/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium as the browser tests drive it: every host but localhost unresolvable and every connection
 * but loopback (which Chromium never proxies) sent to a dead proxy, so a single asset fetched from a CDN would break
 * the page, and the browser's own resource timing tells what was requested.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's chromium and chromium-driver, which
 * {@code .ci/run} installs). Without them {@link #start} skips the test, unless {@code LEAD_BROWSER_TESTS=required},
 * as in CI, where their absence fails it.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver browser;
    private final String origin;

    private HeadlessChromium(ChromeDriver browser, String origin) {
        this.browser = browser;
        this.origin = origin;
    }

    /** A fresh browser (its own profile) for the server at {@code http://localhost:port}, in a window of that size. */
    static HeadlessChromium start(int port, int width, int height) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("required".equals(System.getenv("LEAD_BROWSER_TESTS"))) {
            assertTrue(present, "LEAD_BROWSER_TESTS=required but Debian's chromium and chromium-driver are missing");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        Path profile = Files.createTempDirectory("lead-chromium");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--proxy-server=http://127.0.0.1:9");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new HeadlessChromium(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    /** This server's origin, {@code http://localhost:port}. */
    String origin() {
        return origin;
    }

    WebDriver driver() {
        return browser;
    }

    /** Opens {@code path} of this server. */
    void open(String path) {
        browser.get(origin + path);
    }

    /** Signs in through the login form as {@code user} (password {@code demo}) and waits to leave the form. */
    void signIn(String user) {
        open("/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(DemoUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("the sign-in to leave the login form", b -> !b.getCurrentUrl().contains("/login"));
    }

    /** Signs out by forgetting the session. */
    void signOut() {
        browser.manage().deleteAllCookies();
    }

    /** Runs {@code script} in the page and returns its value. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The text of the first element matching {@code css}, empty when none does. */
    String text(String css) {
        return String.valueOf(js("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css));
    }

    /** Every URL the page requested, itself included, by the browser's resource timing. */
    @SuppressWarnings("unchecked")
    List<String> resources() {
        return (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
    }

    /** The resources the page requested from anywhere but this server. */
    List<String> externalResources() {
        return resources().stream().filter(url -> !url.startsWith(origin + "/")).toList();
    }

    /** Saves a PNG of the window to each of {@code files}. */
    void screenshot(Path... files) throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        for (Path f : files) {
            Files.createDirectories(f.toAbsolutePath().getParent());
            Files.write(f, png);
        }
    }

    /** Waits up to 30 s for {@code condition}; on a timeout, fails with the page's URL, text and console. */
    void waitFor(String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            String page = String.valueOf(js("return document.body ? document.body.innerText : ''"));
            var console = browser.manage().logs().get(LogType.BROWSER).getAll();
            throw new AssertionError("timed out waiting for " + what + " at " + browser.getCurrentUrl() + "\npage: "
                    + page.substring(0, Math.min(page.length(), 2000)) + "\nconsole: " + console, e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}

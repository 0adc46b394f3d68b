/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL as a newcomer meets it, in a real browser ({@link HeadlessChromium}: Debian's headless Chromium on a network
 * where only this server answers). It signs in, GraphiQL opens with the saved operations, a query runs, and the
 * browser's own resource timing shows that nothing was requested from anywhere but this server.
 */
@SpringBootTest(classes = DemoServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:graphiql-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "lead.demo.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("GraphiQL loads from the server alone and runs a query in headless Chromium")
class GraphiQlInChromiumTest {

    @LocalServerPort
    int port;

    private HeadlessChromium browser;

    @BeforeAll
    void start_chromium() throws IOException {
        browser = HeadlessChromium.start(port, 1280, 900);
    }

    @AfterAll
    void stop_chromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_signed_in_case_manager_runs_her_saved_caseload_query_with_nothing_loaded_from_outside() {
        browser.signIn("case-manager");

        browser.waitFor("the sign-in to land on GraphiQL", b -> b.getCurrentUrl().endsWith("/graphiql/"));
        browser.waitFor("GraphiQL to render", b -> !b.findElements(By.cssSelector(".graphiql-container")).isEmpty());
        browser.waitFor("the page to show who is signed in",
                b -> b.findElement(By.id("lead-user")).getText().startsWith("case-manager"));
        assertTrue(browser.text(".graphiql-container").contains("MyCaseload"),
                "the case manager's saved operations are open as tabs, her caseload first");

        browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
        browser.waitFor("the query's result", b -> browser.text(".graphiql-response").contains("\"totalCount\""));
        assertTrue(browser.text(".graphiql-response").contains("\"participants\""), "her caseload came back");

        List<String> resources = browser.resources();
        assertTrue(resources.size() >= 6, () -> "page, styles, React, GraphiQL, operations, query: " + resources);
        assertEquals(List.of(), browser.externalResources(), "resources requested from anywhere but this server");
    }
}

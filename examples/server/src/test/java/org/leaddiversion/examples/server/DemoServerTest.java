/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example server as a newcomer uses it: started on a random port with a small demo data set, signed in as a
 * role, running the saved example operations GraphiQL offers that role — and getting what the role may see: the
 * case manager reads Rosa's plan, the prosecutor does not (no release covers prosecutors) but does read Sam's, whose
 * release does.
 */
@SpringBootTest(classes = DemoServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:demo-server;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "lead.demo.participants=150"})
@DisplayName("The example server: demo data, demo users and the saved operations, role by role")
class DemoServerTest {

    @LocalServerPort
    int port;

    /** A saved example operation of the GraphiQL page. */
    record Operation(String title, List<String> roles, String query, Map<String, Object> variables) {
    }

    private static List<Operation> operations() throws IOException {
        try (var in = new ClassPathResource("static/graphiql/operations.json").getInputStream()) {
            return List.of(JsonMapper.builder().build().readValue(in, Operation[].class));
        }
    }

    private HttpSyncGraphQlClient signedInAs(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpSyncGraphQlClient.builder(RestClient.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Basic " + basic).build();
    }

    private ClientGraphQlResponse run(String user, String titleStart) throws IOException {
        Operation op = operations().stream().filter(o -> o.title().startsWith(titleStart)).findFirst().orElseThrow();
        var request = signedInAs(user).document(op.query());
        if (op.variables() != null) {
            request = request.variables(op.variables());
        }
        return request.executeSync();
    }

    @Test
    void every_saved_operation_runs_for_every_role_it_is_offered_to_without_a_request_error() throws IOException {
        for (Operation op : operations()) {
            for (String role : op.roles()) {
                String user = DemoUsers.ALL.stream().filter(u -> u.role().name().equals(role)).findFirst()
                        .orElseThrow().username();
                var request = signedInAs(user).document(op.query());
                if (op.variables() != null) {
                    request = request.variables(op.variables());
                }
                var response = request.executeSync();
                assertTrue(response.isValid(), () -> op.title() + " as " + user + ": " + response.getErrors());
                response.getErrors().forEach(e -> assertEquals("FORBIDDEN", e.getErrorType().toString(),
                        () -> op.title() + " as " + user + ": only the access policy may refuse: " + e));
            }
        }
    }

    @Test
    void the_case_manager_reads_rosas_plan_and_the_prosecutor_does_not() throws IOException {
        var cm = run("case-manager", "Case manager: a participant on my caseload");
        assertTrue(cm.getErrors().isEmpty(), () -> cm.getErrors().toString());
        List<Map<String, Object>> plans = cm.field("participant.plans").getValue();
        assertFalse(plans.isEmpty(), "her plan");
        List<?> goals = (List<?>) plans.get(0).get("goals");
        assertFalse(goals.isEmpty(), "her goals");

        var prosecutor = run("prosecutor", "Prosecutor: a participant without a release");
        assertNull(prosecutor.field("participant.plans").getValue(), "no release covers prosecutors");
        assertTrue(prosecutor.getErrors().stream().anyMatch(e -> e.getPath().equals("participant.plans")
                && "FORBIDDEN".equals(e.getErrorType().toString())), () -> prosecutor.getErrors().toString());
    }

    @Test
    void the_prosecutor_reads_the_plan_of_a_participant_whose_release_covers_him() throws IOException {
        var prosecutor = run("prosecutor", "Prosecutor: a participant whose release covers prosecutors");
        List<Map<String, Object>> plans = prosecutor.field("participant.plans").getValue();
        assertNotNull(plans, () -> prosecutor.getErrors().toString());
        assertFalse(plans.isEmpty());
    }

    @Test
    void the_case_managers_caseload_is_listed_a_page_at_a_time() throws IOException {
        var page = run("case-manager", "Case manager: my caseload");
        assertTrue(page.getErrors().isEmpty(), () -> page.getErrors().toString());
        Integer total = page.field("participants.totalCount").getValue();
        assertTrue(total > 0, "cm-1 has a caseload");
    }

    @Test
    void a_request_without_a_login_is_refused_and_health_is_public() {
        var anonymous = RestClient.create("http://localhost:" + port);
        var refused = anonymous.post().uri("/graphql").header("Content-Type", "application/json")
                .body("{\"query\":\"{ ruleCatalogue { id } }\"}").exchange((req, res) -> res.getStatusCode().value());
        assertEquals(401, refused);
        String health = anonymous.get().uri("/actuator/health").retrieve().body(String.class);
        assertTrue(health.contains("\"UP\""), health);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * What every API test needs: GraphQL clients over real HTTP as a given viewer (the test host's {@link ActorResolver}
 * reads the X-Test headers), and the audit log's size. Extend it from a {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)} class.
 */
abstract class ApiClients {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** A client acting as {@code actor} in {@code role}, for {@code purpose}, assigned to the participant or not. */
    HttpSyncGraphQlClient as(String actor, String role, String purpose, boolean assigned) {
        return HttpSyncGraphQlClient.builder(RestClient.create("http://localhost:" + port + "/graphql"))
                .header(TestApplication.ACTOR, actor).header(TestApplication.ROLE, role)
                .header(TestApplication.PURPOSE, purpose)
                .header(TestApplication.ASSIGNED, Boolean.toString(assigned)).build();
    }

    /** A client without a viewer. */
    HttpSyncGraphQlClient anonymous() {
        return HttpSyncGraphQlClient.create(RestClient.create("http://localhost:" + port + "/graphql"));
    }

    /** Rosa's assigned case manager, for care coordination. */
    HttpSyncGraphQlClient caseManager() {
        return as("cm-1", "CASE_MANAGER", "CARE_COORDINATION", true);
    }

    /** The response's one error; fails if it has none or several. */
    static ResponseError only(ClientGraphQlResponse response) {
        assertEquals(1, response.getErrors().size(), () -> response.getErrors().toString());
        return response.getErrors().get(0);
    }

    /** Entries in the audit log so far. */
    int auditCount() {
        return jdbc.queryForObject("select count(*) from audit_entry", Integer.class);
    }
}

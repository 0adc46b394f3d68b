/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * What every API test needs: GraphQL clients over real HTTP as a given viewer (the test host's {@link ActorResolver}
 * reads the X-Test headers), and the audit log's size. Extend it from a {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)} class. Every client finds named documents ({@code documentName("participantRecords")}) under
 * {@code src/test/resources/graphql-test/}, as {@code GraphQlTester} does.
 */
abstract class ApiClients {

    /** The test's saved operations: {@code graphql-test/<name>.graphql} on the test class path. */
    static final DocumentSource TEST_DOCUMENTS = new ResourceDocumentSource(
            List.of(new ClassPathResource("graphql-test/")), ResourceDocumentSource.FILE_EXTENSIONS);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** A client acting as {@code actor} in {@code role}, for {@code purpose}, assigned to the participant or not. */
    HttpSyncGraphQlClient as(String actor, String role, String purpose, boolean assigned) {
        return builder().header(TestApplication.ACTOR, actor).header(TestApplication.ROLE, role)
                .header(TestApplication.PURPOSE, purpose)
                .header(TestApplication.ASSIGNED, Boolean.toString(assigned)).build();
    }

    /** A client acting as {@code actor} in {@code role}, for {@code purpose}, in the circumstances the host states. */
    HttpSyncGraphQlClient as(String actor, Role role, Purpose purpose, RecipientCircumstances circumstances) {
        return builder().header(TestApplication.ACTOR, actor).header(TestApplication.ROLE, role.name())
                .header(TestApplication.PURPOSE, purpose.name())
                .header(TestApplication.OWN, Boolean.toString(circumstances.own()))
                .header(TestApplication.ASSIGNED, Boolean.toString(circumstances.assigned()))
                .header(TestApplication.IN_MEETING, Boolean.toString(circumstances.inOwgMeeting())).build();
    }

    /** A client without a viewer. */
    HttpSyncGraphQlClient anonymous() {
        return builder().build();
    }

    /** The endpoint's URL on this test's server. */
    String endpoint() {
        return "http://localhost:" + port + "/graphql";
    }

    private HttpSyncGraphQlClient.Builder<?> builder() {
        return HttpSyncGraphQlClient.builder(RestClient.create(endpoint())).documentSource(TEST_DOCUMENTS);
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

    /** Seattle's local time {@code local} (ISO, e.g. 2026-01-12T21:10) as an instant: the tests' stories happen there. */
    static Instant seattle(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("America/Los_Angeles")).toInstant();
    }

    /** Entries in the audit log so far. */
    int auditCount() {
        return jdbc.queryForObject("select count(*) from audit_entry", Integer.class);
    }

    /** A project-group member reading aggregates for an audit: the reader of the report scenarios. */
    HttpSyncGraphQlClient pcg() {
        return as("pcg-1", "PCG_MEMBER", "AUDIT", false);
    }

    /** A published count as the response shows it. */
    static Map<String, Object> shown(long value) {
        return Map.of("value", (int) value, "suppressed", false);
    }

    /** A withheld count as the response shows it: no value, suppressed. */
    static Map<String, Object> withheld() {
        var m = new HashMap<String, Object>();
        m.put("value", null);
        m.put("suppressed", true);
        return m;
    }

    /** Every published count of a response: never a number from 1 to the minimum cell size minus one. */
    static void noSmallCount(Object node, int min) {
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey("suppressed") && m.containsKey("value") && m.size() == 2
                    && m.get("value") instanceof Number v) {
                assertFalse(v.longValue() >= 1 && v.longValue() < min, () -> "small count published: " + m);
                assertEquals(Boolean.FALSE, m.get("suppressed"));
            }
            m.values().forEach(v -> noSmallCount(v, min));
        } else if (node instanceof Collection<?> c) {
            c.forEach(v -> noSmallCount(v, min));
        }
    }
}

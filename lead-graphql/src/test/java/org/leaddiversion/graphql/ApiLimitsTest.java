/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;

/**
 * The API's limits on a query's shape, over HTTP, with a depth limit of 4 and a complexity limit of 30 fields: a query
 * beyond either is refused before execution with a {@code QUERY_TOO_LARGE} error naming the limit and its property; a
 * query at the limit runs. Introspection is on by default.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lead.graphql.max-depth=4", "lead.graphql.max-complexity=30"})
@Import(TestDatabases.OnH2.class)
@DisplayName("API limits: too deep or too wide is refused with QUERY_TOO_LARGE; introspection is on by default")
class ApiLimitsTest extends ApiClients {

    /** Four levels: site, versions, caseload, cap. */
    private static final String FOUR_DEEP = "{ site(id: \"nowhere\") { versions { caseload { cap } } } }";
    /** Six levels: site, versions, catchment, polygons, vertices, latitude. */
    private static final String SIX_DEEP = """
            { site(id: "nowhere") { versions { catchment { polygons { vertices { latitude } } } } } }""";

    private static String wide(int rules) {
        return IntStream.range(0, rules).mapToObj(i -> "r" + i + ": ruleCatalogue { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    private static void assertTooLarge(ClientGraphQlResponse response, String property) {
        ResponseError error = only(response);
        assertEquals("QUERY_TOO_LARGE", error.getErrorType().toString());
        assertTrue(error.getMessage().contains(property), error::getMessage);
        assertNull(response.toMap().get("data"), "nothing was executed");
    }

    @Test
    void a_query_nested_deeper_than_the_limit_is_refused_and_one_at_the_limit_runs() {
        var atLimit = anonymous().document(FOUR_DEEP).executeSync();
        assertTrue(atLimit.getErrors().isEmpty(), () -> atLimit.getErrors().toString());
        assertTooLarge(anonymous().document(SIX_DEEP).executeSync(), "lead.graphql.max-depth");
    }

    @Test
    void a_query_selecting_more_fields_than_the_limit_is_refused_and_one_at_the_limit_runs() {
        var atLimit = anonymous().document(wide(15)).executeSync();
        assertTrue(atLimit.getErrors().isEmpty(), () -> atLimit.getErrors().toString());
        assertTooLarge(anonymous().document(wide(16)).executeSync(), "lead.graphql.max-complexity");
    }

    @Test
    void introspection_is_answered_by_default() {
        var response = anonymous().document("{ __schema { queryType { name } } }").executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertEquals("Query", response.field("__schema.queryType.name").getValue());
    }
}

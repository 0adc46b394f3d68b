/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.test.context.ActiveProfiles;

/** Under a {@code production} profile the API answers no introspection, and everything else as usual. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabases.OnH2.class)
@ActiveProfiles("production")
@DisplayName("API limits in production: introspection is off")
class ApiLimitsInProductionTest extends ApiClients {

    @Test
    void the_schema_cannot_be_introspected() {
        for (String query : new String[] {"{ __schema { queryType { name } } }", "{ __type(name: \"Query\") { name } }"}) {
            var response = anonymous().document(query).executeSync();
            ResponseError error = only(response);
            assertEquals("ValidationError", error.getErrorType().toString(), error::toString);
            assertNull(response.toMap().get("data"));
        }
    }

    @Test
    void every_other_query_is_answered() {
        var response = anonymous().document("{ ruleCatalogue { id } __typename }").executeSync();
        assertTrue(response.getErrors().isEmpty(), () -> response.getErrors().toString());
        assertFalse(((java.util.List<?>) response.field("ruleCatalogue").getValue()).isEmpty());
    }
}

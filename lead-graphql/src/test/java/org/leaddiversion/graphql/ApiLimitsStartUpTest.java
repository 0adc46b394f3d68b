/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * What the auto-configuration decides at start-up, on an application context with only the library's and Spring for
 * GraphQL's auto-configuration and an H2 {@code DataSource}: a schema field no controller serves fails start-up naming
 * the field; {@code lead.graphql.introspection} overrides the production profile's default.
 */
@DisplayName("API start-up: an unmapped schema field fails it, naming the field; introspection can be switched")
class ApiLimitsStartUpTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GraphQlAutoConfiguration.class, LeadGraphQlAutoConfiguration.class))
            .withUserConfiguration(TestDatabases.OnH2.class);

    @Test
    void a_schema_field_without_a_data_fetcher_fails_start_up_naming_the_field() {
        runner.withPropertyValues("spring.graphql.schema.additional-files=classpath:graphql-unmapped/unmapped.graphqls")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertNotNull(failure, "start-up failed");
                    StringBuilder messages = new StringBuilder();
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                    assertTrue(messages.toString().contains("GraphQL schema fields without a data fetcher"),
                            messages::toString);
                    assertTrue(messages.toString().contains("unmappedForTest"), messages::toString);
                });
        runner.run(context -> assertNull(context.getStartupFailure(), "the library's own schema is fully mapped"));
    }

    @Test
    void the_introspection_property_overrides_the_production_profile() {
        runner.withPropertyValues("spring.profiles.active=production", "lead.graphql.introspection=true")
                .run(context -> assertEquals(Map.of("__schema", Map.of("queryType", Map.of("name", "Query"))),
                        context.getBean(GraphQlSource.class).graphQl()
                                .execute("{ __schema { queryType { name } } }").getData()));
        runner.withPropertyValues("lead.graphql.introspection=false")
                .run(context -> assertNull(context.getBean(GraphQlSource.class).graphQl()
                        .execute("{ __schema { queryType { name } } }").getData()));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@DisplayName("The library's schema files load wherever the application is packaged, and only once")
class LeadSchemaFilesTest {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void when_the_schema_locations_miss_the_librarys_jar_as_in_a_fat_jar_every_file_of_it_is_added() {
        List<String> added = names(LeadSchemaFiles.missing(List.of("classpath:no-schema-here/"), List.of(".graphqls"),
                resolver));
        assertTrue(added.containsAll(List.of("schema.graphqls", "participants.graphqls", "site.graphqls",
                "evaluation.graphqls")), added::toString);
        assertTrue(added.stream().allMatch(n -> n.endsWith(".graphqls")), added::toString);
    }

    @Test
    void when_the_schema_locations_already_load_them_nothing_is_added_twice() {
        assertEquals(List.of(), LeadSchemaFiles.missing(List.of("classpath*:graphql/**/"), List.of(".graphqls"),
                resolver));
    }

    private static List<String> names(List<Resource> resources) {
        return resources.stream().map(Resource::getFilename).sorted().toList();
    }
}

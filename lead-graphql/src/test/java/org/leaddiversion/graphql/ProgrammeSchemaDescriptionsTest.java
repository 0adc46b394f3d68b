/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.Definition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The programme reports' schema documents itself: every query and argument it adds has a description. */
@DisplayName("evaluation-programme.graphqls: every query and argument is described")
class ProgrammeSchemaDescriptionsTest {

    @Test
    void every_query_and_argument_the_programme_reports_add_is_described() throws IOException {
        String sdl;
        try (InputStream in = getClass().getResourceAsStream("/graphql/evaluation-programme.graphqls")) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> queries = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (Definition<?> definition : Parser.parse(sdl).getDefinitions()) {
            // the file only extends Query: its rows are the evaluation schema's PublishedMeasureRow
            ObjectTypeExtensionDefinition query = (ObjectTypeExtensionDefinition) definition;
            assertEquals("Query", query.getName());
            for (FieldDefinition field : query.getFieldDefinitions()) {
                queries.add(field.getName());
                if (field.getDescription() == null || field.getDescription().getContent().isBlank()) {
                    undescribed.add(field.getName());
                }
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    if (argument.getDescription() == null || argument.getDescription().getContent().isBlank()) {
                        undescribed.add(field.getName() + "(" + argument.getName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of("statusReport", "programmeCost", "caseManagement"), queries);
        assertEquals(List.of(), undescribed, "without a description");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.AbstractDescribedNode;
import graphql.language.Definition;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sites schema documents itself: every type, field, argument and enum value it adds has a description. */
@DisplayName("site.graphqls and evaluation.graphqls: every type, field, argument and enum value is described")
class SiteSchemaDescriptionsTest {

    @Test
    void everything_the_sites_schema_adds_is_described() throws IOException {
        assertDescribed("/graphql/site.graphqls", 150);
    }

    @Test
    void everything_the_evaluation_schema_adds_is_described() throws IOException {
        assertDescribed("/graphql/evaluation.graphqls", 80);
    }

    void assertDescribed(String file, int atLeast) throws IOException {
        String sdl;
        try (InputStream in = getClass().getResourceAsStream(file)) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> undescribed = new ArrayList<>();
        int checked = 0;
        for (Definition<?> definition : Parser.parse(sdl).getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition type) {
                String name = type.getName();
                if (!(type instanceof ObjectTypeExtensionDefinition)) {
                    checked += check(type, name, undescribed);
                }
                for (FieldDefinition field : type.getFieldDefinitions()) {
                    checked += check(field, name + "." + field.getName(), undescribed);
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        checked += check(argument, name + "." + field.getName() + "(" + argument.getName() + ")",
                                undescribed);
                    }
                }
            } else if (definition instanceof InputObjectTypeDefinition input) {
                checked += check(input, input.getName(), undescribed);
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    checked += check(field, input.getName() + "." + field.getName(), undescribed);
                }
            } else if (definition instanceof graphql.language.ScalarTypeDefinition scalar) {
                checked += check(scalar, scalar.getName(), undescribed);
            } else if (definition instanceof EnumTypeDefinition enumType) {
                checked += check(enumType, enumType.getName(), undescribed);
                for (var value : enumType.getEnumValueDefinitions()) {
                    checked += check(value, enumType.getName() + "." + value.getName(), undescribed);
                }
            }
        }
        assertTrue(checked > atLeast, "the whole file was read: " + checked);
        assertEquals(List.of(), undescribed, "without a description");
    }

    private static int check(AbstractDescribedNode<?> node, String name, List<String> undescribed) {
        if (node.getDescription() == null || node.getDescription().getContent().isBlank()) {
            undescribed.add(name);
        }
        return 1;
    }
}

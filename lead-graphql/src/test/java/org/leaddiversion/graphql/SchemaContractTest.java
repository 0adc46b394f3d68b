/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;

/**
 * What keeps the schema and the code from drifting apart where start-up would not notice: the schema's enums of the
 * domain's codes list exactly the domain's values (a code the schema lacks would break a response the day the domain
 * returns it), and the auto-configuration imports every controller (a host in another package gets no component scan
 * of this one).
 */
@DisplayName("The schema lists every domain code, and the auto-configuration imports every controller")
class SchemaContractTest {

    private static TypeDefinitionRegistry schema() throws IOException {
        var registry = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        return registry;
    }

    private static Set<String> enumValues(TypeDefinitionRegistry schema, String name) {
        Stream<EnumTypeDefinition> definitions = Stream.concat(
                schema.getType(name, EnumTypeDefinition.class).stream(),
                schema.enumTypeExtensions().getOrDefault(name, java.util.List.of()).stream());
        return definitions.flatMap(d -> d.getEnumValueDefinitions().stream()).map(EnumValueDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the_error_code_enum_is_the_domains() throws IOException {
        assertEquals(names(ErrorCode.values()), enumValues(schema(), "ErrorCode"));
    }

    @Test
    void the_rule_id_enum_is_the_domains() throws IOException {
        assertEquals(names(RuleId.values()), enumValues(schema(), "RuleId"));
    }

    @Test
    void the_auto_configuration_imports_every_controller() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> controllers = scanner.findCandidateComponents("org.leaddiversion.graphql").stream()
                .map(b -> b.getBeanClassName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> imported = Arrays.stream(LeadGraphQlAutoConfiguration.class.getAnnotation(Import.class).value())
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(controllers, imported);
    }
}

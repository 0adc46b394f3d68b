/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.visibility.GraphqlFieldVisibility;
import java.util.List;

/**
 * Introspection switched off: the fields of the introspection types ({@code __Schema}, {@code __Type}, …) are not
 * visible, so a query selecting {@code __schema} or {@code __type} fails validation. It hides what graphql-java's
 * {@code NoIntrospectionGraphqlFieldVisibility} hides — its pattern {@code __.*} matched against {@code Type.field}
 * blocks exactly the fields of types named {@code __…} — but decides by the type's name instead of matching a regular
 * expression against a string built for every field of every query, which a nested page of ~3,000 fields notices.
 */
final class IntrospectionHidden implements GraphqlFieldVisibility {

    /** The one instance: it holds nothing. */
    static final IntrospectionHidden FIELDS = new IntrospectionHidden();

    private IntrospectionHidden() {
    }

    private static boolean hidden(String typeName) {
        return typeName.startsWith("__");
    }

    @Override
    public List<GraphQLFieldDefinition> getFieldDefinitions(GraphQLFieldsContainer container) {
        return hidden(container.getName()) ? List.of() : container.getFieldDefinitions();
    }

    @Override
    public GraphQLFieldDefinition getFieldDefinition(GraphQLFieldsContainer container, String fieldName) {
        return hidden(container.getName()) ? null : container.getFieldDefinition(fieldName);
    }

    @Override
    public List<GraphQLInputObjectField> getFieldDefinitions(GraphQLInputFieldsContainer container) {
        return hidden(container.getName()) ? List.of() : container.getFieldDefinitions();
    }

    @Override
    public GraphQLInputObjectField getFieldDefinition(GraphQLInputFieldsContainer container, String fieldName) {
        return hidden(container.getName()) ? null : container.getFieldDefinition(fieldName);
    }
}

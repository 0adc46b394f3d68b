/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.TypeFromAST;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Makes an input value the schema refuses before execution — a date that is not a date, an enum value the schema
 * does not know, a required field left out or null, a field its input type does not have, a plain value where an
 * object belongs, in a variable or in the document — a {@code BAD_REQUEST} naming the field as the data fetchers' own
 * refusals do ({@code extensions.field}, e.g. {@code input.person.dateOfBirth}).
 * graphql-java reports these as {@code ValidationError}s whose messages echo the rejected value, which may be
 * personal data; the replacement says which field and why, never the value.
 *
 * <p>A variable's field is named from the argument the variable is passed to ({@code input}), or from the variable
 * where it is used otherwise. Other errors (syntax, unknown fields of a selection) pass through unchanged. Only a request that
 * failed before execution is looked at, so a valid request costs nothing here.
 */
final class InputErrors implements WebGraphQlInterceptor {

    private static final Pattern MISSING_FIELDS = Pattern.compile(
            "argument '([^']+)' with value .* is missing required fields '\\[([^\\],]+)", Pattern.DOTALL);
    private static final Pattern NOT_VALID =
            Pattern.compile("argument '([^']+)' with value .* is not a valid '([^']+)'", Pattern.DOTALL);
    private static final Pattern NULL_VALUE =
            Pattern.compile("argument '([^']+)' with value .* must not be null$", Pattern.DOTALL);
    private static final Pattern NOT_AN_OBJECT =
            Pattern.compile("argument '([^']+)' with value .* must be an object type$", Pattern.DOTALL);
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "argument '([^']+)' with value .* contains a field not in '([^']+)': '([^']*)'$", Pattern.DOTALL);
    private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");

    private final Supplier<GraphQLSchema> schema;

    InputErrors(Supplier<GraphQLSchema> schema) {
        this.schema = schema;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.isValid() ? response : rewritten(request, response));
    }

    private WebGraphQlResponse rewritten(WebGraphQlRequest request, WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        List<GraphQLError> out = new ArrayList<>(errors.size());
        boolean changed = false;
        for (GraphQLError error : errors) {
            Optional<GraphQLError> badRequest = error instanceof ValidationError v ? fromDocument(v)
                    : isVariableCoercion(error) ? fromVariables(request, error) : Optional.empty();
            out.add(badRequest.orElse(error));
            changed |= badRequest.isPresent();
        }
        return changed ? response.transform(b -> b.errors(out)) : response;
    }

    /** A literal argument value the validation refused: the field comes from graphql-java's message, not the value. */
    private static Optional<GraphQLError> fromDocument(ValidationError error) {
        var type = error.getValidationErrorType();
        String message = error.getMessage();
        if (type == ValidationErrorType.WrongType) {
            Matcher m = MISSING_FIELDS.matcher(message);
            if (m.find()) {
                return Optional.of(badRequest(m.group(1) + "." + m.group(2).strip(), "is required", error));
            }
            m = NOT_VALID.matcher(message);
            if (m.find()) {
                return Optional.of(badRequest(m.group(1), "is not a valid " + m.group(2), error));
            }
            m = NULL_VALUE.matcher(message);
            if (m.find()) {
                return Optional.of(badRequest(m.group(1), "is required", error));
            }
            m = NOT_AN_OBJECT.matcher(message);
            if (m.find()) {
                return Optional.of(badRequest(m.group(1), "must be an object", error));
            }
            m = UNKNOWN_FIELD.matcher(message);
            if (m.find()) {
                return Optional.of(badRequest(m.group(1) + "." + m.group(3), "is not a field of " + m.group(2),
                        error));
            }
        }
        if (type == ValidationErrorType.NullValueForNonNullArgument
                || type == ValidationErrorType.MissingFieldArgument) {
            Matcher m = ARGUMENT.matcher(message);
            if (m.find()) {
                return Optional.of(badRequest(m.group(1), "is required", error));
            }
        }
        return Optional.empty();
    }

    /** An error raised while coercing the request's variables, before any validation of values could name a field. */
    private static boolean isVariableCoercion(GraphQLError error) {
        return error instanceof InputMapDefinesTooManyFieldsException
                || !(error instanceof ValidationError)
                && error.getErrorType() == graphql.ErrorType.ValidationError
                && error.getMessage() != null && error.getMessage().startsWith("Variable '");
    }

    /** The first variable value the schema refuses, found by walking the variables against their declared types. */
    private Optional<GraphQLError> fromVariables(WebGraphQlRequest request, GraphQLError error) {
        Document document = Parser.parse(request.getDocument());
        Optional<OperationDefinition> operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> request.getOperationName() == null || request.getOperationName().equals(o.getName()))
                .findFirst();
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> passedAs = argumentsOf(document);
        for (VariableDefinition v : operation.get().getVariableDefinitions()) {
            var type = (GraphQLInputType) TypeFromAST.getTypeFromAST(schema.get(), v.getType());
            if (type == null) {
                continue;
            }
            Map<String, Object> variables = request.getVariables();
            if (!variables.containsKey(v.getName()) && v.getDefaultValue() != null) {
                continue;
            }
            Optional<String[]> problem = problem(type, variables.get(v.getName()),
                    passedAs.getOrDefault(v.getName(), v.getName()));
            if (problem.isPresent()) {
                return Optional.of(badRequest(problem.get()[0], problem.get()[1], error));
            }
        }
        return Optional.empty();
    }

    /** Variable name to the name of the argument it is passed to directly, where it is. */
    private static Map<String, String> argumentsOf(Document document) {
        Map<String, String> out = new HashMap<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                if (node.getValue() instanceof VariableReference ref) {
                    out.putIfAbsent(ref.getName(), node.getName());
                }
                return TraversalControl.CONTINUE;
            }
        }, document.getDefinitions());
        return out;
    }

    /** The path and reason of the first part of {@code value} that {@code type} refuses, if any. */
    private static Optional<String[]> problem(GraphQLInputType type, Object value, String path) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                return Optional.of(new String[] {path, "is required"});
            }
            return problem((GraphQLInputType) nonNull.getWrappedType(), value, path);
        }
        if (value == null) {
            return Optional.empty();
        }
        if (type instanceof GraphQLList list) {
            var element = (GraphQLInputType) list.getWrappedType();
            if (!(value instanceof List<?> items)) {
                return problem(element, value, path);
            }
            for (int i = 0; i < items.size(); i++) {
                Optional<String[]> p = problem(element, items.get(i), path + "[" + i + "]");
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
        if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> fields)) {
                return Optional.of(new String[] {path, "must be an object (" + object.getName() + ")"});
            }
            for (Object key : fields.keySet()) {
                if (object.getField(String.valueOf(key)) == null) {
                    return Optional.of(new String[] {path + "." + key, "is not a field of " + object.getName()});
                }
            }
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (!fields.containsKey(field.getName()) && field.hasSetDefaultValue()) {
                    continue;
                }
                Optional<String[]> p = problem(field.getType(), fields.get(field.getName()),
                        path + "." + field.getName());
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
        if (type instanceof GraphQLEnumType enumType) {
            boolean known = value instanceof String name && enumType.getValue(name) != null;
            return known ? Optional.empty()
                    : Optional.of(new String[] {path, "is not a valid " + enumType.getName()});
        }
        if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.getDefault());
                return Optional.empty();
            } catch (CoercingParseValueException e) {
                return Optional.of(new String[] {path, "is not a valid " + scalar.getName()});
            }
        }
        return Optional.empty();
    }

    private static GraphQLError badRequest(String field, String reason, GraphQLError original) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(field + ": " + reason)
                .locations(original.getLocations()).extensions(Map.of("field", field)).build();
    }
}

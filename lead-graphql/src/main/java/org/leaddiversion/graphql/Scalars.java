/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

/**
 * The schema's scalars: {@code DateTime} (an instant, ISO-8601 with offset, e.g. {@code 2026-01-12T21:10:00Z}),
 * and {@code Date} (a calendar day, {@code 2026-01-12}), each in the years 0001 to 9999 (UTC for an instant): what
 * every supported database stores, and far enough for any programme's dates. An input outside them is refused as
 * not a DateTime or Date, like any other malformed value. The domain's typed ids serialise through the standard
 * {@code ID} scalar as their text, which is their value.
 */
final class Scalars {

    private Scalars() {
    }

    static final GraphQLScalarType DATE_TIME = text("DateTime",
            "An instant on the UTC time line, ISO-8601 with an offset, e.g. 2026-01-12T21:10:00Z.",
            Instant.class, s -> inYears(java.time.OffsetDateTime.parse(s).toInstant(),
                    i -> i.atOffset(java.time.ZoneOffset.UTC).getYear()));

    static final GraphQLScalarType DATE = text("Date", "A calendar day, ISO-8601, e.g. 2026-01-12.",
            LocalDate.class, s -> inYears(LocalDate.parse(s), LocalDate::getYear));

    /**
     * {@code Long}: a whole number that may outgrow GraphQL's 32-bit {@code Int} (money in minor units, person-days
     * over a large cohort), written as a JSON number. Output only: the schema takes no {@code Long} argument.
     */
    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
            .description("A whole number of up to 64 bits, written as a JSON number (output only).")
            .coercing(new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof Long l) {
                        return l;
                    }
                    if (input instanceof Integer i) {
                        return i.longValue();
                    }
                    throw new CoercingSerializeException("not a Long");
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                    throw new CoercingParseValueException("Long is an output type");
                }

                @Override
                public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                         Locale locale) {
                    throw new CoercingParseLiteralException("Long is an output type");
                }
            }).build();

    /** The value, when its year is one of 0001 to 9999. */
    private static <T> T inYears(T value, java.util.function.ToIntFunction<T> year) {
        int y = year.applyAsInt(value);
        if (y < 1 || y > 9999) {
            throw new java.time.DateTimeException("year " + y + " is outside 0001 to 9999");
        }
        return value;
    }

    private static <T> GraphQLScalarType text(String name, String description, Class<T> type,
                                              Function<String, T> parse) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object input, GraphQLContext context, Locale locale) {
                if (type.isInstance(input)) {
                    return input.toString();
                }
                throw new CoercingSerializeException("not a " + name);
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                return parsed(input instanceof String s ? s : null, e -> new CoercingParseValueException(e));
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                  Locale locale) {
                return parsed(input instanceof StringValue s ? s.getValue() : null,
                        e -> new CoercingParseLiteralException(e));
            }

            private T parsed(String text, Function<String, RuntimeException> failure) {
                if (text == null) {
                    throw failure.apply("a " + name + " is written as a string");
                }
                try {
                    return parse.apply(text);
                } catch (DateTimeException e) {
                    throw failure.apply("not a " + name + " in the years 0001 to 9999 (" + description + ")");
                }
            }
        }).build();
    }
}

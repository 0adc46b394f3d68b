/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.util.List;
import java.util.function.Function;

/**
 * The result of a command: either {@link Success} with the new state, the past-tense events it produced and any
 * warnings, or {@link Rejection} with every reason the command was refused. Business rules never throw.
 *
 * @param <T> the state a successful command produces
 */
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Rejection {

    /** The command took effect. */
    record Success<T>(T value, List<DomainEvent> events, List<DomainError> warnings) implements Outcome<T> {
        public Success {
            Require.present(value, "value");
            events = List.copyOf(Require.noNulls(events, "events"));
            warnings = List.copyOf(Require.noNulls(warnings, "warnings"));
        }
    }

    /** The command was refused; nothing changed. */
    record Rejection<T>(List<DomainError> errors) implements Outcome<T> {
        public Rejection {
            errors = List.copyOf(Require.noNulls(errors, "errors"));
            if (errors.isEmpty()) {
                throw new InvalidValueException("errors", "a rejection needs at least one error");
            }
        }
    }

    static <T> Outcome<T> success(T value, List<DomainEvent> events) {
        return new Success<>(value, events, List.of());
    }

    static <T> Outcome<T> success(T value, List<DomainEvent> events, List<DomainError> warnings) {
        return new Success<>(value, events, warnings);
    }

    static <T> Outcome<T> rejected(DomainError first, DomainError... more) {
        var all = new java.util.ArrayList<DomainError>(1 + more.length);
        all.add(first);
        all.addAll(List.of(more));
        return new Rejection<>(all);
    }

    static <T> Outcome<T> rejected(List<DomainError> errors) {
        return new Rejection<>(errors);
    }

    static <T> Outcome<T> rejected(ErrorCode code, String field, RuleId rule, String message) {
        return new Rejection<>(List.of(DomainError.of(code, field, rule, message)));
    }

    /** Whether the command took effect. */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** The new state; throws {@link IllegalStateException} on a rejection (check {@link #isSuccess()} first). */
    default T value() {
        if (this instanceof Success<T> s) {
            return s.value();
        }
        throw new IllegalStateException("rejected: " + errors());
    }

    /** Events produced (empty for a rejection). */
    default List<DomainEvent> events() {
        return this instanceof Success<T> s ? s.events() : List.of();
    }

    /** Errors of a rejection (empty for a success). */
    default List<DomainError> errors() {
        return this instanceof Rejection<T> r ? r.errors() : List.of();
    }

    /** Warnings of a success (empty for a rejection). */
    default List<DomainError> warnings() {
        return this instanceof Success<T> s ? s.warnings() : List.of();
    }

    /** Whether the rejection carries this code. */
    default boolean hasError(ErrorCode code) {
        return errors().stream().anyMatch(e -> e.code() == code);
    }

    /** Transforms the value of a success; a rejection passes through. */
    default <U> Outcome<U> map(Function<T, U> f) {
        if (this instanceof Success<T> s) {
            return new Success<>(f.apply(s.value()), s.events(), s.warnings());
        }
        return new Rejection<>(errors());
    }
}

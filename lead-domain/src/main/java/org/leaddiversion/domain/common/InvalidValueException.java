/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

/**
 * A value that can never be valid was given to a constructor or factory: the exception names the field and
 * the reason. It never carries the rejected value itself, because values in this domain are often personal or
 * criminal-justice data that must not end up in logs.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidValueException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The offending field, in dotted form ({@code drugFacts.netWeightGrams}). */
    public String field() {
        return field;
    }

    /** Why the value is invalid, in plain words. */
    public String reason() {
        return reason;
    }
}

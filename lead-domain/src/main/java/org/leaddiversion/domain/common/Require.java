/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.util.Collection;
import java.util.regex.Pattern;

/** Argument checks that throw {@link InvalidValueException} naming the field. */
public final class Require {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Require() {
    }

    /** The value, or an {@link InvalidValueException} saying the field is required. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /**
     * The trimmed text, or an {@link InvalidValueException} when it is null or blank, holds a NUL character (U+0000) or
     * is not well-formed Unicode (a lone surrogate). PostgreSQL refuses the first and silently replaces the second;
     * refused here, both are refused the same on every database and no text is changed on its way to the store.
     */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidValueException(field, "must not contain a NUL character");
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new InvalidValueException(field, "must be well-formed Unicode (a lone surrogate)");
                }
                i++;
            }
        }
        return value.strip();
    }

    /** Longest identifier (person, actor, site, area, case-manager id): what a records system's keys fit in. */
    public static final int ID_MAX = 100;
    /** Longest name (an agency, a provider, a payee). */
    public static final int NAME_MAX = 200;
    /** Longest free text (a goal, a purpose, a case manager's summary, a reason). */
    public static final int TEXT_MAX = 2000;

    /** Trimmed text of at most {@code max} characters, or an {@link InvalidValueException} naming the field. */
    public static String text(String value, String field, int max) {
        String t = text(value, field);
        if (t.length() > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        return t;
    }

    /** An identifier: non-blank, at most {@link #ID_MAX} characters. */
    public static String id(String value, String field) {
        return text(value, field, ID_MAX);
    }

    /** An upper-case identifier such as {@code DRUG_POSSESSION}. */
    public static String code(String value, String field) {
        text(value, field, ID_MAX);
        if (!CODE.matcher(value).matches()) {
            throw new InvalidValueException(field, "must be an upper-case code of letters, digits and '_'");
        }
        return value;
    }

    /** The value, which must be at least {@code min}. */
    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw new InvalidValueException(field, "must be at least " + min);
        }
        return value;
    }

    /** A collection without null elements. */
    public static <C extends Collection<?>> C noNulls(C values, String field) {
        present(values, field);
        for (Object v : values) {
            if (v == null) {
                throw new InvalidValueException(field, "must not contain null elements");
            }
        }
        return values;
    }

    /** An immutable copy of a list without null elements (one pass: {@link java.util.List#copyOf} rejects nulls itself). */
    public static <T> java.util.List<T> immutableList(java.util.List<T> values, String field) {
        present(values, field);
        try {
            return java.util.List.copyOf(values);
        } catch (NullPointerException e) {
            throw new InvalidValueException(field, "must not contain null elements");
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leaddiversion.domain.common.Require;

/**
 * Which slice of the data a measure row describes, as named dimensions and values: {@code door=SOCIAL_CONTACT},
 * {@code cohort=LEAD, window=POST}, {@code group=BLACK, stage=OFFERED_TO_ACCEPTED}. {@link #ALL} is the whole scope.
 * Dimensions are kept sorted by name, so two strata with the same parts are equal whatever order they were built in.
 *
 * @param parts dimension name → value (both non-blank)
 */
public record Stratum(Map<String, String> parts) implements Comparable<Stratum> {

    /** The whole scope, not sliced. */
    public static final Stratum ALL = new Stratum(Map.of());

    /** Validates and sorts the parts. */
    public Stratum {
        Require.present(parts, "stratum");
        var sorted = new TreeMap<String, String>();
        parts.forEach((k, v) -> sorted.put(Require.id(k, "stratum.dimension"), Require.id(v, "stratum.value")));
        parts = Collections.unmodifiableMap(sorted);
    }

    /** A stratum of one dimension. */
    public static Stratum of(String dimension, String value) {
        return ALL.and(dimension, value);
    }

    /** This stratum with one more dimension (or another value for an existing one). */
    public Stratum and(String dimension, String value) {
        var next = new TreeMap<>(parts);
        next.put(dimension, value);
        return new Stratum(next);
    }

    /** This stratum without a dimension. */
    public Stratum without(String dimension) {
        var next = new TreeMap<>(parts);
        next.remove(dimension);
        return new Stratum(next);
    }

    /** The value of a dimension, if this stratum has it. */
    public Optional<String> get(String dimension) {
        return Optional.ofNullable(parts.get(dimension));
    }

    /** Orders strata by their written form, for stable report order. */
    @Override
    public int compareTo(Stratum o) {
        return toString().compareTo(o.toString());
    }

    /** {@code door=COMMUNITY, group=BLACK}; {@code all} for {@link #ALL}. */
    @Override
    public String toString() {
        if (parts.isEmpty()) {
            return "all";
        }
        var sb = new StringBuilder();
        parts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}

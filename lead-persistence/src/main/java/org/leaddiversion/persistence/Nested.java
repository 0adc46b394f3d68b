/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.Comparator;
import java.util.List;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * Reading nested collections ({@code MULTISET}) back: a nested collection has no order of its own, so each carries
 * the position its rows were stored at, and is put back in that order here.
 */
final class Nested {

    private Nested() {
    }

    /** The values of {@code rows}, each row a (position, value) pair, in the order of their positions. */
    static <T> List<T> inOrder(Result<Record2<Integer, T>> rows) {
        return rows.stream().sorted(Comparator.comparing(Record2::value1)).map(Record2::value2).toList();
    }
}

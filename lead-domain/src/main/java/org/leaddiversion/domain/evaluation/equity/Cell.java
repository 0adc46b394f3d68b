/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.OptionalLong;
import org.leaddiversion.domain.common.InvalidValueException;

/**
 * A count as published in an aggregate report: either shown, or suppressed because it (or a count it would let a
 * reader work out by subtraction) is small — from 1 to the site's minimum cell size minus one (SPEC §8.5, rule R39;
 * see {@link SmallCells}). A suppressed cell carries no number at all.
 */
public sealed interface Cell permits Cell.Shown, Cell.Suppressed {

    /** The suppressed cell. */
    Cell SUPPRESSED = new Suppressed();

    /** A shown count. */
    static Cell shown(long count) {
        return new Shown(count);
    }

    /** Whether the count is withheld. */
    boolean isSuppressed();

    /** The count when shown, empty when suppressed. */
    OptionalLong number();

    /**
     * A count that is published.
     *
     * @param count the count
     */
    record Shown(long count) implements Cell {
        /** Validates the count. */
        public Shown {
            if (count < 0) {
                throw new InvalidValueException("cell", "must not be negative");
            }
        }

        @Override
        public boolean isSuppressed() {
            return false;
        }

        @Override
        public OptionalLong number() {
            return OptionalLong.of(count);
        }

        @Override
        public String toString() {
            return Long.toString(count);
        }
    }

    /** A count that is withheld. */
    record Suppressed() implements Cell {
        @Override
        public boolean isSuppressed() {
            return true;
        }

        @Override
        public OptionalLong number() {
            return OptionalLong.empty();
        }

        @Override
        public String toString() {
            return "suppressed";
        }
    }
}

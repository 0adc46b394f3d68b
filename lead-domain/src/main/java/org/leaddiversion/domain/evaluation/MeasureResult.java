/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.util.Currency;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * One row of a report: a measure over one stratum, with exact numbers only. Two computations of the same measure over
 * the same data (in memory, in SQL) give equal rows.
 *
 * @param measure  the measure
 * @param stratum  the slice of the data (cohort, window, door, group…)
 * @param subjects the number of people (or referrals, enrollments, case managers) the row is about: what small-cell
 *                 suppression looks at
 * @param count    what was counted (people with the outcome, events, days, minor currency units…), see
 *                 {@link Measure#definition()}
 * @param base     what it was counted over (people, person-days, participant-months…)
 * @param value    the measure's value in its {@link Measure.Unit}; empty when there is nothing to measure (a zero base)
 * @param currency the currency of a money measure; empty otherwise
 */
public record MeasureResult(Measure measure, Stratum stratum, long subjects, long count, long base,
                            Optional<Fraction> value, Optional<Currency> currency) {

    /** Validates every part: counts are never negative. */
    public MeasureResult {
        Require.present(measure, "measureResult.measure");
        Require.present(stratum, "measureResult.stratum");
        if (subjects < 0 || count < 0 || base < 0) {
            throw new InvalidValueException("measureResult", "subjects, count and base must not be negative");
        }
        Require.present(value, "measureResult.value");
        Require.present(currency, "measureResult.currency");
    }

    /** A share: value = count / base, empty when base is zero. */
    public static MeasureResult proportion(Measure measure, Stratum stratum, long count, long base) {
        if (count > base) {
            throw new InvalidValueException("measureResult.count", "must not exceed the base of a share");
        }
        return new MeasureResult(measure, stratum, base, count, base,
                base == 0 ? Optional.empty() : Optional.of(Fraction.of(count, base)), Optional.empty());
    }

    /** A ratio of sums: value = count × factor / base, empty when base is zero. */
    public static MeasureResult ratio(Measure measure, Stratum stratum, long subjects, long count, long base,
                                      long factor, Optional<Currency> currency) {
        return new MeasureResult(measure, stratum, subjects, count, base,
                base == 0 ? Optional.empty() : Optional.of(Fraction.of(count, base).times(factor)), currency);
    }

    /** The value rounded half to even for display; empty when there is no value. */
    public Optional<java.math.BigDecimal> decimal(int scale) {
        return value.map(v -> v.toDecimal(scale));
    }

    @Override
    public String toString() {
        return measure + " [" + stratum + "] " + count + "/" + base + " (subjects " + subjects + ") = "
                + value.map(Fraction::toString).orElse("–") + currency.map(c -> " " + c).orElse("");
    }
}

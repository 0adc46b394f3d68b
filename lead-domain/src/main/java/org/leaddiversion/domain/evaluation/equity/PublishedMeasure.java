/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.Currency;
import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.Stratum;

/**
 * A measure row as a public or aggregate report may show it ({@link Publication}): its counts are {@link Cell}s and
 * its value is withheld whenever a count it is computed from is.
 *
 * @param measure  the measure
 * @param stratum  the slice
 * @param subjects the people the row is about, or suppressed
 * @param count    the count, or suppressed
 * @param base     the base, or suppressed
 * @param value    the value, shown only when every count above is
 * @param currency the currency of a money measure
 */
public record PublishedMeasure(Measure measure, Stratum stratum, Cell subjects, Cell count, Cell base,
                               Optional<Fraction> value, Optional<Currency> currency) {

    /** Validates the parts. */
    public PublishedMeasure {
        Require.present(measure, "publishedMeasure.measure");
        Require.present(stratum, "publishedMeasure.stratum");
        Require.present(subjects, "publishedMeasure.subjects");
        Require.present(count, "publishedMeasure.count");
        Require.present(base, "publishedMeasure.base");
        Require.present(value, "publishedMeasure.value");
        Require.present(currency, "publishedMeasure.currency");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * The odds ratio of a 2×2 table with its 95% confidence interval by Woolf's logit method.
 *
 * <p>For the table
 * <pre>
 *                    outcome   no outcome
 *   participants        a          b
 *   comparison          c          d
 * </pre>
 * the estimate is {@code OR = (a·d) / (b·c)}, kept as an exact {@link Fraction}, and the interval is
 * {@code exp(ln OR ± z · √(1/a + 1/b + 1/c + 1/d))} with {@code z = }{@value #Z} (the 0.975 quantile of the standard
 * normal distribution).
 *
 * <p><b>Zero cells.</b> When any cell is zero the log odds ratio and its variance are undefined, so the
 * Haldane–Anscombe correction is applied: 0.5 is added to <em>every</em> cell (only then), the estimate becomes
 * {@code (2a+1)(2d+1) / ((2b+1)(2c+1))} and {@link #corrected()} says so.
 *
 * <p><b>Determinism.</b> The estimate is exact. The bounds need a logarithm, a square root and an exponential; they are
 * computed in double precision with {@link StrictMath} (bit-for-bit the same result on every Java platform) and rounded
 * half to even at {@value #SCALE} decimal places. Two computations from the same four counts therefore give equal
 * bounds; to compare a SQL computation with this one, compare the counts and let this class derive the bounds.
 *
 * @param estimate  the exact odds ratio (of the corrected cells when {@code corrected})
 * @param corrected whether the Haldane–Anscombe correction was applied
 * @param lower     the lower 95% bound, {@value #SCALE} decimals
 * @param upper     the upper 95% bound, {@value #SCALE} decimals
 */
public record OddsRatio(Fraction estimate, boolean corrected, BigDecimal lower, BigDecimal upper) {

    /** The 0.975 quantile of the standard normal distribution. */
    public static final double Z = 1.959963984540054;
    /** Decimal places of the bounds. */
    public static final int SCALE = 4;

    /** Validates the parts: the bounds are ordered. */
    public OddsRatio {
        Require.present(estimate, "oddsRatio.estimate");
        Require.present(lower, "oddsRatio.lower");
        Require.present(upper, "oddsRatio.upper");
        if (estimate.signum() <= 0 || lower.compareTo(upper) > 0) {
            throw new InvalidValueException("oddsRatio", "needs a positive estimate and ordered bounds");
        }
    }

    /**
     * The odds ratio of participants with ({@code a}) and without ({@code b}) the outcome against comparison people with
     * ({@code c}) and without ({@code d}) it. Every count must be non-negative and each row must have someone in it.
     */
    public static OddsRatio of(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new InvalidValueException("cells", "must not be negative");
        }
        if (a + b == 0 || c + d == 0) {
            throw new InvalidValueException("cells", "each cohort needs at least one person");
        }
        boolean corrected = a == 0 || b == 0 || c == 0 || d == 0;
        long ca = corrected ? 2 * a + 1 : a;
        long cb = corrected ? 2 * b + 1 : b;
        long cc = corrected ? 2 * c + 1 : c;
        long cd = corrected ? 2 * d + 1 : d;
        BigInteger num = BigInteger.valueOf(ca).multiply(BigInteger.valueOf(cd));
        BigInteger den = BigInteger.valueOf(cb).multiply(BigInteger.valueOf(cc));
        Fraction estimate = new Fraction(num, den);
        // with the correction each cell is (2x+1)/2, so 1/cell = 2/(2x+1)
        double k = corrected ? 2.0 : 1.0;
        double variance = k / ca + k / cb + k / cc + k / cd;
        double logOr = StrictMath.log(num.doubleValue()) - StrictMath.log(den.doubleValue());
        double margin = Z * StrictMath.sqrt(variance);
        return new OddsRatio(estimate, corrected, round(StrictMath.exp(logOr - margin)),
                round(StrictMath.exp(logOr + margin)));
    }

    private static BigDecimal round(double x) {
        return new BigDecimal(x).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** The estimate rounded half to even at {@value #SCALE} decimals, for display next to the bounds. */
    public BigDecimal rounded() {
        return estimate.toDecimal(SCALE);
    }

    /** {@code 1 − OR}: the share by which the participants' odds are lower ("58% lower odds of arrest"). */
    public Fraction oddsReduction() {
        return Fraction.ONE.minus(estimate);
    }

    /** Whether the interval excludes 1: the difference is significant at the 5% level. */
    public boolean excludesOne() {
        return upper.compareTo(BigDecimal.ONE) < 0 || lower.compareTo(BigDecimal.ONE) > 0;
    }

    /** Whether the rounded estimate lies within the bounds (always true of an interval this class computed). */
    public boolean containsEstimate() {
        return lower.compareTo(rounded()) <= 0 && rounded().compareTo(upper) <= 0;
    }
}

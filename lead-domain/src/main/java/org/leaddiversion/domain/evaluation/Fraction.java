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
 * An exact rational number, the value type of every measure: a rate, a share, a relative rate index or an average is
 * kept as a reduced fraction so that two computations of the same measure (in memory and in SQL) can be compared for
 * equality, never within a tolerance. Always reduced, with a positive denominator: {@code 2/4} is stored as
 * {@code 1/2} and zero as {@code 0/1}, so {@link #equals} is numeric equality.
 *
 * <p>Decimals are only for display: {@link #toDecimal(int)} rounds half to even at the scale asked for.
 *
 * @param numerator   the reduced numerator (carries the sign)
 * @param denominator the reduced denominator, always positive
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    /** Zero. */
    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    /** One. */
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    /** Reduces the fraction and moves the sign to the numerator; a zero denominator is invalid. */
    public Fraction {
        Require.present(numerator, "fraction.numerator");
        Require.present(denominator, "fraction.denominator");
        if (denominator.signum() == 0) {
            throw new InvalidValueException("fraction.denominator", "must not be zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (numerator.signum() == 0) {
            denominator = BigInteger.ONE;
        }
    }

    /** {@code numerator / denominator}. */
    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** A whole number. */
    public static Fraction of(long whole) {
        return new Fraction(BigInteger.valueOf(whole), BigInteger.ONE);
    }

    /** The exact value of a decimal ({@code 0.80} is {@code 4/5}). */
    public static Fraction of(BigDecimal decimal) {
        Require.present(decimal, "decimal");
        return decimal.scale() >= 0
                ? new Fraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()))
                : new Fraction(decimal.unscaledValue().multiply(BigInteger.TEN.pow(-decimal.scale())), BigInteger.ONE);
    }

    /** The sum. */
    public Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** The difference. */
    public Fraction minus(Fraction other) {
        return plus(other.negate());
    }

    /** The product. */
    public Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** The product with a whole number. */
    public Fraction times(long factor) {
        return new Fraction(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /** The quotient; dividing by zero is invalid. */
    public Fraction dividedBy(Fraction other) {
        if (other.signum() == 0) {
            throw new InvalidValueException("divisor", "must not be zero");
        }
        return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /** The negation. */
    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    /** −1, 0 or 1 as the value is negative, zero or positive. */
    public int signum() {
        return numerator.signum();
    }

    /** The value rounded half to even at {@code scale} decimal places: for display, never for comparison. */
    public BigDecimal toDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN);
    }

    /** The nearest double (for statistics that need logarithms); never used for a compared value. */
    public double toDouble() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** Whether this is strictly below the decimal. */
    public boolean isBelow(BigDecimal bound) {
        return compareTo(of(bound)) < 0;
    }

    /** Whether this is strictly above the decimal. */
    public boolean isAbove(BigDecimal bound) {
        return compareTo(of(bound)) > 0;
    }

    /** {@code numerator/denominator}, e.g. {@code 7/2}; a whole number is written without a denominator. */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;

/** Fractions are exact, always reduced, and equal exactly when they are the same number. */
@DisplayName("Fraction")
class FractionTest {

    @Test
    void reduced_with_the_sign_on_the_numerator() {
        assertEquals(new Fraction(BigInteger.ONE, BigInteger.TWO), Fraction.of(3, 6));
        assertEquals(Fraction.of(-1, 2), Fraction.of(1, -2));
        assertEquals(Fraction.ZERO, Fraction.of(0, -7));
        assertEquals("7/2", Fraction.of(14, 4).toString());
        assertEquals("3", Fraction.of(9, 3).toString());
        assertEquals(Fraction.of(4, 5), Fraction.of(new BigDecimal("0.80")));
        assertEquals(Fraction.of(1200), Fraction.of(new BigDecimal("1.2E3")));
        assertEquals(new BigDecimal("0.667"), Fraction.of(2, 3).toDecimal(3));
        assertEquals(new BigDecimal("0.12"), Fraction.of(125, 1000).toDecimal(2), "half to even");
        assertThrows(InvalidValueException.class, () -> Fraction.of(1, 0));
        assertThrows(InvalidValueException.class, () -> Fraction.ONE.dividedBy(Fraction.ZERO));
        assertTrue(Fraction.of(4, 5).isBelow(new BigDecimal("0.81")));
        assertTrue(Fraction.of(5, 4).isAbove(new BigDecimal("1.24")));
    }

    @Test
    void arithmetic_is_exact_and_equality_is_numeric() {
        var small = longs().between(-10_000, 10_000);
        var positive = longs().between(1, 10_000);
        qt().withExamples(1000).forAll(small, positive, small, positive).checkAssert((a, b, c, d) -> {
            Fraction x = Fraction.of(a, b);
            Fraction y = Fraction.of(c, d);
            assertEquals(Fraction.of(a * d + c * b, b * d), x.plus(y));
            assertEquals(x, x.plus(y).minus(y));
            assertEquals(Fraction.of(a * c, b * d), x.times(y));
            assertEquals(Long.signum(a * d - c * b), Integer.signum(x.compareTo(y)));
            assertEquals(x.compareTo(y) == 0, x.equals(y));
            if (x.equals(y)) {
                assertEquals(x.hashCode(), y.hashCode());
            }
            if (c != 0) {
                assertEquals(x, x.times(y).dividedBy(y));
            }
            assertEquals(1, x.denominator().signum());
            assertEquals(BigInteger.ONE, x.numerator().gcd(x.denominator()).max(BigInteger.ONE));
        });
    }
}

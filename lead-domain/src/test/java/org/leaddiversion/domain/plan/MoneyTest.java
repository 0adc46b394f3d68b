/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;

/** Money is exact, validated against the currency's fraction digits, and never mixes currencies. */
@DisplayName("Money")
class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void scale_beyond_the_currency_fraction_digits_is_invalid_and_trailing_zeros_are_fine() {
        assertThrows(InvalidValueException.class, () -> Money.of("1.001", "USD"));
        assertThrows(InvalidValueException.class, () -> Money.of("1.5", "JPY"));
        assertEquals(Money.of("1.00", "USD"), Money.of("1.000", "USD"));
        assertEquals(Money.of("1", "USD"), Money.of("1.00", "USD"));
        assertEquals("250.00 USD", Money.parse("250 USD").toString());
        assertThrows(InvalidValueException.class, () -> new Money(null, USD));
        assertThrows(InvalidValueException.class, () -> new Money(BigDecimal.ONE, null));
        assertThrows(InvalidValueException.class, () -> Money.parse("250.00"));
        assertThrows(InvalidValueException.class, () -> Money.parse("250.00 ZZZ"));
    }

    @Test
    void currencies_never_mix() {
        Money usd = Money.of("1.00", "USD");
        Money eur = Money.of("1.00", "EUR");
        assertThrows(InvalidValueException.class, () -> usd.plus(eur));
        assertThrows(InvalidValueException.class, () -> usd.minus(eur));
        assertThrows(InvalidValueException.class, () -> usd.compareTo(eur));
    }

    @Test
    void arithmetic_in_cents_is_exact() {
        qt().forAll(longs().between(-1_000_000_000L, 1_000_000_000L), longs().between(-1_000_000_000L, 1_000_000_000L))
                .checkAssert((a, b) -> {
                    Money x = new Money(BigDecimal.valueOf(a, 2), USD);
                    Money y = new Money(BigDecimal.valueOf(b, 2), USD);
                    assertEquals(new Money(BigDecimal.valueOf(a + b, 2), USD), x.plus(y));
                    assertEquals(x, x.plus(y).minus(y));
                    assertEquals(Long.compare(a, b), Integer.signum(x.compareTo(y)));
                    assertTrue(x.plus(y).hasSameCurrencyAs(x));
                });
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount of money in one currency. The scale never exceeds the currency's default fraction digits
 * ({@code 12.345 USD} is invalid); amounts of different currencies are never added or compared.
 *
 * @param amount   the exact amount (may be zero or negative as an intermediate value)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Require.present(amount, "amount");
        Require.present(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        if (digits >= 0 && stripped.scale() > digits) {
            throw new InvalidValueException("amount", "has more than " + digits + " fraction digits for " + currency);
        }
        amount = amount.setScale(Math.max(digits, 0));
    }

    /** Parses {@code "250.00 USD"} (amount, whitespace, ISO code). */
    public static Money parse(String text) {
        String[] parts = Require.text(text, "money").split("\\s+");
        if (parts.length != 2) {
            throw new InvalidValueException("money", "must be '<amount> <ISO currency>', e.g. '250.00 USD'");
        }
        try {
            return new Money(new BigDecimal(parts[0]), Currency.getInstance(parts[1]));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("money", "amount is not a decimal number");
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidValueException ive) {
                throw ive;
            }
            throw new InvalidValueException("money", "unknown ISO 4217 currency");
        }
    }

    /** Shorthand: {@code Money.of("12.50", "USD")}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** Zero in the currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The sum; throws {@link InvalidValueException} when the currencies differ. */
    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** The difference; throws {@link InvalidValueException} when the currencies differ. */
    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Whether the amount is above zero. */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether this is strictly more than {@code other} (same currency required). */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** Whether both are in the same currency. */
    public boolean hasSameCurrencyAs(Money other) {
        return currency.equals(Require.present(other, "money").currency);
    }

    @Override
    public int compareTo(Money other) {
        sameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void sameCurrency(Money other) {
        if (!hasSameCurrencyAs(other)) {
            throw new InvalidValueException("currency", "cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}

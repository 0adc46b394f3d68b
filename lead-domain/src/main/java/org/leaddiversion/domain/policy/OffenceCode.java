/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import org.leaddiversion.domain.common.Require;

/**
 * An offence or offence category as a site names it ({@code DRUG_POSSESSION}, {@code ROBBERY}, {@code VIOLENT}).
 * Sites keep their own catalogues, so codes are open values rather than a fixed enum.
 */
public record OffenceCode(String value) implements Comparable<OffenceCode> {

    public OffenceCode {
        Require.code(value, "offenceCode");
    }

    public static OffenceCode of(String value) {
        return new OffenceCode(value);
    }

    @Override
    public int compareTo(OffenceCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.regex.Pattern;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/** Identity of a LEAD site (jurisdiction), a lower-case slug such as {@code seattle-king-county}. */
public record SiteId(String value) implements Comparable<SiteId> {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public SiteId {
        Require.id(value, "siteId");
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidValueException("siteId", "must be a lower-case slug of letters, digits and '-'");
        }
    }

    @Override
    public int compareTo(SiteId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

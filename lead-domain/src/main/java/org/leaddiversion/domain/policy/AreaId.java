/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import org.leaddiversion.domain.common.Require;

/** A named area: a precinct, district, neighbourhood or county ({@code DPD_DISTRICT_6}, {@code MARION_COUNTY}). */
public record AreaId(String value) implements Comparable<AreaId> {

    public AreaId {
        Require.code(value, "areaId");
    }

    public static AreaId of(String value) {
        return new AreaId(value);
    }

    @Override
    public int compareTo(AreaId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

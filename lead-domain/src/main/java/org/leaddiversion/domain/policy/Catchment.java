/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leaddiversion.domain.common.Require;

/**
 * Where referrals are valid (exclusion E15): named areas (precincts, districts), drawn polygons, and/or a
 * residency rule. A catchment with none of them is unrestricted.
 *
 * @param areas     named areas an encounter location may fall in
 * @param polygons  drawn areas, by name
 * @param residency the area the person must live in, if the site has a residency rule
 */
public record Catchment(Set<AreaId> areas, Map<String, Polygon> polygons, Optional<AreaId> residency) {

    public Catchment {
        areas = java.util.Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(areas, "catchment.areas")));
        polygons = java.util.Collections.unmodifiableMap(new TreeMap<>(Require.present(polygons, "catchment.polygons")));
        Require.present(residency, "catchment.residency");
    }

    /** No restriction at all. */
    public static Catchment unrestricted() {
        return new Catchment(Set.of(), Map.of(), Optional.empty());
    }

    /** Whether the encounter location is restricted (areas or polygons configured). */
    public boolean restrictsLocation() {
        return !areas.isEmpty() || !polygons.isEmpty();
    }

    /** Whether an encounter at this area and/or point is inside the catchment. */
    public boolean containsLocation(Optional<AreaId> area, Optional<GeoPoint> point) {
        if (!restrictsLocation()) {
            return true;
        }
        if (area.isPresent() && areas.contains(area.get())) {
            return true;
        }
        if (point.isPresent()) {
            for (Polygon polygon : polygons.values()) {
                if (polygon.contains(point.get())) {
                    return true;
                }
            }
        }
        return false;
    }
}

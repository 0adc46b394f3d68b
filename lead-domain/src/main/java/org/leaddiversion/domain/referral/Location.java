/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Catchment;
import org.leaddiversion.domain.policy.GeoPoint;

/** Where something happened: a named area (precinct, district), a position, or both. */
public record Location(Optional<AreaId> area, Optional<GeoPoint> point) {
    public Location {
        Require.present(area, "location.area");
        Require.present(point, "location.point");
    }

    /** A location known only by its area. */
    public static Location in(AreaId area) {
        return new Location(Optional.of(area), Optional.empty());
    }

    /** A location known only by its position. */
    public static Location at(GeoPoint point) {
        return new Location(Optional.empty(), Optional.of(point));
    }

    /** Nothing recorded. */
    public static Location unknown() {
        return new Location(Optional.empty(), Optional.empty());
    }

    /** Whether the location falls inside the catchment's areas or polygons. */
    public boolean isInside(Catchment catchment) {
        return catchment.containsLocation(area, point);
    }
}

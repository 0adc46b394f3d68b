/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.List;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/**
 * A catchment area drawn as a simple polygon (e.g. Baltimore's street-bounded pilot box). Points on the
 * boundary count as inside.
 */
public record Polygon(List<GeoPoint> vertices) {

    public Polygon {
        vertices = List.copyOf(Require.noNulls(vertices, "polygon"));
        if (vertices.size() < 3) {
            throw new InvalidValueException("polygon", "needs at least three vertices");
        }
    }

    /** Whether the point lies inside or on the boundary (even-odd rule). */
    public boolean contains(GeoPoint p) {
        boolean inside = false;
        int n = vertices.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            GeoPoint a = vertices.get(i);
            GeoPoint b = vertices.get(j);
            if (onSegment(a, b, p)) {
                return true;
            }
            boolean crosses = (a.latitude() > p.latitude()) != (b.latitude() > p.latitude());
            if (crosses) {
                double lonAtLat = (b.longitude() - a.longitude()) * (p.latitude() - a.latitude())
                        / (b.latitude() - a.latitude()) + a.longitude();
                if (p.longitude() < lonAtLat) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static boolean onSegment(GeoPoint a, GeoPoint b, GeoPoint p) {
        double cross = (b.longitude() - a.longitude()) * (p.latitude() - a.latitude())
                - (b.latitude() - a.latitude()) * (p.longitude() - a.longitude());
        if (Math.abs(cross) > 1e-12) {
            return false;
        }
        return p.latitude() >= Math.min(a.latitude(), b.latitude()) && p.latitude() <= Math.max(a.latitude(), b.latitude())
                && p.longitude() >= Math.min(a.longitude(), b.longitude())
                && p.longitude() <= Math.max(a.longitude(), b.longitude());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A catchment drawn as a polygon (E15; Baltimore's street-bounded pilot box): a point strictly inside is inside, a
 * point outside is outside, and a point on the boundary — on an edge or at a corner — counts as inside.
 */
class PolygonTest {

    private static GeoPoint p(double lat, double lon) {
        return new GeoPoint(lat, lon);
    }

    /** Baltimore's pilot box: Franklin St (N), Pratt St (S), MLK Blvd (W), St. Paul St (E). */
    private static final Polygon BOX = new Polygon(List.of(p(39.2953, -76.6249), p(39.2953, -76.6139),
            p(39.2866, -76.6139), p(39.2866, -76.6249)));

    /** An L shape: the square (0,0)–(2,2) without its north-east quarter. */
    private static final Polygon L_SHAPE = new Polygon(List.of(p(0, 0), p(0, 2), p(1, 2), p(1, 1), p(2, 1), p(2, 0)));

    @Test
    void inside_and_outside_the_box() {
        assertTrue(BOX.contains(p(39.2900, -76.6200)));
        assertFalse(BOX.contains(p(39.3000, -76.6200)), "north of Franklin St");
        assertFalse(BOX.contains(p(39.2800, -76.6200)), "south of Pratt St");
        assertFalse(BOX.contains(p(39.2900, -76.6300)), "west of MLK Blvd");
        assertFalse(BOX.contains(p(39.2900, -76.6100)), "east of St. Paul St");
        assertFalse(BOX.contains(p(39.3000, -76.6300)), "diagonally outside a corner");
    }

    @Test
    void on_an_edge_or_a_corner_counts_as_inside() {
        assertTrue(BOX.contains(p(39.2953, -76.6200)), "on Franklin St");
        assertTrue(BOX.contains(p(39.2866, -76.6200)), "on Pratt St");
        assertTrue(BOX.contains(p(39.2900, -76.6249)), "on MLK Blvd");
        assertTrue(BOX.contains(p(39.2900, -76.6139)), "on St. Paul St");
        for (GeoPoint corner : BOX.vertices()) {
            assertTrue(BOX.contains(corner), corner::toString);
        }
        var triangle = new Polygon(List.of(p(0, 0), p(0, 2), p(2, 0)));
        assertTrue(triangle.contains(p(1, 1)), "on the slanted edge");
        assertFalse(triangle.contains(p(1.01, 1.01)));
        assertTrue(triangle.contains(p(0.99, 0.99)));
    }

    @Test
    void a_concave_polygon_excludes_its_notch() {
        assertTrue(L_SHAPE.contains(p(0.5, 0.5)));
        assertTrue(L_SHAPE.contains(p(0.5, 1.5)));
        assertTrue(L_SHAPE.contains(p(1.5, 0.5)));
        assertFalse(L_SHAPE.contains(p(1.5, 1.5)), "the missing quarter");
        assertTrue(L_SHAPE.contains(p(1, 1)), "the inner corner");
        assertTrue(L_SHAPE.contains(p(1.5, 1)), "the notch's edge");
    }

    @Test
    void the_order_and_direction_of_the_vertices_do_not_matter() {
        var reversed = new ArrayList<>(BOX.vertices());
        java.util.Collections.reverse(reversed);
        var rotated = new ArrayList<>(BOX.vertices().subList(1, 4));
        rotated.add(BOX.vertices().get(0));
        for (Polygon same : List.of(new Polygon(reversed), new Polygon(rotated))) {
            assertTrue(same.contains(p(39.2900, -76.6200)));
            assertFalse(same.contains(p(39.3000, -76.6200)));
            assertTrue(same.contains(p(39.2953, -76.6200)));
        }
    }

    record Probe(double south, double north, double west, double east, double lat, double lon) {
    }

    @Test
    void for_any_rectangle_a_point_is_inside_iff_it_lies_within_its_bounds() {
        Gen<Integer> coord = Generate.range(-8000, 8000);
        Gen<Probe> probes = in -> {
            int a = coord.generate(in);
            int b = coord.generate(in);
            int c = coord.generate(in);
            int d = coord.generate(in);
            if (a == b) {
                b = a + 1;
            }
            if (c == d) {
                d = c + 1;
            }
            int lat = Generate.range(-8100, 8100).generate(in);
            int lon = Generate.range(-8100, 8100).generate(in);
            return new Probe(Math.min(a, b) / 100.0, Math.max(a, b) / 100.0, Math.min(c, d) / 100.0,
                    Math.max(c, d) / 100.0, lat / 100.0, lon / 100.0);
        };
        qt().withExamples(3000).forAll(probes).checkAssert(r -> {
            var rectangle = new Polygon(List.of(p(r.south(), r.west()), p(r.north(), r.west()), p(r.north(), r.east()),
                    p(r.south(), r.east())));
            boolean within = r.lat() >= r.south() && r.lat() <= r.north() && r.lon() >= r.west() && r.lon() <= r.east();
            assertEquals(within, rectangle.contains(p(r.lat(), r.lon())));
        });
    }

    @Test
    void a_polygon_needs_three_vertices() {
        assertThrows(InvalidValueException.class, () -> new Polygon(List.of(p(0, 0), p(1, 1))));
    }
}

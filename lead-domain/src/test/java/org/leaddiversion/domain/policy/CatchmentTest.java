/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Where referrals are valid (E15): an encounter is inside a catchment if its named area is one of the catchment's
 * areas or its position lies in one of its polygons; an unrestricted catchment contains everything; a residency rule
 * alone restricts who may be referred, not where.
 */
class CatchmentTest {

    private static final AreaId DISTRICT_1 = AreaId.of("DPD_DISTRICT_1");
    private static final AreaId DISTRICT_6 = AreaId.of("DPD_DISTRICT_6");
    private static final Polygon BOX = new Polygon(List.of(new GeoPoint(0, 0), new GeoPoint(0, 1), new GeoPoint(1, 1),
            new GeoPoint(1, 0)));
    private static final Optional<GeoPoint> IN_BOX = Optional.of(new GeoPoint(0.5, 0.5));
    private static final Optional<GeoPoint> OUT_OF_BOX = Optional.of(new GeoPoint(2, 2));

    @Test
    void an_unrestricted_catchment_contains_every_encounter_even_an_unknown_one() {
        Catchment everywhere = Catchment.unrestricted();
        assertFalse(everywhere.restrictsLocation());
        assertTrue(everywhere.containsLocation(Optional.empty(), Optional.empty()));
        assertTrue(everywhere.containsLocation(Optional.of(DISTRICT_1), OUT_OF_BOX));
    }

    @Test
    void named_areas() {
        var denver = new Catchment(Set.of(DISTRICT_1, DISTRICT_6), Map.of(), Optional.empty());
        assertTrue(denver.restrictsLocation());
        assertTrue(denver.containsLocation(Optional.of(DISTRICT_6), Optional.empty()));
        assertFalse(denver.containsLocation(Optional.of(AreaId.of("DPD_DISTRICT_3")), Optional.empty()));
        assertFalse(denver.containsLocation(Optional.empty(), Optional.empty()), "an unknown place is not inside");
        assertFalse(denver.containsLocation(Optional.empty(), IN_BOX), "no polygon to place a point in");
    }

    @Test
    void drawn_polygons() {
        var pilot = new Catchment(Set.of(), Map.of("PILOT_BOX", BOX), Optional.empty());
        assertTrue(pilot.restrictsLocation());
        assertTrue(pilot.containsLocation(Optional.empty(), IN_BOX));
        assertFalse(pilot.containsLocation(Optional.empty(), OUT_OF_BOX));
        assertFalse(pilot.containsLocation(Optional.of(DISTRICT_1), Optional.empty()));
    }

    @Test
    void an_encounter_is_inside_if_either_its_area_or_its_point_is() {
        var both = new Catchment(Set.of(DISTRICT_1), Map.of("PILOT_BOX", BOX), Optional.empty());
        assertTrue(both.containsLocation(Optional.of(DISTRICT_1), OUT_OF_BOX));
        assertTrue(both.containsLocation(Optional.of(AreaId.of("ELSEWHERE")), IN_BOX));
        assertFalse(both.containsLocation(Optional.of(AreaId.of("ELSEWHERE")), OUT_OF_BOX));
    }

    @Test
    void a_residency_rule_does_not_restrict_where_the_encounter_happens() {
        var marion = new Catchment(Set.of(), Map.of(), Optional.of(AreaId.of("MARION_COUNTY")));
        assertFalse(marion.restrictsLocation());
        assertTrue(marion.containsLocation(Optional.of(AreaId.of("POLK_COUNTY")), OUT_OF_BOX));
    }

    @Test
    void a_catchment_is_immutable() {
        var areas = new HashSet<>(Set.of(DISTRICT_1));
        var c = new Catchment(areas, Map.of(), Optional.empty());
        areas.add(DISTRICT_6);
        assertFalse(c.containsLocation(Optional.of(DISTRICT_6), Optional.empty()));
        assertThrows(UnsupportedOperationException.class, () -> c.areas().add(DISTRICT_6));
    }
}

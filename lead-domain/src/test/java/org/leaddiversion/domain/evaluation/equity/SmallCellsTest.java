/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leaddiversion.domain.evaluation.equity.EquityGenerators.margins;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.InvalidValueException;

/** Small-cell suppression: primary suppression of small counts and complementary suppression against subtraction. */
@DisplayName("Small-cell suppression")
class SmallCellsTest {

    @Test
    void one_small_part_takes_the_smallest_shown_part_with_it() {
        // 3 is small; total 48 − (20 + 13 + 12) would give it away, so 12 (the smallest shown) is suppressed too
        var m = SmallCells.publish(parts(20, 13, 3, 12), 48, true, 10);
        assertEquals(List.of(Cell.shown(20), Cell.shown(13), Cell.SUPPRESSED, Cell.SUPPRESSED),
                new ArrayList<>(m.cells().values()));
        assertEquals(Cell.shown(48), m.total());
    }

    @Test
    void small_parts_adding_up_to_the_minimum_need_no_company_and_zeros_stay_visible() {
        var m = SmallCells.publish(parts(40, 6, 4, 0), 50, true, 10);
        assertEquals(List.of(Cell.shown(40), Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.shown(0)),
                new ArrayList<>(m.cells().values()));
    }

    @Test
    void a_share_whose_complement_is_small_is_withheld() {
        // 48 of 50 arrested would reveal the 2 who were not
        var m = SmallCells.publish(parts(48), 50, false, 10);
        assertEquals(List.of(Cell.SUPPRESSED), new ArrayList<>(m.cells().values()));
        assertEquals(Cell.shown(50), m.total());
        assertEquals(List.of(Cell.shown(12)), new ArrayList<>(SmallCells.publish(parts(12), 50, false, 10).cells()
                .values()));
        assertEquals(List.of(Cell.shown(50)), new ArrayList<>(SmallCells.publish(parts(50), 50, false, 10).cells()
                .values()), "all 50: nothing small to hide");
    }

    @Test
    void a_small_total_is_suppressed_and_so_is_everything_in_it_that_is_small() {
        var m = SmallCells.publish(parts(5, 3), 8, true, 10);
        assertEquals(Cell.SUPPRESSED, m.total());
        assertEquals(List.of(Cell.SUPPRESSED, Cell.SUPPRESSED), new ArrayList<>(m.cells().values()));
        assertThrows(InvalidValueException.class, () -> SmallCells.publish(parts(5, 3), 9, true, 10));
        assertThrows(InvalidValueException.class, () -> SmallCells.publish(parts(5, 3), 7, false, 10));
    }

    @Test
    void no_shown_count_is_small_and_subtraction_never_reveals_a_small_count() {
        qt().withExamples(5000).forAll(margins()).checkAssert(c -> {
            var p = new LinkedHashMap<Integer, Long>();
            for (int i = 0; i < c.parts().size(); i++) {
                p.put(i, c.parts().get(i));
            }
            var m = SmallCells.publish(p, c.total(), c.complete(), c.minCellSize());
            var cells = new ArrayList<>(m.cells().values());
            RriPropertiesTest.checkMargin(cells, m.total(), c.total(), c.minCellSize());
            for (int i = 0; i < cells.size(); i++) {
                if (SmallCells.isSmall(c.parts().get(i), c.minCellSize())) {
                    assertEquals(Cell.SUPPRESSED, cells.get(i), "every small part is suppressed");
                } else if (!cells.get(i).isSuppressed()) {
                    assertEquals(c.parts().get(i), cells.get(i).number().getAsLong());
                }
            }
        });
    }

    private static Map<Integer, Long> parts(long... values) {
        var out = new LinkedHashMap<Integer, Long>();
        for (int i = 0; i < values.length; i++) {
            out.put(i, values[i]);
        }
        return out;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.evaluation.Fraction;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.quicktheories.core.Gen;

/** Measure rows leaving the programme: the minimum cell size applies to every published count. */
@DisplayName("Publication of measure rows for aggregate reports")
class PublicationTest {

    private static final EquityPolicy TEN = EquityPolicy.defaults();

    private static PublishedMeasure one(MeasureResult r) {
        return Publication.publish(List.of(r), TEN).get(0);
    }

    @Test
    void shares_are_withheld_when_they_count_or_leave_out_a_few_people() {
        PublishedMeasure most = one(MeasureResult.proportion(Measure.ARREST_ANY, Stratum.ALL, 48, 50));
        assertEquals(List.of(Cell.shown(50), Cell.SUPPRESSED, Cell.shown(50)),
                List.of(most.subjects(), most.count(), most.base()));
        assertEquals(Optional.empty(), most.value(), "48 of 50 would reveal the 2 who were not arrested");
        PublishedMeasure some = one(MeasureResult.proportion(Measure.ARREST_ANY, Stratum.ALL, 12, 50));
        assertEquals(Cell.shown(12), some.count());
        assertEquals(Optional.of(Fraction.of(6, 25)), some.value());
        PublishedMeasure few = one(MeasureResult.proportion(Measure.ARREST_ANY, Stratum.ALL, 3, 8));
        assertEquals(List.of(Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.SUPPRESSED, Optional.empty()),
                List.of(few.subjects(), few.count(), few.base(), few.value()));
    }

    @Test
    void the_days_to_re_arrest_of_a_few_people_are_withheld_with_their_number() {
        var few = new MeasureResult(Measure.TIME_TO_REARREST, Stratum.of("statistic", "MEDIAN"), 20, 3, 20,
                Optional.of(Fraction.of(41)), Optional.empty());
        PublishedMeasure p = one(few);
        assertEquals(List.of(Cell.shown(20), Cell.SUPPRESSED, Cell.shown(20)),
                List.of(p.subjects(), p.count(), p.base()), "3 re-arrested of 20 is a small count of people");
        assertEquals(Optional.empty(), p.value(), "the median of three people's days is about those three");
        var many = new MeasureResult(Measure.TIME_TO_REARREST, Stratum.of("statistic", "MEDIAN"), 40, 12, 40,
                Optional.of(Fraction.of(41)), Optional.empty());
        assertEquals(Optional.of(Fraction.of(41)), one(many).value());
    }

    @Test
    void rates_in_days_or_money_are_shown_only_over_enough_people() {
        var small = MeasureResult.ratio(Measure.JAIL_DAYS_PER_YEAR, Stratum.ALL, 5, 40, 900, 365, Optional.empty());
        var large = MeasureResult.ratio(Measure.JAIL_DAYS_PER_YEAR, Stratum.ALL, 50, 4, 9000, 365, Optional.empty());
        List<PublishedMeasure> p = Publication.publish(List.of(small, large), TEN);
        assertEquals(Optional.empty(), p.get(0).value());
        assertEquals(Cell.SUPPRESSED, p.get(0).count());
        assertEquals(Cell.shown(4), p.get(1).count(), "four jail days are not four people");
        assertEquals(large.value(), p.get(1).value());
    }

    @Test
    void referrals_by_door_are_one_margin_with_the_total() {
        List<MeasureResult> santaFe = List.of(door("ARREST_DIVERSION", 57), door("SOCIAL_CONTACT", 48),
                door("COMMUNITY", 0), door("PROSECUTOR", 0));
        assertEquals(List.of(Cell.shown(57), Cell.shown(48), Cell.shown(0), Cell.shown(0)),
                Publication.publish(santaFe, TEN).stream().map(PublishedMeasure::count).toList());
        List<MeasureResult> skewed = List.of(door("ARREST_DIVERSION", 98), door("SOCIAL_CONTACT", 4),
                door("COMMUNITY", 3), door("PROSECUTOR", 0));
        // 4 and 3 are small and add up to 7: the smallest shown non-zero door, 98, must go too
        List<PublishedMeasure> p = Publication.publish(skewed, TEN);
        assertEquals(List.of(Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.shown(0)),
                p.stream().map(PublishedMeasure::count).toList());
        assertEquals(Cell.shown(105), p.get(0).base());
    }

    @Test
    void decisions_by_group_are_a_margin_per_group() {
        var rows = new ArrayList<MeasureResult>();
        for (ChargingDecision d : ChargingDecision.values()) {
            long n = d == ChargingDecision.DECLINE ? 12 : d == ChargingDecision.FILE_STANDARD ? 3 : 0;
            rows.add(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                    Stratum.of("group", "BLACK").and("decision", d.name()), n, 15));
        }
        for (ChargingDecision d : ChargingDecision.values()) {
            long n = d == ChargingDecision.DECLINE ? 20 : d == ChargingDecision.FILE_STANDARD ? 30 : 0;
            rows.add(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                    Stratum.of("group", "WHITE").and("decision", d.name()), n, 50));
        }
        List<PublishedMeasure> p = Publication.publish(rows, TEN);
        assertEquals(Cell.SUPPRESSED, p.get(0).count(), "FILE_STANDARD 3 is small");
        assertEquals(Cell.SUPPRESSED, p.get(3).count(), "DECLINE 12 would reveal it from the 15");
        assertEquals(Cell.shown(20), p.get(8).count());
        assertEquals(Cell.shown(30), p.get(5).count());
    }

    @Test
    void a_small_caseload_cannot_be_worked_out_from_the_total_of_all_caseloads() {
        // cm-1 holds 8, cm-2 holds 3 (small under 10); the mean row's total, 11, would give the 3 back from the 8
        List<PublishedMeasure> p = Publication.publish(List.of(caseload("cm-1", 8), caseload("cm-2", 3),
                caseloadMean(11, 2)), TEN);
        assertEquals(List.of(Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.shown(11)),
                p.stream().map(PublishedMeasure::count).toList());
        assertEquals(List.of(Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.shown(11)),
                p.stream().map(PublishedMeasure::subjects).toList());
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of(Fraction.of(11, 2))),
                p.stream().map(PublishedMeasure::value).toList());
        assertEquals(Cell.shown(2), p.get(2).base(), "the number of case managers is not a count of people");

        // large caseloads are all shown; a small total hides the mean too
        assertEquals(List.of(Cell.shown(12), Cell.shown(30), Cell.shown(42)), Publication.publish(List.of(
                caseload("cm-1", 12), caseload("cm-2", 30), caseloadMean(42, 2)), TEN).stream()
                .map(PublishedMeasure::count).toList());
        PublishedMeasure tiny = Publication.publish(List.of(caseload("cm-1", 4), caseloadMean(4, 1)), TEN).get(1);
        assertEquals(Cell.SUPPRESSED, tiny.count());
        assertEquals(Optional.empty(), tiny.value());
    }

    @Test
    void no_published_count_of_people_is_small_and_no_published_base_gives_one_away() {
        qt().withExamples(2000).forAll(rows()).checkAssert(rows -> {
            List<PublishedMeasure> p = Publication.publish(rows, TEN);
            Map<String, long[]> partitions = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                MeasureResult r = rows.get(i);
                PublishedMeasure m = p.get(i);
                for (Cell c : List.of(m.subjects(), m.count(), m.base())) {
                    c.number().ifPresent(n -> assertFalse(SmallCells.isSmall(n, 10) && r.measure().countsSubjects(),
                            () -> "small count shown in " + r));
                }
                if (m.value().isPresent()) {
                    assertFalse(m.count().isSuppressed() || m.base().isSuppressed() || m.subjects().isSuppressed());
                }
                if (r.measure().partition().isEmpty() && !m.count().isSuppressed() && !m.base().isSuppressed()) {
                    assertFalse(SmallCells.isSmall(r.base() - r.count(), 10), () -> "complement revealed: " + r);
                }
                if (r.measure().partition().isPresent() && !m.base().isSuppressed()) {
                    long[] acc = partitions.computeIfAbsent(r.stratum().without("door").toString(),
                            k -> new long[] {r.base(), 0});
                    acc[1] += m.count().number().orElse(0);
                }
            }
            partitions.values().forEach(acc -> assertFalse(SmallCells.isSmall(acc[0] - acc[1], 10)));
        });
    }

    private static Gen<List<MeasureResult>> rows() {
        return in -> {
            var out = new ArrayList<MeasureResult>();
            int shares = between(in, 0, 4);
            for (int i = 0; i < shares; i++) {
                long base = between(in, 0, 60);
                out.add(MeasureResult.proportion(Measure.ARREST_ANY, Stratum.of("window", "W" + i),
                        between(in, 0, (int) base), base));
            }
            if (chance(in, 70)) {
                long[] doors = new long[4];
                long total = 0;
                for (int d = 0; d < 4; d++) {
                    doors[d] = chance(in, 40) ? between(in, 0, 12) : between(in, 0, 80);
                    total += doors[d];
                }
                for (int d = 0; d < 4; d++) {
                    out.add(MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "D" + d),
                            doors[d], total));
                }
            }
            return out;
        };
    }

    /** A case manager's row as ProcessMeasures.caseloads gives it. */
    private static MeasureResult caseload(String caseManager, long n) {
        return new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("caseManager", caseManager), n, n, 1,
                Optional.of(Fraction.of(n)), Optional.empty());
    }

    /** The mean row as ProcessMeasures.caseloads gives it. */
    private static MeasureResult caseloadMean(long total, long caseManagers) {
        return MeasureResult.ratio(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("statistic", "MEAN"), total, total,
                caseManagers, 1, Optional.empty());
    }

    private static MeasureResult door(String door, long n) {
        return MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", door), n, 105);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.leaddiversion.benchmarks.HandWrittenSeattleScreening.Decision;
import org.leaddiversion.benchmarks.HandWrittenSeattleScreening.Verdict;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.screening.CapacityFigures;
import org.leaddiversion.domain.screening.EligibilityScreening;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.screening.ScreeningContext;
import org.leaddiversion.domain.screening.ScreeningDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Workload W1 (docs/performance.md): screening decisions per second through the public API against a hand-written
 * if/else of the same Seattle rules, over the same inputs, in one JMH run. One operation is one screening decision;
 * each invocation takes the next of {@value #INPUTS} pre-built referrals, so the branch mix is that of the inputs and
 * not one referral repeated.
 *
 * <p>Goal: ours costs at most 1.5× the hand-written CPU per decision ({@code handWritten ops/s ÷ ours ops/s ≤ 1.5})
 * and exceeds 1 M decisions/s per core (run with {@code -t 1}).
 *
 * <p>The set-up refuses to run unless both implementations give the same result category, the same refused
 * preconditions, the same exclusion findings and the same notes on every input, with and without the capacity gate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Two forks expose run-to-run (JIT) variance; a fixed heap keeps GC behaviour the same from run to run.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class W1ScreeningBenchmark {

    /** Number of distinct referrals; a power of two so that the cursor wraps with a mask. */
    static final int INPUTS = 4096;
    private static final long SEED = 20_111_001L;

    private EligibilityScreening screening;
    private HandWrittenSeattleScreening handWritten;
    private ScreeningContext noGate;
    private ScreeningContext gate;
    private ReferralSubmission[] submissions;
    private Instant[] referredAt;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        SitePolicy policy = ReferenceProfiles.load("seattle-king-county").latest();
        if (policy.version() != 2) {
            throw new IllegalStateException("the hand-written rules are those of Seattle version 2, the latest is "
                    + policy.version());
        }
        screening = EligibilityScreening.of(policy);
        handWritten = new HandWrittenSeattleScreening();
        noGate = ScreeningContext.withoutCapacityGate(Set.of());
        gate = ScreeningContext.of(Set.of(), new CapacityFigures(500, 100));
        SeattleReferrals.Batch batch = SeattleReferrals.generate(INPUTS, SEED);
        submissions = batch.submissions();
        referredAt = batch.referredAt();
        verifySameDecisions();
    }

    @Benchmark
    public void ours(Blackhole bh) {
        int i = cursor++ & (INPUTS - 1);
        bh.consume(screening.screen(submissions[i], referredAt[i], noGate));
    }

    @Benchmark
    public void handWritten(Blackhole bh) {
        int i = cursor++ & (INPUTS - 1);
        bh.consume(handWritten.screen(submissions[i], referredAt[i]));
    }

    @Benchmark
    public void oursWithCapacityGate(Blackhole bh) {
        int i = cursor++ & (INPUTS - 1);
        bh.consume(screening.screen(submissions[i], referredAt[i], gate));
    }

    @Benchmark
    public void handWrittenWithCapacityGate(Blackhole bh) {
        int i = cursor++ & (INPUTS - 1);
        bh.consume(handWritten.screen(submissions[i], referredAt[i], 500, 100));
    }

    /** A benchmark that compares different work is worthless: both sides must decide every input alike. */
    private void verifySameDecisions() {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Map<String, Integer> reasons = new TreeMap<>();
        for (int i = 0; i < INPUTS; i++) {
            ScreeningDecision ours = screening.screen(submissions[i], referredAt[i], noGate);
            Decision theirs = handWritten.screen(submissions[i], referredAt[i]);
            requireSame(i, "no gate", ours, theirs);
            requireSame(i, "capacity gate", screening.screen(submissions[i], referredAt[i], gate),
                    handWritten.screen(submissions[i], referredAt[i], 500, 100));
            verdicts.merge(theirs.verdict(), 1, Integer::sum);
            for (String id : theirs.exclusions()) {
                reasons.merge(id, 1, Integer::sum);
            }
            for (String id : theirs.notes()) {
                reasons.merge(id + " (note)", 1, Integer::sum);
            }
            for (String field : theirs.rejections()) {
                reasons.merge("refused: " + field, 1, Integer::sum);
            }
        }
        for (Verdict v : List.of(Verdict.ELIGIBLE, Verdict.PRESUMPTIVELY_INELIGIBLE, Verdict.INELIGIBLE,
                Verdict.REJECTED)) {
            if (!verdicts.containsKey(v)) {
                throw new IllegalStateException("the inputs never produce " + v + ": the mix does not cover the rules");
            }
        }
        for (String id : List.of("E1", "E2", "E3 (note)", "E4", "E5", "E6", "E7", "E12", "E15", "E16", "E17")) {
            if (!reasons.containsKey(id)) {
                throw new IllegalStateException("the inputs never trigger " + id + ": the mix does not cover the rules");
            }
        }
        System.out.println();
        System.out.println("W1: both implementations agree on all " + INPUTS + " referrals. Results " + verdicts);
        System.out.println("W1: reasons " + reasons);
    }

    private static void requireSame(int i, String variant, ScreeningDecision ours, Decision theirs) {
        String expected = ours.result().name() + " refused " + fields(ours.rejections()) + " findings "
                + ids(ours.findings()) + " notes " + ids(ours.notes());
        String actual = theirs.verdict().name() + " refused " + theirs.rejections() + " findings "
                + sorted(theirs.exclusions()) + " notes " + sorted(theirs.notes());
        if (!expected.equals(actual)) {
            throw new IllegalStateException("W1 input " + i + " (" + variant + "): the library says " + expected
                    + " but the hand-written screening says " + actual);
        }
    }

    private static List<String> fields(List<DomainError> errors) {
        var fields = new ArrayList<String>();
        for (DomainError e : errors) {
            fields.add(e.field());
        }
        return fields;
    }

    private static List<String> ids(List<Finding> findings) {
        var ids = new ArrayList<String>();
        for (Finding f : findings) {
            ids.add(f.exclusion().id());
        }
        return sorted(ids);
    }

    private static List<String> sorted(List<String> ids) {
        var copy = new ArrayList<>(ids);
        copy.sort(null);
        return copy;
    }
}

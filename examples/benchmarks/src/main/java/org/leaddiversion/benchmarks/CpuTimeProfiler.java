/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, for a machine shared with other work: throughput counts wall-clock time, so a benchmark
 * thread that is descheduled looks slower, while its CPU time per operation does not change. Use with
 * {@code -prof org.leaddiversion.benchmarks.CpuTimeProfiler}. Reports, per iteration and normalised by every
 * operation of the iteration:
 * <ul>
 *   <li>{@code cpu.worker.norm}: CPU time of the JMH worker threads (the code under test), ns/op;</li>
 *   <li>{@code cpu.process.norm}: CPU time of the whole benchmark JVM (adds GC and JIT), ns/op;</li>
 *   <li>{@code cpu.share}: worker CPU time over wall-clock time — below 1 per worker thread means the workers
 *       were not running all the time, i.e. the machine was busy with something else.</li>
 * </ul>
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private Map<Long, Long> workersBefore = Map.of();
    private long processBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation of the benchmark threads and of the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workersBefore = workerCpuTimes();
        processBefore = os.getProcessCpuTime();
        wallBefore = System.nanoTime();
    }

    @Override
    public List<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        long wall = System.nanoTime() - wallBefore;
        long process = os.getProcessCpuTime() - processBefore;
        long worker = 0;
        for (Map.Entry<Long, Long> e : workerCpuTimes().entrySet()) {
            worker += e.getValue() - workersBefore.getOrDefault(e.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        if (ops == 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.worker.norm", (double) worker / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", (double) process / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.share", (double) worker / wall, "", AggregationPolicy.AVG));
    }

    private Map<Long, Long> workerCpuTimes() {
        var times = new HashMap<Long, Long>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains(WORKER)) {
                long cpu = threads.getThreadCpuTime(t.getThreadId());
                if (cpu >= 0) {
                    times.put(t.getThreadId(), cpu);
                }
            }
        }
        return times;
    }
}

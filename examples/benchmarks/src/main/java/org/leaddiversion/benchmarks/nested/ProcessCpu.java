/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks.nested;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of processes, for W2's CPU per request: a server's (this JVM, or PostGraphile's Node processes) and the
 * database's (the postmaster and every backend and helper it forked). Read from {@code /proc/PID/stat} on Linux, in
 * clock ticks of {@code 1/100 s} ({@code getconf CLK_TCK}).
 */
final class ProcessCpu {

    /** Milliseconds per clock tick ({@code CLK_TCK} = 100 on Linux). */
    static final double MS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** This JVM's CPU time so far, in nanoseconds (every thread, user and system). */
    static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * {@code {user, system}} ticks of {@code root} and its living descendants so far, plus what the children
     * {@code root} has already reaped used: a backend that ended during a round still counts.
     */
    static long[] treeTicks(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        long user = 0;
        long system = 0;
        for (ProcessHandle h : all) {
            long[] f = stat(h.pid());
            user += f[0];
            system += f[1];
            if (h.equals(root)) {
                user += f[2];
                system += f[3];
            }
        }
        return new long[] {user, system};
    }

    /** User and system ticks of {@link #treeTicks}, added. */
    static long totalTicks(ProcessHandle root) {
        long[] t = treeTicks(root);
        return t[0] + t[1];
    }

    /** The parent process of {@code pid}, e.g. the postmaster of a backend ({@code pg_backend_pid()}). */
    static ProcessHandle parentOf(long pid) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow(() -> new IllegalStateException(
                "process " + pid + " has no parent visible in /proc"));
    }

    /** utime, stime, cutime, cstime of {@code pid}; zeros when it ended meanwhile. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // after the command's closing parenthesis: state (field 3) … utime (14), stime (15), cutime (16), cstime (17)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
        } catch (IOException e) {
            // the process ended between listing and reading: its ticks are gone with it (or in its parent's)
            return new long[4];
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks of the library's public API, one class per workload of {@code docs/performance.md}. Each workload
 * runs the library side by side with a hand-written baseline over the same inputs, and its set-up checks that both
 * sides decide every input alike before anything is measured.
 */
package org.leaddiversion.benchmarks;

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/** The whole benchmark suite of issue 8 in one program: shared data, interleaved rounds, A/A controls. */
package org.leaddiversion.benchmarks.suite;

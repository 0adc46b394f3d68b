/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * W2/W3, the nested page: a Spring Boot host serving the library's GraphQL API and, beside it on the same Tomcat,
 * pool and database, a hand-written JDBC + Jackson endpoint returning the same JSON; the runner
 * ({@link org.leaddiversion.benchmarks.nested.W2NestedPage}) seeds PostgreSQL, checks both answers are equal, and
 * loads both with wrk in interleaved rounds. {@link org.leaddiversion.benchmarks.nested.PostGraphilePeer} runs the
 * third side, PostGraphile V5 in Node worker processes on the same database, and
 * {@link org.leaddiversion.benchmarks.nested.W3Statements} counts the statements per request of all three with
 * {@code pg_stat_statements}.
 */
package org.leaddiversion.benchmarks.nested;

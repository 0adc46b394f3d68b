/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * W2/W3, the nested page: a Spring Boot host serving the library's GraphQL API and, beside it on the same Tomcat,
 * pool and database, a hand-written JDBC + Jackson endpoint returning the same JSON; the runner
 * ({@link org.leaddiversion.benchmarks.nested.W2NestedPage}) seeds PostgreSQL, checks both answers are equal, and
 * loads both with wrk in interleaved rounds.
 */
package org.leaddiversion.benchmarks.nested;

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The LEAD domain's ports on a relational database: PostgreSQL in production, embedded H2 by default.
 *
 * <p>{@link org.leaddiversion.persistence.LeadDatabase} is the one entry point. It connects
 * ({@code connect(DatabaseSettings)}, {@code on(DataSource)}, {@code h2InMemory()}, {@code h2File(Path)}), migrates
 * the schema with Flyway, and hands out the domain's desks on the database
 * ({@link org.leaddiversion.persistence.PersistentProgramme}, one transaction per command), the audited reads of
 * participant data ({@link org.leaddiversion.persistence.ParticipantRecords}: one audit entry per participant per
 * read), the site policies, the bulk import of referrals ({@link org.leaddiversion.persistence.ReferralImport}) and
 * the outbox of events.
 *
 * <p>This package is the module's whole public API. The adapters of the domain's ports are package-private, and the
 * jOOQ classes generated from the migrations ({@code org.leaddiversion.persistence.jooq}) are internal: no public
 * signature reaches them, and they may change in any release.
 */
package org.leaddiversion.persistence;

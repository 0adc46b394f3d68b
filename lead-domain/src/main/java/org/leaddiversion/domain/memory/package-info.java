/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * In-memory adapters of the domain's ports, for tests, demos and embedding without a database. They keep the same
 * guarantees as the persistence adapters: optimistic locking on every aggregate, one open enrollment per person and
 * site, events stored with their aggregate, and all-or-nothing transactions.
 */
package org.leaddiversion.domain.memory;

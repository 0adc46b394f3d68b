/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Site policies: each LEAD site's rules as data (SPEC §9.2), versioned and effective-dated.
 *
 * <p>A {@link org.leaddiversion.domain.policy.SitePolicy} is one version of one site's configuration; a
 * {@link org.leaddiversion.domain.policy.SitePolicyHistory} holds every version of a site, and a referral is
 * always screened and timed against the version in force at its {@code referredAt} (rule R40). Policies are
 * written as plain-text files ({@link org.leaddiversion.domain.policy.SitePolicyFile}) that a programme manager
 * can read and edit; the reference profiles of SPEC §9.3 ship with the library
 * ({@link org.leaddiversion.domain.policy.ReferenceProfiles}).
 *
 * <p>Core principles (SPEC §9.1) are not configurable: an active confidential informant is always a HARD
 * exclusion, a non-divertible offence always excludes from the arrest door.
 */
package org.leaddiversion.domain.policy;

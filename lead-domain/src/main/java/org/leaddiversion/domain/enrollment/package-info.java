/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Enrollments: a person's participation episodes at a site (SPEC §5.2). An enrollment starts when intake completes;
 * a person has at most one open enrollment per site (rule R23); voluntary withdrawal is always possible (rule R03);
 * a later referral links to prior enrollments (rule R28). Contacts move the last engagement (participant contacts
 * only, rule R32); an enrollment without one for the site's threshold becomes INACTIVE and the next participant
 * contact makes it ACTIVE again (rule R26); closure needs an allowed, never a forbidden, reason (rules R24, R27).
 */
package org.leaddiversion.domain.enrollment;

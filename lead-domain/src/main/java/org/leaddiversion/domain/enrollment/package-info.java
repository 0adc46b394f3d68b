/**
 * Enrollments: a person's participation episodes at a site (SPEC §5.2). An enrollment starts when intake completes;
 * a person has at most one open enrollment per site (rule R23); voluntary withdrawal is always possible (rule R03);
 * a later referral links to prior enrollments (rule R28).
 */
package org.leaddiversion.domain.enrollment;

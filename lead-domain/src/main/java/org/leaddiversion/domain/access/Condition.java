/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

/**
 * A condition attached to a cell of the visibility matrix (SPEC §2.2): the access exists only when the
 * {@link AccessContext} satisfies it. {@link #SUPERVISORY} is the one condition the context does not test: it marks
 * an access the site policy grants for supervision, and the decision carries it so the host can show or audit it.
 */
public enum Condition {
    /** Only the actor's own referral, submission or diverted case ("own"). */
    OWN_ONLY,
    /** Only the participants on the actor's caseload (the assigned case manager, or the outreach worker chasing them). */
    ASSIGNED_ONLY,
    /** Only if an in-force multi-party ROI covers the actor's role (R36). */
    ROI,
    /** Only with a Part-2-compliant consent naming the actor's role and purpose (42 CFR Part 2). */
    PART2_CONSENT,
    /** Only as a research/evaluation extract. */
    RESEARCH_EXTRACT,
    /** Only during an Operational Work Group meeting (agenda participants). */
    IN_MEETING,
    /** Supervisory review, as the site policy allows; recorded on the decision, not tested. */
    SUPERVISORY
}

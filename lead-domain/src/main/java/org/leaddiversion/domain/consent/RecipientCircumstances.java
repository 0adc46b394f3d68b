/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import org.leaddiversion.domain.access.AccessContext;

/**
 * The recipient's relation to the participant's record, as the host states it for one disclosure: the facts the
 * visibility matrix (SPEC §2.2) depends on that no consent can tell. The domain does not look them up; it decides on
 * them, and the disclosure log keeps them with the decision.
 *
 * @param own          the recipient referred or submitted this record, or it is the recipient's own diverted case
 * @param assigned     the participant is on the recipient's caseload
 * @param inOwgMeeting the disclosure is made during an Operational Work Group meeting
 */
public record RecipientCircumstances(boolean own, boolean assigned, boolean inOwgMeeting) {

    /** No special circumstance: not the recipient's own record, not assigned, not in a meeting. */
    public static RecipientCircumstances none() {
        return new RecipientCircumstances(false, false, false);
    }

    /**
     * The matrix context of a disclosure in these circumstances, given what the participant's consents and the
     * purpose establish for one data class.
     */
    public AccessContext accessContext(boolean roiCovers, boolean part2Covers, boolean researchExtract) {
        return new AccessContext(own, assigned, roiCovers, part2Covers, inOwgMeeting, researchExtract);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

/**
 * The circumstances of one access, as the host establishes them: whose record it is and which consents and setting
 * apply. The domain does not look these facts up; it decides on them.
 *
 * @param own            the actor referred or submitted this record, or it is the actor's own diverted case
 * @param assigned       the participant is on the actor's caseload
 * @param roiCovers      an in-force multi-party ROI covers the actor's role for this data
 * @param part2Covers    a Part-2-compliant consent (or a Part 2 exception) covers the actor's role and purpose
 * @param inOwgMeeting   the access happens during an Operational Work Group meeting
 * @param researchExtract the purpose is research or evaluation and the data leaves as a research extract
 */
public record AccessContext(boolean own, boolean assigned, boolean roiCovers, boolean part2Covers,
                            boolean inOwgMeeting, boolean researchExtract) {

    /** No special circumstance: not own, not assigned, no consent, no meeting, no research. */
    public static AccessContext none() {
        return new AccessContext(false, false, false, false, false, false);
    }

    /** Whether this context satisfies {@code condition}; {@link Condition#SUPERVISORY} is always satisfied. */
    public boolean satisfies(Condition condition) {
        switch (condition) {
            case OWN_ONLY:
                return own;
            case ASSIGNED_ONLY:
                return assigned;
            case ROI:
                return roiCovers;
            case PART2_CONSENT:
                return part2Covers;
            case RESEARCH_EXTRACT:
                return researchExtract;
            case IN_MEETING:
                return inOwgMeeting;
            case SUPERVISORY:
                return true;
            default:
                throw new IllegalStateException("unknown condition " + condition);
        }
    }
}

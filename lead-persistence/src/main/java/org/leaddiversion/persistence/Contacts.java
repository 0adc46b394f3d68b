/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.List;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Every contact recorded on an enrollment (rule R32), for reports and the participant's timeline. The
 * {@link org.leaddiversion.domain.enrollment.Enrollment} aggregate keeps only its last engagement; each contact is
 * projected here from its {@link ContactRecorded} event in the transaction that stored the enrollment. Read-only.
 */
interface Contacts {

    /** The enrollment's contacts in the order they took place (ties: the order recorded). */
    List<ContactRecorded> of(EnrollmentId enrollment);

    /** The person's contacts over all enrollments at every site, in the order they took place. */
    List<ContactRecorded> timelineOf(PersonId person);
}

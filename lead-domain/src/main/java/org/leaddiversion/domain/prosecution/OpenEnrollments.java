/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.util.Optional;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Port: which enrollment, if any, a person has open at a site. All that prosecution coordination may know of an
 * enrollment is its id — the fact of participation the ROI lets a prosecutor see — so nothing here can change one
 * (rule R25).
 */
@FunctionalInterface
public interface OpenEnrollments {

    /** The id of the person's open (ACTIVE or INACTIVE) enrollment at the site, if any. */
    Optional<EnrollmentId> of(PersonId person, SiteId site);
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * A referral in brief, as a list shows it: the parts of its core ({@link DataClass#REFERRAL_CORE}) that are columns of
 * the stored referral — who, where, through which door, when, and where it stands. Reading summaries does not read
 * the stored referral document, so a page that shows no more than these costs the database and the reader far less
 * than the full {@link ReferralView}; each component is the view's of the same name.
 *
 * @param id         the referral
 * @param person     who was referred
 * @param site       the site
 * @param door       the door it came through
 * @param referredAt when
 * @param status     where the referral stands
 */
public record ReferralSummary(ReferralId id, PersonId person, SiteId site, Door door, Instant referredAt,
                             ReferralStatus status) {

    public ReferralSummary {
        Require.present(id, "id");
        Require.present(person, "person");
        Require.present(site, "site");
        Require.present(door, "door");
        Require.present(referredAt, "referredAt");
        Require.present(status, "status");
    }

    /** The summary of {@code view}: the same referral, the same values. */
    public static ReferralSummary of(ReferralView view) {
        Require.present(view, "view");
        return new ReferralSummary(view.id(), view.person().id(), view.site(), view.door(), view.referredAt(),
                view.status());
    }
}

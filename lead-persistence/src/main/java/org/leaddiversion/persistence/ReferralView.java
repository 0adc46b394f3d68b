/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.intake.DivertedCase;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.screening.ScreeningDecision;

/**
 * A referral as a reader may see it, never the aggregate itself: its core (identity, door, time, referrer, place,
 * offences and status — {@link DataClass#REFERRAL_CORE}), the screening decision with its reasons only when
 * {@link DataClass#SCREENING} was released, and the held charge only when {@link DataClass#LEGAL_COORDINATION} was.
 * A refused class is absent, not blanked. The submission's criminal history, drug facts, complainant, evidence and
 * officer judgement are screening inputs and are not in the view.
 *
 * @param id         the referral
 * @param person     who was referred
 * @param site       the site
 * @param door       the door it came through
 * @param referrer   who referred
 * @param location   where
 * @param offences   the offences
 * @param referredAt when
 * @param status     where the referral stands
 * @param screening  the eligibility result and reasons, if screening was released
 * @param heldCharge the diverted (held) charge, if legal coordination was released
 */
public record ReferralView(ReferralId id, Person person, SiteId site, Door door, Referrer referrer, Location location,
                           List<Offence> offences, Instant referredAt, ReferralStatus status,
                           Optional<ScreeningDecision> screening,
                           Optional<DivertedCase> heldCharge) {

    public ReferralView {
        Require.present(id, "id");
        Require.present(person, "person");
        Require.present(site, "site");
        Require.present(door, "door");
        Require.present(referrer, "referrer");
        Require.present(location, "location");
        offences = List.copyOf(Require.noNulls(offences, "offences"));
        Require.present(referredAt, "referredAt");
        Require.present(status, "status");
        Require.present(screening, "screening");
        Require.present(heldCharge, "heldCharge");
    }

    /** The view of {@code referral} with the classes {@code released} (its core must be one of them). */
    static ReferralView of(Referral referral, Set<DataClass> released) {
        if (!released.contains(DataClass.REFERRAL_CORE)) {
            throw new IllegalArgumentException("a referral is released only with its core");
        }
        var s = referral.submission();
        return new ReferralView(referral.id(), s.person(), s.site(), s.door(), s.referrer(), s.location(), s.offences(),
                referral.referredAt(), referral.status(),
                released.contains(DataClass.SCREENING) ? Optional.of(referral.screening()) : Optional.empty(),
                released.contains(DataClass.LEGAL_COORDINATION) ? referral.divertedCase() : Optional.empty());
    }
}

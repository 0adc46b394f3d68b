/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;

/**
 * The stages of a referral as the process and equity measures count them, defined once so that every measure (and a
 * SQL version of it) reads them the same way.
 */
public final class ReferralStages {

    private ReferralStages() {
    }

    /** The referral belongs to the scope: made at the scope's site on a local date in its period. */
    public static boolean inScope(Referral r, ReportScope scope) {
        return r.submission().site().equals(scope.site()) && scope.period().contains(r.referredAt());
    }

    /** Eligible: screened ELIGIBLE or DEFERRED_CAPACITY, or its presumptive findings were overridden. */
    public static boolean eligible(Referral r) {
        return r.isEligible();
    }

    /** Offered: the person was asked and answered — a consent was recorded, or the person declined. */
    public static boolean offered(Referral r) {
        return r.consent().isPresent() || r.status() == ReferralStatus.DECLINED_BY_PERSON;
    }

    /** Declined: the person said no at the offer. */
    public static boolean declined(Referral r) {
        return r.status() == ReferralStatus.DECLINED_BY_PERSON;
    }

    /** Accepted: the referral reached PENDING_INTAKE at some point (the intake clock started). */
    public static boolean accepted(Referral r) {
        return r.acceptedAt().isPresent();
    }

    /** Intake window closed: accepted and no longer pending intake (completed, lapsed, withdrawn or rejected). */
    public static boolean intakeWindowClosed(Referral r) {
        return accepted(r) && r.status() != ReferralStatus.PENDING_INTAKE;
    }

    /** Intake completed, which is always on time: intake after the deadline is refused (rule R20). */
    public static boolean intakeOnTime(Referral r) {
        return r.intakeCompletedAt().isPresent();
    }

    /** Lapsed: the deadline passed without intake. */
    public static boolean lapsed(Referral r) {
        return r.status() == ReferralStatus.INTAKE_LAPSED;
    }

    /** Lapsed with a held charge that was released for ordinary review. */
    public static boolean lapsedWithCharge(Referral r) {
        return lapsed(r) && r.divertedCase().isPresent();
    }

    /** The released charge was filed on ordinary review. */
    public static boolean filedAfterRelease(Referral r) {
        return r.divertedCase().isPresent() && r.divertedCase().get().status() == DivertedCaseStatus.FILED;
    }

    /** An arrest diversion that happened: an arrest-door referral whose charge was held. */
    public static boolean arrestDiversion(Referral r) {
        return r.door() == Door.ARREST_DIVERSION && r.divertedCase().isPresent();
    }

    /**
     * Tied to an arrest or citation in the records system: a referral through a charge-holding door (arrest
     * diversion, prosecutor). Such referrals are already in the encounter pool; the others are added to it (SPEC §8.5).
     */
    public static boolean tiedToAnArrest(Referral r) {
        return r.door().holdsCharge();
    }
}

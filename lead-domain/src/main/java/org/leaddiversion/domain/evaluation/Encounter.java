/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * One arrest or citation from the police records system (SPEC §8.1 "Encounter pool"): the denominator of the equity
 * measures. The host marks the door-relevant facts the records system knows: whether the offence is on the site's
 * divertible list, whether the encounter was inside the catchment, whether diversion was allowed at that moment
 * (an evaluation's green- or red-light shift) and what happened to the person.
 *
 * <p>An encounter is in the <em>eligible pool</em> when its offence is divertible and it happened in the catchment;
 * an encounter in the pool made when diversion was not allowed is a <em>comparison candidate</em> (SPEC §8.4).
 * The group is the race recorded by the records system, {@link EquityGroup#UNKNOWN} when none was; it is never
 * imputed.
 *
 * @param person            who
 * @param date              the local date of the encounter
 * @param site              the site whose catchment is concerned
 * @param group             the race/ethnicity category recorded
 * @param kind              arrest or citation
 * @param offence           the most serious offence
 * @param divertibleOffence whether the offence is on the site's divertible list
 * @param inCatchment       whether the encounter happened inside the catchment
 * @param window            whether diversion was allowed at the time
 * @param disposition       what happened to the person
 */
public record Encounter(PersonId person, LocalDate date, SiteId site, EquityGroup group, Kind kind, OffenceCode offence,
                        boolean divertibleOffence, boolean inCatchment, Window window, Disposition disposition) {

    /** Arrest or citation. */
    public enum Kind {
        /** Taken into custody. */
        ARREST,
        /** Cited and released at the scene. */
        CITATION
    }

    /** Whether diversion was allowed when the encounter happened (SPEC §8.4 comparison-group support). */
    public enum Window {
        /** The site runs no diversion windows: diversion is always allowed. */
        NO_WINDOWS,
        /** Inside a diversion window (a green-light shift). */
        DIVERSION_ALLOWED,
        /** Outside every diversion window (a red-light shift): a comparison candidate if in the pool. */
        DIVERSION_NOT_ALLOWED
    }

    /** What happened to the person. */
    public enum Disposition {
        /** Booked into jail. */
        BOOKED,
        /** Cited and released. */
        CITED_AND_RELEASED,
        /** Diverted to LEAD instead of being booked. */
        DIVERTED_TO_LEAD,
        /** Anything else (released without charge, transported for care…). */
        OTHER
    }

    /** Validates every part. */
    public Encounter {
        Require.present(person, "encounter.person");
        Require.present(date, "encounter.date");
        Require.present(site, "encounter.site");
        Require.present(group, "encounter.group");
        Require.present(kind, "encounter.kind");
        Require.present(offence, "encounter.offence");
        Require.present(window, "encounter.window");
        Require.present(disposition, "encounter.disposition");
    }

    /** Whether the encounter is in the eligible pool: a divertible offence inside the catchment. */
    public boolean inPool() {
        return divertibleOffence && inCatchment;
    }

    /** Whether the encounter is a comparison candidate: in the pool, made when diversion was not allowed. */
    public boolean isComparisonCandidate() {
        return inPool() && window == Window.DIVERSION_NOT_ALLOWED;
    }
}

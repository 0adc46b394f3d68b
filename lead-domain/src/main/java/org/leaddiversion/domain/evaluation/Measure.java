/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.util.Optional;

/**
 * The library's measure catalogue (SPEC §8.4 outcome and process measures, §8.5 equity measures): each measure with
 * its id and its definition in domain words. Every computed row is a {@link MeasureResult} naming its measure; what
 * the row's {@code subjects}, {@code count}, {@code base} and {@code value} mean is part of each definition and of the
 * measure's {@link Unit}.
 *
 * <p>Outcome parity (SPEC §8.5 item 6) has no id of its own: it is any outcome measure stratified by {@code group}.
 */
public enum Measure {

    // ---- outcomes (SPEC §8.4) -------------------------------------------------------------------------------

    /** Taken into custody (warrant arrests included) within the window. */
    ARREST_ANY(Unit.PROPORTION, "Share of followed cohort members taken into custody (warrant arrests included) at "
            + "least once in the window: count = members arrested, base = followed members."),
    /** A felony case filed within the window. */
    CHARGE_FILED_FELONY(Unit.PROPORTION, "Share of followed cohort members with at least one felony case filed in "
            + "court in the window: count = members charged, base = followed members."),
    /** A misdemeanour case filed within the window. */
    CHARGE_FILED_MISD(Unit.PROPORTION, "Share of followed cohort members with at least one misdemeanour case filed in "
            + "court in the window: count = members charged, base = followed members."),
    /** Jail bookings, annualised. */
    JAIL_BOOKINGS_PER_YEAR(Unit.PER_PERSON_YEAR, "Jail bookings per person-year in the window: count = bookings, base "
            + "= person-days observed, value = count × 365 / base."),
    /** Jail days, annualised. */
    JAIL_DAYS_PER_YEAR(Unit.PER_PERSON_YEAR, "Days in jail per person-year in the window (each calendar day from "
            + "booking to release counts): count = jail days, base = person-days observed, value = count × 365 / base."),
    /** At least one prison admission within the window. */
    PRISON_ADMISSION_ANY(Unit.PROPORTION, "Share of followed cohort members admitted to prison at least once in the "
            + "window: count = members admitted, base = followed members."),
    /** Legal-system cost per person-year, before and after entry, and the change. */
    LEGAL_COST_DELTA(Unit.MONEY_PER_PERSON_YEAR, "Legal-system cost (jail, prison, prosecution, defence) per "
            + "person-year: window PRE and POST rows have count = cost in minor currency units, base = person-days, "
            + "value = count × 365 / base; the CHANGE row's value is POST minus PRE (count = base = followed members)."),
    /** Programme spend per participant-month. */
    PROGRAM_COST_PER_PARTICIPANT_MONTH(Unit.MONEY_PER_PARTICIPANT_MONTH, "Total programme spend in the period's months "
            + "divided by participant-months (a participant-month is a calendar month in which an enrollment was open "
            + "on at least one day): count = spend in minor currency units, base = participant-months."),
    /** Flexible-fund spend per participant-month. */
    FLEX_SPEND_PER_PARTICIPANT_MONTH(Unit.MONEY_PER_PARTICIPANT_MONTH, "Flexible-fund spend in the period divided by "
            + "participant-months: count = spend in minor currency units, base = participant-months."),
    /** Sheltered in a month. */
    SHELTERED_MONTH(Unit.PROPORTION, "Sheltered (any housing but unsheltered): BASELINE row over members with a "
            + "status for the month before entry (count = members sheltered), FOLLOW_UP row over the person-months "
            + "recorded in the follow-up months (count = person-months sheltered)."),
    /** In permanent housing in a month. */
    PERMANENT_HOUSING_MONTH(Unit.PROPORTION, "In permanent housing: BASELINE and FOLLOW_UP rows as for "
            + "SHELTERED_MONTH."),
    /** On the employment continuum in a month. */
    EMPLOYMENT_CONTINUUM_MONTH(Unit.PROPORTION, "On the employment continuum (training, employed, retired): BASELINE "
            + "and FOLLOW_UP rows as for SHELTERED_MONTH."),
    /** Legitimate income or benefits in a month. */
    INCOME_BENEFITS_MONTH(Unit.PROPORTION, "With any legitimate income or benefits: BASELINE and FOLLOW_UP rows as for "
            + "SHELTERED_MONTH."),
    /** Participant contacts per participant in the period. */
    CM_CONTACTS(Unit.PER_PARTICIPANT, "Participant contacts (collateral contacts excluded) dated in the period, per "
            + "enrollment open during the period: count = contacts, base = enrollments open in the period."),
    /** Days from entry to the first later arrest. */
    TIME_TO_REARREST(Unit.DAYS, "Days from entry to the first arrest after entry within the post window, among "
            + "followed members re-arrested: count = members re-arrested, base = followed members, value = the MEDIAN "
            + "or MEAN days (stratum statistic)."),

    // ---- process (SPEC §8.4) ------------------------------------------------------------------------------------

    /** Referrals by door. */
    REFERRALS_BY_DOOR(Unit.PROPORTION, "Referrals made in the period through each door: count = referrals through the "
            + "door, base = all referrals.", "door"),
    /** Referrals found eligible. */
    REFERRALS_ELIGIBLE(Unit.PROPORTION, "Referrals found eligible at screening (ELIGIBLE or DEFERRED_CAPACITY) or "
            + "eligible by override: count = eligible referrals, base = all referrals."),
    /** Referrals the person declined. */
    REFERRALS_DECLINED(Unit.PROPORTION, "Referrals the person declined at the offer: count = declined, base = all "
            + "referrals."),
    /** Warm hand-off minutes. */
    HANDOFF_MINUTES(Unit.MINUTES, "Whole minutes from the call to the case manager's arrival, over referrals with a "
            + "recorded hand-off: count = base = hand-offs, value = the median."),
    /** Hand-offs within the site's target. */
    HANDOFF_WITHIN_TARGET(Unit.PROPORTION, "Hand-offs whose minutes are at most the site's target (default 30): count "
            + "= hand-offs within target, base = hand-offs."),
    /** Intake completed within the deadline. */
    INTAKE_ON_TIME(Unit.PROPORTION, "Accepted referrals whose intake window has closed that completed intake on time: "
            + "count = intakes completed, base = accepted referrals no longer pending intake."),
    /** Intake lapses. */
    INTAKE_LAPSED(Unit.PROPORTION, "Accepted referrals whose deadline passed without intake: count = lapses, base = "
            + "accepted referrals no longer pending intake."),
    /** Open caseload per case manager. */
    CASELOAD_PER_CASE_MANAGER(Unit.CASES_PER_CASE_MANAGER, "Open enrollments (ACTIVE and INACTIVE) assigned to each case "
            + "manager at the time of the snapshot; the row without a caseManager is the mean over case managers with "
            + "a caseload (count = assignments, base = case managers)."),
    /** Active share of open enrollments. */
    ACTIVE_SHARE(Unit.PROPORTION, "Open enrollments that are ACTIVE rather than INACTIVE at the time of the snapshot: "
            + "count = ACTIVE, base = open enrollments."),

    // ---- equity (SPEC §8.5) -------------------------------------------------------------------------------------

    /** Referral relative rate index (rule R39); reported as {@code RriTable} rows. */
    REFERRAL_RRI(Unit.RATIO, "Per group g: rate_g = referrals_g / eligible pool_g and RRI_g = rate_g / rate_reference; "
            + "produced only when both pools are at least the minimum cell size and the reference group has a "
            + "referral (rule R39)."),
    /** Diversion share by group. */
    DIVERSION_SHARE(Unit.PROPORTION, "Per group: arrest diversions (arrest-door referrals whose charge was held) divided "
            + "by arrest diversions plus bookings for divertible offences in the catchment: count = diversions, base = "
            + "diversions + bookings."),
    /** Stage conversion by group. */
    STAGE_CONVERSION(Unit.PROPORTION, "Per group and stage: eligible→offered, offered→accepted, accepted→intake on "
            + "time, lapsed→filed, enrolled→active at six months: count = referrals (or enrollments) reaching the next "
            + "stage, base = those at the stage."),
    /** Exclusion reasons by group. */
    EXCLUSION_REASONS(Unit.PROPORTION, "Per group and criterion (E1–E17): count = referrals with at least one finding "
            + "or note of the criterion, base = the group's referrals."),
    /** Post-enrollment charging decisions by group. */
    POST_ENROLLMENT_DECISIONS(Unit.PROPORTION, "Per group and decision: count = charging decisions of that kind on "
            + "post-enrollment cases decided in the period, base = the group's decisions.", "decision");

    /** How a row's {@code count} and {@code base} make its {@code value}. */
    public enum Unit {
        /** value = count / base, a share between 0 and 1; count and base count people, referrals or person-months. */
        PROPORTION,
        /** value = count × 365 / base, events or days per person-year; base is person-days. */
        PER_PERSON_YEAR,
        /** value = minor currency units per person-year. */
        MONEY_PER_PERSON_YEAR,
        /** value = count / base, minor currency units per participant-month. */
        MONEY_PER_PARTICIPANT_MONTH,
        /** value = count / base, contacts per participant. */
        PER_PARTICIPANT,
        /** value = whole minutes (a median). */
        MINUTES,
        /** value = days (a median or mean). */
        DAYS,
        /** value = count / base, open enrollments per case manager. */
        CASES_PER_CASE_MANAGER,
        /** value = a ratio of two rates. */
        RATIO
    }

    private final Unit unit;
    private final String definition;
    private final String partition;

    Measure(Unit unit, String definition) {
        this(unit, definition, null);
    }

    Measure(Unit unit, String definition, String partition) {
        this.unit = unit;
        this.definition = definition;
        this.partition = partition;
    }

    /** The stable id, as in SPEC §8.4 ({@code ARREST_ANY}). */
    public String id() {
        return name();
    }

    /** The definition, in domain words. */
    public String definition() {
        return definition;
    }

    /** How count and base make the value. */
    public Unit unit() {
        return unit;
    }

    /**
     * The stratum dimension whose rows split one base completely (each referral through exactly one door, each
     * decision of exactly one kind), if the measure has one: its counts add up to the base, which small-cell
     * suppression must take into account.
     */
    public Optional<String> partition() {
        return Optional.ofNullable(partition);
    }

    /** Whether the row's count and base count people (or referrals, person-months, decisions) directly. */
    public boolean countsSubjects() {
        return unit == Unit.PROPORTION;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A legal-system event of the minimum data set (SPEC §8.1 "Legal events"), as the evaluator receives it from police,
 * jail, court and corrections records: who, on which local date, and what. These are evaluation data about people in
 * a cohort, participants or not; recording them never changes an enrollment (rule R25).
 */
public sealed interface LegalEvent permits LegalEvent.Arrest, LegalEvent.ChargeFiled, LegalEvent.JailBooking,
        LegalEvent.PrisonAdmission, LegalEvent.WarrantIssued, LegalEvent.Disposition {

    /** The person concerned. */
    PersonId person();

    /** The local date of the event (for a jail stay, the booking date). */
    LocalDate date();

    /** Why a person was taken into custody. */
    enum ArrestKind {
        /** Arrest for new conduct. */
        NEW_OFFENCE,
        /** Arrest on an outstanding warrant (counts for {@code ARREST_ANY}, as in the Seattle evaluation). */
        WARRANT
    }

    /** How a filed case ended. */
    enum DispositionKind {
        /** Convicted (by plea or at trial). */
        CONVICTED,
        /** Dismissed. */
        DISMISSED,
        /** Acquitted. */
        ACQUITTED,
        /** Deferred or diverted (deferred prosecution, deferred sentence). */
        DEFERRED,
        /** Any other outcome. */
        OTHER
    }

    /**
     * The person was taken into custody ({@code ARREST_ANY}, {@code TIME_TO_REARREST}).
     *
     * @param person who
     * @param date   when
     * @param kind   new conduct or a warrant
     */
    record Arrest(PersonId person, LocalDate date, ArrestKind kind) implements LegalEvent {
        /** Validates every part. */
        public Arrest {
            Require.present(person, "arrest.person");
            Require.present(date, "arrest.date");
            Require.present(kind, "arrest.kind");
        }
    }

    /**
     * A criminal case was filed in court ({@code CHARGE_FILED_FELONY}, {@code CHARGE_FILED_MISD}).
     *
     * @param person who
     * @param date   the filing date
     * @param level  the most serious level filed
     */
    record ChargeFiled(PersonId person, LocalDate date, OffenceLevel level) implements LegalEvent {
        /** Validates every part. */
        public ChargeFiled {
            Require.present(person, "chargeFiled.person");
            Require.present(date, "chargeFiled.date");
            Require.present(level, "chargeFiled.level");
        }
    }

    /**
     * A jail booking and the stay that followed ({@code JAIL_BOOKINGS_PER_YEAR}, {@code JAIL_DAYS_PER_YEAR}). Every
     * calendar day from booking to release, both included, is a jail day: a stay booked and released the same day is
     * one day. A stay with no release date is counted up to the end of the data.
     *
     * @param person     who
     * @param bookedOn   the booking date
     * @param releasedOn the release date, if released
     */
    record JailBooking(PersonId person, LocalDate bookedOn, Optional<LocalDate> releasedOn) implements LegalEvent {
        /** Validates every part; release cannot precede booking. */
        public JailBooking {
            Require.present(person, "jailBooking.person");
            Require.present(bookedOn, "jailBooking.bookedOn");
            Require.present(releasedOn, "jailBooking.releasedOn");
            if (releasedOn.isPresent() && releasedOn.get().isBefore(bookedOn)) {
                throw new InvalidValueException("jailBooking.releasedOn", "must not be before the booking date");
            }
        }

        /** The booking date. */
        @Override
        public LocalDate date() {
            return bookedOn;
        }

        /**
         * The jail days of this stay between {@code from} and {@code to} (both included); a stay still running counts
         * up to {@code dataThrough}.
         */
        public long daysWithin(LocalDate from, LocalDate to, LocalDate dataThrough) {
            LocalDate last = releasedOn.orElse(dataThrough);
            LocalDate a = bookedOn.isAfter(from) ? bookedOn : from;
            LocalDate b = last.isBefore(to) ? last : to;
            return b.isBefore(a) ? 0 : ChronoUnit.DAYS.between(a, b) + 1;
        }
    }

    /**
     * The person was admitted to prison ({@code PRISON_ADMISSION_ANY}).
     *
     * @param person who
     * @param date   the admission date
     */
    record PrisonAdmission(PersonId person, LocalDate date) implements LegalEvent {
        /** Validates every part. */
        public PrisonAdmission {
            Require.present(person, "prisonAdmission.person");
            Require.present(date, "prisonAdmission.date");
        }
    }

    /**
     * A warrant was issued for the person (part of the minimum data set; an arrest on it is an {@link Arrest} of kind
     * {@link ArrestKind#WARRANT}).
     *
     * @param person who
     * @param date   the issue date
     */
    record WarrantIssued(PersonId person, LocalDate date) implements LegalEvent {
        /** Validates every part. */
        public WarrantIssued {
            Require.present(person, "warrantIssued.person");
            Require.present(date, "warrantIssued.date");
        }
    }

    /**
     * A filed case was disposed of (part of the minimum data set; no §8.4 measure reads it — the Seattle evaluation
     * chose arrests and charges over convictions because they reflect behaviour more than system factors).
     *
     * @param person who
     * @param date   the disposition date
     * @param level  the level of the case
     * @param kind   how it ended
     */
    record Disposition(PersonId person, LocalDate date, OffenceLevel level, DispositionKind kind) implements LegalEvent {
        /** Validates every part. */
        public Disposition {
            Require.present(person, "disposition.person");
            Require.present(date, "disposition.date");
            Require.present(level, "disposition.level");
            Require.present(kind, "disposition.kind");
        }
    }
}

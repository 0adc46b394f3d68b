/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.VerificationEvidence;

/**
 * The baseline of workload W1: the Seattle / King County rules of policy version 2 written out by hand as one
 * if/else method, the way a site would code them without the library. Every threshold is a constant here, which is
 * exactly what the library avoids; the point is to know what the library's generality costs.
 *
 * <p>It reads the same {@link ReferralSubmission} objects and, like the library, returns every reason: the
 * refused preconditions (by field), each triggered exclusion (one entry per finding, so two disqualifying
 * convictions give {@code E7} twice) and the discretionary notes. It does not build messages.
 */
public final class HandWrittenSeattleScreening {

    /** The result categories of a screening. */
    public enum Verdict { ELIGIBLE, PRESUMPTIVELY_INELIGIBLE, INELIGIBLE, REJECTED, DEFERRED_CAPACITY }

    /**
     * What the hand-written screening returns.
     *
     * @param verdict    the result category
     * @param rejections the fields of the refused preconditions, when {@code REJECTED} at the door
     * @param exclusions ids of the HARD and PRESUMPTIVE findings ({@code E1}…{@code E17}), one per finding
     * @param notes      ids of the discretionary findings
     */
    public record Decision(Verdict verdict, List<String> rejections, List<String> exclusions, List<String> notes) {
    }

    private static final String SITE = "seattle-king-county";
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final BigDecimal THRESHOLD_GRAMS = new BigDecimal("3.0");
    private static final int MIN_AGE = 18;
    private static final int RECENT_YEARS = 10;
    private static final int EVIDENCE_MONTHS = 24;
    private static final Set<String> DIVERTIBLE = Set.of("DRUG_POSSESSION", "DRUG_SALE_SUBSISTENCE", "PROSTITUTION",
            "THEFT_LOW_LEVEL", "TRANSIT_MISCONDUCT", "PARK_VIOLATION");
    private static final Set<String> CATCHMENT = Set.of("WEST_PRECINCT", "EAST_PRECINCT", "NORTH_PRECINCT",
            "SOUTH_PRECINCT", "SOUTHWEST_PRECINCT");
    private static final Set<String> LIFETIME = Set.of("MURDER", "ARSON", "RAPE_SEX_OFFENCE",
            "FIREARM_ASSAULT_OR_VIOLATION");
    private static final Set<String> RECENT = Set.of("ROBBERY", "BURGLARY", "DOMESTIC_VIOLENCE");

    /** Screens without a capacity gate. */
    public Decision screen(ReferralSubmission s, Instant referredAt) {
        return screen(s, referredAt, -1, 0);
    }

    /**
     * Screens a referral; with {@code capacity < 0} there is no capacity gate, otherwise an eligible arrest
     * diversion is refused when {@code open >= capacity} and other doors are deferred.
     */
    public Decision screen(ReferralSubmission s, Instant referredAt, int capacity, int open) {
        if (!s.site().value().equals(SITE)) {
            throw new IllegalArgumentException("not a Seattle referral");
        }
        LocalDate today = LocalDate.ofInstant(referredAt, ZONE);
        Role role = s.referrer().actor().role();
        Person person = s.person();
        List<String> refused = new ArrayList<>(2);

        // The door must be open and the referrer's role allowed through it.
        switch (s.door()) {
            case ARREST_DIVERSION, SOCIAL_CONTACT -> {
                if (role != Role.OFFICER && role != Role.SERGEANT) {
                    return rejected("referrer.role");
                }
            }
            case COMMUNITY -> {
                if (role != Role.COMMUNITY_REFERRER && role != Role.CASE_MANAGER && role != Role.OUTREACH_WORKER) {
                    return rejected("referrer.role");
                }
            }
            default -> {
                return rejected("door");
            }
        }
        // Door preconditions.
        if (s.door() == Door.ARREST_DIVERSION) {
            if (!s.probableCause()) {
                refused.add("probableCause");
            }
            boolean anyDivertible = false;
            for (Offence o : s.offences()) {
                if (DIVERTIBLE.contains(o.code().value())) {
                    anyDivertible = true;
                    break;
                }
            }
            if (!anyDivertible) {
                refused.add("offences");
            }
        } else if (s.door() == Door.SOCIAL_CONTACT) {
            boolean verified = false;
            LocalDate evidenceFrom = today.minusMonths(EVIDENCE_MONTHS);
            for (VerificationEvidence e : s.evidence()) {
                if (!e.date().isAfter(today) && e.date().isAfter(evidenceFrom) && inCatchment(e.location())) {
                    verified = true;
                    break;
                }
            }
            if (!verified) {
                refused.add("verificationEvidence");
            }
        }
        if (person.dateOfBirth().isEmpty()) {
            refused.add("person.dateOfBirth");
        }
        if (!refused.isEmpty()) {
            return new Decision(Verdict.REJECTED, refused, List.of(), List.of());
        }

        // Exclusion criteria: all of them, every finding recorded.
        List<String> found = new ArrayList<>(4);
        List<String> notes = List.of();
        boolean hard = false;
        if (s.drugFacts().isPresent()) {
            DrugFacts d = s.drugFacts().get();
            if (d.netWeightGrams().isPresent() && d.netWeightGrams().get().compareTo(THRESHOLD_GRAMS) > 0) {
                found.add("E1");
            }
            if (d.saleOrIntent() && d.forProfitAboveSubsistence()) {
                found.add("E2");
            }
        }
        if (s.judgement().notAmenable()) {
            notes = List.of("E3");
        }
        LocalDate dob = person.dateOfBirth().get();
        int age = today.getYear() - dob.getYear();
        if (today.getMonthValue() < dob.getMonthValue()
                || (today.getMonthValue() == dob.getMonthValue() && today.getDayOfMonth() < dob.getDayOfMonth())) {
            age--;
        }
        if (age < MIN_AGE) {
            found.add("E4");
            hard = true;
        }
        if (s.judgement().exploitsMinors()) {
            found.add("E5");
        }
        if (s.judgement().promotesProstitution()) {
            found.add("E6");
        }
        LocalDate recentFrom = today.minusYears(RECENT_YEARS);
        for (Conviction c : s.history().convictions()) {
            boolean lifetime = false;
            boolean recent = false;
            for (OffenceCode category : c.categories()) {
                lifetime |= LIFETIME.contains(category.value());
                recent |= RECENT.contains(category.value());
            }
            if (lifetime) {
                found.add("E7");
            }
            if (recent && c.convictionDate().isAfter(recentFrom)) {
                found.add("E7");
            }
        }
        if (s.history().outstandingWarrants() > 0) {
            found.add("E12");
        }
        if (s.door() != Door.COMMUNITY && !inCatchment(s.location())) {
            found.add("E15");
            hard = true;
        }
        if (person.activeConfidentialInformant()) {
            found.add("E16");
            hard = true;
        }
        if (s.door() == Door.ARREST_DIVERSION) {
            for (Offence o : s.offences()) {
                if (!DIVERTIBLE.contains(o.code().value())) {
                    found.add("E17");
                    hard = true;
                }
            }
        }

        if (hard) {
            return new Decision(Verdict.INELIGIBLE, List.of(), found, notes);
        } else if (!found.isEmpty()) {
            return new Decision(Verdict.PRESUMPTIVELY_INELIGIBLE, List.of(), found, notes);
        } else if (capacity >= 0 && open >= capacity) {
            return s.door() == Door.ARREST_DIVERSION
                    ? new Decision(Verdict.REJECTED, List.of("capacity"), List.of(), notes)
                    : new Decision(Verdict.DEFERRED_CAPACITY, List.of(), List.of(), notes);
        } else {
            return new Decision(Verdict.ELIGIBLE, List.of(), List.of(), notes);
        }
    }

    private static boolean inCatchment(Location location) {
        return location.area().isPresent() && CATCHMENT.contains(location.area().get().value());
    }

    private static Decision rejected(String field) {
        return new Decision(Verdict.REJECTED, List.of(field), List.of(), List.of());
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A group of people followed by an evaluation: the participants, or a comparison cohort (SPEC §8.2). Each person is in
 * a cohort once, with one entry date. Members are kept ordered by person id, so a cohort built from the same facts in
 * any order is equal.
 *
 * <p>A host may build a cohort from its own design (propensity-matched controls, people arrested in adjacent areas) with
 * the constructor, or use the two designs the library knows: {@link #participants} and {@link #comparison}.
 *
 * @param name    a code naming the cohort in reports, e.g. {@code LEAD} or {@code COMPARISON}
 * @param members the people, at most once each
 */
public record Cohort(String name, List<CohortMember> members) {

    /** The name the library gives the participant cohort. */
    public static final String PARTICIPANTS = "LEAD";
    /** The name the library gives the comparison cohort. */
    public static final String COMPARISON = "COMPARISON";

    /** Validates the name and that nobody is in the cohort twice; orders the members by person. */
    public Cohort {
        name = Require.code(name, "cohort.name");
        var sorted = new ArrayList<>(Require.noNulls(members, "cohort.members"));
        sorted.sort(Comparator.comparing(CohortMember::person));
        Set<PersonId> seen = new HashSet<>();
        for (CohortMember m : sorted) {
            if (!seen.add(m.person())) {
                throw new InvalidValueException("cohort.members", "a person is in the cohort more than once");
            }
        }
        members = List.copyOf(sorted);
    }

    /**
     * The participants of a site who entered in the scope's period: every person with a referral at the site whose
     * intake completed, entering on the local date of the earliest such referral (ties broken by referral id), with the
     * race recorded on it.
     */
    public static Cohort participants(Collection<Referral> referrals, ReportScope scope) {
        Require.noNulls(referrals, "referrals");
        Require.present(scope, "scope");
        Map<PersonId, Referral> first = new TreeMap<>();
        for (Referral r : referrals) {
            if (!r.submission().site().equals(scope.site()) || r.intakeCompletedAt().isEmpty()) {
                continue;
            }
            first.merge(r.submission().person().id(), r, (a, b) -> earlier(a, b) ? a : b);
        }
        var members = new ArrayList<CohortMember>();
        first.forEach((person, r) -> {
            LocalDate entry = scope.period().localDate(r.referredAt());
            if (scope.period().contains(entry)) {
                members.add(new CohortMember(person, entry, EquityGroup.of(r)));
            }
        });
        return new Cohort(PARTICIPANTS, members);
    }

    private static boolean earlier(Referral a, Referral b) {
        int c = a.referredAt().compareTo(b.referredAt());
        return c < 0 || (c == 0 && a.id().compareTo(b.id()) <= 0);
    }

    /**
     * The comparison cohort of a site (SPEC §8.4): everyone whose encounter at the site in the scope's period was a
     * comparison candidate (in the eligible pool, made when diversion was not allowed) and who is not in
     * {@code participants}. Each enters on the date of their earliest candidate encounter, with the group recorded on
     * it (the smallest code when one day's encounters disagree).
     */
    public static Cohort comparison(Collection<Encounter> encounters, ReportScope scope, Cohort participants) {
        Require.noNulls(encounters, "encounters");
        Require.present(scope, "scope");
        Require.present(participants, "participants");
        Set<PersonId> excluded = new TreeSet<>();
        participants.members().forEach(m -> excluded.add(m.person()));
        Map<PersonId, Encounter> first = new TreeMap<>();
        for (Encounter e : encounters) {
            if (e.site().equals(scope.site()) && e.isComparisonCandidate() && scope.period().contains(e.date())
                    && !excluded.contains(e.person())) {
                first.merge(e.person(), e, (a, b) -> {
                    int c = a.date().compareTo(b.date());
                    return c < 0 || (c == 0 && a.group().compareTo(b.group()) <= 0) ? a : b;
                });
            }
        }
        var members = new ArrayList<CohortMember>();
        first.forEach((person, e) -> members.add(new CohortMember(person, e.date(), e.group())));
        return new Cohort(COMPARISON, members);
    }

    /** The members of one group, as a cohort of the same name. */
    public Cohort only(EquityGroup group) {
        Require.present(group, "group");
        return new Cohort(name, members.stream().filter(m -> m.group().equals(group)).toList());
    }

    /** The groups of the members, in code order. */
    public Set<EquityGroup> groups() {
        var out = new TreeSet<EquityGroup>();
        members.forEach(m -> out.add(m.group()));
        return out;
    }

    /** The number of members. */
    public int size() {
        return members.size();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Catchment;
import org.leaddiversion.domain.policy.DivertibleOffence;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.GeoPoint;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.ReferrerKind;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.CourtOrder;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PendingCase;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.Supervision;
import org.leaddiversion.domain.referral.VerificationEvidence;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Shared material for the screening tests: a plain site where nothing is switched on but what a test adds, clean
 * referrals through each door, referral instants given as local dates in the site zone, and a way to make any
 * generated referral pass the door so that a property can vary exactly the facts of the rule it pins.
 */
final class ScreeningCases {

    static final SiteId SITE = new SiteId("test-site");
    static final AreaId NORTH = AreaId.of("NORTH");
    static final AreaId SOUTH = AreaId.of("SOUTH");
    static final AreaId OUTSIDE = AreaId.of("OUTSIDE");
    static final Actor OFFICER = Actor.of("officer-1", Role.OFFICER);
    static final Actor SHELTER = Actor.of("shelter-1", Role.COMMUNITY_REFERRER);
    static final Actor PROSECUTOR = Actor.of("prosecutor-1", Role.PROSECUTOR);
    static final List<String> PLAIN_CATALOGUE = List.of("DRUG_POSSESSION", "THEFT_LOW_LEVEL", "SHOPLIFTING",
            "PROSTITUTION");

    private ScreeningCases() {
    }

    // ---- a plain site and clean referrals ------------------------------------------------------------------

    /**
     * A site with all four doors open to their usual referrers, a small divertible-offence catalogue and a
     * prosecutor who may override; no criterion is on except the two every site has (E16, E17).
     */
    static SitePolicy.Builder plainPolicy(ZoneId zone) {
        return SitePolicy.builder(SITE, zone).name("Plain test site")
                .door(Door.ARREST_DIVERSION, Set.of(Role.OFFICER, Role.SERGEANT))
                .door(Door.SOCIAL_CONTACT, Set.of(Role.OFFICER, Role.SERGEANT))
                .door(Door.COMMUNITY, Set.of(Role.COMMUNITY_REFERRER))
                .door(Door.PROSECUTOR, Set.of(Role.PROSECUTOR))
                .divertible(PLAIN_CATALOGUE.toArray(String[]::new))
                .overrideAuthority(Set.of(Role.PROSECUTOR));
    }

    /** An adult with nothing of note, referred through the door of the plain site with every precondition met. */
    static ReferralSubmission.Builder cleanReferral(Door door, LocalDate referralDate) {
        Actor actor = switch (door) {
            case ARREST_DIVERSION, SOCIAL_CONTACT -> OFFICER;
            case COMMUNITY -> SHELTER;
            case PROSECUTOR -> PROSECUTOR;
        };
        var b = ReferralSubmission.builder(SITE, door, Referrer.trained(actor), Person.of("P1", LocalDate.of(1980, 1, 1)))
                .location(Location.in(NORTH))
                .personConsents(true);
        if (door.holdsCharge()) {
            b.probableCause(true).offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR));
        }
        if (door == Door.SOCIAL_CONTACT) {
            b.evidence(new VerificationEvidence(org.leaddiversion.domain.policy.EvidenceKind.DIRECT_OBSERVATION,
                    referralDate.minusDays(10), Location.in(NORTH)));
        }
        return b;
    }

    /** The instant of a local date and time in the zone. */
    static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return LocalDateTime.of(date, time).atZone(zone).toInstant();
    }

    /** Screens with no capacity gate and nobody enrolled. */
    static ScreeningDecision screen(SitePolicy policy, ReferralSubmission s, Instant at) {
        return EligibilityScreening.of(policy).screen(s, at, ScreeningContext.withoutCapacityGate(Set.of()));
    }

    /** Findings and notes of one criterion. */
    static List<Finding> of(ScreeningDecision d, ExclusionKind kind) {
        var out = new ArrayList<Finding>();
        d.findings().stream().filter(f -> f.exclusion() == kind).forEach(out::add);
        d.notes().stream().filter(f -> f.exclusion() == kind).forEach(out::add);
        return out;
    }

    /** Whether the decision refuses the referral with this code, naming this field and rule. */
    static boolean refusedFor(ScreeningDecision d, ErrorCode code, String field, RuleId rule) {
        for (DomainError e : d.rejections()) {
            if (e.code() == code && e.field().equals(field) && e.rule() == rule) {
                return true;
            }
        }
        return false;
    }

    // ---- generators -----------------------------------------------------------------------------------------

    static int between(RandomnessSource in, int min, int max) {
        return LeadGenerators.between(in, min, max);
    }

    static boolean chance(RandomnessSource in, int percent) {
        return LeadGenerators.chance(in, percent);
    }

    static <T> T pick(RandomnessSource in, List<T> values) {
        return LeadGenerators.pick(in, values);
    }

    static <T> T pick(RandomnessSource in, Set<T> values) {
        return pick(in, new ArrayList<>(values));
    }

    /** A random order of the list, drawn from the source so that failures shrink. */
    static <T> List<T> shuffled(RandomnessSource in, List<T> values) {
        var copy = new ArrayList<>(values);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, between(in, 0, i));
        }
        return copy;
    }

    /** Local referral dates 2015–2026, with month ends and leap days over-represented. */
    static Gen<LocalDate> referralDates() {
        return in -> {
            if (chance(in, 25)) {
                return pick(in, List.of(LocalDate.of(2016, 2, 29), LocalDate.of(2020, 2, 29), LocalDate.of(2024, 2, 29),
                        LocalDate.of(2023, 3, 31), LocalDate.of(2024, 3, 31), LocalDate.of(2025, 1, 31),
                        LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 9), LocalDate.of(2025, 11, 2)));
            }
            return LocalDate.of(2015, 1, 1).plusDays(between(in, 0, 365 * 11));
        };
    }

    /** Local times of day, often within minutes of midnight where the local and UTC dates differ. */
    static Gen<LocalTime> localTimes() {
        return in -> chance(in, 50)
                ? pick(in, List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 0, 1), LocalTime.of(0, 30), LocalTime.of(23, 30),
                        LocalTime.of(23, 59, 59), LocalTime.of(23, 59, 59, 999_999_999)))
                : LocalTime.ofSecondOfDay(between(in, 0, 86_399));
    }

    /** A policy like the given one (still version 1) with the door enabled for its usual referrers. */
    static SitePolicy withDoor(SitePolicy p, Door door) {
        if (p.isEnabled(door)) {
            return p;
        }
        Set<Role> referrers = switch (door) {
            case ARREST_DIVERSION, SOCIAL_CONTACT -> EnumSet.of(Role.OFFICER, Role.SERGEANT);
            case COMMUNITY -> EnumSet.of(Role.COMMUNITY_REFERRER, Role.CASE_MANAGER);
            case PROSECUTOR -> EnumSet.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR);
        };
        return p.toBuilder().version(1, p.effectiveFrom()).door(door, referrers).build();
    }

    /**
     * Generated cases ({@link LeadGenerators#sitePolicies()}, {@link LeadGenerators#submission}) through one of the
     * doors, made to pass the door: an allowed, trained referrer of an accepted kind, probable cause and a divertible
     * offence, a qualifying verification, the attested criteria, a date of birth and a residence where a criterion
     * needs them. Everything else — drug facts, history, judgements, complainant — stays as generated.
     */
    static Gen<ScreeningCase> admittedCases(Door... doors) {
        return in -> {
            Door door = pick(in, List.of(doors));
            SitePolicy policy = withDoor(LeadGenerators.sitePolicies().generate(in), door);
            Instant at = LeadGenerators.referralInstants().generate(in);
            LocalDate date = LocalDate.ofInstant(at, policy.zone());
            ReferralSubmission s = LeadGenerators.submission(in, policy, date);
            return new ScreeningCase(policy, at, admit(in, policy, s.toBuilder().door(door).build(), date));
        };
    }

    /** The submission, changed only as far as needed to pass the door rules of the policy. */
    static ReferralSubmission admit(RandomnessSource in, SitePolicy policy, ReferralSubmission s, LocalDate date) {
        Door door = s.door();
        DoorPolicy dp = policy.door(door).orElseThrow();
        Role role = dp.referrers().contains(s.referrer().actor().role()) ? s.referrer().actor().role()
                : pick(in, dp.referrers());
        Optional<ReferrerKind> kind = dp.referrerKinds().isEmpty() || s.referrer().kind().map(dp.referrerKinds()::contains)
                .orElse(false) ? s.referrer().kind() : Optional.of(pick(in, dp.referrerKinds()));
        if (!dp.referrerKinds().isEmpty() && kind.isEmpty()) {
            kind = Optional.of(pick(in, dp.referrerKinds()));
        }
        var referrer = new Referrer(new Actor(s.referrer().actor().id(), role, Optional.empty()), kind, true);
        var b = s.toBuilder().referrer(referrer);
        if (door.holdsCharge()) {
            b.probableCause(true);
            if (s.offences().stream().noneMatch(o -> policy.isDivertible(o.code(), o.level()))) {
                DivertibleOffence d = pick(in, policy.divertibleOffences());
                b.offence(new Offence(d.code(), d.level().orElse(OffenceLevel.MISDEMEANOR), false));
            }
        }
        if (door == Door.SOCIAL_CONTACT) {
            b.evidence(new VerificationEvidence(pick(in, policy.socialContact().evidenceKinds()),
                    date.minusDays(between(in, 0, 20)), insideOf(policy.catchment())));
        }
        if (door == Door.COMMUNITY) {
            var attested = new TreeSet<>(s.attestedCriteria());
            attested.addAll(policy.communityCriteria());
            b.attestedCriteria(attested);
        }
        Person p = s.person();
        if (policy.exclusions().containsKey(ExclusionKind.UNDER_MIN_AGE) && p.dateOfBirth().isEmpty()) {
            p = new Person(p.id(), Optional.of(date.minusYears(30)), p.demographics(), p.residence(),
                    p.activeConfidentialInformant());
        }
        if (policy.catchment().residency().isPresent() && p.residence().isEmpty()) {
            p = new Person(p.id(), p.dateOfBirth(), p.demographics(), policy.catchment().residency(),
                    p.activeConfidentialInformant());
        }
        ReferralSubmission admitted = b.person(p).build();
        LocalDateTime local = date.atTime(12, 0);
        List<DomainError> refused = new DoorRules(policy).check(admitted, local);
        if (!refused.isEmpty()) {
            throw new AssertionError("test set-up: the referral should pass the door but " + refused);
        }
        return admitted;
    }

    /** A location inside the catchment. */
    static Location insideOf(Catchment c) {
        if (!c.areas().isEmpty()) {
            return Location.in(c.areas().iterator().next());
        }
        if (!c.polygons().isEmpty()) {
            GeoPoint corner = c.polygons().values().iterator().next().vertices().get(0);
            return Location.at(corner);
        }
        return Location.unknown();
    }

    // ---- richer histories, for the order-independence property ---------------------------------------------

    /** The submission with extra history items, offences and evidence, so that every list has several entries. */
    static ReferralSubmission enriched(RandomnessSource in, ReferralSubmission s, LocalDate date) {
        CriminalHistory h = s.history();
        var convictions = new ArrayList<>(h.convictions());
        for (int i = between(in, 0, 3); i > 0; i--) {
            var cats = new TreeSet<OffenceCode>();
            cats.add(OffenceCode.of(pick(in, LeadGenerators.CATEGORIES)));
            if (chance(in, 30)) {
                cats.add(OffenceCode.of(pick(in, LeadGenerators.CATEGORIES)));
            }
            convictions.add(new Conviction(cats, date.minusYears(between(in, 0, 12)).minusDays(between(in, -2, 2)),
                    chance(in, 20)));
        }
        var pending = new ArrayList<>(h.pendingCases());
        for (int i = between(in, 0, 2); i > 0; i--) {
            pending.add(new PendingCase(OffenceCode.of(pick(in, LeadGenerators.OFFENCES)),
                    pick(in, List.of(OffenceLevel.values())),
                    chance(in, 60) ? Optional.of(pick(in, LeadGenerators.COURTS)) : Optional.empty()));
        }
        var orders = new ArrayList<>(h.orders());
        for (int i = between(in, 0, 2); i > 0; i--) {
            orders.add(new CourtOrder(pick(in, List.of(CourtOrder.Kind.values())),
                    new PersonId(pick(in, LeadGenerators.PEOPLE))));
        }
        var supervisions = new ArrayList<>(h.supervisions());
        for (int i = between(in, 0, 2); i > 0; i--) {
            supervisions.add(new Supervision(pick(in, List.of(Supervision.Kind.values())),
                    chance(in, 50) ? Set.of(OffenceCode.of("PERSON_CRIME")) : Set.of(OffenceCode.of("THEFT_LOW_LEVEL"))));
        }
        var releases = new ArrayList<>(h.prisonReleases());
        for (int i = between(in, 0, 2); i > 0; i--) {
            releases.add(date.minusYears(between(in, 0, 8)).plusDays(between(in, -2, 2)));
        }
        var b = s.toBuilder().history(new CriminalHistory(convictions, pending, orders, supervisions, releases,
                h.outstandingWarrants()));
        for (int i = between(in, 0, 2); i > 0; i--) {
            b.offence(new Offence(OffenceCode.of(pick(in, LeadGenerators.OFFENCES)),
                    chance(in, 80) ? OffenceLevel.MISDEMEANOR : OffenceLevel.FELONY, chance(in, 20)));
        }
        for (int i = between(in, 0, 2); i > 0; i--) {
            b.evidence(new VerificationEvidence(pick(in, List.of(org.leaddiversion.domain.policy.EvidenceKind.values())),
                    date.minusMonths(between(in, 0, 30)), chance(in, 70) ? Location.in(AreaId.of(pick(in,
                    LeadGenerators.AREAS))) : Location.in(OUTSIDE)));
        }
        return b.build();
    }

    /** The same facts with every input list (offences, evidence, convictions, pending cases, orders, supervisions,
     * prison releases) in a random order. */
    static ReferralSubmission permuted(RandomnessSource in, ReferralSubmission s) {
        CriminalHistory h = s.history();
        var history = new CriminalHistory(shuffled(in, h.convictions()), shuffled(in, h.pendingCases()),
                shuffled(in, h.orders()), shuffled(in, h.supervisions()), shuffled(in, h.prisonReleases()),
                h.outstandingWarrants());
        return s.toBuilder().offences(shuffled(in, s.offences())).evidence(shuffled(in, s.evidence()))
                .history(history).build();
    }

    /** The same facts with every input list reversed. */
    static ReferralSubmission reversed(ReferralSubmission s) {
        CriminalHistory h = s.history();
        var history = new CriminalHistory(rev(h.convictions()), rev(h.pendingCases()), rev(h.orders()),
                rev(h.supervisions()), rev(h.prisonReleases()), h.outstandingWarrants());
        return s.toBuilder().offences(rev(s.offences())).evidence(rev(s.evidence())).history(history).build();
    }

    private static <T> List<T> rev(List<T> values) {
        var copy = new ArrayList<>(values);
        Collections.reverse(copy);
        return copy;
    }

    /** Random programme context: some of the generated people are current participants; capacity sometimes. */
    static ScreeningContext context(RandomnessSource in) {
        var participants = new TreeSet<PersonId>();
        for (String p : LeadGenerators.PEOPLE) {
            if (chance(in, 30)) {
                participants.add(new PersonId(p));
            }
        }
        if (chance(in, 40)) {
            return ScreeningContext.withoutCapacityGate(participants);
        }
        int capacity = between(in, 0, 40);
        return ScreeningContext.of(participants, new CapacityFigures(capacity, between(in, 0, 45)));
    }
}

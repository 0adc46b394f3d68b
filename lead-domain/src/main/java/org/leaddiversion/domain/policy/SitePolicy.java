/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;

/**
 * One version of one site's LEAD policy (SPEC §9.2): which doors exist and who may use them, what is divertible,
 * which exclusions apply and how strongly, who may override and who has the final say, and the intake clock.
 * Immutable and fully validated: an instance can only describe a configuration that is valid under the spec.
 *
 * <p>Build one with {@link #builder(SiteId, ZoneId)} or load it from a file with {@link SitePolicyFile}.
 *
 * @param siteId                  the site
 * @param siteName                display name
 * @param zone                    the site's time zone; every deadline is computed in it
 * @param version                 version number, 1 for the first
 * @param effectiveFrom           local date from whose start (in {@code zone}) this version is in force
 * @param decision                the PCG decision that adopted the version, if recorded
 * @param doors                   enabled doors and how each works
 * @param officerTrainingRequired only LEAD-trained officers may refer (Denver, Baltimore, Santa Fe)
 * @param diversionWindows        evaluation green-light windows for the arrest door; empty: always allowed
 * @param divertibleOffences      the arrest-door catalogue (SPEC §4.2)
 * @param drug                    E1 parameters
 * @param salesPolicy             E2 parameter
 * @param minAge                  E4 minimum age, if any
 * @param exclusions              active exclusion criteria by kind
 * @param historyRules            E7 criminal-history rules
 * @param neverDisqualifying      offence categories that never count against a person (Seattle: drug, prostitution)
 * @param countAttempts           whether attempts and conspiracies count as the underlying offence (default true)
 * @param overrideAuthority       roles that may lift PRESUMPTIVE findings (R09)
 * @param socialContact           door B verification rule (R05)
 * @param communityCriteria       criteria a community referrer must attest (Clackamas)
 * @param capacity                capacity gate (R17)
 * @param catchment               where referrals are valid (E15)
 * @param handoffTargetMinutes    warm hand-off target; a KPI, never a block
 * @param intake                  intake deadline and artefacts (R18, R22)
 * @param lapse                   what a missed deadline does (R20)
 * @param enrollment              inactivity threshold and allowed closure reasons (R24, R26, R27)
 * @param caseload                caseload cap and target (R30)
 * @param flex                    flexible-funding caps and approval roles (R33)
 * @param consultationWindowDays  days a prosecutor consultation request stays open before its due date (R34)
 * @param owg                     OWG meeting cadence and scope (site-wide or per precinct)
 * @param chargeRouting           office that reviews a diverted case, by offence level
 * @param provenance              for each key written in the policy file, whether it is sourced or derived
 */
public record SitePolicy(
        SiteId siteId,
        String siteName,
        ZoneId zone,
        int version,
        LocalDate effectiveFrom,
        Optional<String> decision,
        Map<Door, DoorPolicy> doors,
        boolean officerTrainingRequired,
        List<DiversionWindow> diversionWindows,
        List<DivertibleOffence> divertibleOffences,
        DrugPolicy drug,
        SalesPolicy salesPolicy,
        OptionalInt minAge,
        Map<ExclusionKind, ExclusionSetting> exclusions,
        List<CriminalHistoryRule> historyRules,
        Set<OffenceCode> neverDisqualifying,
        boolean countAttempts,
        Set<Role> overrideAuthority,
        SocialContactPolicy socialContact,
        Set<String> communityCriteria,
        CapacityPolicy capacity,
        Catchment catchment,
        int handoffTargetMinutes,
        IntakePolicy intake,
        LapsePolicy lapse,
        EnrollmentPolicy enrollment,
        CaseloadPolicy caseload,
        FlexPolicy flex,
        int consultationWindowDays,
        OwgPolicy owg,
        Map<OffenceLevel, String> chargeRouting,
        EquitySettings equity,
        Map<String, Provenance> provenance) {

    public SitePolicy {
        Require.present(siteId, "site.id");
        siteName = Require.text(siteName, "site.name");
        Require.present(zone, "site.zone");
        Require.atLeast(version, 1, "version");
        Require.present(effectiveFrom, "effectiveFrom");
        Require.present(decision, "decision");
        Require.present(doors, "doors");
        if (doors.isEmpty()) {
            throw new InvalidValueException("doors", "at least one door must be enabled");
        }
        doors.forEach((d, p) -> {
            if (p.door() != d) {
                throw new InvalidValueException("door." + d, "is configured with the policy of door " + p.door());
            }
        });
        doors = Collections.unmodifiableMap(new EnumMap<>(doors));
        diversionWindows = List.copyOf(Require.noNulls(diversionWindows, "diversionWindows"));
        divertibleOffences = List.copyOf(Require.noNulls(divertibleOffences, "divertibleOffences"));
        Require.present(drug, "drug");
        Require.present(salesPolicy, "sales.policy");
        Require.present(minAge, "minAge");
        minAge.ifPresent(a -> Require.atLeast(a, 1, "minAge"));
        Require.present(exclusions, "exclusions");
        exclusions = Collections.unmodifiableMap(new EnumMap<>(exclusions.isEmpty()
                ? new EnumMap<>(ExclusionKind.class) : exclusions));
        historyRules = List.copyOf(Require.noNulls(historyRules, "history"));
        neverDisqualifying = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(neverDisqualifying,
                "history.neverDisqualifying")));
        Require.noNulls(overrideAuthority, "overrideAuthority");
        overrideAuthority = Collections.unmodifiableSet(overrideAuthority.isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(overrideAuthority));
        Require.present(socialContact, "socialContact");
        communityCriteria = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(communityCriteria,
                "community.criteria")));
        communityCriteria.forEach(c -> Require.code(c, "community.criteria"));
        Require.present(capacity, "capacity");
        Require.present(catchment, "catchment");
        Require.atLeast(handoffTargetMinutes, 1, "handoff.targetMinutes");
        Require.present(intake, "intake");
        Require.present(lapse, "lapse");
        Require.present(enrollment, "enrollment");
        Require.present(caseload, "caseload");
        Require.present(flex, "flex");
        Require.atLeast(consultationWindowDays, 1, "consultationWindowDays");
        Require.present(owg, "owg");
        chargeRouting = Collections.unmodifiableMap(new EnumMap<>(Require.present(chargeRouting, "chargeRouting").isEmpty()
                ? new EnumMap<>(OffenceLevel.class) : chargeRouting));
        Require.present(equity, "equity");
        provenance = Collections.unmodifiableMap(new TreeMap<>(Require.present(provenance, "provenance")));
        validateExclusions(exclusions, doors.keySet(), drug, salesPolicy, minAge, historyRules, catchment,
                overrideAuthority, neverDisqualifying);
        if (doors.containsKey(Door.ARREST_DIVERSION) || doors.containsKey(Door.PROSECUTOR)) {
            if (divertibleOffences.isEmpty()) {
                throw new InvalidValueException("divertibleOffences",
                        "a site with a charge-holding door needs a divertible-offence catalogue");
            }
        }
    }

    private static void validateExclusions(Map<ExclusionKind, ExclusionSetting> exclusions, Set<Door> enabled,
                                           DrugPolicy drug, SalesPolicy sales, OptionalInt minAge,
                                           List<CriminalHistoryRule> history, Catchment catchment,
                                           Set<Role> overrideAuthority, Set<OffenceCode> neverDisqualifying) {
        exclusions.forEach((k, s) -> {
            if (s.kind() != k) {
                throw new InvalidValueException("exclusion." + k, "is configured with the setting of " + s.kind());
            }
        });
        requireExclusion(exclusions, ExclusionKind.ACTIVE_CONFIDENTIAL_INFORMANT,
                "is a core principle and must always be active (SPEC §7.7)");
        if (!exclusions.get(ExclusionKind.ACTIVE_CONFIDENTIAL_INFORMANT).doors().containsAll(enabled)) {
            throw new InvalidValueException("exclusion.ACTIVE_CONFIDENTIAL_INFORMANT.doors",
                    "is a core principle and must apply to every enabled door (SPEC §7.7)");
        }
        if (enabled.contains(Door.ARREST_DIVERSION) || enabled.contains(Door.PROSECUTOR)) {
            requireExclusion(exclusions, ExclusionKind.NOT_LEAD_ELIGIBLE_OFFENCE,
                    "must be active wherever a charge-holding door is enabled");
            for (Door d : enabled) {
                if (d.holdsCharge() && !exclusions.get(ExclusionKind.NOT_LEAD_ELIGIBLE_OFFENCE).appliesTo(d)) {
                    throw new InvalidValueException("exclusion.NOT_LEAD_ELIGIBLE_OFFENCE.doors",
                            "must apply to every charge-holding door (" + d + ")");
                }
            }
        }
        requireParameters(exclusions, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD, drug.isActive(),
                "needs drug.thresholdGrams or drug.substantialQuantityExcludes");
        requireParameters(exclusions, ExclusionKind.SALES_ABOVE_SUBSISTENCE, sales != SalesPolicy.ANY,
                "needs sales.policy SUBSISTENCE_ONLY or NO_SALES");
        requireParameters(exclusions, ExclusionKind.UNDER_MIN_AGE, minAge.isPresent(), "needs minAge");
        requireParameters(exclusions, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY, !history.isEmpty(),
                "needs at least one history rule");
        requireParameters(exclusions, ExclusionKind.OUTSIDE_CATCHMENT,
                catchment.restrictsLocation() || catchment.residency().isPresent(), "needs a catchment");
        ExclusionSetting complainant = exclusions.get(ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT);
        if (complainant != null && complainant.scope().isEmpty()) {
            throw new InvalidValueException("complainantConsent.requiredFor",
                    "must list offence codes (or ANY) when complainant consent is required");
        }
        ExclusionSetting court = exclusions.get(ExclusionKind.PENDING_TREATMENT_COURT_CASE);
        if (court != null && court.scope().isEmpty()) {
            throw new InvalidValueException("exclusion.PENDING_TREATMENT_COURT_CASE.scope",
                    "must list the court types (DRUG_COURT, MENTAL_HEALTH_COURT, SPECIALTY_COURT)");
        }
        for (CriminalHistoryRule rule : history) {
            for (OffenceCode code : rule.offences()) {
                if (neverDisqualifying.contains(code)) {
                    throw new InvalidValueException("history." + rule.name() + ".offences",
                            code + " is also listed in history.neverDisqualifying");
                }
            }
        }
        boolean anyPresumptive = exclusions.values().stream().anyMatch(s -> s.strength() == RuleStrength.PRESUMPTIVE)
                || history.stream().anyMatch(r -> r.strength() == RuleStrength.PRESUMPTIVE);
        if (anyPresumptive && overrideAuthority.isEmpty()) {
            throw new InvalidValueException("overrideAuthority",
                    "must name at least one role: PRESUMPTIVE criteria need someone who can override them");
        }
    }

    private static void requireExclusion(Map<ExclusionKind, ExclusionSetting> exclusions, ExclusionKind kind,
                                         String reason) {
        if (!exclusions.containsKey(kind)) {
            throw new InvalidValueException("exclusion." + kind, reason);
        }
    }

    private static void requireParameters(Map<ExclusionKind, ExclusionSetting> exclusions, ExclusionKind kind,
                                          boolean present, String reason) {
        if (exclusions.containsKey(kind) && !present) {
            throw new InvalidValueException("exclusion." + kind, reason);
        }
    }

    /** Whether the door is enabled. */
    public boolean isEnabled(Door door) {
        return doors.containsKey(door);
    }

    /** The door's policy, if the door is enabled. */
    public Optional<DoorPolicy> door(Door door) {
        return Optional.ofNullable(doors.get(door));
    }

    /** The active setting of an exclusion criterion, if active. */
    public Optional<ExclusionSetting> exclusion(ExclusionKind kind) {
        return Optional.ofNullable(exclusions.get(kind));
    }

    /** Whether an offence of this code and level is on the divertible list. */
    public boolean isDivertible(OffenceCode code, OffenceLevel level) {
        for (DivertibleOffence d : divertibleOffences) {
            if (d.covers(code, level)) {
                return true;
            }
        }
        return false;
    }

    /** Where the value of a policy-file key came from; {@link Provenance#DEFAULT} when the file did not set it. */
    public Provenance provenanceOf(String key) {
        return provenance.getOrDefault(key, Provenance.DEFAULT);
    }

    /** Keys whose values are marked {@code (derived)} in the file. */
    public Set<String> derivedKeys() {
        var keys = new TreeSet<String>();
        provenance.forEach((k, p) -> {
            if (p == Provenance.DERIVED) {
                keys.add(k);
            }
        });
        return Collections.unmodifiableSet(keys);
    }

    /** A builder for a new policy of a site, starting from the library defaults of SPEC §9.2. */
    public static Builder builder(SiteId siteId, ZoneId zone) {
        return new Builder(siteId, zone);
    }

    /** A builder starting from this policy, for the next version. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link SitePolicy}. Starts from the library defaults (SPEC §9.2): no door enabled, 30-day intake,
     * lapse notice to the prosecutor, hand-off target 30 minutes, capacity with arrest priority off. Criteria that a
     * parameter switches on (minimum age, drug threshold, sales policy, history rules, catchment, complainant
     * consent) are added with their default strength unless {@link #exclusion} sets one; E16 (informant) and, with a
     * charge-holding door, E17 (non-divertible offence) are always added.
     */
    public static final class Builder {
        private final SiteId siteId;
        private final ZoneId zone;
        private String siteName;
        private int version = 1;
        private LocalDate effectiveFrom = LocalDate.of(2011, 10, 1);
        private Optional<String> decision = Optional.empty();
        private final Map<Door, DoorPolicy> doors = new EnumMap<>(Door.class);
        private boolean officerTrainingRequired;
        private final List<DiversionWindow> diversionWindows = new ArrayList<>();
        private final List<DivertibleOffence> divertibleOffences = new ArrayList<>();
        private DrugPolicy drug = DrugPolicy.none();
        private SalesPolicy salesPolicy = SalesPolicy.ANY;
        private OptionalInt minAge = OptionalInt.empty();
        private final Map<ExclusionKind, ExclusionSetting> explicitExclusions = new EnumMap<>(ExclusionKind.class);
        private final List<CriminalHistoryRule> historyRules = new ArrayList<>();
        private final Set<OffenceCode> neverDisqualifying = new TreeSet<>();
        private boolean countAttempts = true;
        private final Set<Role> overrideAuthority = EnumSet.noneOf(Role.class);
        private SocialContactPolicy socialContact = new SocialContactPolicy(OptionalInt.empty(), false,
                EnumSet.allOf(EvidenceKind.class));
        private final Set<String> communityCriteria = new TreeSet<>();
        private CapacityPolicy capacity = new CapacityPolicy(false, OptionalInt.empty(), CapacityAction.DEFER);
        private Catchment catchment = Catchment.unrestricted();
        private int handoffTargetMinutes = 30;
        private IntakePolicy intake = new IntakePolicy(30, OptionalInt.empty(), false, false, Set.of());
        private LapsePolicy lapse = new LapsePolicy(LapseRecipient.PROSECUTOR, false, Optional.empty());
        private EnrollmentPolicy enrollment = EnrollmentPolicy.defaults();
        private CaseloadPolicy caseload = CaseloadPolicy.defaults();
        private FlexPolicy flex = FlexPolicy.defaults();
        private int consultationWindowDays = 14;
        private OwgPolicy owg = OwgPolicy.defaults();
        private final Map<OffenceLevel, String> chargeRouting = new EnumMap<>(OffenceLevel.class);
        private EquitySettings equity = EquitySettings.defaults();
        private final Set<String> complainantScope = new TreeSet<>();
        private final Map<String, Provenance> provenance = new LinkedHashMap<>();

        private Builder(SiteId siteId, ZoneId zone) {
            this.siteId = Require.present(siteId, "site.id");
            this.zone = Require.present(zone, "site.zone");
            this.siteName = siteId.value();
        }

        private Builder(SitePolicy p) {
            this(p.siteId(), p.zone());
            siteName = p.siteName();
            version = p.version() + 1;
            effectiveFrom = p.effectiveFrom();
            decision = Optional.empty();
            doors.putAll(p.doors());
            officerTrainingRequired = p.officerTrainingRequired();
            diversionWindows.addAll(p.diversionWindows());
            divertibleOffences.addAll(p.divertibleOffences());
            drug = p.drug();
            salesPolicy = p.salesPolicy();
            minAge = p.minAge();
            explicitExclusions.putAll(p.exclusions());
            historyRules.addAll(p.historyRules());
            neverDisqualifying.addAll(p.neverDisqualifying());
            countAttempts = p.countAttempts();
            overrideAuthority.addAll(p.overrideAuthority());
            socialContact = p.socialContact();
            communityCriteria.addAll(p.communityCriteria());
            capacity = p.capacity();
            catchment = p.catchment();
            handoffTargetMinutes = p.handoffTargetMinutes();
            intake = p.intake();
            lapse = p.lapse();
            enrollment = p.enrollment();
            caseload = p.caseload();
            flex = p.flex();
            consultationWindowDays = p.consultationWindowDays();
            owg = p.owg();
            chargeRouting.putAll(p.chargeRouting());
            equity = p.equity();
            p.exclusion(ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT).ifPresent(s -> {
                // The scope travels as the complainantConsentRequiredFor parameter, so the next version can change it.
                complainantScope.addAll(s.scope());
                explicitExclusions.put(s.kind(), new ExclusionSetting(s.kind(), s.strength(), s.doors(), Set.of()));
            });
        }

        public Builder name(String name) {
            this.siteName = name;
            return this;
        }

        public Builder version(int version, LocalDate effectiveFrom) {
            this.version = version;
            this.effectiveFrom = Require.present(effectiveFrom, "effectiveFrom");
            return this;
        }

        public Builder decision(String decision) {
            this.decision = Optional.ofNullable(decision).filter(d -> !d.isBlank());
            return this;
        }

        /** Enables a door with its referrers, no referrer-kind restriction, no approval and no authority step. */
        public Builder door(Door door, Set<Role> referrers) {
            return door(new DoorPolicy(door, referrers, Set.of(), Set.of(), EligibilityAuthority.OFFICER_ONLY, Set.of()));
        }

        public Builder door(DoorPolicy policy) {
            doors.put(policy.door(), policy);
            return this;
        }

        public Builder disableDoor(Door door) {
            doors.remove(door);
            return this;
        }

        public Builder officerTrainingRequired(boolean required) {
            this.officerTrainingRequired = required;
            return this;
        }

        public Builder diversionWindows(List<DiversionWindow> windows) {
            diversionWindows.clear();
            diversionWindows.addAll(windows);
            return this;
        }

        public Builder divertibleOffences(List<DivertibleOffence> offences) {
            divertibleOffences.clear();
            divertibleOffences.addAll(offences);
            return this;
        }

        public Builder divertible(String... codes) {
            for (String c : codes) {
                divertibleOffences.add(DivertibleOffence.of(c));
            }
            return this;
        }

        public Builder drug(DrugPolicy drug) {
            this.drug = Require.present(drug, "drug");
            return this;
        }

        public Builder salesPolicy(SalesPolicy policy) {
            this.salesPolicy = Require.present(policy, "sales.policy");
            return this;
        }

        public Builder minAge(OptionalInt minAge) {
            this.minAge = Require.present(minAge, "minAge");
            return this;
        }

        /** Sets (or, with {@code null} strength, removes) an explicit exclusion setting. */
        public Builder exclusion(ExclusionKind kind, RuleStrength strength, Set<Door> doors, Set<String> scope) {
            if (strength == null) {
                explicitExclusions.remove(kind);
            } else {
                explicitExclusions.put(kind, new ExclusionSetting(kind, strength,
                        doors.isEmpty() ? defaultDoors(kind) : doors, scope));
            }
            return this;
        }

        public Builder exclusion(ExclusionKind kind, RuleStrength strength) {
            return exclusion(kind, strength, Set.of(), Set.of());
        }

        public Builder historyRules(List<CriminalHistoryRule> rules) {
            historyRules.clear();
            historyRules.addAll(rules);
            return this;
        }

        public Builder neverDisqualifying(Set<OffenceCode> codes) {
            neverDisqualifying.clear();
            neverDisqualifying.addAll(codes);
            return this;
        }

        public Builder countAttempts(boolean count) {
            this.countAttempts = count;
            return this;
        }

        public Builder overrideAuthority(Set<Role> roles) {
            overrideAuthority.clear();
            overrideAuthority.addAll(roles);
            return this;
        }

        public Builder socialContact(SocialContactPolicy policy) {
            this.socialContact = Require.present(policy, "socialContact");
            return this;
        }

        public Builder communityCriteria(Set<String> criteria) {
            communityCriteria.clear();
            communityCriteria.addAll(criteria);
            return this;
        }

        public Builder capacity(CapacityPolicy policy) {
            this.capacity = Require.present(policy, "capacity");
            return this;
        }

        public Builder catchment(Catchment catchment) {
            this.catchment = Require.present(catchment, "catchment");
            return this;
        }

        public Builder handoffTargetMinutes(int minutes) {
            this.handoffTargetMinutes = minutes;
            return this;
        }

        public Builder intake(IntakePolicy intake) {
            this.intake = Require.present(intake, "intake");
            return this;
        }

        public Builder lapse(LapsePolicy lapse) {
            this.lapse = Require.present(lapse, "lapse");
            return this;
        }

        public Builder enrollment(EnrollmentPolicy enrollment) {
            this.enrollment = Require.present(enrollment, "enrollment");
            return this;
        }

        public Builder caseload(CaseloadPolicy caseload) {
            this.caseload = Require.present(caseload, "caseload");
            return this;
        }

        public Builder flex(FlexPolicy flex) {
            this.flex = Require.present(flex, "flex");
            return this;
        }

        /** Days a prosecutor consultation request stays open before it is due (default 14). */
        public Builder consultationWindowDays(int days) {
            this.consultationWindowDays = days;
            return this;
        }

        /** OWG meeting cadence and scope (default: every 14 days, one OWG for the site). */
        public Builder owg(OwgPolicy owg) {
            this.owg = Require.present(owg, "owg");
            return this;
        }

        public Builder chargeRouting(Map<OffenceLevel, String> routing) {
            chargeRouting.clear();
            chargeRouting.putAll(routing);
            return this;
        }

        /** Racial-equity monitoring settings (default: the SPEC §8.5 defaults, {@link EquitySettings#defaults()}). */
        public Builder equity(EquitySettings equity) {
            this.equity = Require.present(equity, "equity");
            return this;
        }

        /** Offence codes (or {@code ANY}) for which an identified complainant must consent (E13). */
        public Builder complainantConsentRequiredFor(Set<String> scope) {
            complainantScope.clear();
            complainantScope.addAll(scope);
            return this;
        }

        public Builder provenance(String key, Provenance p) {
            provenance.put(key, p);
            return this;
        }

        private Set<Door> defaultDoors(ExclusionKind kind) {
            if (kind == ExclusionKind.RESTITUTION_OFFENCE) {
                return EnumSet.of(Door.ARREST_DIVERSION);
            }
            if (kind == ExclusionKind.NOT_LEAD_ELIGIBLE_OFFENCE) {
                return EnumSet.of(Door.ARREST_DIVERSION, Door.PROSECUTOR);
            }
            return EnumSet.allOf(Door.class);
        }

        private void implied(Map<ExclusionKind, ExclusionSetting> all, ExclusionKind kind, boolean active,
                             Set<String> scope) {
            if (!active) {
                return;
            }
            ExclusionSetting explicit = all.get(kind);
            if (explicit == null) {
                all.put(kind, new ExclusionSetting(kind, kind.defaultStrength(), defaultDoors(kind), scope));
            } else if (!scope.isEmpty() && explicit.scope().isEmpty()) {
                all.put(kind, new ExclusionSetting(kind, explicit.strength(), explicit.doors(), scope));
            }
        }

        /** Validates and builds; throws {@link InvalidValueException} naming the key and the reason. */
        public SitePolicy build() {
            var all = new EnumMap<ExclusionKind, ExclusionSetting>(ExclusionKind.class);
            all.putAll(explicitExclusions);
            implied(all, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD, drug.isActive(), Set.of());
            implied(all, ExclusionKind.SALES_ABOVE_SUBSISTENCE, salesPolicy != SalesPolicy.ANY, Set.of());
            implied(all, ExclusionKind.UNDER_MIN_AGE, minAge.isPresent(), Set.of());
            implied(all, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY, !historyRules.isEmpty(), Set.of());
            implied(all, ExclusionKind.OUTSIDE_CATCHMENT,
                    catchment.restrictsLocation() || catchment.residency().isPresent(), Set.of());
            implied(all, ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT, !complainantScope.isEmpty(), complainantScope);
            implied(all, ExclusionKind.ACTIVE_CONFIDENTIAL_INFORMANT, true, Set.of());
            implied(all, ExclusionKind.NOT_LEAD_ELIGIBLE_OFFENCE,
                    doors.containsKey(Door.ARREST_DIVERSION) || doors.containsKey(Door.PROSECUTOR), Set.of());
            return new SitePolicy(siteId, siteName, zone, version, effectiveFrom, decision, doors,
                    officerTrainingRequired, diversionWindows, divertibleOffences, drug, salesPolicy, minAge, all,
                    historyRules, neverDisqualifying, countAttempts, overrideAuthority, socialContact,
                    communityCriteria, capacity, catchment, handoffTargetMinutes, intake, lapse, enrollment, caseload, flex,
                    consultationWindowDays, owg, chargeRouting, equity, provenance);
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;

/**
 * Everything a referrer records when making a referral (SPEC §3.0), whatever the door. The referral instant is not
 * part of it: it comes from the clock when the referral is submitted.
 *
 * <p>Which fields a door needs is a business rule checked by screening, not here: an arrest diversion without
 * probable cause is a valid submission that screening rejects with {@code PRECONDITION_MISSING} (rule R04).
 *
 * @param site             the site where the referral is made
 * @param door             the door used
 * @param referrer         who refers
 * @param person           who is referred
 * @param location         where the encounter happened (arrest and social-contact doors)
 * @param probableCause    arrest door: the officer has probable cause
 * @param offences         arrest and prosecutor doors: the offences held
 * @param drugFacts        drug facts, for drug offences
 * @param complainant      the complainant, where the offence has one
 * @param evidence         social-contact door: verification of prior target conduct
 * @param history          criminal-history snapshot
 * @param judgement        the officer's recorded judgements
 * @param attestedCriteria community door: criteria the referrer attests (e.g. {@code HOMELESS_OR_AT_RISK})
 * @param personConsents   the person has already agreed to LEAD, witnessed by the referrer
 */
public record ReferralSubmission(SiteId site, Door door, Referrer referrer, Person person, Location location,
                                 boolean probableCause, List<Offence> offences, Optional<DrugFacts> drugFacts,
                                 Optional<Complainant> complainant, List<VerificationEvidence> evidence,
                                 CriminalHistory history, OfficerJudgement judgement, Set<String> attestedCriteria,
                                 boolean personConsents) {

    public ReferralSubmission {
        Require.present(site, "site");
        Require.present(door, "door");
        Require.present(referrer, "referrer");
        Require.present(person, "person");
        Require.present(location, "location");
        offences = List.copyOf(Require.noNulls(offences, "offences"));
        Require.present(drugFacts, "drugFacts");
        Require.present(complainant, "complainant");
        evidence = List.copyOf(Require.noNulls(evidence, "verificationEvidence"));
        Require.present(history, "criminalHistory");
        Require.present(judgement, "officerJudgement");
        attestedCriteria = Collections.unmodifiableSet(new TreeSet<>(Require.noNulls(attestedCriteria, "attestedCriteria")));
        attestedCriteria.forEach(c -> Require.code(c, "attestedCriteria"));
    }

    /** Starts a submission; everything not set is empty, false or none. */
    public static Builder builder(SiteId site, Door door, Referrer referrer, Person person) {
        return new Builder(site, door, referrer, person);
    }

    /** A builder pre-filled with this submission's facts. */
    public Builder toBuilder() {
        Builder b = new Builder(site, door, referrer, person).location(location).probableCause(probableCause)
                .offences(offences).history(history).judgement(judgement).evidence(evidence)
                .attestedCriteria(attestedCriteria).personConsents(personConsents);
        drugFacts.ifPresent(b::drugFacts);
        complainant.ifPresent(b::complainant);
        return b;
    }

    /** Fluent builder of a {@link ReferralSubmission}. */
    public static final class Builder {
        private SiteId site;
        private Door door;
        private Referrer referrer;
        private Person person;
        private Location location = Location.unknown();
        private boolean probableCause;
        private final List<Offence> offences = new ArrayList<>();
        private Optional<DrugFacts> drugFacts = Optional.empty();
        private Optional<Complainant> complainant = Optional.empty();
        private final List<VerificationEvidence> evidence = new ArrayList<>();
        private CriminalHistory history = CriminalHistory.none();
        private OfficerJudgement judgement = OfficerJudgement.none();
        private final Set<String> attestedCriteria = new TreeSet<>();
        private boolean personConsents;

        private Builder(SiteId site, Door door, Referrer referrer, Person person) {
            this.site = site;
            this.door = door;
            this.referrer = referrer;
            this.person = person;
        }

        public Builder site(SiteId site) {
            this.site = site;
            return this;
        }

        public Builder door(Door door) {
            this.door = door;
            return this;
        }

        public Builder referrer(Referrer referrer) {
            this.referrer = referrer;
            return this;
        }

        public Builder person(Person person) {
            this.person = person;
            return this;
        }

        public Builder location(Location location) {
            this.location = location;
            return this;
        }

        public Builder probableCause(boolean probableCause) {
            this.probableCause = probableCause;
            return this;
        }

        public Builder offences(List<Offence> offences) {
            this.offences.clear();
            this.offences.addAll(offences);
            return this;
        }

        public Builder offence(Offence offence) {
            this.offences.add(offence);
            return this;
        }

        public Builder drugFacts(DrugFacts drugFacts) {
            this.drugFacts = Optional.of(drugFacts);
            return this;
        }

        public Builder complainant(Complainant complainant) {
            this.complainant = Optional.of(complainant);
            return this;
        }

        public Builder evidence(List<VerificationEvidence> evidence) {
            this.evidence.clear();
            this.evidence.addAll(evidence);
            return this;
        }

        public Builder evidence(VerificationEvidence item) {
            this.evidence.add(item);
            return this;
        }

        public Builder history(CriminalHistory history) {
            this.history = history;
            return this;
        }

        public Builder judgement(OfficerJudgement judgement) {
            this.judgement = judgement;
            return this;
        }

        public Builder attestedCriteria(Set<String> criteria) {
            this.attestedCriteria.clear();
            this.attestedCriteria.addAll(criteria);
            return this;
        }

        public Builder personConsents(boolean consents) {
            this.personConsents = consents;
            return this;
        }

        /** Validates and builds. */
        public ReferralSubmission build() {
            return new ReferralSubmission(site, door, referrer, person, location, probableCause, offences, drugFacts,
                    complainant, evidence, history, judgement, attestedCriteria, personConsents);
        }
    }
}

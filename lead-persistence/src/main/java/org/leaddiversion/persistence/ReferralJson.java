/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.intake.DivertedCase;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.screening.ScreeningDecision;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A referral's {@link Referral.State} as one JSON document, from which the referral is restored exactly. The domain's
 * records (submission, screening decision, decisions, held charge, ids) map as they are, by their components;
 * {@link Finding} is a class with a lazily written fact, so a mix-in here (never an annotation in the domain) maps it
 * by its five parts. Instants keep their nanoseconds, zones their ids, decimals their scale.
 */
final class ReferralJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addMixIn(Finding.class, FindingMixIn.class)
            // tolerant reading: a document written by a later version with an added property still restores; a view
            // reads only the properties it shows and skips the others
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectReader STATE = MAPPER.readerFor(Referral.State.class);
    private static final ObjectReader CORE = MAPPER.readerFor(Core.class);
    private static final ObjectReader SCREENED = MAPPER.readerFor(Screened.class);

    String write(Referral.State state) {
        return MAPPER.writeValueAsString(state);
    }

    Referral.State read(String json) {
        return STATE.readValue(json);
    }

    /**
     * The view of the referral a stored state holds, with the classes {@code released} (its core must be one of
     * them): equal to {@link ReferralView#of} of the restored referral, but only what the view shows is bound — the
     * screening inputs, decisions and deadlines are skipped, and the screening decision unless it is released.
     */
    static ReferralView view(String json, Set<DataClass> released) {
        if (!released.contains(DataClass.REFERRAL_CORE)) {
            throw new IllegalArgumentException("a referral is released only with its core");
        }
        Optional<DivertedCase> held;
        Optional<ScreeningDecision> screening;
        Core core;
        if (released.contains(DataClass.SCREENING)) {
            Screened s = SCREENED.readValue(json);
            core = new Core(s.id(), s.submission(), s.referredAt(), s.status(), s.divertedCase());
            screening = Optional.of(s.screening());
        } else {
            core = CORE.readValue(json);
            screening = Optional.empty();
        }
        held = released.contains(DataClass.LEGAL_COORDINATION) ? core.divertedCase() : Optional.empty();
        Shown sub = core.submission();
        return new ReferralView(core.id(), sub.person(), sub.site(), sub.door(), sub.referrer(), sub.location(),
                sub.offences(), core.referredAt(), core.status(), screening, held);
    }

    /** What a view shows of a state, the screening decision left out. */
    record Core(ReferralId id, Shown submission, Instant referredAt, ReferralStatus status,
                Optional<DivertedCase> divertedCase) {
    }

    /** What a view shows of a state, with the screening decision. */
    record Screened(ReferralId id, Shown submission, Instant referredAt, ReferralStatus status,
                    ScreeningDecision screening, Optional<DivertedCase> divertedCase) {
    }

    /** What a view shows of the submission. */
    record Shown(SiteId site, Door door, Referrer referrer, Person person, Location location,
                 List<Offence> offences) {
    }

    /** A finding is its criterion, strength, rule, field and fact (the fact written out when stored). */
    abstract static class FindingMixIn {

        @JsonCreator
        FindingMixIn(@JsonProperty("exclusion") ExclusionKind exclusion, @JsonProperty("strength") RuleStrength strength,
                     @JsonProperty("rule") RuleId rule, @JsonProperty("field") String field,
                     @JsonProperty("fact") String fact) {
        }

        @JsonProperty("exclusion")
        abstract ExclusionKind exclusion();

        @JsonProperty("strength")
        abstract RuleStrength strength();

        @JsonProperty("rule")
        abstract RuleId rule();

        @JsonProperty("field")
        abstract String field();

        @JsonProperty("fact")
        abstract String fact();
    }
}

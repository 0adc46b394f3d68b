/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.screening.Finding;
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

    private final JsonMapper mapper = JsonMapper.builder()
            .addMixIn(Finding.class, FindingMixIn.class)
            // tolerant reading: a document written by a later version with an added property still restores
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ObjectReader reader = mapper.readerFor(Referral.State.class);

    String write(Referral.State state) {
        return mapper.writeValueAsString(state);
    }

    Referral.State read(String json) {
        return reader.readValue(json);
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

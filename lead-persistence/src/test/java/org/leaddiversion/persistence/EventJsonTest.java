/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.screening.EligibilityResult;
import org.leaddiversion.domain.screening.Finding;

@DisplayName("Events as JSON for the event log")
class EventJsonTest {

    static final Instant AT = Instant.parse("2026-03-02T17:00:00.000000123Z");
    final EventJson json = new EventJson();

    DomainEvent roundTrip(DomainEvent e) {
        return json.read(e.type(), json.write(e));
    }

    @Test
    void every_event_type_has_its_own_name_and_each_consent_event_comes_back_as_itself() {
        var referral = new ReferralEvent.ConsentRecorded(new ReferralId(new UUID(1, 2)), new ActorId("officer-1"), AT);
        var disclosure = new DisclosureEvent.ConsentSigned(new ConsentId(new UUID(3, 4)), new PersonId("maria"),
                ConsentType.PART2, new ActorId("cm-1"), AT);
        assertNotEquals(referral.type(), disclosure.type());
        assertEquals(referral, assertInstanceOf(ReferralEvent.ConsentRecorded.class, roundTrip(referral)));
        assertEquals(disclosure, assertInstanceOf(DisclosureEvent.ConsentSigned.class, roundTrip(disclosure)));
    }

    @Test
    void a_screening_event_keeps_its_findings_notes_and_rejections() {
        var screened = new ReferralEvent.ReferralScreened(new ReferralId(new UUID(5, 6)),
                EligibilityResult.PRESUMPTIVELY_INELIGIBLE,
                List.of(new Finding(ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD, RuleStrength.PRESUMPTIVE, RuleId.R10,
                        "drugFacts.netWeightGrams", "net weight 3.5 g exceeds the 3.0 g threshold (GT)")),
                List.of(new Finding(ExclusionKind.NOT_AMENABLE, RuleStrength.DISCRETIONARY, RuleId.R09,
                        "officerJudgement.notAmenable", "officer judges the person not amenable")),
                List.of(DomainError.of(ErrorCode.CAPACITY_EXHAUSTED, "site", RuleId.R17, "no place is free")), 3, AT);
        assertEquals(screened, roundTrip(screened));
    }
}

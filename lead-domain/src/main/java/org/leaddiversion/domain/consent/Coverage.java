/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.referral.PersonId;

/** Which of a participant's consents cover a recipient, purpose and data class at an instant (R36, 42 CFR Part 2). */
final class Coverage {

    private Coverage() {
    }

    /** The smallest-id in-force ROI (or, for research and evaluation, evaluation consent) covering the class. */
    static Optional<ConsentId> roi(Collection<Consent> consents, PersonId participant, Role recipient,
                                   Optional<String> agency, Purpose purpose, DataClass data, Instant at) {
        return covering(consents, participant, recipient, agency, purpose, data, at,
                t -> t == ConsentType.MULTI_PARTY_ROI
                        || (t == ConsentType.EVALUATION && purpose == Purpose.RESEARCH_EVALUATION));
    }

    /** The smallest-id in-force Part 2 consent covering the class. */
    static Optional<ConsentId> part2(Collection<Consent> consents, PersonId participant, Role recipient,
                                     Optional<String> agency, Purpose purpose, DataClass data, Instant at) {
        return covering(consents, participant, recipient, agency, purpose, data, at, t -> t == ConsentType.PART2);
    }

    /** Whether Part 2 records may go under a listed exception that permits the purpose. */
    static boolean excepted(DataClass data, Optional<Part2Exception> exception, Purpose purpose) {
        return data == DataClass.SUD_PART2 && exception.map(e -> e.permits(purpose)).orElse(false);
    }

    private static Optional<ConsentId> covering(Collection<Consent> consents, PersonId participant, Role recipient,
                                                Optional<String> agency, Purpose purpose, DataClass data, Instant at,
                                                Predicate<ConsentType> accepted) {
        return consents.stream()
                .filter(c -> c.participant().equals(participant))
                .filter(c -> accepted.test(c.type()))
                .filter(c -> c.covers(recipient, agency, purpose, data, at))
                .map(Consent::id)
                .min(ConsentId::compareTo);
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.referral.PersonId;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of consents and disclosure requests for one participant, built through the real constructors. */
public final class ConsentGenerators {

    public static final PersonId PARTICIPANT = new PersonId("P-1");
    static final PersonId SOMEONE_ELSE = new PersonId("P-2");
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ConsentGenerators() {
    }

    public static <E extends Enum<E>> Gen<Set<E>> subsetOf(Class<E> type, boolean nonEmpty) {
        return in -> {
            EnumSet<E> set = EnumSet.noneOf(type);
            for (E e : type.getEnumConstants()) {
                if (Generate.booleans().generate(in)) {
                    set.add(e);
                }
            }
            if (nonEmpty && set.isEmpty()) {
                set.add(Generate.enumValues(type).generate(in));
            }
            return set;
        };
    }

    /** An instant within 100 days of {@link #T0}, to the minute. */
    public static Gen<Instant> instants() {
        return Generate.range(0, 100 * 24 * 60).map(m -> T0.plus(Duration.ofMinutes(m)));
    }

    /** A consent of any type, recipients, purposes and classes; possibly expiring, possibly revoked. */
    public static Gen<Consent> consents() {
        return in -> {
            Instant signed = instants().generate(in);
            Optional<Instant> expires = Generate.booleans().generate(in)
                    ? Optional.of(signed.plus(Duration.ofMinutes(Generate.range(1, 60 * 24 * 60).generate(in))))
                    : Optional.empty();
            Optional<Instant> revoked = Generate.booleans().generate(in)
                    ? Optional.of(signed.plus(Duration.ofMinutes(Generate.range(0, 60 * 24 * 60).generate(in))))
                    : Optional.empty();
            PersonId who = Generate.range(0, 9).generate(in) == 0 ? SOMEONE_ELSE : PARTICIPANT;
            Set<String> agencies = Generate.booleans().generate(in) ? Set.of() : Set.of("KCPAO");
            return new Consent(new ConsentId(new UUID(7, Generate.range(0, 1_000_000).generate(in))), who,
                    Generate.enumValues(ConsentType.class).generate(in), subsetOf(Role.class, true).generate(in),
                    agencies, subsetOf(Purpose.class, true).generate(in), subsetOf(DataClass.class, true).generate(in),
                    signed, expires, revoked);
        };
    }

    public static Gen<List<Consent>> consentLists() {
        return in -> {
            int n = Generate.range(0, 6).generate(in);
            List<Consent> list = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(consents().generate(in));
            }
            return list;
        };
    }

    /** Any circumstances the host may state: own, assigned, in an OWG meeting, each true or false. */
    public static Gen<RecipientCircumstances> circumstances() {
        return in -> new RecipientCircumstances(Generate.booleans().generate(in), Generate.booleans().generate(in),
                Generate.booleans().generate(in));
    }

    /**
     * A request about {@link #PARTICIPANT} by any actor, to any recipient, for any purpose, maybe under an exception,
     * in any circumstances. Half the requests name one data class, so that the matrix, which lets most roles read only
     * a few classes, does not refuse nearly all of them.
     */
    public static Gen<DisclosureRequest> requests() {
        return in -> new DisclosureRequest(
                Actor.of("A-" + Generate.range(1, 5).generate(in), Generate.enumValues(Role.class).generate(in)),
                Generate.enumValues(Role.class).generate(in),
                Generate.booleans().generate(in) ? Optional.of("KCPAO") : Optional.empty(),
                PARTICIPANT,
                Generate.booleans().generate(in)
                        ? Set.of(Generate.enumValues(DataClass.class).generate(in))
                        : subsetOf(DataClass.class, true).generate(in),
                Generate.enumValues(Purpose.class).generate(in),
                Generate.booleans().generate(in)
                        ? Optional.of(Generate.enumValues(Part2Exception.class).generate(in)) : Optional.empty(),
                circumstances().generate(in));
    }
}

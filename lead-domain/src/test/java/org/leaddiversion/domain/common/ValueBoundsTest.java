/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Oversized input is refused where it enters, naming the field, before any store sees it: identifiers up to 100
 * characters, names up to 200, free text up to 2,000 — the sizes the database columns hold.
 */
@DisplayName("Identifiers, names and free text have bounded sizes")
class ValueBoundsTest {

    private static String chars(int n) {
        return "x".repeat(n);
    }

    @Test
    void identifiers_are_at_most_100_characters() {
        assertEquals(chars(100), new PersonId(chars(100)).value());
        assertEquals("personId", assertThrows(InvalidValueException.class, () -> new PersonId(chars(101))).field());
        assertEquals("actorId", assertThrows(InvalidValueException.class, () -> new ActorId(chars(101))).field());
        assertEquals("siteId", assertThrows(InvalidValueException.class, () -> new SiteId(chars(101))).field());
        assertEquals("caseManagerId",
                assertThrows(InvalidValueException.class, () -> new CaseManagerId(chars(101))).field());
        assertEquals("areaId", assertThrows(InvalidValueException.class, () -> AreaId.of("A".repeat(101))).field());
    }

    @Test
    void names_and_free_text_have_their_own_bounds() {
        assertEquals("actor.agency", assertThrows(InvalidValueException.class,
                () -> new Actor(new ActorId("a"), Role.OFFICER, Optional.of(chars(201)))).field());
        assertEquals(Optional.of(chars(200)),
                new Actor(new ActorId("a"), Role.OFFICER, Optional.of(chars(200))).agency());
        assertEquals("f", assertThrows(InvalidValueException.class,
                () -> Require.text(chars(Require.TEXT_MAX + 1), "f", Require.TEXT_MAX)).field());
    }

    @Test
    void text_and_identifiers_never_hold_a_nul_character() {
        assertEquals("personId", assertThrows(InvalidValueException.class, () -> new PersonId("ro\0sa")).field());
        assertEquals("f", assertThrows(InvalidValueException.class,
                () -> Require.text("a room\0of my own", "f", Require.TEXT_MAX)).field());
    }

    @Test
    void text_is_well_formed_unicode() {
        assertEquals("a room \uD83C\uDFE0", Require.text("a room \uD83C\uDFE0", "f"), "a pair is one code point");
        for (String lone : java.util.List.of("\uD800", "a\uDC00", "\uDC00\uD800", "x\uD83C")) {
            assertEquals("f", assertThrows(InvalidValueException.class, () -> Require.text(lone, "f")).field());
        }
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.embedded;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded tour runs end to end and prints what the library decided")
class EmbeddedTourTest {

    private static String output;

    @BeforeAll
    static void run_the_tour() {
        var buffer = new ByteArrayOutputStream();
        EmbeddedTour.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        output = buffer.toString(StandardCharsets.UTF_8);
    }

    private static void shows(String expected) {
        assertTrue(output.contains(expected), () -> "expected \"" + expected + "\" in:\n" + output);
    }

    @Test
    void it_walks_the_eight_numbered_steps() {
        for (String step : new String[] {"1. configure a site", "2. refer through each door and screen",
            "3. complete an intake", "4. miss an intake", "5. plan with the participant", "6. coordinate a new charge",
            "7. disclose under consent", "8. check every programme rule"}) {
            shows(step);
        }
    }

    @Test
    void screening_is_shown_with_its_reasons() {
        shows("arrest diversion of rosa (1.2 g heroin, West precinct): SUBMITTED, ELIGIBLE");
        shows("arrest diversion of kai (7.5 g heroin): PRESUMPTIVELY_INELIGIBLE, PRESUMPTIVELY_INELIGIBLE, because:");
        shows("exceeds the 3.0 g threshold (GT) (PRESUMPTIVE, rule R10)");
        shows("arrest diversion of jo, aged 15: INELIGIBLE, because:");
    }

    @Test
    void one_intake_completes_and_the_other_lapses_only_after_its_deadline() {
        shows("completes intake: INTAKE_COMPLETED, charge NOT_FILED");
        shows(": 0 lapsed");
        shows("sweep after it: 4 lapsed (dana, kai, lee, sam: no intake by the deadline); dana's referral INTAKE_LAPSED, "
                + "her charge RELEASED_FOR_ORDINARY_REVIEW");
    }

    @Test
    void goals_are_the_participants_and_a_new_charge_waits_for_the_consultation() {
        shows("an abstinence goal she did not set: refused: GOAL_NOT_PARTICIPANT_SET");
        shows("filing without consulting her case manager: refused: CONSULTATION_REQUIRED");
        shows("decision: FILE_WITH_COORDINATED_RESOLUTION; rosa's enrollment is still ACTIVE");
    }

    @Test
    void disclosure_follows_her_consent_and_every_rule_holds() {
        shows("court progress report before any consent: refused");
        shows("after rosa signs a release for the court: granted under 1 consent(s), non-evidentiary: true");
        shows("after she revokes it: refused");
        shows("disclosure log entries: 3");
        shows("no rule broken");
    }
}

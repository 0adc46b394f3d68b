/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.equity.EquityPolicy;

/**
 * The {@code equity.*} keys of the policy file (SPEC §8.5, §9.2, rule R39): the SPEC defaults when a file sets none,
 * the site's own bounds, minimum cell size, period, categories and reference group when it does (inherited by later
 * versions and written back by {@link SitePolicyFile#format}), and a bad value rejected at its line, naming the key.
 */
class EquitySettingsFileTest {

    private static final String HEAD = """
            site.id   = equity-site
            site.name = Equity test
            site.zone = America/Los_Angeles

            [version 1]
            effectiveFrom = 2024-01-01
            doors = SOCIAL_CONTACT
            door.SOCIAL_CONTACT.referrers = OFFICER
            """;

    private static SitePolicyHistory parse(String extra) {
        return SitePolicyFile.parse("equity.policy", HEAD + extra);
    }

    private static MalformedPolicyException rejected(String extra) {
        return assertThrows(MalformedPolicyException.class, () -> parse(extra));
    }

    private static void assertKey(String key, MalformedPolicyException e) {
        assertTrue(e.key().endsWith(key), e::getMessage);
        assertTrue(e.getMessage().startsWith("equity.policy:"), e::getMessage);
    }

    @Test
    void a_file_without_equity_keys_has_the_spec_defaults() {
        SitePolicy p = parse("").latest();
        assertEquals(EquitySettings.defaults(), p.equity());
        EquityPolicy policy = EquityPolicy.of(p);
        assertEquals(0, new BigDecimal("0.80").compareTo(policy.lowerBound()));
        assertEquals(0, new BigDecimal("1.25").compareTo(policy.upperBound()));
        assertEquals(10, policy.minCellSize());
        assertEquals(Period.ofMonths(3), policy.reportingPeriod());
        assertEquals(new EquityGroup("WHITE"), policy.reference());
        assertFalse(SitePolicyFile.format(parse("")).contains("equity."), "defaults are not written");
    }

    @Test
    void a_site_sets_its_own_bounds_cell_size_period_and_groups_and_later_versions_inherit_them() {
        SitePolicyHistory h = parse("""
                equity.lowerBound = 0.75
                equity.upperBound = 1.5
                equity.minCellSize = 20
                equity.reportingPeriod = P1M
                equity.categories = BLACK, WHITE, HISPANIC
                equity.reference = WHITE

                [version 2]
                effectiveFrom = 2025-01-01
                equity.minCellSize = 11
                """);
        EquitySettings v1 = h.version(1).orElseThrow().equity();
        assertEquals(new EquitySettings(new BigDecimal("0.75"), new BigDecimal("1.5"), 20, Period.ofMonths(1),
                List.of("BLACK", "WHITE", "HISPANIC"), "WHITE"), v1);
        EquitySettings v2 = h.version(2).orElseThrow().equity();
        assertEquals(11, v2.minCellSize(), "overridden");
        assertEquals(v1.categories(), v2.categories(), "inherited");
        EquityPolicy policy = EquityPolicy.of(h.latest());
        assertEquals(List.of(new EquityGroup("BLACK"), new EquityGroup("WHITE"), new EquityGroup("HISPANIC"),
                EquityGroup.UNKNOWN), policy.reportedGroups(List.of()), "UNKNOWN is always reported, last");
        assertEquals(h, SitePolicyFile.parse("again.policy", SitePolicyFile.format(h)), "written back exactly");
    }

    @Test
    void the_builder_and_a_new_version_keep_the_settings() {
        SitePolicy p = parse("equity.minCellSize = 5\n").latest();
        assertEquals(5, p.toBuilder().build().equity().minCellSize());
        EquitySettings other = new EquitySettings(new BigDecimal("0.9"), BigDecimal.ONE, 3, Period.ofYears(1),
                List.of(), "BLACK");
        assertEquals(other, p.toBuilder().equity(other).build().equity());
    }

    @Test
    void bad_equity_values_are_rejected_at_their_line_naming_the_key() {
        assertKey("equity.minCellSize", rejected("equity.minCellSize = 0\n"));
        assertKey("equity.minCellSize", rejected("equity.minCellSize = ten\n"));
        assertKey("equity.lowerBound", rejected("equity.lowerBound = 1.2\n"));
        assertKey("equity.lowerBound", rejected("equity.lowerBound = low\n"));
        assertKey("equity.upperBound", rejected("equity.upperBound = 0.9\n"));
        assertKey("equity.reportingPeriod", rejected("equity.reportingPeriod = quarterly\n"));
        assertKey("equity.reportingPeriod", rejected("equity.reportingPeriod = P-3M\n"));
        assertKey("equity.categories", rejected("equity.categories = BLACK, Unknown\n"));
        assertKey("equity.categories", rejected("equity.categories = BLACK, BLACK\n"));
        assertKey("equity.reference", rejected("equity.reference = UNKNOWN\n"));
        MalformedPolicyException notListed = rejected("equity.categories = BLACK, ASIAN\n");
        assertKey("equity.reference", notListed);
        assertTrue(notListed.reason().contains("equity.categories"), notListed::getMessage);
    }
}

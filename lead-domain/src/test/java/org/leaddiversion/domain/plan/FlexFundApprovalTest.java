/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Records;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.FlexPolicy;

/**
 * R33: an expenditure above the per-expenditure cap, or one taking the participant's calendar-month total (site
 * zone) above the monthly cap, needs approval by an actor holding a configured approval role. Exactly at a cap needs
 * none; one cent above does. Month boundaries are those of the site zone.
 */
@DisplayName("R33 flexible funds")
class FlexFundApprovalTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Currency USD = Currency.getInstance("USD");
    private static final EnrollmentId ENROLLMENT = new EnrollmentId(new UUID(33, 1));
    private static final FlexPolicy POLICY = new FlexPolicy(Optional.of(Money.of("250.00", "USD")),
            Optional.of(Money.of("900.00", "USD")), Set.of(Role.PROJECT_MANAGER));
    /** Mid-March 2024, Pacific time. */
    private static final Instant MARCH = Instant.parse("2024-03-15T20:00:00Z");
    private static final AtomicLong IDS = new AtomicLong();

    private static FlexExpenditure spend(String amount, Instant at, Optional<Actor> approver) {
        return new FlexExpenditure(new FlexExpenditureId(new UUID(33, IDS.incrementAndGet())), ENROLLMENT, at,
                Money.of(amount, "USD"), PlanDomain.HOUSING, "Motel 8", "a room for the night", approver,
                Optional.empty());
    }

    private static FlexFund ledger(String... amounts) {
        FlexFund f = FlexFund.open(ENROLLMENT);
        for (String a : amounts) {
            f = f.record(spend(a, MARCH, Optional.empty()), POLICY, ZONE, MARCH).value();
        }
        return f;
    }

    private static final Optional<Actor> PM = Optional.of(Actor.of("pm-1", Role.PROJECT_MANAGER));

    @Test
    void per_expenditure_cap_exactly_at_the_cap_is_free_one_cent_above_needs_approval() {
        assertTrue(ledger().record(spend("250.00", MARCH, Optional.empty()), POLICY, ZONE, MARCH).isSuccess());
        Outcome<FlexFund> above = ledger().record(spend("250.01", MARCH, Optional.empty()), POLICY, ZONE, MARCH);
        assertTrue(above.hasError(ErrorCode.FLEX_APPROVAL_REQUIRED));
        assertEquals(RuleId.R33, above.errors().get(0).rule());
        assertEquals("approvedBy", above.errors().get(0).field());
        Outcome<FlexFund> approved = ledger().record(spend("250.01", MARCH, PM), POLICY, ZONE, MARCH);
        assertTrue(approved.isSuccess());
        assertEquals(Optional.of(PM.get().id()),
                ((PlanEvent.FlexExpenditureRecorded) approved.events().get(0)).approvedBy());
    }

    @Test
    void monthly_cap_exactly_at_the_cap_is_free_one_cent_above_needs_approval() {
        FlexFund f = ledger("250.00", "250.00", "250.00"); // 750.00 in March
        assertTrue(f.record(spend("150.00", MARCH, Optional.empty()), POLICY, ZONE, MARCH).isSuccess());
        assertTrue(f.record(spend("150.01", MARCH, Optional.empty()), POLICY, ZONE, MARCH)
                .hasError(ErrorCode.FLEX_APPROVAL_REQUIRED));
        assertTrue(f.record(spend("150.01", MARCH, PM), POLICY, ZONE, MARCH).isSuccess());
    }

    @Test
    void the_month_boundary_is_that_of_the_site_zone() {
        FlexFund f = ledger("250.00", "250.00", "250.00", "150.00"); // 900.00 in March (Pacific)
        // 2024-04-01T06:00Z is still 31 March, 23:00 in Los Angeles: it counts toward March
        Instant lateMarch = Instant.parse("2024-04-01T06:00:00Z");
        assertTrue(f.record(spend("0.01", lateMarch, Optional.empty()), POLICY, ZONE, lateMarch)
                .hasError(ErrorCode.FLEX_APPROVAL_REQUIRED));
        // 2024-04-01T07:00Z is 1 April, 00:00 in Los Angeles: a new month
        Instant april = Instant.parse("2024-04-01T07:00:00Z");
        assertTrue(f.record(spend("250.00", april, Optional.empty()), POLICY, ZONE, april).isSuccess());
        // in UTC the same instant 06:00Z is already April
        assertTrue(f.record(spend("0.01", lateMarch, Optional.empty()), POLICY, ZoneId.of("UTC"), lateMarch).isSuccess());
    }

    @Test
    void only_an_allowed_role_approves() {
        for (Role role : Role.values()) {
            Outcome<FlexFund> o = ledger().record(spend("300.00", MARCH, Optional.of(Actor.of("a-1", role))),
                    POLICY, ZONE, MARCH);
            if (role == Role.PROJECT_MANAGER) {
                assertTrue(o.isSuccess());
            } else {
                assertTrue(o.hasError(ErrorCode.NOT_AUTHORISED), role::name);
                assertEquals(RuleId.R33, o.errors().get(0).rule());
            }
        }
    }

    @Test
    void without_caps_nothing_needs_approval_and_other_currencies_are_refused() {
        assertTrue(FlexFund.open(ENROLLMENT).record(spend("10000.00", MARCH, Optional.empty()), FlexPolicy.defaults(),
                ZONE, MARCH).isSuccess());
        var eur = new FlexExpenditure(new FlexExpenditureId(new UUID(33, 999)), ENROLLMENT, MARCH,
                Money.of("1.00", "EUR"), PlanDomain.BASIC_NEEDS, "Cafe", "a hot meal", Optional.empty(), Optional.empty());
        assertTrue(ledger().record(eur, POLICY, ZONE, MARCH).hasError(ErrorCode.POLICY_FORBIDS));
        assertThrows(InvalidValueException.class, () -> spend("0.00", MARCH, Optional.empty()));
        assertThrows(InvalidValueException.class, () -> new FlexPolicy(Optional.of(Money.of("1", "USD")),
                Optional.empty(), Set.of()));
        assertThrows(InvalidValueException.class, () -> new FlexPolicy(Optional.of(Money.of("1", "USD")),
                Optional.of(Money.of("1", "EUR")), Set.of(Role.PROJECT_MANAGER)));
    }

    @Test
    void truth_table_agrees_with_the_caps_and_recorded_ledgers_satisfy_the_invariant() {
        qt().forAll(lists().of(integers().between(1, 40_000)).ofSizeBetween(1, 12), arbitrary().enumValues(Role.class))
                .checkAssert((cents, role) -> {
                    FlexFund f = FlexFund.open(ENROLLMENT);
                    BigDecimal month = BigDecimal.ZERO.setScale(2);
                    for (int c : cents) {
                        BigDecimal amount = BigDecimal.valueOf(c, 2);
                        boolean needs = amount.compareTo(new BigDecimal("250.00")) > 0
                                || month.add(amount).compareTo(new BigDecimal("900.00")) > 0;
                        Outcome<FlexFund> free = f.record(spend(amount.toPlainString(), MARCH, Optional.empty()),
                                POLICY, ZONE, MARCH);
                        assertEquals(!needs, free.isSuccess());
                        Outcome<FlexFund> o = needs
                                ? f.record(spend(amount.toPlainString(), MARCH, Optional.of(Actor.of("x", role))),
                                        POLICY, ZONE, MARCH)
                                : free;
                        assertEquals(!needs || POLICY.mayApprove(role), o.isSuccess());
                        if (o.isSuccess()) {
                            f = o.value();
                            month = month.add(amount);
                        }
                    }
                    assertEquals(new Money(month, USD), f.monthTotal(java.time.YearMonth.of(2024, 3), ZONE, USD));
                    var site = CaseloadCapTest.site(CaseloadPolicy.defaults());
                    var withFlex = org.leaddiversion.domain.policy.SitePolicy.builder(site.siteId(), ZONE)
                            .version(1, site.effectiveFrom()).door(site.doors().values().iterator().next())
                            .flex(POLICY).build();
                    assertTrue(org.leaddiversion.domain.rules.RuleCatalogue.invariant(RuleId.R33).orElseThrow().check(Records.of(withFlex).funds(List.of(f)).asOf(MARCH.plusSeconds(86400 * 30))).isEmpty());
                });
        // an unapproved over-cap expenditure restored from storage is reported
        FlexFund bad = FlexFund.restore(ENROLLMENT, 1, List.of(spend("300.00", MARCH, Optional.empty())));
        var site = CaseloadCapTest.site(CaseloadPolicy.defaults());
        var withFlex = org.leaddiversion.domain.policy.SitePolicy.builder(site.siteId(), ZONE)
                .version(1, site.effectiveFrom()).door(site.doors().values().iterator().next()).flex(POLICY).build();
        assertFalse(org.leaddiversion.domain.rules.RuleCatalogue.invariant(RuleId.R33).orElseThrow().check(Records.of(withFlex).funds(List.of(bad)).asOf(MARCH.plusSeconds(86400 * 30))).isEmpty());
    }
}

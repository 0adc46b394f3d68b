/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexExpenditureId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.InterventionPlanId;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.ServiceReferral;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.FlexPolicy;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.quicktheories.core.Gen;

/**
 * Generated lives of the aggregates, built only through their own commands so they can never be invalid. A
 * generator yields a script (printable, shrinkable choices); {@code play} turns it into the successive versions with
 * the events each change produced, which a test saves one by one. Ids come from the test, fresh per example.
 */
final class Histories {

    static final Instant START = Instant.parse("2026-01-05T16:00:00Z");
    static final List<SiteId> SITES = List.of(Fixtures.SEATTLE, new SiteId("santa-fe"), new SiteId("albany"));
    static final int INACTIVITY_DAYS = 30;
    static final Set<ClosureReason> ALLOWED = EnumSet.of(ClosureReason.GOALS_MET_SELF_SUFFICIENT,
            ClosureReason.DECEASED, ClosureReason.MOVED_OUT_OF_AREA, ClosureReason.LONG_TERM_INCARCERATION,
            ClosureReason.ADMINISTRATIVE_INACTIVITY);

    private Histories() {
    }

    /** One saved change: the new version, the version it replaces (-1 for a new aggregate) and its events. */
    record Step<T>(T value, long expectedVersion, List<DomainEvent> events) {
    }

    /** A scripted command: what to do and two small numbers that say how. */
    record Command(String kind, int a, int b) {
    }

    record Script(int startMinutes, List<Command> commands) {
    }

    // ---- enrollments ----------------------------------------------------------------------------------------

    static Gen<Script> enrollmentScripts() {
        return in -> {
            int n = between(in, 0, 8);
            var commands = new ArrayList<Command>();
            for (int i = 0; i < n; i++) {
                int k = between(in, 1, 100);
                String kind = k <= 50 ? "contact" : k <= 70 ? "inactive" : k <= 82 ? "attach" : k <= 94 ? "close"
                        : "withdraw";
                commands.add(new Command(kind, between(in, 0, 45), between(in, 0, 2000)));
            }
            return new Script(between(in, 0, 60 * 24 * 200), commands);
        };
    }

    /** The enrollment's versions: started, then every command of the script that the enrollment accepted. */
    static List<Step<Enrollment>> play(Script script, EnrollmentId id, PersonId person, SiteId site,
                                       List<EnrollmentId> prior) {
        Instant now = START.plus(Duration.ofMinutes(script.startMinutes()));
        var referrals = IdGenerator.sequential((id.value().getLeastSignificantBits() << 16) ^ 0x5eed);
        var steps = new ArrayList<Step<Enrollment>>();
        Outcome<Enrollment> started = Enrollment.start(id, person, site, new ReferralId(referrals.next()), prior, now);
        steps.add(new Step<>(started.value(), -1, started.events()));
        Enrollment e = started.value();
        for (Command c : script.commands()) {
            now = now.plus(Duration.ofDays(c.a())).plusSeconds(c.b());
            Outcome<Enrollment> out;
            switch (c.kind()) {
                case "contact" -> {
                    Instant at = now.minus(Duration.ofMinutes(c.b()));
                    out = e.recordContact(ContactType.values()[c.b() % ContactType.values().length],
                            at.isBefore(e.startedAt()) ? e.startedAt() : at, now);
                }
                case "inactive" -> out = e.markInactiveIfDue(now, INACTIVITY_DAYS);
                case "attach" -> out = e.attach(new ReferralId(referrals.next()), now);
                case "close" -> out = e.close(ALLOWED.stream().toList().get(c.b() % ALLOWED.size()),
                        Fixtures.PROJECT_MANAGER, now, ALLOWED);
                default -> out = e.withdraw(Fixtures.CASE_MANAGER, now);
            }
            if (out.isSuccess()) {
                steps.add(new Step<>(out.value(), e.version(), out.events()));
                e = out.value();
            }
        }
        return steps;
    }

    /** Everything an enrollment holds, for comparing what was saved with what is loaded. */
    record EnrollmentView(EnrollmentId id, long version, PersonId person, SiteId site, Instant startedAt,
                          Instant lastEngagementAt, EnrollmentStatus status, List<ReferralId> referrals,
                          List<EnrollmentId> priorEnrollments, Optional<Instant> closedAt,
                          Optional<ClosureReason> closureReason) {
        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.id(), e.version(), e.person(), e.site(), e.startedAt(), e.lastEngagementAt(),
                    e.status(), e.referrals(), e.priorEnrollments(), e.closedAt(), e.closureReason());
        }

        static Optional<EnrollmentView> of(Optional<Enrollment> e) {
            return e.map(EnrollmentView::of);
        }

        static List<EnrollmentView> of(List<Enrollment> es) {
            return es.stream().map(EnrollmentView::of).toList();
        }
    }

    // ---- plans ----------------------------------------------------------------------------------------------

    static Gen<Script> planScripts() {
        return in -> {
            int n = between(in, 0, 8);
            var commands = new ArrayList<Command>();
            for (int i = 0; i < n; i++) {
                int k = between(in, 1, 100);
                String kind = k <= 40 ? "goal" : k <= 70 ? "status" : "service";
                commands.add(new Command(kind, between(in, 0, 30), between(in, 0, 1000)));
            }
            return new Script(between(in, 0, 60 * 24 * 200), commands);
        };
    }

    static final List<String> DESCRIPTIONS = List.of("find stable housing", "get an ID card back",
            "reduce use on my own terms", "see my kids on weekends", "Ünïcödé — «quotes» 'and' \"more\"");
    static final List<String> PROVIDERS = List.of("DESC housing", "Evergreen Treatment Services", "Legal aid clinic");

    static List<Step<InterventionPlan>> play(Script script, InterventionPlanId id, EnrollmentId enrollment) {
        Instant now = START.plus(Duration.ofMinutes(script.startMinutes()));
        var ids = IdGenerator.sequential((id.value().getLeastSignificantBits() << 16) ^ 0x9a1);
        var steps = new ArrayList<Step<InterventionPlan>>();
        InterventionPlan p = InterventionPlan.open(id, enrollment);
        steps.add(new Step<>(p, -1, List.of()));
        for (Command c : script.commands()) {
            now = now.plus(Duration.ofDays(c.a())).plusSeconds(c.b());
            PlanDomain domain = PlanDomain.values()[c.b() % PlanDomain.values().length];
            Outcome<InterventionPlan> out;
            switch (c.kind()) {
                case "goal" -> out = p.addGoal(ids, domain, c.b() % 5 == 0 ? GoalKind.ABSTINENCE : GoalKind.GENERAL,
                        DESCRIPTIONS.get(c.b() % DESCRIPTIONS.size()), true, now);
                case "status" -> {
                    if (p.goals().isEmpty()) {
                        continue;
                    }
                    Goal g = p.goals().get(c.b() % p.goals().size());
                    out = p.updateGoalStatus(g.id(), GoalStatus.values()[c.a() % GoalStatus.values().length], now);
                }
                default -> out = p.addServiceReferral(ids, domain, PROVIDERS.get(c.b() % PROVIDERS.size()),
                        ServiceReferralStatus.values()[c.a() % ServiceReferralStatus.values().length], now);
            }
            if (out.isSuccess() && out.value() != p) {
                steps.add(new Step<>(out.value(), p.version(), out.events()));
                p = out.value();
            }
        }
        return steps;
    }

    record PlanView(InterventionPlanId id, EnrollmentId enrollment, long version, List<Goal> goals,
                    List<ServiceReferral> serviceReferrals) {
        static PlanView of(InterventionPlan p) {
            return new PlanView(p.id(), p.enrollment(), p.version(), p.goals(), p.serviceReferrals());
        }

        static Optional<PlanView> of(Optional<InterventionPlan> p) {
            return p.map(PlanView::of);
        }
    }

    // ---- flexible funds -------------------------------------------------------------------------------------

    /** Currencies with 0, 2 and 3 fraction digits. */
    static final List<String> CURRENCIES = List.of("USD", "JPY", "BHD", "EUR");

    static Gen<Script> fundScripts() {
        return in -> {
            int n = between(in, 1, 7);
            var commands = new ArrayList<Command>();
            for (int i = 0; i < n; i++) {
                // a: days forward, b: amount in minor units (sometimes above the caps) and approval
                commands.add(new Command(chance(in, 30) ? "approved" : "plain", between(in, 0, 40),
                        chance(in, 20) ? between(in, 20_000, 900_000) : between(in, 1, 20_000)));
            }
            return new Script(between(in, 0, CURRENCIES.size() - 1), commands);
        };
    }

    static List<Step<FlexFund>> play(Script script, EnrollmentId enrollment, int seed) {
        Currency currency = Currency.getInstance(CURRENCIES.get(script.startMinutes() % CURRENCIES.size()));
        int digits = currency.getDefaultFractionDigits();
        var policy = new FlexPolicy(Optional.of(new Money(BigDecimal.valueOf(500), currency)),
                Optional.of(new Money(BigDecimal.valueOf(1500), currency)), EnumSet.of(Role.PROJECT_MANAGER));
        var ids = IdGenerator.sequential((enrollment.value().getLeastSignificantBits() << 16) ^ 0xf1e);
        Instant now = START;
        var steps = new ArrayList<Step<FlexFund>>();
        FlexFund f = FlexFund.open(enrollment);
        for (Command c : script.commands()) {
            now = now.plus(Duration.ofDays(c.a())).plusSeconds(seed % 600);
            Optional<Actor> approver = c.kind().equals("approved")
                    ? Optional.of(new Actor(new ActorId("pm-" + c.a()), Role.PROJECT_MANAGER,
                    c.a() % 2 == 0 ? Optional.of("KCPAO") : Optional.empty()))
                    : Optional.empty();
            var spent = new FlexExpenditure(new FlexExpenditureId(ids.next()), enrollment, now,
                    new Money(BigDecimal.valueOf(c.b(), digits), currency),
                    PlanDomain.values()[c.b() % PlanDomain.values().length], "Payee " + c.b(), "bus pass and groceries",
                    approver, c.b() % 3 == 0 ? Optional.of(new org.leaddiversion.domain.plan.GoalId(
                    new UUID(seed, c.b()))) : Optional.empty());
            Outcome<FlexFund> out = f.record(spent, policy, ZoneId.of("America/Los_Angeles"), now);
            if (out.isSuccess()) {
                steps.add(new Step<>(out.value(), f.version() == 0 && steps.isEmpty() ? -1 : f.version(),
                        out.events()));
                f = out.value();
            }
        }
        return steps;
    }

    record FundView(EnrollmentId enrollment, long version, List<FlexExpenditure> expenditures) {
        static FundView of(FlexFund f) {
            return new FundView(f.enrollment(), f.version(), f.expenditures());
        }

        static Optional<FundView> of(Optional<FlexFund> f) {
            return f.map(FundView::of);
        }
    }

    // ---- caseloads ------------------------------------------------------------------------------------------

    static Gen<Script> caseloadScripts() {
        return in -> {
            int n = between(in, 1, 10);
            var commands = new ArrayList<Command>();
            for (int i = 0; i < n; i++) {
                commands.add(new Command(chance(in, 75) ? "assign" : "release", between(in, 0, 5), between(in, 0, 3)));
            }
            return new Script(0, commands);
        };
    }

    /** a: which of six enrollments, b: which of four case managers; cap 3 so some assignments are refused. */
    static List<Step<Caseloads>> play(Script script, Caseloads from, long seed) {
        var policy = new CaseloadPolicy(3, 2);
        Instant now = START;
        var steps = new ArrayList<Step<Caseloads>>();
        Caseloads c = from;
        for (Command k : script.commands()) {
            now = now.plus(Duration.ofHours(1));
            var enrollment = new EnrollmentId(new UUID(seed, k.a()));
            Outcome<Caseloads> out = k.kind().equals("assign")
                    ? c.assign(enrollment, new CaseManagerId("cm-" + k.b()), policy, now)
                    : c.release(enrollment, now);
            if (out.isSuccess() && out.value() != c) {
                steps.add(new Step<>(out.value(), c.version(), out.events()));
                c = out.value();
            }
        }
        return steps;
    }

    record CaseloadsView(long version, Map<EnrollmentId, CaseManagerId> assignments) {
        static CaseloadsView of(Caseloads c) {
            return new CaseloadsView(c.version(), Map.copyOf(c.assignments()));
        }
    }
}

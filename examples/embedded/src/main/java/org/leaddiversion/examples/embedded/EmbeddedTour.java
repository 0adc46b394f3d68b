/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.embedded;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.SweepReport;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EvidenceKind;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.VerificationEvidence;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.domain.screening.Finding;

/**
 * A numbered tour of lead-domain's public API with no framework and no database: the in-memory adapters of
 * {@link InMemoryProgramme}, a clock the tour moves forward, and Seattle / King County's reference policy. It refers
 * people through each door, screens them, completes one intake and lets another lapse, plans with a participant,
 * coordinates a new charge with her case manager and discloses under her consent — printing what the library decides
 * at each step, and checking the whole rule catalogue at the end.
 *
 * <p>Run it with {@code java -cp lead-domain/target/classes:examples/embedded/target/classes
 * org.leaddiversion.examples.embedded.EmbeddedTour}; the test suite runs it and checks its output.
 */
public final class EmbeddedTour {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final SiteId SEATTLE = new SiteId("seattle-king-county");
    private static final AreaId WEST = AreaId.of("WEST_PRECINCT");
    private static final Actor OFFICER = Actor.of("officer-1", Role.OFFICER);
    private static final Actor SERGEANT = Actor.of("sergeant-1", Role.SERGEANT);
    private static final Actor CASE_MANAGER = Actor.of("cm-1", Role.CASE_MANAGER);
    private static final Actor PROSECUTOR = Actor.of("prosecutor-1", Role.PROSECUTOR);
    private static final Actor SHELTER = Actor.of("shelter-1", Role.COMMUNITY_REFERRER);

    private final PrintStream out;
    private final TourClock clock = new TourClock(seattle("2026-01-12T21:10"), PACIFIC);
    private final InMemoryProgramme programme = new InMemoryProgramme(clock, IdGenerator.sequential(2026),
            CaseloadCapacity.notTracked());
    private final ReferralDesk desk = programme.desk();

    private EmbeddedTour(PrintStream out) {
        this.out = out;
    }

    /** Runs the tour, printing to standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the tour, printing each step to {@code out}; fails if the library decides anything the tour does not expect. */
    public static void run(PrintStream out) {
        new EmbeddedTour(out).tour();
    }

    private void tour() {
        // 1. A site is configured by loading its policy: data, not code.
        SitePolicyHistory seattle = ReferenceProfiles.load("seattle-king-county");
        programme.policies().put(seattle);
        SitePolicy policy = seattle.latest();
        step(1, "configure a site");
        say("%s, policy version %d in force from %s", policy.siteName(), policy.version(), policy.effectiveFrom());
        say("doors: %s", policy.doors().keySet().stream().map(Door::name).sorted().collect(Collectors.joining(", ")));
        say("intake deadline: %d days; warm hand-off target: %d minutes", policy.intake().deadlineDays(),
                policy.handoffTargetMinutes());

        // 2. Referrals through each door, each screened at once against the policy in force.
        step(2, "refer through each door and screen");
        Referral rosa = expect(desk.submit(arrest("rosa", "1.2").build()), "Rosa's arrest diversion");
        say("arrest diversion of rosa (1.2 g heroin, West precinct): %s, %s", rosa.status(), rosa.screening().result());
        Referral dana = expect(desk.submit(arrest("dana", "0.8").build()), "Dana's arrest diversion");
        say("arrest diversion of dana (0.8 g heroin, West precinct): %s, %s", dana.status(), dana.screening().result());
        Referral sam = expect(desk.submit(ReferralSubmission.builder(SEATTLE, Door.SOCIAL_CONTACT,
                Referrer.trained(OFFICER), Person.of("sam", LocalDate.of(1979, 3, 2))).location(Location.in(WEST))
                .evidence(new VerificationEvidence(EvidenceKind.DIRECT_OBSERVATION, LocalDate.of(2025, 12, 20),
                        Location.in(WEST)))
                .personConsents(true).build()), "Sam's social-contact referral");
        say("social-contact referral of sam (an officer saw him use last month): %s, %s", sam.status(),
                sam.screening().result());
        Referral lee = expect(desk.submit(ReferralSubmission.builder(SEATTLE, Door.COMMUNITY, Referrer.trained(SHELTER),
                Person.of("lee", LocalDate.of(1990, 8, 9))).personConsents(true).build()), "Lee's community referral");
        say("community referral of lee by a shelter: %s, %s", lee.status(), lee.screening().result());
        Referral heavy = expect(desk.submit(arrest("kai", "7.5").build()), "Kai's arrest diversion");
        say("arrest diversion of kai (7.5 g heroin): %s, %s, because:", heavy.status(), heavy.screening().result());
        for (Finding f : heavy.screening().findings()) {
            say("  - %s (%s, rule %s)", f.fact(), f.strength(), f.rule());
        }
        Outcome<Referral> minor = desk.submit(ReferralSubmission.builder(SEATTLE, Door.ARREST_DIVERSION,
                Referrer.trained(OFFICER), Person.of("jo", LocalDate.of(2010, 4, 1))).location(Location.in(WEST))
                .probableCause(true).offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                .drugFacts(DrugFacts.possession("HEROIN", "POWDER", new BigDecimal("0.5"))).personConsents(true)
                .build());
        Referral young = expect(minor, "Jo's arrest diversion");
        say("arrest diversion of jo, aged 15: %s, because:", young.screening().result());
        for (Finding f : young.screening().findings()) {
            say("  - %s (%s, rule %s)", f.fact(), f.strength(), f.rule());
        }

        // 3. Rosa's intake: warm hand-off, acceptance, eligibility confirmed, release of information, intake.
        step(3, "complete an intake");
        clock.set(seattle("2026-01-12T21:45"));
        expect(desk.recordHandoff(rosa.id(), CASE_MANAGER, seattle("2026-01-12T21:15"), seattle("2026-01-12T21:40")),
                "warm hand-off");
        Referral pending = expect(desk.accept(rosa.id(), CASE_MANAGER), "acceptance");
        expect(desk.decideEligibility(rosa.id(), SERGEANT, true, null), "sergeant's confirmation");
        say("case manager met rosa 25 minutes after the call and accepted her: %s, charge %s, intake due by %s",
                pending.status(), pending.divertedCase().orElseThrow().status(), pending.intakeDeadline().date());
        clock.set(seattle("2026-01-26T10:00"));
        expect(desk.recordRoiSignature(rosa.id(), CASE_MANAGER), "release of information");
        Referral enrolled = expect(desk.completeIntake(rosa.id(), CASE_MANAGER), "intake");
        EnrollmentId enrollment = enrolled.enrollment().orElseThrow();
        say("two weeks later rosa signs the release and completes intake: %s, charge %s", enrolled.status(),
                enrolled.divertedCase().orElseThrow().status());

        // 4. Dana is accepted but never comes to intake: the nightly sweep lapses her referral after the deadline.
        step(4, "miss an intake");
        clock.set(seattle("2026-01-12T22:30"));
        expect(desk.recordHandoff(dana.id(), CASE_MANAGER, seattle("2026-01-12T22:00"), seattle("2026-01-12T22:20")),
                "Dana's hand-off");
        Referral danaPending = expect(desk.accept(dana.id(), CASE_MANAGER), "Dana's acceptance");
        expect(desk.decideEligibility(dana.id(), SERGEANT, true, null), "Dana's confirmation");
        clock.set(danaPending.intakeDeadline().firstLateInstant().minus(Duration.ofMinutes(1)));
        SweepReport early = desk.sweepDeadlines();
        say("sweep a minute before dana's deadline (%s): %d lapsed", danaPending.intakeDeadline().date(),
                early.lapsed().size());
        clock.set(danaPending.intakeDeadline().firstLateInstant().plus(Duration.ofHours(2)));
        SweepReport late = desk.sweepDeadlines();
        Referral lapsed = programme.referrals().find(dana.id()).orElseThrow();
        say("sweep after it: %d lapsed (%s: no intake by the deadline); dana's referral %s, her charge %s",
                late.lapsed().size(), late.lapsed().stream()
                        .map(id -> programme.referrals().find(id).orElseThrow().submission().person().id().value())
                        .sorted().collect(Collectors.joining(", ")),
                lapsed.status(), lapsed.divertedCase().orElseThrow().status());

        // 5. Rosa's plan: her case manager takes her on, and every goal is one she sets.
        step(5, "plan with the participant");
        clock.set(seattle("2026-02-02T11:00"));
        expect(programme.caseManagement().assignCaseManager(enrollment, CaseManagerId.of(CASE_MANAGER.id()),
                CASE_MANAGER), "assignment");
        InterventionPlan plan = expect(programme.caseManagement().addGoal(enrollment, CASE_MANAGER, PlanDomain.HOUSING,
                GoalKind.GENERAL, "a room of her own", true), "her housing goal");
        say("goal added: %s (set by rosa: %s)", plan.goals().get(0).description(), plan.goals().get(0).setByParticipant());
        Outcome<InterventionPlan> imposed = programme.caseManagement().addGoal(enrollment, CASE_MANAGER,
                PlanDomain.SUBSTANCE_USE, GoalKind.ABSTINENCE, "stop using", false);
        say("an abstinence goal she did not set: %s", imposed.isSuccess() ? "accepted" : "refused: " + reasons(imposed));

        // 6. Rosa is arrested again in July: the new case is coordinated with her case manager, her enrollment untouched.
        step(6, "coordinate a new charge");
        clock.set(seattle("2026-07-15T09:00"));
        PersonId rosaId = rosa.submission().person().id();
        PostEnrollmentCase newCase = expect(programme.coordination().recordCase(PROSECUTOR, rosaId, SEATTLE,
                List.of(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR)), List.of(),
                seattle("2026-07-14T18:00")), "the new case");
        say("shoplifting case recorded, flagged %s", newCase.flags());
        Outcome<PostEnrollmentCase> hasty = programme.coordination().recordDecision(newCase.id(), PROSECUTOR,
                ChargingDecision.FILE_STANDARD, Optional.empty(), Optional.empty(), false);
        say("filing without consulting her case manager: %s", hasty.isSuccess() ? "accepted" : "refused: " + reasons(hasty));
        PostEnrollmentCase consulting = expect(programme.coordination().requestConsultation(newCase.id(), PROSECUTOR),
                "consultation request");
        say("consultation requested, due by %s", consulting.consultation().orElseThrow().dueBy());
        clock.set(seattle("2026-07-20T15:00"));
        expect(programme.coordination().recordCaseManagerInput(newCase.id(), CASE_MANAGER,
                "engaged; housing search under way"), "case manager's input");
        PostEnrollmentCase decided = expect(programme.coordination().recordDecision(newCase.id(), PROSECUTOR,
                ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION, Optional.empty(),
                Optional.of("resolution aligned with her housing goal"), false), "charging decision");
        say("decision: %s; rosa's enrollment is still %s", decided.decision().orElseThrow().decision(),
                programme.enrollments().find(enrollment).orElseThrow().status());

        // 7. Disclosure: nothing leaves without her consent; under it, the court hears how she is doing.
        step(7, "disclose under consent");
        DisclosureRequest progress = DisclosureRequest.of(CASE_MANAGER, Role.COURT, rosaId,
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Purpose.COURT_PROGRESS);
        say("court progress report before any consent: %s", decision(programme.disclosure().disclose(progress)));
        Consent roi = expect(programme.disclosure().recordConsent(CASE_MANAGER, rosaId, ConsentType.MULTI_PARTY_ROI,
                Set.of(Role.COURT, Role.PROSECUTOR), Set.of(), Set.of(Purpose.COURT_PROGRESS, Purpose.LEGAL_COORDINATION),
                Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Optional.empty()), "the ROI");
        say("after rosa signs a release for the court: %s", decision(programme.disclosure().disclose(progress)));
        expect(programme.disclosure().revoke(roi.id(), CASE_MANAGER), "revocation");
        say("after she revokes it: %s", decision(programme.disclosure().disclose(progress)));
        say("disclosure log entries: %d", programme.disclosures().entries().size());

        // 8. The whole rule catalogue over everything that happened.
        step(8, "check every programme rule");
        var violations = RuleCatalogue.checkAll(programme.record());
        say("%d rules checked over %d events: %s", RuleCatalogue.invariants().size(), programme.events().size(),
                violations.isEmpty() ? "no rule broken" : violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("rules broken: " + violations);
        }
    }

    private static ReferralSubmission.Builder arrest(String person, String grams) {
        return ReferralSubmission.builder(SEATTLE, Door.ARREST_DIVERSION, Referrer.trained(OFFICER),
                        Person.of(person, LocalDate.of(1985, 5, 17)))
                .location(Location.in(WEST)).probableCause(true)
                .offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                .drugFacts(DrugFacts.possession("HEROIN", "POWDER", new BigDecimal(grams))).personConsents(true);
    }

    private static String decision(DisclosureDecision d) {
        if (d instanceof DisclosureDecision.Granted granted) {
            return "granted under " + granted.consents().size() + " consent(s), non-evidentiary: "
                    + granted.nonEvidentiary();
        }
        return "refused: " + ((DisclosureDecision.Refused) d).errors().stream().map(EmbeddedTour::reason)
                .collect(Collectors.joining("; "));
    }

    private static String reasons(Outcome<?> out) {
        return out.errors().stream().map(EmbeddedTour::reason).collect(Collectors.joining("; "));
    }

    private static String reason(DomainError e) {
        return e.code() + (e.rule() == null ? "" : " (" + e.rule() + ")") + " " + e.message();
    }

    private static <T> T expect(Outcome<T> out, String what) {
        if (!out.isSuccess()) {
            throw new IllegalStateException(what + " was refused: " + reasons(out));
        }
        return out.value();
    }

    private static Instant seattle(String local) {
        return LocalDateTime.parse(local).atZone(PACIFIC).toInstant();
    }

    private void step(int n, String title) {
        out.printf("%n%d. %s%n", n, title);
    }

    private void say(String format, Object... args) {
        out.printf("   " + format + "%n", args);
    }

    /** The tour's clock: it stands still until the tour moves it. */
    private static final class TourClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        TourClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new TourClock(now, z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

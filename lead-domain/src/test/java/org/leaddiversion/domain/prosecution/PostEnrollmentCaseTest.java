/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.Records;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.rules.Violation;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R34 and R35: on a LEAD participant's case a charging decision is refused with CONSULTATION_REQUIRED unless a
 * consultation was requested before it or a non-blank waiver reason is given, whatever the order of the other
 * commands; only prosecutor roles request consultations and record decisions; the consultation is due exactly
 * {@code consultationWindowDays} days after the request; a decision resting on a LEAD disclosure is always refused.
 * Every accepted history satisfies the coordination invariants.
 */
@DisplayName("R34 R35 post-enrollment case consultation and charging decisions")
class PostEnrollmentCaseTest {

    static final Instant T0 = Instant.parse("2026-03-02T17:00:00Z");
    static final Offence OFFENCE = new Offence(OffenceCode.of("DRUG_POSSESSION"), OffenceLevel.MISDEMEANOR, false);
    static final EnrollmentId ENROLLMENT = new EnrollmentId(new UUID(7, 7));
    static final List<Role> ROLES = List.of(Role.values());

    static PostEnrollmentCase flagged(boolean openEnrollment) {
        return expect(PostEnrollmentCase.flag(IdGenerator.sequential(34), new PersonId("P1"), Fixtures.SEATTLE,
                openEnrollment ? Optional.of(ENROLLMENT) : Optional.empty(), List.of(OFFENCE), List.of(), T0, T0),
                "flag");
    }

    static Actor as(Role role) {
        return Actor.of("actor-" + role, role);
    }

    /** One command before the decision: a consultation request or case-manager input, by some role. */
    record Step(boolean consultation, Role role) {
    }

    record Scenario(boolean openEnrollment, List<Step> steps, Role decider, Optional<String> waiver,
                    int windowDays) {
    }

    static Gen<Scenario> scenarios() {
        return in -> {
            var steps = new ArrayList<Step>();
            int n = LeadGenerators.between(in, 0, 5);
            for (int i = 0; i < n; i++) {
                steps.add(new Step(LeadGenerators.chance(in, 50), LeadGenerators.pick(in, ROLES)));
            }
            Role decider = LeadGenerators.chance(in, 60)
                    ? LeadGenerators.pick(in, List.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR))
                    : LeadGenerators.pick(in, ROLES);
            Optional<String> waiver = LeadGenerators.pick(in,
                    List.of(Optional.<String>empty(), Optional.of(""), Optional.of("  "),
                            Optional.of("defendant in custody; arraignment tomorrow")));
            return new Scenario(LeadGenerators.chance(in, 80), steps, decider, waiver,
                    LeadGenerators.between(in, 1, 60));
        };
    }

    static boolean prosecutor(Role r) {
        return r == Role.PROSECUTOR || r == Role.LIAISON_PROSECUTOR;
    }

    @Test
    void a_decision_needs_a_prosecutor_and_on_a_lead_case_a_prior_consultation_or_a_waiver() {
        qt().forAll(scenarios()).checkAssert(s -> {
            PostEnrollmentCase c = flagged(s.openEnrollment());
            assertEquals(s.openEnrollment(), c.isLeadParticipant());
            Instant now = T0;
            boolean consulted = false;
            for (Step step : s.steps()) {
                now = now.plus(Duration.ofHours(5));
                Outcome<PostEnrollmentCase> o = step.consultation()
                        ? c.requestConsultation(as(step.role()), now, s.windowDays())
                        : c.recordCaseManagerInput(as(step.role()), "engaged weekly; housing pending", now);
                boolean expected = step.consultation() ? prosecutor(step.role()) && !consulted
                        : step.role() == Role.CASE_MANAGER;
                assertEquals(expected, o.isSuccess(), () -> step + " -> " + o);
                if (o.isSuccess()) {
                    c = o.value();
                    consulted |= step.consultation();
                } else if (step.consultation() && !prosecutor(step.role())) {
                    assertTrue(o.hasError(ErrorCode.NOT_AUTHORISED));
                } else if (step.consultation()) {
                    assertTrue(o.hasError(ErrorCode.ALREADY_RECORDED));
                }
            }
            now = now.plus(Duration.ofHours(1));
            long before = c.version();
            var out = c.recordDecision(as(s.decider()), ChargingDecision.HOLD_PENDING_OWG, s.waiver(),
                    Optional.of("engagement with case manager"), false, now);
            boolean waived = s.waiver().filter(w -> !w.isBlank()).isPresent();
            boolean consultationOk = !s.openEnrollment() || consulted || waived;
            assertEquals(prosecutor(s.decider()) && consultationOk, out.isSuccess(), () -> s + " -> " + out);
            assertEquals(!consultationOk, out.hasError(ErrorCode.CONSULTATION_REQUIRED), out::toString);
            assertEquals(!prosecutor(s.decider()), out.hasError(ErrorCode.NOT_AUTHORISED), out::toString);
            if (out.isSuccess()) {
                assertEquals(before + 1, out.value().version());
                var ev = (ProsecutionEvent.ChargingDecisionRecorded) out.events().get(0);
                assertEquals(!consulted && waived, ev.consultationWaived());
                assertEquals(List.of(), coordination(out.value()));
            } else {
                out.errors().stream().filter(e -> e.code() == ErrorCode.CONSULTATION_REQUIRED)
                        .forEach(e -> assertEquals(RuleId.R34, e.rule()));
            }
        });
    }

    @Test
    void the_consultation_is_due_window_days_after_the_request() {
        qt().forAll(Generate.range(1, 365), Generate.range(0, 10_000)).checkAssert((days, minutes) -> {
            Instant at = T0.plus(Duration.ofMinutes(minutes));
            var o = flagged(true).requestConsultation(as(Role.LIAISON_PROSECUTOR), at, days);
            ConsultationRequest q = expect(o, "request").consultation().orElseThrow();
            assertEquals(at, q.requestedAt());
            assertEquals(at.plus(Duration.ofDays(days)), q.dueBy());
            assertEquals(List.of(new ProsecutionEvent.ConsultationRequested(o.value().id(),
                    as(Role.LIAISON_PROSECUTOR).id(), at.plus(Duration.ofDays(days)), at)), o.events());
        });
    }

    @Test
    void a_decision_resting_on_a_lead_disclosure_is_always_refused() {
        qt().forAll(Generate.booleans(), Generate.booleans(), Generate.enumValues(ChargingDecision.class))
                .checkAssert((open, consult, decision) -> {
                    PostEnrollmentCase c = flagged(open);
                    if (consult) {
                        c = expect(c.requestConsultation(Fixtures.PROSECUTOR, T0, 14), "request");
                    }
                    var out = c.recordDecision(Fixtures.PROSECUTOR, decision, Optional.of("waived: custody"),
                            Optional.of("participant's disclosure to case manager"), true, T0.plusSeconds(60));
                    assertFalse(out.isSuccess());
                    assertTrue(out.errors().stream().anyMatch(e -> e.code() == ErrorCode.LEAD_DISCLOSURE_AS_BASIS
                            && e.rule() == RuleId.R35));
                    assertTrue(c.decision().isEmpty());
                });
    }

    @Test
    void a_case_is_flagged_lead_participant_only_with_an_open_enrollment_and_decided_once() {
        var lead = PostEnrollmentCase.flag(IdGenerator.sequential(1), new PersonId("P1"), Fixtures.SEATTLE,
                Optional.of(ENROLLMENT), List.of(OFFENCE), List.of(new LegalMatter(LegalMatter.Kind.WARRANT,
                        java.time.LocalDate.of(2025, 1, 4))), T0, T0);
        assertEquals(java.util.Set.of(CaseFlag.LEAD_PARTICIPANT), lead.value().flags());
        var ev = (ProsecutionEvent.PostEnrollmentCaseFlagged) lead.events().get(0);
        assertTrue(ev.leadParticipant());
        assertTrue(flagged(false).flags().isEmpty());
        assertTrue(PostEnrollmentCase.flag(IdGenerator.sequential(1), new PersonId("P1"), Fixtures.SEATTLE,
                Optional.empty(), List.of(OFFENCE), List.of(), T0.plusSeconds(1), T0).hasError(ErrorCode.INVALID_TIMESTAMP));

        var decided = expect(flagged(false).recordDecision(Fixtures.PROSECUTOR, ChargingDecision.DECLINE,
                Optional.empty(), Optional.empty(), false, T0), "decide");
        assertTrue(decided.recordDecision(Fixtures.PROSECUTOR, ChargingDecision.FILE_STANDARD, Optional.empty(),
                Optional.empty(), false, T0).hasError(ErrorCode.ALREADY_RECORDED));
    }

    /** Violations of R34 and R35 in a record holding just this case. */
    private static List<Violation> coordination(PostEnrollmentCase c) {
        var record = Records.of(org.leaddiversion.domain.policy.ReferenceProfiles.load("seattle-king-county").versions().get(0)).cases(List.of(c))
                .asOf(T0.plusSeconds(86400));
        var out = new java.util.ArrayList<Violation>();
        for (RuleId id : List.of(RuleId.R34, RuleId.R35)) {
            out.addAll(org.leaddiversion.domain.rules.RuleCatalogue.invariant(id).orElseThrow().check(record));
        }
        return out;
    }

    @Test
    void the_coordination_invariants_catch_restored_violations() {
        var c = flagged(true);
        var bare = PostEnrollmentCase.restore(c.id(), c.person(), c.site(), c.openEnrollment(), c.offences(),
                c.filedOrArrestedAt(), 1, List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new RecordedDecision(ChargingDecision.FILE_STANDARD, Fixtures.PROSECUTOR, T0,
                        Optional.empty(), Optional.of("LEAD intake notes"), true)));
        List<Violation> v = coordination(bare);
        assertEquals(List.of(RuleId.R34, RuleId.R35), v.stream().map(Violation::rule).toList());
        // a consultation requested only after the decision does not satisfy R34
        var late = PostEnrollmentCase.restore(c.id(), c.person(), c.site(), c.openEnrollment(), c.offences(),
                c.filedOrArrestedAt(), 2, List.of(),
                Optional.of(ConsultationRequest.of(Fixtures.PROSECUTOR, T0.plusSeconds(10), 14)), Optional.empty(),
                Optional.of(new RecordedDecision(ChargingDecision.FILE_STANDARD, Fixtures.PROSECUTOR, T0,
                        Optional.empty(), Optional.empty(), false)));
        assertEquals(List.of(RuleId.R34), coordination(late).stream()
                .map(Violation::rule).toList());
    }
}

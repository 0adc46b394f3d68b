/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexExpenditureId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.GoalId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.plan.ServiceReferralId;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.leaddiversion.persistence.PlanSummary;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Case management (SPEC §6), on the case-management desk: caseload assignments under the cap (R30), the participant's
 * own plan (R31) and flexible-fund spending with its caps and approvals (R33). The participant's plans as a field group
 * of her record (PLAN_SUMMARY) and the fields of a plan summary are wired in {@link ParticipantFields}.
 *
 * <p>A plan command's result is the enrollment's plan read back from the participant's record for the viewer, so the
 * plan inputs name the participant as well as the enrollment: the audited reads are by participant. An assignment has
 * no audited read of caseloads to go back to; its payload carries ids and the caseload count the domain reported.
 */
@Controller
class CaseManagementController {

    /** A plain decimal: digits, at most one point, no sign, exponent or grouping. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,15})?");

    private final PersistentProgramme programme;
    private final ParticipantRecords records;

    CaseManagementController(PersistentProgramme programme, ParticipantRecords records) {
        this.programme = programme;
        this.records = records;
    }

    // ---- the participant's plans ----------------------------------------------------------------------------------

    @SchemaMapping(typeName = "FlexExpenditure")
    Optional<GoalId> linkedGoalId(FlexExpenditure expenditure) {
        return expenditure.linkedGoal();
    }

    @SchemaMapping(typeName = "Money", field = "amount")
    String moneyAmount(Money money) {
        return money.amount().toPlainString();
    }

    @SchemaMapping(typeName = "Money", field = "currency")
    String moneyCurrency(Money money) {
        return money.currency().getCurrencyCode();
    }

    // ---- caseloads (R30) ------------------------------------------------------------------------------------------

    /** The input of an assignment. */
    record AssignCaseManagerInput(String enrollmentId, String caseManagerId) {
    }

    /** What an assignment did: ids and the caseload count the domain reported, its warnings, or the refusal. */
    record CaseManagerAssignmentPayload(EnrollmentId enrollmentId, CaseManagerId caseManagerId, Integer openCaseload,
                                        List<Commands.UserError> warnings, List<Commands.UserError> errors) {
    }

    @MutationMapping
    CaseManagerAssignmentPayload assignCaseManager(@Argument AssignCaseManagerInput input,
                                                   DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        EnrollmentId enrollment = CareInputs.enrollment(input.enrollmentId(), "input.enrollmentId");
        var caseManager = new CaseManagerId(CareInputs.text(input.caseManagerId(), "input.caseManagerId",
                Require.ID_MAX));
        Outcome<Caseloads> out = programme.caseManagement().assignCaseManager(enrollment, caseManager,
                viewer.actor());
        if (!out.isSuccess()) {
            return new CaseManagerAssignmentPayload(null, null, null, List.of(), Commands.errors(out));
        }
        Integer openCaseload = out.events().stream()
                .filter(PlanEvent.CaseManagerAssigned.class::isInstance).map(PlanEvent.CaseManagerAssigned.class::cast)
                .map(PlanEvent.CaseManagerAssigned::openCaseload).findFirst().orElse(null);
        return new CaseManagerAssignmentPayload(enrollment, caseManager, openCaseload,
                out.warnings().stream().map(Commands.UserError::of).toList(), List.of());
    }

    // ---- the plan (R31) -------------------------------------------------------------------------------------------

    /** A goal the participant set. */
    record AddGoalInput(String participantId, String enrollmentId, PlanDomain domain, GoalKind kind,
                        String description, Boolean setByParticipant) {
    }

    /** A goal's new status. */
    record UpdateGoalStatusInput(String participantId, String enrollmentId, String goalId, GoalStatus status) {
    }

    /** A referral to a service provider. */
    record AddServiceReferralInput(String participantId, String enrollmentId, PlanDomain domain, String provider,
                                   ServiceReferralStatus status) {
    }

    /**
     * A plan command's payload: whose plan (only to read it back for the viewer; never shown), the goal or service
     * referral it touched, or the refusal.
     */
    record PlanPayload(Optional<PersonId> participant, EnrollmentId enrollment, GoalId goalId,
                       ServiceReferralId serviceReferralId,
                       List<Commands.UserError> errors) {
    }

    @MutationMapping
    PlanPayload addGoal(@Argument AddGoalInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = CareInputs.person(input.participantId(), "input.participantId");
        EnrollmentId enrollment = CareInputs.enrollment(input.enrollmentId(), "input.enrollmentId");
        PlanDomain domain = CareInputs.required(input.domain(), "input.domain");
        GoalKind kind = input.kind() == null ? GoalKind.GENERAL : input.kind();
        String description = CareInputs.text(input.description(), "input.description", Require.TEXT_MAX);
        boolean setByParticipant = CareInputs.required(input.setByParticipant(), "input.setByParticipant");
        Outcome<InterventionPlan> out = programme.caseManagement().addGoal(enrollment, viewer.actor(), domain, kind,
                description, setByParticipant);
        if (!out.isSuccess()) {
            return refused(enrollment, out);
        }
        GoalId goal = event(out, PlanEvent.GoalSet.class).map(PlanEvent.GoalSet::goal).orElse(null);
        return new PlanPayload(Optional.of(person), enrollment, goal, null, List.of());
    }

    @MutationMapping
    PlanPayload updateGoalStatus(@Argument UpdateGoalStatusInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = CareInputs.person(input.participantId(), "input.participantId");
        EnrollmentId enrollment = CareInputs.enrollment(input.enrollmentId(), "input.enrollmentId");
        GoalId goal = new GoalId(Commands.uuid(input.goalId(), "input.goalId"));
        GoalStatus status = CareInputs.required(input.status(), "input.status");
        Outcome<InterventionPlan> out = programme.caseManagement().updateGoalStatus(enrollment, viewer.actor(), goal,
                status);
        if (!out.isSuccess()) {
            return refused(enrollment, out);
        }
        return new PlanPayload(Optional.of(person), enrollment, goal, null, List.of());
    }

    @MutationMapping
    PlanPayload addServiceReferral(@Argument AddServiceReferralInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = CareInputs.person(input.participantId(), "input.participantId");
        EnrollmentId enrollment = CareInputs.enrollment(input.enrollmentId(), "input.enrollmentId");
        PlanDomain domain = CareInputs.required(input.domain(), "input.domain");
        String provider = CareInputs.text(input.provider(), "input.provider", Require.NAME_MAX);
        ServiceReferralStatus status = input.status() == null ? ServiceReferralStatus.REFERRED : input.status();
        Outcome<InterventionPlan> out = programme.caseManagement().addServiceReferral(enrollment, viewer.actor(),
                domain, provider, status);
        if (!out.isSuccess()) {
            return refused(enrollment, out);
        }
        var made = event(out, PlanEvent.ServiceReferralMade.class).map(PlanEvent.ServiceReferralMade::serviceReferral)
                .orElse(null);
        return new PlanPayload(Optional.of(person), enrollment, null, made, List.of());
    }

    /** The enrollment's plan after the command, read back for the viewer when the client asks for it. */
    @SchemaMapping(typeName = "PlanPayload")
    DataFetcherResult<Optional<PlanSummary>> plan(PlanPayload payload, DataFetchingEnvironment env) {
        return planOf(payload.participant(), payload.enrollment(), env);
    }

    private static PlanPayload refused(EnrollmentId enrollment, Outcome<?> out) {
        return new PlanPayload(Optional.empty(), enrollment, null, null, Commands.errors(out));
    }

    // ---- flexible funds (R33) -------------------------------------------------------------------------------------

    /** An exact amount: a decimal string and an ISO 4217 code. */
    record MoneyInput(String amount, String currency) {
    }

    /** Who approved an expenditure above a cap. */
    record ApproverInput(String id, Role role) {
    }

    /** Money spent on the participant's need. */
    record SpendInput(String participantId, String enrollmentId, Instant spentAt, MoneyInput amount,
                      PlanDomain category, String payee, String purpose, ApproverInput approvedBy,
                      String linkedGoalId) {
    }

    /** What an expenditure did: its id and whose ledger (only to read it back), or the refusal. */
    record SpendingPayload(Optional<PersonId> participant, EnrollmentId enrollment,
                           FlexExpenditureId expenditureId,
                           List<Commands.UserError> errors) {
    }

    @MutationMapping
    SpendingPayload spend(@Argument SpendInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = CareInputs.person(input.participantId(), "input.participantId");
        EnrollmentId enrollment = CareInputs.enrollment(input.enrollmentId(), "input.enrollmentId");
        Instant spentAt = CareInputs.required(input.spentAt(), "input.spentAt");
        Money amount = money(CareInputs.required(input.amount(), "input.amount"), "input.amount");
        PlanDomain category = CareInputs.required(input.category(), "input.category");
        String payee = CareInputs.text(input.payee(), "input.payee", Require.NAME_MAX);
        String purpose = CareInputs.text(input.purpose(), "input.purpose", Require.TEXT_MAX);
        Optional<Actor> approver = Optional.ofNullable(input.approvedBy()).map(a -> new Actor(
                new ActorId(CareInputs.text(a.id(), "input.approvedBy.id", Require.ID_MAX)),
                CareInputs.required(a.role(), "input.approvedBy.role"), Optional.empty()));
        Optional<GoalId> goal = Optional.ofNullable(input.linkedGoalId())
                .map(g -> new GoalId(Commands.uuid(g, "input.linkedGoalId")));
        Outcome<FlexFund> out = programme.caseManagement().spend(enrollment, viewer.actor(), spentAt, amount,
                category, payee, purpose, approver, goal);
        if (!out.isSuccess()) {
            return new SpendingPayload(Optional.empty(), enrollment, null, Commands.errors(out));
        }
        var recorded = event(out, PlanEvent.FlexExpenditureRecorded.class)
                .map(PlanEvent.FlexExpenditureRecorded::expenditure).orElse(null);
        return new SpendingPayload(Optional.of(person), enrollment, recorded, List.of());
    }

    /** The enrollment's plan and ledger after the expenditure, read back for the viewer when the client asks. */
    @SchemaMapping(typeName = "SpendingPayload", field = "plan")
    DataFetcherResult<Optional<PlanSummary>> spendingPlan(SpendingPayload payload, DataFetchingEnvironment env) {
        return planOf(payload.participant(), payload.enrollment(), env);
    }

    /** An exact amount: a plain positive decimal with no more digits than the currency has, in a known currency. */
    private static Money money(MoneyInput input, String field) {
        String amount = CareInputs.text(input.amount(), field + ".amount", 40);
        if (!DECIMAL.matcher(amount).matches()) {
            throw new InvalidValueException(field + ".amount",
                    "must be a plain decimal such as 42.50 (no sign, exponent or grouping)");
        }
        String code = CareInputs.text(input.currency(), field + ".currency", 3);
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field + ".currency", "is not an ISO 4217 currency code");
        }
        Money money;
        try {
            money = new Money(new BigDecimal(amount), currency);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field + ".amount", e.reason());
        }
        if (!money.isPositive()) {
            throw new InvalidValueException(field + ".amount", "must be above zero");
        }
        return money;
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    /**
     * The plan of one enrollment, read straight from the audited read (not the request's DataLoader, whose cache may
     * hold the plan as it was before the command).
     */
    private DataFetcherResult<Optional<PlanSummary>> planOf(Optional<PersonId> participant, EnrollmentId enrollment,
                                                            DataFetchingEnvironment env) {
        if (participant.isEmpty()) {
            return DataFetcherResult.<Optional<PlanSummary>>newResult().data(Optional.empty()).build();
        }
        var release = records.plansOf(Commands.viewer(env).reader(), participant.get());
        return CareInputs.one(release, s -> s.enrollment().equals(enrollment), env);
    }

    private static <E extends DomainEvent> Optional<E> event(Outcome<?> out, Class<E> type) {
        return out.events().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}

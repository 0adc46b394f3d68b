/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

import static org.leaddiversion.domain.access.Condition.ASSIGNED_ONLY;
import static org.leaddiversion.domain.access.Condition.IN_MEETING;
import static org.leaddiversion.domain.access.Condition.OWN_ONLY;
import static org.leaddiversion.domain.access.Condition.PART2_CONSENT;
import static org.leaddiversion.domain.access.Condition.RESEARCH_EXTRACT;
import static org.leaddiversion.domain.access.Condition.ROI;
import static org.leaddiversion.domain.access.Condition.SUPERVISORY;
import static org.leaddiversion.domain.access.DataClass.AGGREGATE;
import static org.leaddiversion.domain.access.DataClass.CASE_NOTES;
import static org.leaddiversion.domain.access.DataClass.ENROLLMENT_STATUS;
import static org.leaddiversion.domain.access.DataClass.LEGAL_COORDINATION;
import static org.leaddiversion.domain.access.DataClass.PLAN_SUMMARY;
import static org.leaddiversion.domain.access.DataClass.REFERRAL_CORE;
import static org.leaddiversion.domain.access.DataClass.SCREENING;
import static org.leaddiversion.domain.access.DataClass.SUD_PART2;
import static org.leaddiversion.domain.access.Operation.APPROVE;
import static org.leaddiversion.domain.access.Operation.READ;
import static org.leaddiversion.domain.access.Operation.WRITE;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;

/**
 * The visibility/action matrix of SPEC §2.2, held as one table: for each role and data class, which operations are
 * allowed and under which {@link Condition conditions}. Everything not in the table is denied.
 *
 * <p>Readings of the matrix where the specification leaves room:
 * <ul>
 *   <li>The case-manager row is for the <em>assigned</em> case manager: every cell but {@code AGGREGATE} needs
 *       {@link Condition#ASSIGNED_ONLY}. The OWG row is "in meeting": every cell but {@code AGGREGATE} needs
 *       {@link Condition#IN_MEETING}, and its ROI cells need both.</li>
 *   <li>Prosecutor and liaison prosecutor share a row, as do PCG and CLT members, and court and probation. The
 *       prosecutor's approval of screening and the project manager's approval of community referrals exist "where
 *       configured": the matrix allows them and the site policy decides whether they apply.</li>
 *   <li>The prosecutor's Part 2 cell is a read that needs {@link Condition#PART2_CONSENT}; that it is never for
 *       enforcement is rule R35, enforced for every disclosure by the disclosure policy, not here.</li>
 *   <li>The evaluator's Part 2 cell ("research/audit exception only") is a read as a research extract.</li>
 *   <li>The project manager's case-notes read carries {@link Condition#SUPERVISORY}, which the site policy governs.</li>
 *   <li>Roles absent from §2.2 are kept conservative. An {@code OUTREACH_WORKER} chases referrals and people who
 *       have disappeared: it may read and write referral core and screening and read enrollment status of those
 *       assigned to it, and read aggregates; never plans, case notes, Part 2 or legal data. A {@code PARTICIPANT}
 *       may read their own referral core, enrollment status and plan summary. A {@code COMPLAINANT} has no
 *       access.</li>
 * </ul>
 * The matrix has no rule number of its own; denials cite R36 (consent-gated disclosure), the rule it serves.
 */
public final class AccessPolicy {

    private final Map<Role, Map<DataClass, Map<Operation, Set<Condition>>>> table = new EnumMap<>(Role.class);

    /** The matrix of SPEC §2.2. */
    public AccessPolicy() {
        cell(Role.OFFICER, REFERRAL_CORE, EnumSet.of(OWN_ONLY), READ, WRITE);
        cell(Role.OFFICER, SCREENING, EnumSet.of(OWN_ONLY), WRITE);
        cell(Role.OFFICER, ENROLLMENT_STATUS, EnumSet.of(ROI), READ);
        cell(Role.OFFICER, LEGAL_COORDINATION, EnumSet.of(OWN_ONLY), READ);
        cell(Role.OFFICER, AGGREGATE, none(), READ);

        cell(Role.SERGEANT, REFERRAL_CORE, none(), READ, APPROVE);
        cell(Role.SERGEANT, SCREENING, none(), READ, APPROVE);
        cell(Role.SERGEANT, ENROLLMENT_STATUS, EnumSet.of(ROI), READ);
        cell(Role.SERGEANT, LEGAL_COORDINATION, none(), READ);
        cell(Role.SERGEANT, AGGREGATE, none(), READ);

        cell(Role.CASE_MANAGER, REFERRAL_CORE, EnumSet.of(ASSIGNED_ONLY), READ);
        cell(Role.CASE_MANAGER, SCREENING, EnumSet.of(ASSIGNED_ONLY), READ);
        cell(Role.CASE_MANAGER, ENROLLMENT_STATUS, EnumSet.of(ASSIGNED_ONLY), READ, WRITE);
        cell(Role.CASE_MANAGER, PLAN_SUMMARY, EnumSet.of(ASSIGNED_ONLY), READ, WRITE);
        cell(Role.CASE_MANAGER, CASE_NOTES, EnumSet.of(ASSIGNED_ONLY), READ, WRITE);
        cell(Role.CASE_MANAGER, SUD_PART2, EnumSet.of(ASSIGNED_ONLY), READ, WRITE);
        cell(Role.CASE_MANAGER, LEGAL_COORDINATION, EnumSet.of(ASSIGNED_ONLY), READ);
        cell(Role.CASE_MANAGER, AGGREGATE, none(), READ);

        for (Role prosecutor : EnumSet.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR)) {
            cell(prosecutor, REFERRAL_CORE, none(), READ);
            cell(prosecutor, SCREENING, none(), READ, APPROVE);
            cell(prosecutor, ENROLLMENT_STATUS, EnumSet.of(ROI), READ);
            cell(prosecutor, PLAN_SUMMARY, EnumSet.of(ROI), READ);
            cell(prosecutor, SUD_PART2, EnumSet.of(PART2_CONSENT), READ);
            cell(prosecutor, LEGAL_COORDINATION, none(), READ, WRITE, APPROVE);
            cell(prosecutor, AGGREGATE, none(), READ);
        }

        for (DataClass data : EnumSet.of(REFERRAL_CORE, SCREENING, ENROLLMENT_STATUS, PLAN_SUMMARY,
                LEGAL_COORDINATION)) {
            cell(Role.DEFENDER, data, EnumSet.of(ROI), READ);
        }
        cell(Role.DEFENDER, AGGREGATE, none(), READ);

        cell(Role.PROJECT_MANAGER, REFERRAL_CORE, none(), READ, WRITE);
        cell(Role.PROJECT_MANAGER, SCREENING, none(), READ, WRITE, APPROVE);
        cell(Role.PROJECT_MANAGER, ENROLLMENT_STATUS, none(), READ, WRITE);
        cell(Role.PROJECT_MANAGER, PLAN_SUMMARY, none(), READ);
        cell(Role.PROJECT_MANAGER, CASE_NOTES, EnumSet.of(SUPERVISORY), READ);
        cell(Role.PROJECT_MANAGER, LEGAL_COORDINATION, none(), READ);
        cell(Role.PROJECT_MANAGER, AGGREGATE, none(), READ, WRITE);

        cell(Role.OWG_MEMBER, REFERRAL_CORE, EnumSet.of(IN_MEETING), READ);
        cell(Role.OWG_MEMBER, SCREENING, EnumSet.of(IN_MEETING), READ);
        cell(Role.OWG_MEMBER, ENROLLMENT_STATUS, EnumSet.of(IN_MEETING, ROI), READ);
        cell(Role.OWG_MEMBER, PLAN_SUMMARY, EnumSet.of(IN_MEETING, ROI), READ);
        cell(Role.OWG_MEMBER, LEGAL_COORDINATION, EnumSet.of(IN_MEETING), READ, WRITE);
        cell(Role.OWG_MEMBER, AGGREGATE, none(), READ);

        cell(Role.PCG_MEMBER, AGGREGATE, none(), READ);
        cell(Role.CLT_MEMBER, AGGREGATE, none(), READ);

        for (DataClass data : EnumSet.of(REFERRAL_CORE, SCREENING, ENROLLMENT_STATUS, PLAN_SUMMARY, SUD_PART2,
                LEGAL_COORDINATION)) {
            cell(Role.EVALUATOR, data, EnumSet.of(RESEARCH_EXTRACT), READ);
        }
        cell(Role.EVALUATOR, AGGREGATE, none(), READ);

        cell(Role.COMMUNITY_REFERRER, REFERRAL_CORE, EnumSet.of(OWN_ONLY), READ, WRITE);
        cell(Role.COMMUNITY_REFERRER, AGGREGATE, none(), READ);

        for (Role external : EnumSet.of(Role.COURT, Role.PROBATION)) {
            cell(external, ENROLLMENT_STATUS, EnumSet.of(ROI), READ);
            cell(external, PLAN_SUMMARY, EnumSet.of(ROI), READ);
        }

        cell(Role.OUTREACH_WORKER, REFERRAL_CORE, EnumSet.of(ASSIGNED_ONLY), READ, WRITE);
        cell(Role.OUTREACH_WORKER, SCREENING, EnumSet.of(ASSIGNED_ONLY), READ, WRITE);
        cell(Role.OUTREACH_WORKER, ENROLLMENT_STATUS, EnumSet.of(ASSIGNED_ONLY), READ);
        cell(Role.OUTREACH_WORKER, AGGREGATE, none(), READ);

        cell(Role.PARTICIPANT, REFERRAL_CORE, EnumSet.of(OWN_ONLY), READ);
        cell(Role.PARTICIPANT, ENROLLMENT_STATUS, EnumSet.of(OWN_ONLY), READ);
        cell(Role.PARTICIPANT, PLAN_SUMMARY, EnumSet.of(OWN_ONLY), READ);
    }

    /**
     * Whether {@code role} may perform {@code operation} on {@code data} in {@code context}: allowed with the cell's
     * conditions, or denied naming the missing operation ({@code NOT_AUTHORISED}) or the unmet condition (a missing
     * ROI or Part 2 consent is {@code CONSENT_REQUIRED}).
     */
    public AccessDecision decide(Role role, DataClass data, Operation operation, AccessContext context) {
        Require.present(role, "role");
        Require.present(data, "data");
        Require.present(operation, "operation");
        Require.present(context, "context");
        Set<Condition> conditions = conditionsFor(role, data, operation);
        if (conditions == null) {
            return denied(ErrorCode.NOT_AUTHORISED, "operation",
                    "role " + role + " may not " + operation + " " + data);
        }
        for (Condition condition : conditions) {
            if (!context.satisfies(condition)) {
                ErrorCode code = condition == ROI || condition == PART2_CONSENT
                        ? ErrorCode.CONSENT_REQUIRED : ErrorCode.NOT_AUTHORISED;
                return denied(code, "context." + condition.name().toLowerCase(java.util.Locale.ROOT),
                        "role " + role + " may " + operation + " " + data + " only with condition " + condition);
            }
        }
        return new AccessDecision.Allowed(conditions);
    }

    /** The data classes {@code role} may read in {@code context}. */
    public Set<DataClass> readableClasses(Role role, AccessContext context) {
        Set<DataClass> readable = EnumSet.noneOf(DataClass.class);
        for (DataClass data : DataClass.values()) {
            if (decide(role, data, READ, context).isAllowed()) {
                readable.add(data);
            }
        }
        return Collections.unmodifiableSet(readable);
    }

    /** The conditions of the matrix cell for this operation, or {@code null} when the cell does not grant it. */
    private Set<Condition> conditionsFor(Role role, DataClass data, Operation operation) {
        Map<DataClass, Map<Operation, Set<Condition>>> row = table.get(role);
        if (row == null) {
            return null;
        }
        Map<Operation, Set<Condition>> cell = row.get(data);
        return cell == null ? null : cell.get(operation);
    }

    private void cell(Role role, DataClass data, Set<Condition> conditions, Operation... operations) {
        Map<Operation, Set<Condition>> cell = table.computeIfAbsent(role, r -> new EnumMap<>(DataClass.class))
                .computeIfAbsent(data, d -> new EnumMap<>(Operation.class));
        for (Operation operation : operations) {
            cell.put(operation, Collections.unmodifiableSet(EnumSet.copyOf(conditions)));
        }
    }

    private static Set<Condition> none() {
        return EnumSet.noneOf(Condition.class);
    }

    private static AccessDecision denied(ErrorCode code, String field, String message) {
        return new AccessDecision.Denied(DomainError.of(code, field, RuleId.R36, message));
    }
}

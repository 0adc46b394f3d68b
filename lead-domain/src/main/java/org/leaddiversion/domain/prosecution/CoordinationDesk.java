/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.leaddiversion.domain.access.AccessContext;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.AccessPolicy;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The prosecution-coordination desk (SPEC §7.2–7.3): records new and pre-existing cases, flags those of people with
 * an open enrollment for the liaison prosecutor, and runs the consultation and the charging decision (rules R34,
 * R35). Nothing here reads or writes an enrollment's state: a charge never moves an enrollment (rule R25).
 *
 * <p>Cases are recorded by whoever may write legal-coordination data under the {@link AccessPolicy} (prosecutors and
 * liaison prosecutors); the consultation window is the {@code consultationWindowDays} of the site policy in force when
 * the consultation is requested. Each command stores the new version with its events in one transaction; a stale
 * write is a {@link ErrorCode#CONCURRENT_UPDATE} rejection and nothing is stored.
 */
public final class CoordinationDesk {

    private final Clock clock;
    private final IdGenerator ids;
    private final SitePolicies policies;
    private final OpenEnrollments enrollments;
    private final PostEnrollmentCases cases;
    private final Transactions transactions;
    private final AccessPolicy access = new AccessPolicy();

    public CoordinationDesk(Clock clock, IdGenerator ids, SitePolicies policies, OpenEnrollments enrollments,
                            PostEnrollmentCases cases, Transactions transactions) {
        this.clock = Require.present(clock, "clock");
        this.ids = Require.present(ids, "ids");
        this.policies = Require.present(policies, "policies");
        this.enrollments = Require.present(enrollments, "enrollments");
        this.cases = Require.present(cases, "cases");
        this.transactions = Require.present(transactions, "transactions");
    }

    /**
     * Records a case filed or an arrest made at {@code filedOrArrestedAt}; flagged {@link CaseFlag#LEAD_PARTICIPANT}
     * when the person has an open enrollment at the site now (SPEC §7.3 step 1). The enrollment is not touched.
     * A site without a policy in force now is refused ({@link ErrorCode#NO_POLICY_IN_FORCE}): nobody could consult on
     * its case.
     */
    public Outcome<PostEnrollmentCase> recordCase(Actor actor, PersonId person, SiteId site, List<Offence> offences,
                                                  List<LegalMatter> legalMatters, Instant filedOrArrestedAt) {
        Require.present(actor, "actor");
        Require.present(person, "person");
        Require.present(site, "site");
        return transactions.command(() -> {
            Optional<Outcome<PostEnrollmentCase>> denied = mayWrite(actor);
            if (denied.isPresent()) {
                return denied.get();
            }
            if (policies.inForceAt(site, clock.instant()).isEmpty()) {
                return Outcome.rejected(ErrorCode.NO_POLICY_IN_FORCE, "site", RuleId.R40,
                        "no policy version of site " + site + " is in force now");
            }
            Outcome<PostEnrollmentCase> out = PostEnrollmentCase.flag(ids, person, site, enrollments.of(person, site),
                    offences, legalMatters, filedOrArrestedAt, clock.instant());
            if (out.isSuccess()) {
                cases.save(out.value(), -1, out.events());
            }
            return out;
        });
    }

    /** A prosecutor asks to consult the case manager, due within the site's consultation window (SPEC §7.3 step 2). */
    public Outcome<PostEnrollmentCase> requestConsultation(PostEnrollmentCaseId id, Actor actor) {
        return change(id, (c, policy) -> c.requestConsultation(actor, clock.instant(),
                policy.consultationWindowDays()));
    }

    /** The case manager's input, limited to what Golden Rule 1 allows (SPEC §7.3 step 3). */
    public Outcome<PostEnrollmentCase> recordCaseManagerInput(PostEnrollmentCaseId id, Actor actor, String summary) {
        return change(id, (c, policy) -> c.recordCaseManagerInput(actor, summary, clock.instant()));
    }

    /**
     * The prosecutor's charging decision (SPEC §7.3 step 4): after a consultation request or with a waiver reason on a
     * LEAD participant's case (rule R34), never resting on a LEAD disclosure (rule R35).
     */
    public Outcome<PostEnrollmentCase> recordDecision(PostEnrollmentCaseId id, Actor actor, ChargingDecision decision,
                                                      Optional<String> waiverReason, Optional<String> basis,
                                                      boolean basedOnLeadDisclosure) {
        return change(id, (c, policy) -> c.recordDecision(actor, decision, waiverReason, basis,
                basedOnLeadDisclosure, clock.instant()));
    }

    private Optional<Outcome<PostEnrollmentCase>> mayWrite(Actor actor) {
        AccessDecision d = access.decide(actor.role(), DataClass.LEGAL_COORDINATION, Operation.WRITE,
                AccessContext.none());
        return d instanceof AccessDecision.Denied denied ? Optional.of(Outcome.rejected(denied.reason()))
                : Optional.empty();
    }

    private Outcome<PostEnrollmentCase> change(PostEnrollmentCaseId id,
                                               BiFunction<PostEnrollmentCase, SitePolicy, Outcome<PostEnrollmentCase>>
                                                       command) {
        Require.present(id, "caseId");
        return transactions.command(() -> {
            Optional<PostEnrollmentCase> c = cases.find(id);
            if (c.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND, "caseId", RuleId.R34, "no such case");
            }
            Optional<SitePolicy> policy = policies.inForceAt(c.get().site(), clock.instant());
            if (policy.isEmpty()) {
                return Outcome.rejected(ErrorCode.NO_POLICY_IN_FORCE, "site", RuleId.R40,
                        "no policy version of site " + c.get().site() + " is in force now");
            }
            Outcome<PostEnrollmentCase> out = command.apply(c.get(), policy.get());
            if (out.isSuccess() && out.value() != c.get()) {
                cases.save(out.value(), c.get().version(), out.events());
            }
            return out;
        });
    }
}

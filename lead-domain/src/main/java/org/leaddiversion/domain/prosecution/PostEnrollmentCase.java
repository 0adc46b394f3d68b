/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * A case filed or an arrest made after the person enrolled (SPEC §7.3). Immutable: each command returns a new
 * version. The case names the open enrollment by id only and never changes it (rule R25); a charging decision on a
 * LEAD participant's case needs a prior consultation request or a written waiver reason (rule R34) and may never
 * rest on a LEAD disclosure (rule R35).
 */
public final class PostEnrollmentCase {

    private static final Set<Role> PROSECUTORS = EnumSet.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR);

    private final PostEnrollmentCaseId id;
    private final PersonId person;
    private final SiteId site;
    private final Optional<EnrollmentId> openEnrollment;
    private final List<Offence> offences;
    private final Instant filedOrArrestedAt;
    private final Set<CaseFlag> flags;
    private final long version;
    private final List<LegalMatter> legalMatters;
    private final Optional<ConsultationRequest> consultation;
    private final Optional<CaseManagerInput> caseManagerInput;
    private final Optional<RecordedDecision> decision;
    private final Optional<ReferralId> referral;

    private PostEnrollmentCase(PostEnrollmentCaseId id, PersonId person, SiteId site,
                               Optional<EnrollmentId> openEnrollment, List<Offence> offences,
                               Instant filedOrArrestedAt, long version, List<LegalMatter> legalMatters,
                               Optional<ConsultationRequest> consultation,
                               Optional<CaseManagerInput> caseManagerInput, Optional<RecordedDecision> decision,
                               Optional<ReferralId> referral) {
        this.id = Require.present(id, "caseId");
        this.person = Require.present(person, "person");
        this.site = Require.present(site, "site");
        this.openEnrollment = Require.present(openEnrollment, "openEnrollment");
        this.offences = Require.immutableList(offences, "offences");
        if (this.offences.isEmpty()) {
            throw new InvalidValueException("offences", "a case names at least one offence");
        }
        this.filedOrArrestedAt = Require.present(filedOrArrestedAt, "filedOrArrestedAt");
        this.flags = openEnrollment.isPresent() ? Set.of(CaseFlag.LEAD_PARTICIPANT) : Set.of();
        this.version = version;
        this.legalMatters = Require.immutableList(legalMatters, "legalMatters");
        this.consultation = Require.present(consultation, "consultation");
        this.caseManagerInput = Require.present(caseManagerInput, "caseManagerInput");
        this.decision = Require.present(decision, "decision");
        this.referral = Require.present(referral, "referral");
    }

    /**
     * Records a case filed or an arrest made; flagged {@link CaseFlag#LEAD_PARTICIPANT} when the person has an open
     * enrollment. Emits {@link ProsecutionEvent.PostEnrollmentCaseFlagged}. The enrollment itself is not touched.
     */
    public static Outcome<PostEnrollmentCase> flag(IdGenerator ids, PersonId person, SiteId site,
                                                   Optional<EnrollmentId> openEnrollment, List<Offence> offences,
                                                   List<LegalMatter> legalMatters, Instant filedOrArrestedAt,
                                                   Instant now) {
        return flag(ids, person, site, openEnrollment, offences, legalMatters, filedOrArrestedAt, now,
                Optional.empty());
    }

    /**
     * As {@link #flag(IdGenerator, PersonId, SiteId, Optional, List, List, Instant, Instant)}, for a case that comes
     * from an arrest-door referral of a participant which was not diverted (rule R23): {@code referral} names it.
     */
    public static Outcome<PostEnrollmentCase> flag(IdGenerator ids, PersonId person, SiteId site,
                                                   Optional<EnrollmentId> openEnrollment, List<Offence> offences,
                                                   List<LegalMatter> legalMatters, Instant filedOrArrestedAt,
                                                   Instant now, Optional<ReferralId> referral) {
        Require.present(ids, "ids");
        Require.present(now, "now");
        if (Require.present(filedOrArrestedAt, "filedOrArrestedAt").isAfter(now)) {
            return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "filedOrArrestedAt", RuleId.R29,
                    "a case cannot be filed or an arrest made in the future");
        }
        var c = new PostEnrollmentCase(new PostEnrollmentCaseId(ids.next()), person, site, openEnrollment, offences,
                filedOrArrestedAt, 0, legalMatters, Optional.empty(), Optional.empty(), Optional.empty(), referral);
        return Outcome.success(c, List.of(new ProsecutionEvent.PostEnrollmentCaseFlagged(c.id, person, site,
                openEnrollment, c.isLeadParticipant(), now)));
    }

    /** Restores a stored case (for adapters). */
    public static PostEnrollmentCase restore(PostEnrollmentCaseId id, PersonId person, SiteId site,
                                             Optional<EnrollmentId> openEnrollment, List<Offence> offences,
                                             Instant filedOrArrestedAt, long version,
                                             List<LegalMatter> legalMatters,
                                             Optional<ConsultationRequest> consultation,
                                             Optional<CaseManagerInput> caseManagerInput,
                                             Optional<RecordedDecision> decision) {
        return restore(id, person, site, openEnrollment, offences, filedOrArrestedAt, version, legalMatters,
                consultation, caseManagerInput, decision, Optional.empty());
    }

    /** Restores a stored case that came from a referral (for adapters). */
    public static PostEnrollmentCase restore(PostEnrollmentCaseId id, PersonId person, SiteId site,
                                             Optional<EnrollmentId> openEnrollment, List<Offence> offences,
                                             Instant filedOrArrestedAt, long version,
                                             List<LegalMatter> legalMatters,
                                             Optional<ConsultationRequest> consultation,
                                             Optional<CaseManagerInput> caseManagerInput,
                                             Optional<RecordedDecision> decision, Optional<ReferralId> referral) {
        return new PostEnrollmentCase(id, person, site, openEnrollment, offences, filedOrArrestedAt, version,
                legalMatters, consultation, caseManagerInput, decision, referral);
    }

    /**
     * A prosecutor or liaison prosecutor asks to consult the case manager; due {@code windowDays} (the site's
     * {@code consultationWindowDays}) later. Only one request per case ({@link ErrorCode#ALREADY_RECORDED}).
     */
    public Outcome<PostEnrollmentCase> requestConsultation(Actor actor, Instant now, int windowDays) {
        Require.present(actor, "actor");
        Require.present(now, "now");
        Require.atLeast(windowDays, 1, "consultationWindowDays");
        if (!PROSECUTORS.contains(actor.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R34,
                    "only a prosecutor or liaison prosecutor requests a consultation");
        }
        if (consultation.isPresent()) {
            return Outcome.rejected(ErrorCode.ALREADY_RECORDED, "consultation", RuleId.R34,
                    "a consultation was already requested on this case");
        }
        var request = ConsultationRequest.of(actor, now, windowDays);
        return Outcome.success(new PostEnrollmentCase(id, person, site, openEnrollment, offences, filedOrArrestedAt,
                        version + 1, legalMatters, Optional.of(request), caseManagerInput, decision, referral),
                List.of(new ProsecutionEvent.ConsultationRequested(id, actor.id(), request.dueBy(), now)));
    }

    /** The case manager records the summary the prosecutor is to consider; a later summary replaces it. */
    public Outcome<PostEnrollmentCase> recordCaseManagerInput(Actor actor, String summary, Instant now) {
        Require.present(actor, "actor");
        Require.present(now, "now");
        if (actor.role() != Role.CASE_MANAGER) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "actor.role", RuleId.R34,
                    "only a case manager records case-manager input");
        }
        if (summary == null || summary.isBlank()) {
            return Outcome.rejected(ErrorCode.REASON_REQUIRED, "caseManagerInput.summary", RuleId.R34,
                    "the case manager's input needs a written summary");
        }
        var input = new CaseManagerInput(actor, summary, now);
        return Outcome.success(new PostEnrollmentCase(id, person, site, openEnrollment, offences, filedOrArrestedAt,
                        version + 1, legalMatters, consultation, Optional.of(input), decision, referral),
                List.of(new ProsecutionEvent.CaseManagerInputRecorded(id, actor.id(), now)));
    }

    /**
     * Records the charging decision. Refused with {@link ErrorCode#NOT_AUTHORISED} unless the actor is a
     * prosecutor or liaison prosecutor; with {@link ErrorCode#LEAD_DISCLOSURE_AS_BASIS} when the basis is a LEAD
     * disclosure (rule R35); with {@link ErrorCode#CONSULTATION_REQUIRED} on a LEAD participant's case without a
     * consultation request or a non-blank waiver reason (rule R34); with {@link ErrorCode#ALREADY_RECORDED} when the
     * case already has a decision. Every applicable reason is reported.
     */
    public Outcome<PostEnrollmentCase> recordDecision(Actor actor, ChargingDecision charging,
                                                      Optional<String> waiverReason, Optional<String> basis,
                                                      boolean basedOnLeadDisclosure, Instant now) {
        Require.present(actor, "actor");
        Require.present(charging, "decision");
        Require.present(waiverReason, "waiverReason");
        Require.present(basis, "basis");
        Require.present(now, "now");
        Optional<String> waiver = waiverReason.filter(w -> !w.isBlank());
        var errors = new ArrayList<DomainError>();
        if (!PROSECUTORS.contains(actor.role())) {
            errors.add(DomainError.of(ErrorCode.NOT_AUTHORISED, "actor.role",
                    RuleId.R34, "only a prosecutor or liaison prosecutor records a charging decision"));
        }
        if (decision.isPresent()) {
            errors.add(DomainError.of(ErrorCode.ALREADY_RECORDED, "decision",
                    RuleId.R34, "a charging decision is already recorded on this case"));
        }
        if (basedOnLeadDisclosure) {
            errors.add(DomainError.of(ErrorCode.LEAD_DISCLOSURE_AS_BASIS,
                    "decision.basis", RuleId.R35, "a charging decision may not list a LEAD disclosure as its basis"));
        }
        if (isLeadParticipant() && consultation.isEmpty() && waiver.isEmpty()) {
            errors.add(DomainError.of(ErrorCode.CONSULTATION_REQUIRED,
                    "decision.waiverReason", RuleId.R34,
                    "a LEAD participant's case needs a consultation request or a written waiver reason first"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        var recorded = new RecordedDecision(charging, actor, now, waiver, basis.filter(b -> !b.isBlank()),
                false);
        boolean waived = consultation.isEmpty() && waiver.isPresent();
        return Outcome.success(new PostEnrollmentCase(id, person, site, openEnrollment, offences, filedOrArrestedAt,
                        version + 1, legalMatters, consultation, caseManagerInput, Optional.of(recorded), referral),
                List.of(new ProsecutionEvent.ChargingDecisionRecorded(id, charging, actor.id(), waived, now)));
    }

    /** Whether the case is flagged {@link CaseFlag#LEAD_PARTICIPANT}. */
    public boolean isLeadParticipant() {
        return flags.contains(CaseFlag.LEAD_PARTICIPANT);
    }

    public PostEnrollmentCaseId id() {
        return id;
    }

    public PersonId person() {
        return person;
    }

    public SiteId site() {
        return site;
    }

    public Optional<EnrollmentId> openEnrollment() {
        return openEnrollment;
    }

    public List<Offence> offences() {
        return offences;
    }

    public Instant filedOrArrestedAt() {
        return filedOrArrestedAt;
    }

    public Set<CaseFlag> flags() {
        return flags;
    }

    public long version() {
        return version;
    }

    public List<LegalMatter> legalMatters() {
        return legalMatters;
    }

    public Optional<ConsultationRequest> consultation() {
        return consultation;
    }

    public Optional<CaseManagerInput> caseManagerInput() {
        return caseManagerInput;
    }

    /** The arrest-door referral this case was routed from, when it was not diverted (rule R23). */
    public Optional<ReferralId> referral() {
        return referral;
    }

    public Optional<RecordedDecision> decision() {
        return decision;
    }
}

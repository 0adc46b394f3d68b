/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;
import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_CASE;
import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_LEGAL_MATTER;
import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_OFFENCE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.prosecution.CaseManagerInput;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.ConsultationRequest;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.PostEnrollmentCaseId;
import org.leaddiversion.domain.prosecution.PostEnrollmentCases;
import org.leaddiversion.domain.prosecution.RecordedDecision;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.jooq.tables.records.PostEnrollmentCaseRecord;
import org.leaddiversion.persistence.jooq.tables.records.PostEnrollmentLegalMatterRecord;
import org.leaddiversion.persistence.jooq.tables.records.PostEnrollmentOffenceRecord;

/**
 * {@link PostEnrollmentCases} in {@code post_enrollment_case} (the consultation request, case-manager input and
 * decision as columns) with its offences and legal matters as child rows, with optimistic locking on the case row.
 */
final class JooqPostEnrollmentCases implements PostEnrollmentCases {

    private static final String AGGREGATE = "PostEnrollmentCase";

    private final JooqTransactions tx;
    private final EventStore events;

    JooqPostEnrollmentCases(JooqTransactions tx, EventStore events) {
        this.tx = tx;
        this.events = events;
    }

    @Override
    public Optional<PostEnrollmentCase> find(PostEnrollmentCaseId id) {
        return load(POST_ENROLLMENT_CASE.ID.eq(id.value())).stream().findFirst();
    }

    @Override
    public List<PostEnrollmentCase> of(PersonId person, SiteId site) {
        return load(POST_ENROLLMENT_CASE.PERSON_ID.eq(person.value())
                .and(POST_ENROLLMENT_CASE.SITE_ID.eq(site.value())));
    }

    /** A consultation was requested and no decision is recorded (the OWG agenda's section (d)). */
    static final Condition OPEN_CONSULTATION = POST_ENROLLMENT_CASE.CONSULTATION_REQUESTED_AT.isNotNull()
            .and(POST_ENROLLMENT_CASE.DECISION.isNull());

    @Override
    public List<PostEnrollmentCase> openConsultations(SiteId site) {
        return load(POST_ENROLLMENT_CASE.SITE_ID.eq(site.value()).and(OPEN_CONSULTATION));
    }

    @Override
    public List<PostEnrollmentCase> all() {
        return load(DSL.noCondition());
    }

    @Override
    public void save(PostEnrollmentCase c, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            UUID id = c.id().value();
            PostEnrollmentCaseRecord row = record(c);
            if (expectedVersion < 0) {
                Optional<Long> stored = storedVersion(id);
                if (stored.isPresent()) {
                    throw new ConcurrentUpdateException(AGGREGATE, c.id().toString(), expectedVersion, stored.get());
                }
                tx.dsl().insertInto(POST_ENROLLMENT_CASE).set(row).execute();
            } else {
                row.changed(POST_ENROLLMENT_CASE.ID, false);
                int updated = tx.dsl().update(POST_ENROLLMENT_CASE).set(row)
                        .where(POST_ENROLLMENT_CASE.ID.eq(id)).and(POST_ENROLLMENT_CASE.VERSION.eq(expectedVersion))
                        .execute();
                if (updated != 1) {
                    throw new ConcurrentUpdateException(AGGREGATE, c.id().toString(), expectedVersion,
                            storedVersion(id).orElse(-1L));
                }
                // the children are rewritten whole: a case lists a handful of offences and matters
                tx.dsl().deleteFrom(POST_ENROLLMENT_OFFENCE).where(POST_ENROLLMENT_OFFENCE.CASE_ID.eq(id)).execute();
                tx.dsl().deleteFrom(POST_ENROLLMENT_LEGAL_MATTER)
                        .where(POST_ENROLLMENT_LEGAL_MATTER.CASE_ID.eq(id)).execute();
            }
            insertChildren(c);
            events.append(newEvents);
            return null;
        });
    }

    private Optional<Long> storedVersion(UUID id) {
        return tx.dsl().select(POST_ENROLLMENT_CASE.VERSION).from(POST_ENROLLMENT_CASE)
                .where(POST_ENROLLMENT_CASE.ID.eq(id)).fetchOptional(POST_ENROLLMENT_CASE.VERSION);
    }

    private void insertChildren(PostEnrollmentCase c) {
        UUID id = c.id().value();
        var offences = tx.dsl().insertInto(POST_ENROLLMENT_OFFENCE, POST_ENROLLMENT_OFFENCE.CASE_ID,
                POST_ENROLLMENT_OFFENCE.POSITION, POST_ENROLLMENT_OFFENCE.CODE, POST_ENROLLMENT_OFFENCE.LEVEL,
                POST_ENROLLMENT_OFFENCE.REQUIRES_RESTITUTION);
        for (int i = 0; i < c.offences().size(); i++) {
            Offence o = c.offences().get(i);
            offences = offences.values(id, i, o.code().value(), o.level().name(), o.requiresRestitution());
        }
        offences.execute();
        if (!c.legalMatters().isEmpty()) {
            var matters = tx.dsl().insertInto(POST_ENROLLMENT_LEGAL_MATTER, POST_ENROLLMENT_LEGAL_MATTER.CASE_ID,
                    POST_ENROLLMENT_LEGAL_MATTER.POSITION, POST_ENROLLMENT_LEGAL_MATTER.KIND,
                    POST_ENROLLMENT_LEGAL_MATTER.MATTER_DATE);
            for (int i = 0; i < c.legalMatters().size(); i++) {
                LegalMatter m = c.legalMatters().get(i);
                matters = matters.values(id, i, m.kind().name(), m.date());
            }
            matters.execute();
        }
    }

    /** The cases matching {@code where}, in the order first stored, with their children in two more queries. */
    List<PostEnrollmentCase> load(Condition where) {
        List<PostEnrollmentCaseRecord> rows = tx.dsl().selectFrom(POST_ENROLLMENT_CASE).where(where)
                .orderBy(POST_ENROLLMENT_CASE.SEQ).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(PostEnrollmentCaseRecord::getId).toList();
        Map<UUID, List<Offence>> offences = new HashMap<>();
        for (var o : tx.dsl().selectFrom(POST_ENROLLMENT_OFFENCE).where(POST_ENROLLMENT_OFFENCE.CASE_ID.in(ids))
                .orderBy(POST_ENROLLMENT_OFFENCE.CASE_ID, POST_ENROLLMENT_OFFENCE.POSITION).fetch()) {
            offences.computeIfAbsent(o.getCaseId(), k -> new ArrayList<>()).add(toOffence(o));
        }
        Map<UUID, List<LegalMatter>> matters = new HashMap<>();
        for (var m : tx.dsl().selectFrom(POST_ENROLLMENT_LEGAL_MATTER)
                .where(POST_ENROLLMENT_LEGAL_MATTER.CASE_ID.in(ids))
                .orderBy(POST_ENROLLMENT_LEGAL_MATTER.CASE_ID, POST_ENROLLMENT_LEGAL_MATTER.POSITION).fetch()) {
            matters.computeIfAbsent(m.getCaseId(), k -> new ArrayList<>()).add(toMatter(m));
        }
        var out = new ArrayList<PostEnrollmentCase>(rows.size());
        for (PostEnrollmentCaseRecord r : rows) {
            out.add(toCase(r, offences.getOrDefault(r.getId(), List.of()), matters.getOrDefault(r.getId(), List.of())));
        }
        return out;
    }

    // ---- nested in a read of participants ------------------------------------------------------------------------

    private static final Field<Result<PostEnrollmentOffenceRecord>> OFFENCES = multiset(
            selectFrom(POST_ENROLLMENT_OFFENCE).where(POST_ENROLLMENT_OFFENCE.CASE_ID.eq(POST_ENROLLMENT_CASE.ID)))
            .as("offences");

    private static final Field<Result<PostEnrollmentLegalMatterRecord>> MATTERS = multiset(
            selectFrom(POST_ENROLLMENT_LEGAL_MATTER)
                    .where(POST_ENROLLMENT_LEGAL_MATTER.CASE_ID.eq(POST_ENROLLMENT_CASE.ID))).as("matters");

    /**
     * The cases of the person {@code person} names, each with its offences and legal matters: a nested collection for
     * a query that reads participants, mapped back by {@link #cases(Result)}.
     */
    static Field<Result<Record>> casesOf(Field<String> person) {
        List<SelectField<?>> columns = new ArrayList<>(List.of(POST_ENROLLMENT_CASE.fields()));
        columns.add(OFFENCES);
        columns.add(MATTERS);
        return multiset(select(columns).from(POST_ENROLLMENT_CASE).where(POST_ENROLLMENT_CASE.PERSON_ID.eq(person)));
    }

    /** The cases a {@link #casesOf} collection holds, in the order first stored. */
    static List<PostEnrollmentCase> cases(Result<Record> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(row -> row.into(POST_ENROLLMENT_CASE).getSeq()))
                .map(row -> toCase(row.into(POST_ENROLLMENT_CASE),
                        row.get(OFFENCES).stream()
                                .sorted(java.util.Comparator.comparing(PostEnrollmentOffenceRecord::getPosition))
                                .map(JooqPostEnrollmentCases::toOffence).toList(),
                        row.get(MATTERS).stream()
                                .sorted(java.util.Comparator.comparing(PostEnrollmentLegalMatterRecord::getPosition))
                                .map(JooqPostEnrollmentCases::toMatter).toList()))
                .toList();
    }

    private static Offence toOffence(PostEnrollmentOffenceRecord o) {
        return new Offence(OffenceCode.of(o.getCode()), OffenceLevel.valueOf(o.getLevel()), o.getRequiresRestitution());
    }

    private static LegalMatter toMatter(PostEnrollmentLegalMatterRecord m) {
        return new LegalMatter(LegalMatter.Kind.valueOf(m.getKind()), m.getMatterDate());
    }

    private static PostEnrollmentCase toCase(PostEnrollmentCaseRecord r, List<Offence> offences,
                                             List<LegalMatter> matters) {
        Optional<ConsultationRequest> consultation = r.getConsultationRequestedAt() == null ? Optional.empty()
                : Optional.of(new ConsultationRequest(
                        actor(r.getConsultationById(), r.getConsultationByRole(), r.getConsultationByAgency()),
                        instant(r.getConsultationRequestedAt()), instant(r.getConsultationDueBy())));
        Optional<CaseManagerInput> input = r.getCmInputAt() == null ? Optional.empty()
                : Optional.of(new CaseManagerInput(actor(r.getCmInputById(), r.getCmInputByRole(),
                        r.getCmInputByAgency()), r.getCmInputSummary(), instant(r.getCmInputAt())));
        Optional<RecordedDecision> decision = r.getDecision() == null ? Optional.empty()
                : Optional.of(new RecordedDecision(ChargingDecision.valueOf(r.getDecision()),
                        actor(r.getDecidedById(), r.getDecidedByRole(), r.getDecidedByAgency()),
                        instant(r.getDecidedAt()), Optional.ofNullable(r.getWaiverReason()),
                        Optional.ofNullable(r.getBasis()), r.getBasedOnLeadDisclosure()));
        return PostEnrollmentCase.restore(new PostEnrollmentCaseId(r.getId()), new PersonId(r.getPersonId()),
                new SiteId(r.getSiteId()), Optional.ofNullable(r.getOpenEnrollmentId()).map(EnrollmentId::new),
                offences, instant(r.getFiledOrArrestedAt()), r.getVersion(), matters, consultation, input, decision,
                Optional.ofNullable(r.getSourceReferralId()).map(ReferralId::new));
    }

    private static Actor actor(String id, String role, String agency) {
        return new Actor(new ActorId(id), Role.valueOf(role), Optional.ofNullable(agency));
    }

    private static Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }

    private static PostEnrollmentCaseRecord record(PostEnrollmentCase c) {
        var r = new PostEnrollmentCaseRecord();
        r.setId(c.id().value());
        r.setPersonId(c.person().value());
        r.setSiteId(c.site().value());
        r.setLeadParticipant(c.isLeadParticipant());
        r.setOpenEnrollmentId(c.openEnrollment().map(EnrollmentId::value).orElse(null));
        r.setSourceReferralId(c.referral().map(ReferralId::value).orElse(null));
        r.setFiledOrArrestedAt(EventStore.utc(c.filedOrArrestedAt()));
        Optional<ConsultationRequest> q = c.consultation();
        r.setConsultationById(q.map(x -> x.requestedBy().id().value()).orElse(null));
        r.setConsultationByRole(q.map(x -> x.requestedBy().role().name()).orElse(null));
        r.setConsultationByAgency(q.flatMap(x -> x.requestedBy().agency()).orElse(null));
        r.setConsultationRequestedAt(q.map(x -> EventStore.utc(x.requestedAt())).orElse(null));
        r.setConsultationDueBy(q.map(x -> EventStore.utc(x.dueBy())).orElse(null));
        Optional<CaseManagerInput> in = c.caseManagerInput();
        r.setCmInputById(in.map(x -> x.recordedBy().id().value()).orElse(null));
        r.setCmInputByRole(in.map(x -> x.recordedBy().role().name()).orElse(null));
        r.setCmInputByAgency(in.flatMap(x -> x.recordedBy().agency()).orElse(null));
        r.setCmInputSummary(in.map(CaseManagerInput::summary).orElse(null));
        r.setCmInputAt(in.map(x -> EventStore.utc(x.recordedAt())).orElse(null));
        Optional<RecordedDecision> d = c.decision();
        r.setDecision(d.map(x -> x.decision().name()).orElse(null));
        r.setDecidedById(d.map(x -> x.decidedBy().id().value()).orElse(null));
        r.setDecidedByRole(d.map(x -> x.decidedBy().role().name()).orElse(null));
        r.setDecidedByAgency(d.flatMap(x -> x.decidedBy().agency()).orElse(null));
        r.setDecidedAt(d.map(x -> EventStore.utc(x.decidedAt())).orElse(null));
        r.setWaiverReason(d.flatMap(RecordedDecision::waiverReason).orElse(null));
        r.setBasis(d.flatMap(RecordedDecision::basis).orElse(null));
        r.setBasedOnLeadDisclosure(d.map(RecordedDecision::basedOnLeadDisclosure).orElse(null));
        r.setVersion(c.version());
        return r;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.FLEX_FUND;
import static org.leaddiversion.persistence.jooq.Tables.INTERVENTION_PLAN;
import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_CASE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ParticipantAccess;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.workgroup.Agenda;
import org.leaddiversion.domain.workgroup.WorkgroupDesk;

/**
 * The audited way to read a participant's data: the only public read of participant records the database offers.
 * Every method takes a {@link Reader} and, in one transaction,
 * <ol>
 *   <li>reads the participant's consents and asks the domain's {@link ParticipantAccess} — the SPEC §2.2 matrix under
 *       those consents, at this clock's instant — which data classes the reader may read (the library keeps no copy
 *       of those rules);</li>
 *   <li>loads only what may be released, cut to the released classes;</li>
 *   <li>appends exactly one audit entry per participant (who, role, agency, purpose, circumstances, participant,
 *       field group, classes released, outcome, record ids, time).</li>
 * </ol>
 * If the audit cannot be written the read fails and releases nothing. A purpose of ENFORCEMENT or EVIDENCE reads
 * nothing at all and is audited as DENIED (First Golden Rule, R35).
 *
 * <p>Each method reads one field group, with the data classes it speaks for:
 * <ul>
 *   <li>referrals — {@link DataClass#REFERRAL_CORE}; the screening decision and reasons need {@link DataClass#SCREENING}
 *       and the held charge {@link DataClass#LEGAL_COORDINATION}; a referral is released only with its core
 *       ({@link ReferralView});</li>
 *   <li>enrollments — {@link DataClass#ENROLLMENT_STATUS};</li>
 *   <li>plans and flexible funds — {@link DataClass#PLAN_SUMMARY};</li>
 *   <li>contacts — {@link DataClass#CASE_NOTES};</li>
 *   <li>post-enrollment and pre-existing cases — {@link DataClass#LEGAL_COORDINATION};</li>
 *   <li>consents on file — {@link DataClass#ENROLLMENT_STATUS}: a consent on file tells that the person takes part,
 *       no more (its scope names roles, purposes and classes, not case content);</li>
 *   <li>the OWG agenda — see {@link #agenda};</li>
 *   <li>lists of participants ({@link #participants}), a participant's timeline ({@link #timeline}) and the deadlines
 *       due at a site ({@link #deadlinesDue}).</li>
 * </ul>
 * The batched forms ({@code …Of(reader, Set<PersonId>)}) are what a GraphQL DataLoader calls once per field group: one
 * query per table for all the participants, and one audit entry per participant.
 */
public final class ParticipantRecords {

    static final String REFERRAL = "referral";
    static final String REFERRALS = "referrals";
    static final String ENROLLMENTS = "enrollments";
    static final String PLANS = "plans";
    static final String CONTACTS = "contacts";
    static final String CASES = "cases";
    static final String CONSENTS = "consents";
    static final String CONSULTATIONS = "open-consultations";
    static final String AGENDA = "owg-agenda";
    static final String PARTICIPANTS = "participants";
    static final String TIMELINE = "timeline";
    static final String DEADLINES_DUE = "deadlines-due";

    /** The largest page of a list or a timeline. */
    public static final int MAX_PAGE = 1_000;

    /** Whom a decision that relies on no participant's consent is asked for (the matrix needs a participant). */
    private static final PersonId NOBODY = new PersonId("not-read");

    private static final Set<DataClass> REFERRAL_CLASSES = Collections.unmodifiableSet(
            EnumSet.of(DataClass.REFERRAL_CORE, DataClass.SCREENING, DataClass.LEGAL_COORDINATION));

    private final JooqTransactions tx;
    private final JooqReferrals referrals;
    private final JooqEnrollments enrollments;
    private final JooqContacts contacts;
    private final JooqInterventionPlans plans;
    private final JooqFlexFunds funds;
    private final JooqPostEnrollmentCases cases;
    private final JooqConsents consents;
    private final JooqAuditLog audit;
    private final ParticipantAccess access;
    private final WorkgroupDesk workgroup;
    private final Clock clock;
    private final JooqParticipantLists lists;

    ParticipantRecords(JooqTransactions tx, JooqReferrals referrals, JooqEnrollments enrollments,
                       JooqContacts contacts, JooqInterventionPlans plans, JooqFlexFunds funds,
                       JooqPostEnrollmentCases cases, JooqConsents consents, JooqAuditLog audit,
                       ParticipantAccess access, WorkgroupDesk workgroup, Clock clock) {
        this.tx = tx;
        this.referrals = referrals;
        this.enrollments = enrollments;
        this.contacts = contacts;
        this.plans = plans;
        this.funds = funds;
        this.cases = cases;
        this.consents = consents;
        this.audit = audit;
        this.access = access;
        this.workgroup = workgroup;
        this.clock = clock;
        this.lists = new JooqParticipantLists(tx);
    }

    // ---- referrals ---------------------------------------------------------------------------------------------

    /**
     * One referral by id. The referral is loaded to learn whose it is, then cut to what the reader may see; a referral
     * that does not exist releases nothing and is audited DENIED without a participant, naming the id asked for.
     */
    public Release<Optional<ReferralView>> referral(Reader reader, ReferralId id) {
        Require.present(reader, "reader");
        Require.present(id, "id");
        return tx.inTransaction(() -> {
            Instant at = clock.instant();
            List<String> asked = List.of("referral:" + id.value());
            if (reader.purpose().isEnforcement()) {
                // nothing is loaded, not even whose referral it is; the domain's decision for the purpose (R35) is the
                // same for every participant, so it is asked for a placeholder
                var refusals = refusals(REFERRAL_CLASSES, decide(reader, new PersonId("not-read"), List.of(), at));
                audit.append(reader, Optional.empty(), REFERRAL, Set.of(), AuditOutcome.DENIED, asked, at);
                return new Release<>(Optional.empty(), Optional.<ReferralView>empty(), Set.of(), refusals,
                        AuditOutcome.DENIED);
            }
            Optional<Referral> found = referrals.find(id);
            if (found.isEmpty()) {
                audit.append(reader, Optional.empty(), REFERRAL, Set.of(), AuditOutcome.DENIED, asked, at);
                return new Release<>(Optional.empty(), Optional.<ReferralView>empty(), Set.of(), List.of(),
                        AuditOutcome.DENIED);
            }
            PersonId person = found.get().submission().person().id();
            var decisions = decide(reader, person, consents.of(person), at);
            Set<DataClass> released = withCore(granted(REFERRAL_CLASSES, decisions));
            AuditOutcome outcome = outcome(REFERRAL_CLASSES, released);
            Optional<ReferralView> view = released.isEmpty() ? Optional.empty()
                    : Optional.of(ReferralView.of(found.get(), released));
            audit.append(reader, Optional.of(person), REFERRAL, released, outcome, asked, at);
            return new Release<>(Optional.of(person), view, released, refusals(REFERRAL_CLASSES, decisions), outcome);
        });
    }

    /** A person's referrals, oldest first. */
    public Release<List<ReferralView>> referralsOf(Reader reader, PersonId person) {
        return referralsOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The referrals of each of {@code people}: one query, one audit entry per person. */
    public Map<PersonId, Release<List<ReferralView>>> referralsOf(Reader reader, Set<PersonId> people) {
        return read(reader, REFERRALS, REFERRAL_CLASSES, people, ParticipantRecords::withCore, (who, released) -> {
            var out = new HashMap<PersonId, List<ReferralView>>();
            for (Referral r : referrals.ofPeople(who)) {
                PersonId p = r.submission().person().id();
                out.computeIfAbsent(p, k -> new ArrayList<>()).add(ReferralView.of(r, released.get(p)));
            }
            return out;
        }, v -> "referral:" + v.id().value());
    }

    // ---- enrollments -------------------------------------------------------------------------------------------

    /** A person's enrollments at every site, in the order they started. */
    public Release<List<Enrollment>> enrollmentsOf(Reader reader, PersonId person) {
        return enrollmentsOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The enrollments of each of {@code people}. */
    public Map<PersonId, Release<List<Enrollment>>> enrollmentsOf(Reader reader, Set<PersonId> people) {
        return read(reader, ENROLLMENTS, Set.of(DataClass.ENROLLMENT_STATUS), people, UnaryOperator.identity(),
                (who, released) -> byPerson(enrollmentsOf(who), Enrollment::person),
                e -> "enrollment:" + e.id().value());
    }

    // ---- plans and flexible funds -----------------------------------------------------------------------------

    /** A person's intervention plans and flexible-fund ledgers, one summary per enrollment. */
    public Release<List<PlanSummary>> plansOf(Reader reader, PersonId person) {
        return plansOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The plans and ledgers of each of {@code people}. */
    public Map<PersonId, Release<List<PlanSummary>>> plansOf(Reader reader, Set<PersonId> people) {
        return read(reader, PLANS, Set.of(DataClass.PLAN_SUMMARY), people, UnaryOperator.identity(),
                (who, released) -> {
                    List<Enrollment> es = enrollmentsOf(who);
                    List<java.util.UUID> ids = es.stream().map(e -> e.id().value()).toList();
                    Map<EnrollmentId, InterventionPlan> planOf = new HashMap<>();
                    Map<EnrollmentId, FlexFund> fundOf = new HashMap<>();
                    if (!ids.isEmpty()) {
                        plans.load(INTERVENTION_PLAN.ENROLLMENT_ID.in(ids)).forEach(p -> planOf.put(p.enrollment(), p));
                        funds.load(FLEX_FUND.ENROLLMENT_ID.in(ids)).forEach(f -> fundOf.put(f.enrollment(), f));
                    }
                    var out = new HashMap<PersonId, List<PlanSummary>>();
                    for (Enrollment e : es) {
                        if (planOf.containsKey(e.id()) || fundOf.containsKey(e.id())) {
                            out.computeIfAbsent(e.person(), k -> new ArrayList<>()).add(new PlanSummary(e.id(),
                                    Optional.ofNullable(planOf.get(e.id())), Optional.ofNullable(fundOf.get(e.id()))));
                        }
                    }
                    return out;
                }, s -> s.plan().map(p -> "plan:" + p.id().value()).orElse("flex-fund:" + s.enrollment().value()));
    }

    // ---- contacts ----------------------------------------------------------------------------------------------

    /** A person's recorded contacts over all enrollments, in the order they took place. */
    public Release<List<ContactRecorded>> contactsOf(Reader reader, PersonId person) {
        return contactsOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The contacts of each of {@code people}. */
    public Map<PersonId, Release<List<ContactRecorded>>> contactsOf(Reader reader, Set<PersonId> people) {
        return read(reader, CONTACTS, Set.of(DataClass.CASE_NOTES), people, UnaryOperator.identity(),
                (who, released) -> {
                    Map<EnrollmentId, PersonId> personOf = new HashMap<>();
                    enrollmentsOf(who).forEach(e -> personOf.put(e.id(), e.person()));
                    var out = new HashMap<PersonId, List<ContactRecorded>>();
                    for (ContactRecorded c : contacts.ofEnrollments(personOf.keySet())) {
                        out.computeIfAbsent(personOf.get(c.enrollmentId()), k -> new ArrayList<>()).add(c);
                    }
                    return out;
                }, c -> "enrollment:" + c.enrollmentId().value());
    }

    // ---- post-enrollment cases ---------------------------------------------------------------------------------

    /** A person's post-enrollment and pre-existing cases at every site, in the order first stored. */
    public Release<List<PostEnrollmentCase>> casesOf(Reader reader, PersonId person) {
        return casesOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The cases of each of {@code people}. */
    public Map<PersonId, Release<List<PostEnrollmentCase>>> casesOf(Reader reader, Set<PersonId> people) {
        return read(reader, CASES, Set.of(DataClass.LEGAL_COORDINATION), people, UnaryOperator.identity(),
                (who, released) -> byPerson(cases.load(POST_ENROLLMENT_CASE.PERSON_ID.in(values(who))),
                        PostEnrollmentCase::person),
                c -> "case:" + c.id().value());
    }

    /**
     * The site's consultations awaiting a charging decision (requested, no decision recorded), by participant: the
     * prosecutor's and liaison's work list. Decided and audited per participant as {@link #casesOf}.
     */
    public Map<PersonId, Release<List<PostEnrollmentCase>>> openConsultations(Reader reader, SiteId site) {
        Require.present(reader, "reader");
        Require.present(site, "site");
        return tx.inTransaction(() -> {
            Set<PersonId> people = new TreeSet<>();
            if (!reader.purpose().isEnforcement()) {
                tx.dsl().selectDistinct(POST_ENROLLMENT_CASE.PERSON_ID).from(POST_ENROLLMENT_CASE)
                        .where(JooqPostEnrollmentCases.OPEN_CONSULTATION.and(POST_ENROLLMENT_CASE.SITE_ID.eq(site.value())))
                        .fetch(r -> people.add(new PersonId(r.value1())));
            }
            return read(reader, CONSULTATIONS, Set.of(DataClass.LEGAL_COORDINATION), people,
                    UnaryOperator.identity(),
                    (who, released) -> byPerson(cases.load(JooqPostEnrollmentCases.OPEN_CONSULTATION
                            .and(POST_ENROLLMENT_CASE.SITE_ID.eq(site.value()))
                            .and(POST_ENROLLMENT_CASE.PERSON_ID.in(values(who)))), PostEnrollmentCase::person),
                    c -> "case:" + c.id().value());
        });
    }

    // ---- the OWG agenda ----------------------------------------------------------------------------------------

    /**
     * The agenda of an Operational Work Group meeting (SPEC §7.4, R38), built by the domain's {@link WorkgroupDesk}
     * from the programme's data now. Persons are named on it only under an in-force consent covering the OWG; the
     * others appear under a pseudonym.
     *
     * <p>The agenda is released to a reader whom the access policy lets read {@link DataClass#REFERRAL_CORE} in the
     * circumstances she states (an OWG member states {@code inMeeting}), without relying on any participant's consent;
     * anyone else gets nothing and one DENIED entry. A released agenda writes one audit entry per named person (the
     * items naming her, classes {@code ENROLLMENT_STATUS} and, for legal sections, {@code LEGAL_COORDINATION}) and one
     * entry without participant for the agenda as a whole (every item's subject).
     *
     * @param precinct the precinct of the meeting where the site meets by precinct ({@code owg.scope = PRECINCT}),
     *                 empty where it holds one site-wide meeting
     * @throws org.leaddiversion.domain.common.InvalidValueException on field {@code precinct} when it does not match
     *                                                                the site's {@code owg.scope}, on {@code site}
     *                                                                when no policy is in force at {@code at}
     */
    public Release<Optional<Agenda>> agenda(Reader reader, SiteId site, Optional<AreaId> precinct, Instant at,
                                            Optional<Instant> previousAt, Optional<Instant> nextAt,
                                            List<String> flagged) {
        Require.present(reader, "reader");
        Require.present(precinct, "precinct");
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            var decisions = decide(reader, new PersonId("not-read"), List.of(), now);
            AccessDecision core = decisions.get(DataClass.REFERRAL_CORE);
            if (!core.isAllowed()) {
                audit.append(reader, Optional.empty(), AGENDA, Set.of(), AuditOutcome.DENIED,
                        List.of("meeting:" + site.value() + "@" + at), now);
                return new Release<>(Optional.empty(), Optional.<Agenda>empty(), Set.of(),
                        refusals(Set.of(DataClass.REFERRAL_CORE), decisions), AuditOutcome.DENIED);
            }
            Agenda agenda = precinct.isPresent()
                    ? workgroup.agenda(site, precinct.get(), at, previousAt, nextAt, flagged)
                    : workgroup.agenda(site, at, previousAt, nextAt, flagged);
            Map<PersonId, List<Agenda.Item>> named = new TreeMap<>();
            for (Agenda.Item item : agenda.items()) {
                item.person().ifPresent(p -> named.computeIfAbsent(p, k -> new ArrayList<>()).add(item));
            }
            named.forEach((person, items) -> {
                Set<DataClass> classes = EnumSet.of(DataClass.ENROLLMENT_STATUS);
                if (items.stream().anyMatch(i -> i.section().isLegal())) {
                    classes.add(DataClass.LEGAL_COORDINATION);
                }
                audit.append(reader, Optional.of(person), AGENDA, classes, AuditOutcome.ALLOWED,
                        items.stream().map(Agenda.Item::subject).distinct().toList(), now);
            });
            audit.append(reader, Optional.empty(), AGENDA, Set.of(DataClass.REFERRAL_CORE), AuditOutcome.ALLOWED,
                    agenda.items().stream().map(Agenda.Item::subject).distinct().toList(), now);
            return new Release<>(Optional.empty(), Optional.of(agenda), Set.of(DataClass.REFERRAL_CORE), List.of(),
                    AuditOutcome.ALLOWED);
        });
    }

    // ---- lists -------------------------------------------------------------------------------------------------

    /**
     * A page of the programme's participants under {@code filter}, in the order they first came to the programme
     * (their first referral's time, then its id), after {@code after}: keyset paging, so people referred later never
     * shift a page already started. Only the people are named, with the total the filter lists; each field group of
     * their records is read, decided and audited on its own.
     *
     * <p>A list tells who has a referral ({@link DataClass#REFERRAL_CORE}) and, when a term of the filter speaks of
     * enrollments, who is enrolled ({@link DataClass#ENROLLMENT_STATUS}). It is released to a reader whom the access
     * policy lets read those classes in the circumstances she states without relying on any participant's consent
     * (a project manager, a sergeant, a prosecutor for referrals; a case manager states {@code assigned} for a list
     * of her own caseload); anyone else gets nothing, the refused classes, and one DENIED entry. A released page
     * writes one audit entry per participant named (her first referral) and one entry without participant for the
     * page as a whole.
     *
     * @param first how many participants at most, 1 to {@value #MAX_PAGE}
     * @throws org.leaddiversion.domain.common.InvalidValueException on {@code first} when out of range
     */
    public Release<ParticipantPage> participants(Reader reader, ParticipantFilter filter,
                                                 Optional<ParticipantCursor> after, int first) {
        Require.present(reader, "reader");
        Require.present(filter, "filter");
        Require.present(after, "after");
        pageSize(first);
        Set<DataClass> group = filter.speaksOfEnrollments()
                ? EnumSet.of(DataClass.REFERRAL_CORE, DataClass.ENROLLMENT_STATUS) : EnumSet.of(DataClass.REFERRAL_CORE);
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            var decisions = decide(reader, NOBODY, List.of(), now);
            if (!granted(group, decisions).equals(group)) {
                audit.append(reader, Optional.empty(), PARTICIPANTS, Set.of(), AuditOutcome.DENIED, List.of(), now);
                return new Release<>(Optional.empty(), ParticipantPage.empty(), Set.<DataClass>of(),
                        refusals(group, decisions), AuditOutcome.DENIED);
            }
            ParticipantPage page = lists.page(filter, after, first);
            var entries = new ArrayList<JooqAuditLog.Pending>();
            var named = new ArrayList<String>();
            for (ParticipantPage.Entry e : page.entries()) {
                String id = "referral:" + e.cursor().firstReferral().value();
                named.add(id);
                entries.add(new JooqAuditLog.Pending(Optional.of(e.participant()), PARTICIPANTS, group,
                        AuditOutcome.ALLOWED, List.of(id), now));
            }
            entries.add(new JooqAuditLog.Pending(Optional.empty(), PARTICIPANTS, group, AuditOutcome.ALLOWED, named,
                    now));
            audit.appendAll(reader, entries);
            return new Release<>(Optional.empty(), page, group, List.of(), AuditOutcome.ALLOWED);
        });
    }

    /**
     * A page of {@code person}'s history: the domain events of her referrals, enrollments, plans, cases and consents
     * in the order they happened, after {@code after}. Each event belongs to one data class
     * ({@link org.leaddiversion.domain.rules.EventDataClasses}); only the events of the classes the access policy
     * releases to the reader under her consents are on it, and each refused class comes back as a refusal. One audit
     * entry: field group {@code timeline}, the classes released, the events released.
     *
     * @param first how many events at most, 1 to {@value #MAX_PAGE}
     * @throws org.leaddiversion.domain.common.InvalidValueException on {@code first} when out of range
     */
    public Release<Timeline> timeline(Reader reader, PersonId person, Optional<TimelineCursor> after, int first) {
        Require.present(reader, "reader");
        Require.present(person, "person");
        Require.present(after, "after");
        pageSize(first);
        Set<DataClass> group = org.leaddiversion.domain.rules.EventDataClasses.classes();
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            boolean enforcement = reader.purpose().isEnforcement();
            List<Consent> theirs = enforcement ? List.of() : consents.of(person);
            var decisions = decide(reader, person, theirs, now);
            Set<DataClass> released = enforcement ? Set.of() : granted(group, decisions);
            Timeline timeline = released.isEmpty() ? Timeline.empty()
                    : lists.timeline(person, theirs.stream().map(c -> c.id().value()).toList(), released, after,
                            first);
            AuditOutcome outcome = outcome(group, released);
            audit.append(reader, Optional.of(person), TIMELINE, released, outcome,
                    timeline.entries().stream().map(e -> "event:" + e.cursor().sequence()).toList(), now);
            return new Release<>(Optional.of(person), timeline, released, refusals(group, decisions), outcome);
        });
    }

    /**
     * The site's open referrals whose intake deadline (SPEC §3.5) is before {@code before}, soonest first (then in the order referred) — overdue
     * ones not yet swept included: the work list of prosecutors and case managers (rules R18–R20).
     *
     * <p>Released, like the agenda, to a reader whom the access policy lets read {@link DataClass#REFERRAL_CORE} in
     * the circumstances she states without relying on any participant's consent; anyone else gets nothing and one
     * DENIED entry. Each referral is then cut to what the reader may see of it under its participant's consents
     * (screening, held charge), as {@link #referralsOf} cuts it; the refusals are those of any participant listed.
     * One audit entry per participant listed (her referrals) and one without participant for the list as a whole.
     */
    public Release<List<DueReferral>> deadlinesDue(Reader reader, SiteId site, java.time.LocalDate before) {
        Require.present(reader, "reader");
        Require.present(site, "site");
        Require.present(before, "before");
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            var gate = decide(reader, NOBODY, List.of(), now);
            if (!gate.get(DataClass.REFERRAL_CORE).isAllowed()) {
                audit.append(reader, Optional.empty(), DEADLINES_DUE, Set.of(), AuditOutcome.DENIED, List.of(), now);
                return new Release<>(Optional.empty(), List.<DueReferral>of(), Set.<DataClass>of(),
                        refusals(Set.of(DataClass.REFERRAL_CORE), gate), AuditOutcome.DENIED);
            }
            List<Referral> due = referrals.openDueBefore(site, before);
            Set<PersonId> people = new TreeSet<>();
            due.forEach(r -> people.add(r.submission().person().id()));
            Map<PersonId, List<Consent>> consentsOf = people.isEmpty() ? Map.of()
                    : byPerson(consents.ofPeople(people), Consent::participant);
            Map<PersonId, Set<DataClass>> released = new HashMap<>();
            Map<String, DomainError> refused = new TreeMap<>();
            for (PersonId p : people) {
                var decisions = decide(reader, p, consentsOf.getOrDefault(p, List.of()), now);
                released.put(p, withCore(granted(REFERRAL_CLASSES, decisions)));
                refusals(REFERRAL_CLASSES, decisions).forEach(e -> refused.putIfAbsent(e.field(), e));
            }
            var out = new ArrayList<DueReferral>();
            Map<PersonId, List<String>> idsOf = new TreeMap<>();
            for (Referral r : due) {
                PersonId p = r.submission().person().id();
                Set<DataClass> classes = released.get(p);
                if (!classes.isEmpty()) {
                    out.add(new DueReferral(ReferralView.of(r, classes), r.intakeDeadline()));
                    idsOf.computeIfAbsent(p, k -> new ArrayList<>()).add("referral:" + r.id().value());
                }
            }
            var entries = new ArrayList<JooqAuditLog.Pending>();
            var listed = new ArrayList<String>();
            for (PersonId p : people) {
                List<String> ids = idsOf.getOrDefault(p, List.of());
                listed.addAll(ids);
                entries.add(new JooqAuditLog.Pending(Optional.of(p), DEADLINES_DUE, released.get(p),
                        outcome(REFERRAL_CLASSES, released.get(p)), ids, now));
            }
            entries.add(new JooqAuditLog.Pending(Optional.empty(), DEADLINES_DUE, Set.of(DataClass.REFERRAL_CORE),
                    AuditOutcome.ALLOWED, listed, now));
            audit.appendAll(reader, entries);
            Set<DataClass> any = EnumSet.of(DataClass.REFERRAL_CORE);
            released.values().forEach(any::addAll);
            return new Release<>(Optional.empty(), List.copyOf(out), any, List.copyOf(refused.values()),
                    refused.isEmpty() ? AuditOutcome.ALLOWED : AuditOutcome.PARTLY_ALLOWED);
        });
    }

    private static void pageSize(int first) {
        if (first < 1 || first > MAX_PAGE) {
            throw new org.leaddiversion.domain.common.InvalidValueException("first",
                    "must be between 1 and " + MAX_PAGE);
        }
    }

    // ---- consents ----------------------------------------------------------------------------------------------

    /** The consents a person has on file, revoked and expired ones included, in the order signed. */
    public Release<List<Consent>> consentsOf(Reader reader, PersonId person) {
        return consentsOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The consents of each of {@code people}. */
    public Map<PersonId, Release<List<Consent>>> consentsOf(Reader reader, Set<PersonId> people) {
        return read(reader, CONSENTS, Set.of(DataClass.ENROLLMENT_STATUS), people, UnaryOperator.identity(),
                (who, released) -> byPerson(consents.ofPeople(who), Consent::participant),
                c -> "consent:" + c.id().value());
    }

    // ---- the one way every batched read goes --------------------------------------------------------------------

    /**
     * Decides, loads and audits one field group for {@code people}.
     *
     * @param group      the data classes the field group speaks for
     * @param releasable what may be released given the classes granted (a referral needs its core)
     * @param load       loads the data of the people with something to release, already cut to their classes
     * @param recordId   names a released record in the audit
     */
    private <T> Map<PersonId, Release<List<T>>> read(Reader reader, String what, Set<DataClass> group,
                                                     Set<PersonId> people, UnaryOperator<Set<DataClass>> releasable,
                                                     Loader<T> load, Function<T, String> recordId) {
        Require.present(reader, "reader");
        Set<PersonId> who = new TreeSet<>(Require.noNulls(people, "people"));
        return tx.inTransaction(() -> {
            Instant at = clock.instant();
            boolean enforcement = reader.purpose().isEnforcement();
            Map<PersonId, List<Consent>> consentsOf = enforcement ? Map.of()
                    : byPerson(consents.ofPeople(who), Consent::participant);
            Map<PersonId, Set<DataClass>> released = new LinkedHashMap<>();
            Map<PersonId, List<DomainError>> refused = new HashMap<>();
            for (PersonId p : who) {
                var decisions = decide(reader, p, consentsOf.getOrDefault(p, List.of()), at);
                released.put(p, enforcement ? Set.of() : releasable.apply(granted(group, decisions)));
                refused.put(p, refusals(group, decisions));
            }
            Set<PersonId> toLoad = new TreeSet<>();
            released.forEach((p, classes) -> {
                if (!classes.isEmpty()) {
                    toLoad.add(p);
                }
            });
            Map<PersonId, List<T>> loaded = toLoad.isEmpty() ? Map.of() : load.load(toLoad, released);
            var out = new LinkedHashMap<PersonId, Release<List<T>>>();
            var entries = new ArrayList<JooqAuditLog.Pending>();
            for (PersonId p : who) {
                List<T> data = List.copyOf(loaded.getOrDefault(p, List.of()));
                Set<DataClass> classes = released.get(p);
                AuditOutcome outcome = outcome(group, classes);
                entries.add(new JooqAuditLog.Pending(Optional.of(p), what, classes, outcome,
                        data.stream().map(recordId).distinct().toList(), at));
                out.put(p, new Release<>(Optional.of(p), data, classes, refused.get(p), outcome));
            }
            audit.appendAll(reader, entries);
            return Collections.unmodifiableMap(out);
        });
    }

    /** Loads the data of {@code people}, cut to the classes released to each. */
    @FunctionalInterface
    private interface Loader<T> {
        Map<PersonId, List<T>> load(Set<PersonId> people, Map<PersonId, Set<DataClass>> released);
    }

    private Map<DataClass, AccessDecision> decide(Reader reader, PersonId person, List<Consent> theirs, Instant at) {
        return access.decisions(reader.actor(), Operation.READ, person, reader.circumstances(), reader.purpose(),
                Optional.empty(), theirs, at);
    }

    private List<Enrollment> enrollmentsOf(Set<PersonId> people) {
        return enrollments.load(ENROLLMENT.PERSON_ID.in(values(people)));
    }

    private static List<String> values(Set<PersonId> people) {
        return people.stream().map(PersonId::value).toList();
    }

    private static <T> Map<PersonId, List<T>> byPerson(List<T> items, Function<T, PersonId> person) {
        var out = new HashMap<PersonId, List<T>>();
        items.forEach(i -> out.computeIfAbsent(person.apply(i), k -> new ArrayList<>()).add(i));
        return out;
    }

    private static Set<DataClass> granted(Set<DataClass> group, Map<DataClass, AccessDecision> decisions) {
        Set<DataClass> out = EnumSet.noneOf(DataClass.class);
        for (DataClass c : group) {
            if (decisions.get(c).isAllowed()) {
                out.add(c);
            }
        }
        return out;
    }

    /** A referral is released only with its core: screening or a held charge without the referral means nothing. */
    private static Set<DataClass> withCore(Set<DataClass> granted) {
        return granted.contains(DataClass.REFERRAL_CORE) ? granted : Set.of();
    }

    /** One refusal per class of the group the policy refused, named by its class (rule R36, or R35 for the purpose). */
    private static List<DomainError> refusals(Set<DataClass> group, Map<DataClass, AccessDecision> decisions) {
        var out = new ArrayList<DomainError>();
        for (DataClass c : EnumSet.copyOf(group)) {
            if (decisions.get(c) instanceof AccessDecision.Denied denied) {
                DomainError why = denied.reason();
                out.add(DomainError.of(why.code(), field(c), why.rule(), why.message()));
            }
        }
        return out;
    }

    private static AuditOutcome outcome(Set<DataClass> group, Set<DataClass> released) {
        if (released.isEmpty()) {
            return AuditOutcome.DENIED;
        }
        return released.containsAll(group) ? AuditOutcome.ALLOWED : AuditOutcome.PARTLY_ALLOWED;
    }

    /** The field a refusal of {@code data} names. */
    static String field(DataClass data) {
        return "dataClasses." + data.name();
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_CASE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
import org.leaddiversion.domain.intake.Referral;
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
 *       ({@link ReferralView}); in brief ({@link ReferralSummary}) they are the core alone;</li>
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
    private final JooqPostEnrollmentCases cases;
    private final JooqConsents consents;
    private final JooqAuditLog audit;
    private final ParticipantAccess access;
    private final WorkgroupDesk workgroup;
    private final Clock clock;
    private final JooqParticipantLists lists;
    private final JooqRecordGroups recordGroups;

    ParticipantRecords(JooqTransactions tx, JooqReferrals referrals,
                       JooqPostEnrollmentCases cases, JooqConsents consents, JooqAuditLog audit,
                       ParticipantAccess access, WorkgroupDesk workgroup, Clock clock) {
        this.tx = tx;
        this.referrals = referrals;
        this.cases = cases;
        this.consents = consents;
        this.audit = audit;
        this.access = access;
        this.workgroup = workgroup;
        this.clock = clock;
        this.lists = new JooqParticipantLists(tx);
        this.recordGroups = new JooqRecordGroups(tx);
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

    /** The referrals of each of {@code people}: one audit entry per person. */
    public Map<PersonId, Release<List<ReferralView>>> referralsOf(Reader reader, Set<PersonId> people) {
        return readOne(reader, RecordGroup.REFERRALS, people, OptionalInt.empty());
    }

    /**
     * The referrals of each of {@code people} in brief ({@link ReferralSummary}): the same referrals, in the same order,
     * as {@link #referralsOf(Reader, Set)}, released when the referral core is, and audited as referrals read with that
     * one class; read from the referral's columns without its stored document. One audit entry per person.
     */
    public Map<PersonId, Release<List<ReferralSummary>>> referralSummariesOf(Reader reader, Set<PersonId> people) {
        return readOne(reader, RecordGroup.REFERRAL_SUMMARIES, people, OptionalInt.empty());
    }

    // ---- enrollments -------------------------------------------------------------------------------------------

    /** A person's enrollments at every site, in the order they started. */
    public Release<List<Enrollment>> enrollmentsOf(Reader reader, PersonId person) {
        return enrollmentsOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The enrollments of each of {@code people}. */
    public Map<PersonId, Release<List<Enrollment>>> enrollmentsOf(Reader reader, Set<PersonId> people) {
        return readOne(reader, RecordGroup.ENROLLMENTS, people, OptionalInt.empty());
    }

    // ---- plans and flexible funds -----------------------------------------------------------------------------

    /** A person's intervention plans and flexible-fund ledgers, one summary per enrollment. */
    public Release<List<PlanSummary>> plansOf(Reader reader, PersonId person) {
        return plansOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The plans and ledgers of each of {@code people}. */
    public Map<PersonId, Release<List<PlanSummary>>> plansOf(Reader reader, Set<PersonId> people) {
        return readOne(reader, RecordGroup.PLANS, people, OptionalInt.empty());
    }

    // ---- contacts ----------------------------------------------------------------------------------------------

    /** A person's recorded contacts over all enrollments, in the order they took place. */
    public Release<List<ContactRecorded>> contactsOf(Reader reader, PersonId person) {
        return contactsOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The contacts of each of {@code people}. */
    public Map<PersonId, Release<List<ContactRecorded>>> contactsOf(Reader reader, Set<PersonId> people) {
        return contactsOf(reader, people, OptionalInt.empty());
    }

    /**
     * The last {@code last} contacts of each of {@code people} (all of them when empty), in the order they took place.
     *
     * @throws org.leaddiversion.domain.common.InvalidValueException on {@code last} when not between 1 and
     *                                                                {@value #MAX_PAGE}
     */
    public Map<PersonId, Release<List<ContactRecorded>>> contactsOf(Reader reader, Set<PersonId> people,
                                                                    OptionalInt last) {
        return readOne(reader, RecordGroup.CONTACTS, people, lastContacts(last));
    }

    // ---- post-enrollment cases ---------------------------------------------------------------------------------

    /** A person's post-enrollment and pre-existing cases at every site, in the order first stored. */
    public Release<List<PostEnrollmentCase>> casesOf(Reader reader, PersonId person) {
        return casesOf(reader, Set.of(Require.present(person, "person"))).get(person);
    }

    /** The cases of each of {@code people}. */
    public Map<PersonId, Release<List<PostEnrollmentCase>>> casesOf(Reader reader, Set<PersonId> people) {
        return readOne(reader, RecordGroup.CASES, people, OptionalInt.empty());
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
            var group = new Group<PostEnrollmentCase>(CONSULTATIONS, Set.of(DataClass.LEGAL_COORDINATION),
                    UnaryOperator.identity(), Optional.empty(),
                    (toLoad, loaded, consentsOf) -> byPerson(cases.load(JooqPostEnrollmentCases.OPEN_CONSULTATION
                            .and(POST_ENROLLMENT_CASE.SITE_ID.eq(site.value()))
                            .and(POST_ENROLLMENT_CASE.PERSON_ID.in(values(toLoad.keySet())))),
                            PostEnrollmentCase::person),
                    c -> "case:" + c.id().value());
            return this.<PostEnrollmentCase>cast(readAndAudit(reader, people, List.of(group), OptionalInt.empty(),
                    clock.instant()).get(group));
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
        return participants(reader, filter, after, first, Set.of(), OptionalInt.empty()).page();
    }

    /**
     * A page of participants as {@link #participants(Reader, ParticipantFilter, Optional, int)} gives it, with the
     * field groups {@code groups} of each participant on it, each decided and audited as its own read
     * ({@link #referralsOf(Reader, Set)} and the others): a nested page — people, their referrals, plans and last
     * contacts — costs the same few statements whatever its size: the page with its total and the people's consents,
     * the data of every group, and the audit entries.
     *
     * @param groups       the field groups to read with the page (none for the page alone)
     * @param lastContacts with {@link RecordGroup#CONTACTS}, how many of each participant's latest contacts to read
     *                     (all when empty)
     * @throws org.leaddiversion.domain.common.InvalidValueException on {@code first} or {@code last} when out of range
     */
    public ParticipantPageRecords participants(Reader reader, ParticipantFilter filter,
                                               Optional<ParticipantCursor> after, int first, Set<RecordGroup> groups,
                                               OptionalInt lastContacts) {
        Require.present(reader, "reader");
        Require.present(filter, "filter");
        Require.present(after, "after");
        Set<RecordGroup> asked = groups.isEmpty() ? Set.of() : EnumSet.copyOf(Require.noNulls(groups, "groups"));
        pageSize(first);
        lastContacts(lastContacts);
        Set<DataClass> group = filter.speaksOfEnrollments()
                ? EnumSet.of(DataClass.REFERRAL_CORE, DataClass.ENROLLMENT_STATUS) : EnumSet.of(DataClass.REFERRAL_CORE);
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            var decisions = decide(reader, NOBODY, List.of(), now);
            if (!granted(group, decisions).equals(group)) {
                audit.append(reader, Optional.empty(), PARTICIPANTS, Set.of(), AuditOutcome.DENIED, List.of(), now);
                return new ParticipantPageRecords(new Release<>(Optional.empty(), ParticipantPage.empty(),
                        Set.<DataClass>of(), refusals(group, decisions), AuditOutcome.DENIED), Map.of());
            }
            var listed = lists.page(filter, after, first, !asked.isEmpty() && !reader.purpose().isEnforcement());
            ParticipantPage page = listed.page();
            var entries = new ArrayList<JooqAuditLog.Pending>();
            var named = new ArrayList<String>();
            Set<PersonId> people = new TreeSet<>();
            for (ParticipantPage.Entry e : page.entries()) {
                String id = "referral:" + e.cursor().firstReferral().value();
                named.add(id);
                people.add(e.participant());
                entries.add(new JooqAuditLog.Pending(Optional.of(e.participant()), PARTICIPANTS, group,
                        AuditOutcome.ALLOWED, List.of(id), now));
            }
            entries.add(new JooqAuditLog.Pending(Optional.empty(), PARTICIPANTS, group, AuditOutcome.ALLOWED, named,
                    now));
            Map<RecordGroup, Map<PersonId, Release<List<?>>>> read = new EnumMap<>(RecordGroup.class);
            if (!asked.isEmpty()) {
                List<Group<?>> specs = asked.stream().<Group<?>>map(GROUPS::get).toList();
                var byGroup = read(reader, people, specs, lastContacts, Optional.of(listed.consents()), now, entries);
                asked.forEach(g -> read.put(g, byGroup.get(GROUPS.get(g))));
            }
            audit.appendAll(reader, entries);
            return new ParticipantPageRecords(new Release<>(Optional.empty(), page, group, List.of(),
                    AuditOutcome.ALLOWED), read);
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
        return readOne(reader, RecordGroup.CONSENTS, people, OptionalInt.empty());
    }

    // ---- the one way every read of field groups goes --------------------------------------------------------------

    /**
     * A field group as read here: the data classes it speaks for, what may be released given the classes granted (a
     * referral needs its core), where its data comes from — the one statement of {@link JooqRecordGroups} for a
     * {@link RecordGroup}, or a query of its own — and how a released record is named in the audit.
     */
    private record Group<T>(String what, Set<DataClass> classes, UnaryOperator<Set<DataClass>> releasable,
                            Optional<RecordGroup> stored, Fetch<T> fetch, Function<T, String> recordId) {
    }

    /** The data of the people to load, already cut to the classes released to each. */
    @FunctionalInterface
    private interface Fetch<T> {
        Map<PersonId, List<T>> of(Map<PersonId, Set<DataClass>> toLoad, JooqRecordGroups.Loaded loaded,
                                  Map<PersonId, List<Consent>> consentsOf);
    }

    private static <T> Fetch<T> stored(RecordGroup group) {
        return (toLoad, loaded, consentsOf) -> {
            var out = new HashMap<PersonId, List<T>>();
            toLoad.keySet().forEach(p -> out.put(p, loaded.of(group, p)));
            return out;
        };
    }

    private static final Map<RecordGroup, Group<?>> GROUPS = groups();

    private static Map<RecordGroup, Group<?>> groups() {
        Map<RecordGroup, Group<?>> out = new EnumMap<>(RecordGroup.class);
        // referrals are loaded as their state documents and read only as far as the view released shows
        Fetch<String> referrals = stored(RecordGroup.REFERRALS);
        out.put(RecordGroup.REFERRALS, new Group<ReferralView>(REFERRALS, REFERRAL_CLASSES,
                ParticipantRecords::withCore, Optional.of(RecordGroup.REFERRALS), (toLoad, loaded, consentsOf) -> {
                    var out2 = new HashMap<PersonId, List<ReferralView>>();
                    referrals.of(toLoad, loaded, consentsOf).forEach((p, rs) -> {
                        Set<DataClass> released = toLoad.get(p);
                        List<ReferralView> views = new ArrayList<>(rs.size());
                        rs.forEach(state -> views.add(ReferralJson.view(state, released)));
                        out2.put(p, views);
                    });
                    return out2;
                }, v -> "referral:" + v.id().value()));
        // in brief, they are the referral core's columns: audited as the referrals they are
        out.put(RecordGroup.REFERRAL_SUMMARIES, new Group<ReferralSummary>(REFERRALS, Set.of(DataClass.REFERRAL_CORE),
                UnaryOperator.identity(), Optional.of(RecordGroup.REFERRAL_SUMMARIES),
                stored(RecordGroup.REFERRAL_SUMMARIES), r -> "referral:" + r.id().value()));
        out.put(RecordGroup.ENROLLMENTS, new Group<Enrollment>(ENROLLMENTS, Set.of(DataClass.ENROLLMENT_STATUS),
                UnaryOperator.identity(), Optional.of(RecordGroup.ENROLLMENTS), stored(RecordGroup.ENROLLMENTS),
                e -> "enrollment:" + e.id().value()));
        out.put(RecordGroup.PLANS, new Group<PlanSummary>(PLANS, Set.of(DataClass.PLAN_SUMMARY),
                UnaryOperator.identity(), Optional.of(RecordGroup.PLANS), stored(RecordGroup.PLANS),
                s -> s.plan().map(p -> "plan:" + p.id().value()).orElse("flex-fund:" + s.enrollment().value())));
        out.put(RecordGroup.CONTACTS, new Group<ContactRecorded>(CONTACTS, Set.of(DataClass.CASE_NOTES),
                UnaryOperator.identity(), Optional.of(RecordGroup.CONTACTS), stored(RecordGroup.CONTACTS),
                c -> "enrollment:" + c.enrollmentId().value()));
        out.put(RecordGroup.CASES, new Group<PostEnrollmentCase>(CASES, Set.of(DataClass.LEGAL_COORDINATION),
                UnaryOperator.identity(), Optional.of(RecordGroup.CASES), stored(RecordGroup.CASES),
                c -> "case:" + c.id().value()));
        // the consents were read to decide; released, they are the data
        out.put(RecordGroup.CONSENTS, new Group<Consent>(CONSENTS, Set.of(DataClass.ENROLLMENT_STATUS),
                UnaryOperator.identity(), Optional.empty(), (toLoad, loaded, consentsOf) -> {
                    var out2 = new HashMap<PersonId, List<Consent>>();
                    toLoad.keySet().forEach(p -> out2.put(p, consentsOf.getOrDefault(p, List.of())));
                    return out2;
                }, c -> "consent:" + c.id().value()));
        return Collections.unmodifiableMap(out);
    }

    /** One field group of {@code people}, read in its own transaction. */
    private <T> Map<PersonId, Release<List<T>>> readOne(Reader reader, RecordGroup group, Set<PersonId> people,
                                                        OptionalInt lastContacts) {
        Require.present(reader, "reader");
        Set<PersonId> who = new TreeSet<>(Require.noNulls(people, "people"));
        Group<?> g = GROUPS.get(group);
        return tx.inTransaction(() -> {
            var read = readAndAudit(reader, who, List.of(g), lastContacts, clock.instant());
            return this.<T>cast(read.get(g));
        });
    }

    @SuppressWarnings("unchecked")
    private <T> Map<PersonId, Release<List<T>>> cast(Map<PersonId, ? extends Release<? extends List<?>>> read) {
        return (Map<PersonId, Release<List<T>>>) (Map<?, ?>) read;
    }

    /**
     * Decides, loads and audits {@code groups} for {@code who}, in the caller's transaction: the people's consents in
     * one statement, every stored group's data in one more, and one audit entry per person and group, written in one
     * statement.
     */
    private Map<Group<?>, Map<PersonId, Release<List<?>>>> readAndAudit(Reader reader, Set<PersonId> who,
                                                                       List<Group<?>> groups,
                                                                       OptionalInt lastContacts, Instant at) {
        var entries = new ArrayList<JooqAuditLog.Pending>();
        var out = read(reader, who, groups, lastContacts, Optional.empty(), at, entries);
        audit.appendAll(reader, entries);
        return out;
    }

    /**
     * Decides and loads {@code groups} for {@code who} in the caller's transaction, adding one audit entry per person
     * and group to {@code entries} for the caller to write: the people's consents in one statement (none when
     * {@code known}), every stored group's data in one more.
     */
    private Map<Group<?>, Map<PersonId, Release<List<?>>>> read(Reader reader, Set<PersonId> who,
                                                               List<Group<?>> groups, OptionalInt lastContacts,
                                                               Optional<Map<PersonId, List<Consent>>> known,
                                                               Instant at, List<JooqAuditLog.Pending> entries) {
        boolean enforcement = reader.purpose().isEnforcement();
        Map<PersonId, List<Consent>> consentsOf = enforcement || who.isEmpty() ? Map.of()
                : known.orElseGet(() -> byPerson(consents.ofPeople(who), Consent::participant));
        Map<PersonId, Map<DataClass, AccessDecision>> decisions = new HashMap<>();
        for (PersonId p : who) {
            decisions.put(p, decide(reader, p, consentsOf.getOrDefault(p, List.of()), at));
        }
        Map<Group<?>, Map<PersonId, Set<DataClass>>> released = new LinkedHashMap<>();
        Map<RecordGroup, Set<PersonId>> stored = new EnumMap<>(RecordGroup.class);
        for (Group<?> g : groups) {
            Map<PersonId, Set<DataClass>> classes = new LinkedHashMap<>();
            for (PersonId p : who) {
                Set<DataClass> c = enforcement ? Set.of() : g.releasable().apply(granted(g.classes(), decisions.get(p)));
                classes.put(p, c);
                if (!c.isEmpty()) {
                    g.stored().ifPresent(s -> stored.computeIfAbsent(s, k -> new TreeSet<>()).add(p));
                }
            }
            released.put(g, classes);
        }
        JooqRecordGroups.Loaded loaded = stored.isEmpty() ? JooqRecordGroups.Loaded.NOTHING
                : recordGroups.load(stored, lastContacts);
        Map<Group<?>, Map<PersonId, Release<List<?>>>> out = new LinkedHashMap<>();
        for (Group<?> g : groups) {
            out.put(g, release(g, released.get(g), decisions, loaded, consentsOf, at, entries));
        }
        return out;
    }

    private <T> Map<PersonId, Release<List<?>>> release(Group<T> g, Map<PersonId, Set<DataClass>> released,
                                                       Map<PersonId, Map<DataClass, AccessDecision>> decisions,
                                                       JooqRecordGroups.Loaded loaded,
                                                       Map<PersonId, List<Consent>> consentsOf, Instant at,
                                                       List<JooqAuditLog.Pending> entries) {
        Map<PersonId, Set<DataClass>> toLoad = new LinkedHashMap<>();
        released.forEach((p, classes) -> {
            if (!classes.isEmpty()) {
                toLoad.put(p, classes);
            }
        });
        Map<PersonId, List<T>> data = toLoad.isEmpty() ? Map.of() : g.fetch().of(toLoad, loaded, consentsOf);
        var out = new LinkedHashMap<PersonId, Release<List<?>>>();
        released.forEach((p, classes) -> {
            List<T> theirs = List.copyOf(data.getOrDefault(p, List.of()));
            AuditOutcome outcome = outcome(g.classes(), classes);
            entries.add(new JooqAuditLog.Pending(Optional.of(p), g.what(), classes, outcome,
                    theirs.stream().map(g.recordId()).distinct().toList(), at));
            out.put(p, new Release<>(Optional.of(p), theirs, classes, refusals(g.classes(), decisions.get(p)),
                    outcome));
        });
        return Collections.unmodifiableMap(out);
    }

    private static OptionalInt lastContacts(OptionalInt last) {
        Require.present(last, "last");
        if (last.isPresent() && (last.getAsInt() < 1 || last.getAsInt() > MAX_PAGE)) {
            throw new org.leaddiversion.domain.common.InvalidValueException("last",
                    "must be between 1 and " + MAX_PAGE);
        }
        return last;
    }

    private Map<DataClass, AccessDecision> decide(Reader reader, PersonId person, List<Consent> theirs, Instant at) {
        return access.decisions(reader.actor(), Operation.READ, person, reader.circumstances(), reader.purpose(),
                Optional.empty(), theirs, at);
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

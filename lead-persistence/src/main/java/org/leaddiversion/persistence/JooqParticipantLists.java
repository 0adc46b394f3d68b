/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.leaddiversion.persistence.jooq.Tables.CASELOAD_ASSIGNMENT;
import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_CASE;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.rules.EventDataClasses;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;
import org.leaddiversion.persistence.jooq.tables.Enrollment;
import org.leaddiversion.persistence.jooq.tables.Referral;

/**
 * The queries behind the lists of {@link ParticipantRecords}: pages of participants and a participant's timeline.
 * They only find; deciding and auditing is the caller's.
 */
final class JooqParticipantLists {

    /** The referral that lists a participant: her first (by time, then id). */
    private static final Referral LISTED = REFERRAL.as("listed");
    private static final Referral EARLIER = REFERRAL.as("earlier");
    private static final Referral MATCHING = REFERRAL.as("matching");
    private static final Enrollment ENROLLED = ENROLLMENT.as("enrolled");

    private static final Condition FIRST_REFERRAL = notExists(selectOne().from(EARLIER)
            .where(EARLIER.PERSON_ID.eq(LISTED.PERSON_ID))
            .and(row(EARLIER.REFERRED_AT, EARLIER.ID).lt(row(LISTED.REFERRED_AT, LISTED.ID))));

    private final JooqTransactions tx;
    private final EventJson json = new EventJson();

    JooqParticipantLists(JooqTransactions tx) {
        this.tx = tx;
    }

    // ---- participants ------------------------------------------------------------------------------------------

    /** A page of participants with, when asked for, each one's consents (revoked and expired ones included). */
    record Listed(ParticipantPage page, Map<PersonId, List<Consent>> consents) {
    }

    /**
     * The participants {@code filter} lists, after {@code after}, at most {@code first}, with the total the filter
     * lists and, when {@code withConsents}, their consents: one statement (the count joined to the page, one row more
     * than asked telling whether a page follows, the consents nested in each row).
     */
    Listed page(ParticipantFilter filter, Optional<ParticipantCursor> after, int first, boolean withConsents) {
        // the statement is built with named parameters, its values gathered on the way; its text depends only on
        // which terms the filter has (and whether consents come with it), so it is rendered once per shape
        Map<String, Object> values = new HashMap<>();
        Condition listed = FIRST_REFERRAL.and(referralTerms(filter, values)).and(enrollmentTerms(filter, values));
        Condition seek = after.map(c -> row(LISTED.REFERRED_AT, LISTED.ID).gt(row(
                param("after_at", SQLDataType.TIMESTAMPWITHTIMEZONE, c.firstReferredAt(), values),
                param("after_id", SQLDataType.UUID, c.firstReferral().value(), values)))).orElse(noCondition());
        // the people listed are those with a referral meeting the referral terms (and an enrollment meeting the
        // enrollment terms): counted as distinct people, without finding each one's first referral
        Field<Long> total = DSL.countDistinct(MATCHING.PERSON_ID).cast(Long.class).as("total");
        Table<?> counted = select(total).from(MATCHING).where(and(matching(filter, values)))
                .and(enrollmentTerms(filter, MATCHING.PERSON_ID, values)).asTable("counted");
        List<SelectField<?>> columns = new ArrayList<>(List.of(LISTED.PERSON_ID, LISTED.REFERRED_AT, LISTED.ID));
        if (withConsents) {
            columns.add(JooqConsents.consentsOf(LISTED.PERSON_ID).as("consents"));
        }
        Table<?> page = select(columns).from(LISTED).where(listed).and(seek)
                .orderBy(LISTED.REFERRED_AT, LISTED.ID)
                .limit(param("rows", SQLDataType.INTEGER, first + 1, values)).asTable("page");
        Field<String> person = page.field(LISTED.PERSON_ID);
        Field<OffsetDateTime> referredAt = page.field(LISTED.REFERRED_AT);
        Field<UUID> referral = page.field(LISTED.ID);
        @SuppressWarnings("unchecked")
        Field<Result<Record>> consents = withConsents ? (Field<Result<Record>>) page.field("consents") : null;
        var query = tx.dsl().select(counted.field(total)).select(page.fields()).from(counted).leftJoin(page)
                .on(DSL.trueCondition()).orderBy(referredAt, referral);
        FixedStatement statement = pages.computeIfAbsent(new PageShape(new TreeSet<>(values.keySet()), withConsents),
                shape -> FixedStatement.of(tx.dsl(), query));
        Result<Record> rows = statement.query(tx.dsl(), values,
                rs -> tx.dsl().fetch(rs, query.getSelect().toArray(Field<?>[]::new)));
        long count = 0;
        var entries = new ArrayList<ParticipantPage.Entry>();
        Map<PersonId, List<Consent>> consentsOf = new HashMap<>();
        for (Record r : rows) {
            count = r.get(counted.field(total));
            if (r.get(person) == null) {
                continue;
            }
            PersonId p = new PersonId(r.get(person));
            entries.add(new ParticipantPage.Entry(p,
                    new ParticipantCursor(r.get(referredAt).toInstant(), new ReferralId(r.get(referral)))));
            if (withConsents) {
                consentsOf.put(p, JooqConsents.consents(r.get(consents)));
            }
        }
        boolean more = entries.size() > first;
        if (more) {
            consentsOf.remove(entries.get(first).participant());
        }
        return new Listed(new ParticipantPage(more ? entries.subList(0, first) : entries, count, more), consentsOf);
    }

    /** What a page's statement is made of: the parameters its filter's terms bind, and whether consents come along. */
    private record PageShape(Set<String> parameters, boolean withConsents) {
    }

    /** The page statements of the shapes asked for so far, rendered once each. */
    private final Map<PageShape, FixedStatement> pages = new ConcurrentHashMap<>();

    /** A named parameter of a page's statement, its value put in {@code values}. */
    private static <T> Field<T> param(String name, DataType<T> type, Object value, Map<String, Object> values) {
        values.put(name, value);
        return DSL.param(name, type);
    }

    /** {@code column} is one of the names bound as one array at parameter {@code name}. */
    private static Condition among(Field<String> column, String name, Collection<? extends Enum<?>> values,
                                   Map<String, Object> bound) {
        return DSL.condition("{0} = any({1})", column, param(name, SQLDataType.VARCHAR.array(),
                names(values).toArray(String[]::new), bound));
    }

    private static Condition referralTerms(ParticipantFilter f, Map<String, Object> values) {
        List<Condition> terms = matching(f, values);
        if (terms.isEmpty()) {
            return noCondition();
        }
        return exists(selectOne().from(MATCHING).where(MATCHING.PERSON_ID.eq(LISTED.PERSON_ID)).and(and(terms)));
    }

    /** The referral terms of {@code f} on {@code MATCHING}, a referral of the person. */
    private static List<Condition> matching(ParticipantFilter f, Map<String, Object> values) {
        List<Condition> terms = new ArrayList<>();
        f.site().ifPresent(site -> terms.add(MATCHING.SITE_ID.eq(param("site", SQLDataType.VARCHAR, site.value(),
                values))));
        if (!f.doors().isEmpty()) {
            terms.add(among(MATCHING.DOOR, "doors", f.doors(), values));
        }
        if (!f.referralStatuses().isEmpty()) {
            terms.add(among(MATCHING.STATUS, "referral_statuses", f.referralStatuses(), values));
        }
        terms.addAll(within(MATCHING.REFERRED_AT, f.referred(), "referred", values));
        return terms;
    }

    private static Condition enrollmentTerms(ParticipantFilter f, Map<String, Object> values) {
        return enrollmentTerms(f, LISTED.PERSON_ID, values);
    }

    /** The enrollment terms of {@code f}: the person {@code person} names has an enrollment meeting every one. */
    private static Condition enrollmentTerms(ParticipantFilter f, Field<String> person, Map<String, Object> values) {
        if (!f.speaksOfEnrollments()) {
            return noCondition();
        }
        Condition terms = ENROLLED.PERSON_ID.eq(person);
        if (f.site().isPresent()) {
            terms = terms.and(ENROLLED.SITE_ID.eq(param("site", SQLDataType.VARCHAR, f.site().get().value(),
                    values)));
        }
        if (!f.enrollmentStatuses().isEmpty()) {
            terms = terms.and(among(ENROLLED.STATUS, "enrollment_statuses", f.enrollmentStatuses(), values));
        }
        terms = terms.and(and(within(ENROLLED.STARTED_AT, f.enrolled(), "enrolled", values)));
        if (f.caseManager().isPresent()) {
            terms = terms.and(exists(selectOne().from(CASELOAD_ASSIGNMENT)
                    .where(CASELOAD_ASSIGNMENT.ENROLLMENT_ID.eq(ENROLLED.ID))
                    .and(CASELOAD_ASSIGNMENT.CASE_MANAGER_ID.eq(param("case_manager", SQLDataType.VARCHAR,
                            f.caseManager().get().value(), values)))));
        }
        return exists(selectOne().from(ENROLLED).where(terms));
    }

    private static List<Condition> within(Field<OffsetDateTime> column, ParticipantFilter.Between span, String name,
                                          Map<String, Object> values) {
        List<Condition> bounds = new ArrayList<>();
        span.from().ifPresent(from -> bounds.add(column.ge(param(name + "_from",
                SQLDataType.TIMESTAMPWITHTIMEZONE, upToMicros(from), values))));
        span.before().ifPresent(before -> bounds.add(column.lt(param(name + "_before",
                SQLDataType.TIMESTAMPWITHTIMEZONE, upToMicros(before), values))));
        return bounds;
    }

    /**
     * The first whole microsecond at or after {@code at}: columns hold microseconds, so {@code column >= at} is
     * {@code column >= upToMicros(at)} (and the same for {@code <}), whatever a driver would do with the nanoseconds.
     */
    private static Instant upToMicros(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.MICROS);
        return down.equals(at) ? at : down.plus(1, ChronoUnit.MICROS);
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    // ---- a timeline ----------------------------------------------------------------------------------------------

    /**
     * The events of {@code person} of the data classes {@code released}, in the order they happened (time, then log
     * order), after {@code after}, at most {@code first}. Each event type is looked for only under the ids of its own
     * aggregate kind, so an id that happens to equal another kind's id never brings in someone else's events.
     *
     * @param consentIds the ids of the person's consents (already read to decide the access)
     */
    Timeline timeline(PersonId person, Collection<UUID> consentIds, Set<DataClass> released,
                      Optional<TimelineCursor> after, int first) {
        List<String> referrals = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (var r : tx.dsl().select(inline("R"), REFERRAL.ID).from(REFERRAL)
                .where(REFERRAL.PERSON_ID.eq(person.value()))
                .unionAll(select(inline("E"), ENROLLMENT.ID).from(ENROLLMENT)
                        .where(ENROLLMENT.PERSON_ID.eq(person.value())))
                .unionAll(select(inline("C"), POST_ENROLLMENT_CASE.ID).from(POST_ENROLLMENT_CASE)
                        .where(POST_ENROLLMENT_CASE.PERSON_ID.eq(person.value())))
                .fetch()) {
            (switch (r.value1()) {
                case "R" -> referrals;
                case "E" -> enrollments;
                default -> cases;
            }).add(r.value2().toString());
        }
        List<Condition> sources = new ArrayList<>();
        source(referrals, released, ReferralEvent.class, WorkgroupEvent.IntakeDeadlineApproaching.class)
                .ifPresent(sources::add);
        source(enrollments, released, EnrollmentEvent.class, PlanEvent.class).ifPresent(sources::add);
        source(cases, released, ProsecutionEvent.class, WorkgroupEvent.ConsultationWindowClosing.class)
                .ifPresent(sources::add);
        source(consentIds.stream().map(UUID::toString).toList(), released, DisclosureEvent.ConsentSigned.class,
                DisclosureEvent.ConsentRevoked.class).ifPresent(sources::add);
        source(List.of(person.value()), released, DisclosureEvent.DisclosureGranted.class,
                DisclosureEvent.DisclosureRefused.class).ifPresent(sources::add);
        if (sources.isEmpty()) {
            return Timeline.empty();
        }
        Condition seek = after.map(c -> row(DOMAIN_EVENT.OCCURRED_AT, DOMAIN_EVENT.SEQ)
                .gt(row(EventStore.utc(c.at()), c.sequence()))).orElse(noCondition());
        var rows = tx.dsl().select(DOMAIN_EVENT.SEQ, DOMAIN_EVENT.OCCURRED_AT, DOMAIN_EVENT.EVENT_TYPE,
                        DOMAIN_EVENT.PAYLOAD)
                .from(DOMAIN_EVENT).where(or(sources)).and(seek)
                .orderBy(DOMAIN_EVENT.OCCURRED_AT, DOMAIN_EVENT.SEQ)
                .limit(first + 1)
                .fetch(r -> {
                    DomainEvent event = json.read(r.value3(), r.value4());
                    return new Timeline.Entry(event, EventDataClasses.of(event),
                            new TimelineCursor(r.value2().toInstant(), r.value1()));
                });
        boolean more = rows.size() > first;
        return new Timeline(more ? rows.subList(0, first) : rows, more);
    }

    /** Rows of the aggregates {@code ids} whose type is one of {@code kinds} (families or types) and released. */
    private static Optional<Condition> source(List<String> ids, Set<DataClass> released, Class<?>... kinds) {
        Set<String> types = new HashSet<>();
        for (Class<?> kind : kinds) {
            Class<?>[] members = kind.isSealed() ? kind.getPermittedSubclasses() : new Class<?>[] {kind};
            for (Class<?> type : members) {
                if (released.contains(EventDataClasses.of(type.asSubclass(DomainEvent.class)))) {
                    types.add(type.getSimpleName());
                }
            }
        }
        if (ids.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DOMAIN_EVENT.AGGREGATE_ID.in(ids).and(DOMAIN_EVENT.EVENT_TYPE.in(types.stream().sorted().toList())));
    }
}

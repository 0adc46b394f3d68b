/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.DueReferral;
import org.leaddiversion.persistence.ParticipantCursor;
import org.leaddiversion.persistence.ParticipantFilter;
import org.leaddiversion.persistence.ParticipantPage;
import org.leaddiversion.persistence.ParticipantPageRecords;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.RecordGroup;
import org.leaddiversion.persistence.Release;
import org.leaddiversion.persistence.Timeline;
import org.leaddiversion.persistence.TimelineCursor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Lists over the audited reads: participants (a Relay connection with keyset cursors and filters), a participant's
 * timeline, and the intake deadlines due at a site. Who may list, what each entry may show and the audit are decided
 * in {@link ParticipantRecords}; this controller checks the inputs, naming the field at fault, and shapes the pages.
 */
@Controller
class ParticipantListController {

    /** The page size when a query does not say. */
    static final int DEFAULT_PAGE = 20;

    private final ParticipantRecords records;

    ParticipantListController(ParticipantRecords records) {
        this.records = records;
    }

    // ---- the shapes of the schema ------------------------------------------------------------------------------

    /** The filter a query sends. */
    record ParticipantFilterInput(String site, List<Door> doors, List<ReferralStatus> referralStatuses,
                                  List<EnrollmentStatus> enrollmentStatuses, String caseManager,
                                  TimeSpanInput referredBetween, TimeSpanInput enrolledBetween) {
    }

    /** A span a query sends. */
    record TimeSpanInput(Instant from, Instant before) {
    }

    /** A page of participants. */
    record ParticipantConnection(List<ParticipantEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    /** A participant on a page. */
    record ParticipantEdge(String cursor, ParticipantController.ParticipantRef node) {
    }

    /** Where a page stands. */
    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
        static PageInfo of(List<String> cursors, boolean hasNext, boolean after) {
            return new PageInfo(hasNext, after, cursors.isEmpty() ? null : cursors.get(0),
                    cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        }
    }

    /** A page of a timeline. */
    record TimelineConnection(List<TimelineEdge> edges, PageInfo pageInfo) {
    }

    /** An entry of a timeline with its cursor. */
    record TimelineEdge(String cursor, TimelineEntry node) {
    }

    /** Something that happened, in domain words. */
    record TimelineEntry(String type, Instant at, DataClass dataClass, String summary, String recordId) {
    }

    // ---- participants --------------------------------------------------------------------------------------------

    @QueryMapping
    DataFetcherResult<ParticipantConnection> participants(@Argument Integer first, @Argument String after,
                                                          @Argument ParticipantFilterInput filter,
                                                          DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        int size = pageSize(first);
        Optional<ParticipantCursor> cursor = after == null ? Optional.empty()
                : Optional.of(ParticipantCursor.of(after, "after"));
        // the field groups the query asks of each participant on the page are read with the page (and primed into
        // their loaders): a nested page costs the same statements whatever its size
        Set<RecordGroup> groups = EnumSet.noneOf(RecordGroup.class);
        Set<OptionalInt> lasts = new HashSet<>();
        for (SelectedField field : env.getSelectionSet().getFields("edges/node/*")) {
            RecordGroup group = GROUPS.get(field.getName());
            if (group != null) {
                groups.add(group);
            }
            if (group == RecordGroup.CONTACTS) {
                lasts.add(ParticipantController.last((Integer) field.getArguments().get("last")));
            }
        }
        boolean inBrief = ParticipantFields.inBrief(env.getSelectionSet().getFields("edges/node/referrals"));
        if (groups.contains(RecordGroup.REFERRALS) && inBrief) {
            groups.remove(RecordGroup.REFERRALS);
            groups.add(RecordGroup.REFERRAL_SUMMARIES);
        }
        if (lasts.size() > 1) {
            groups.remove(RecordGroup.CONTACTS); // asked twice with different lengths: each through its loader
        }
        OptionalInt last = lasts.size() == 1 ? lasts.iterator().next() : OptionalInt.empty();
        ParticipantPageRecords read = records.participants(viewer.reader(), filter(filter), cursor, size, groups,
                last);
        ParticipantLoaders.prime(read, last, env);
        Release<ParticipantPage> page = read.page();
        return shaped(page, p -> {
            List<ParticipantEdge> edges = p.entries().stream().map(e -> new ParticipantEdge(e.cursor().token(),
                    new ParticipantController.ParticipantRef(e.participant(), inBrief))).toList();
            return new ParticipantConnection(edges,
                    PageInfo.of(edges.stream().map(ParticipantEdge::cursor).toList(), p.hasMore(), cursor.isPresent()),
                    p.total());
        }, env);
    }

    /**
     * The fields of a participant each speaking for a field group of her record; her referrals are read whole or in
     * brief as the query's selections of them ask ({@link ParticipantFields#inBrief}).
     */
    private static final Map<String, RecordGroup> GROUPS = Map.of("referrals", RecordGroup.REFERRALS,
            "enrollments", RecordGroup.ENROLLMENTS, "plans", RecordGroup.PLANS, "contacts", RecordGroup.CONTACTS,
            "cases", RecordGroup.CASES, "consents", RecordGroup.CONSENTS);

    private static ParticipantFilter filter(ParticipantFilterInput in) {
        ParticipantFilter f = ParticipantFilter.all();
        if (in == null) {
            return f;
        }
        if (in.site() != null) {
            f = f.withSite(site(in.site(), "filter.site"));
        }
        f = f.withDoors(set(in.doors())).withReferralStatuses(set(in.referralStatuses()))
                .withEnrollmentStatuses(set(in.enrollmentStatuses()));
        if (in.caseManager() != null) {
            f = f.withCaseManager(named(() -> new CaseManagerId(in.caseManager()), "filter.caseManager"));
        }
        return f.withReferred(span(in.referredBetween(), "filter.referredBetween"))
                .withEnrolled(span(in.enrolledBetween(), "filter.enrolledBetween"));
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values) {
        return values == null || values.isEmpty() ? Set.of() : EnumSet.copyOf(values);
    }

    private static ParticipantFilter.Between span(TimeSpanInput in, String field) {
        if (in == null) {
            return ParticipantFilter.Between.ALWAYS;
        }
        if (in.from() != null && in.before() != null && !in.from().isBefore(in.before())) {
            throw new InvalidValueException(field, "before must be after from");
        }
        return new ParticipantFilter.Between(Optional.ofNullable(in.from()), Optional.ofNullable(in.before()));
    }

    // ---- a timeline ----------------------------------------------------------------------------------------------

    @QueryMapping
    DataFetcherResult<TimelineConnection> timeline(@Argument String participantId, @Argument Integer first,
                                                   @Argument String after, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = named(() -> new PersonId(participantId), "participantId");
        int size = pageSize(first);
        Optional<TimelineCursor> cursor = after == null ? Optional.empty()
                : Optional.of(TimelineCursor.of(after, "after"));
        Release<Timeline> page = records.timeline(viewer.reader(), person, cursor, size);
        return shaped(page, t -> {
            List<TimelineEdge> edges = t.entries().stream().map(e -> new TimelineEdge(e.cursor().token(),
                    new TimelineEntry(e.event().type(), e.event().occurredAt(), e.dataClass(),
                            TimelineSummaries.of(e.event()), e.event().aggregateId()))).toList();
            return new TimelineConnection(edges,
                    PageInfo.of(edges.stream().map(TimelineEdge::cursor).toList(), t.hasMore(), cursor.isPresent()));
        }, env);
    }

    // ---- deadlines due -------------------------------------------------------------------------------------------

    @QueryMapping
    DataFetcherResult<List<DueReferral>> deadlinesDue(@Argument String site, @Argument LocalDate before,
                                                      DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        return ParticipantLoaders.result(records.deadlinesDue(viewer.reader(), site(site, "site"), before), env);
    }

    @SchemaMapping(typeName = "DeadlineDue")
    ParticipantController.ParticipantRef participant(DueReferral due, DataFetchingEnvironment env) {
        return new ParticipantController.ParticipantRef(due.referral().person().id(),
                ParticipantFields.inBrief(env.getSelectionSet().getFields("referrals")));
    }

    @SchemaMapping(typeName = "DeadlineDue")
    LocalDate deadline(DueReferral due) {
        return due.deadline().date();
    }

    @SchemaMapping(typeName = "DeadlineDue")
    Instant lapsesAt(DueReferral due) {
        return due.deadline().firstLateInstant();
    }

    // ---- inputs and results --------------------------------------------------------------------------------------

    /** The page size asked for, or a {@code BAD_REQUEST} naming {@code first}. */
    private static int pageSize(Integer first) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 1 || size > ParticipantRecords.MAX_PAGE) {
            throw new InvalidValueException("first", "must be between 1 and " + ParticipantRecords.MAX_PAGE);
        }
        return size;
    }

    private static SiteId site(String value, String field) {
        return named(() -> new SiteId(Commands.required(value, field).trim()), field);
    }

    /** The value built, or a {@code BAD_REQUEST} naming the input field rather than the domain's own. */
    private static <T> T named(Supplier<T> build, String field) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            if (e.field().equals(field)) {
                throw e;
            }
            throw new InvalidValueException(field, e.reason());
        }
    }

    /** The page shaped for the schema, with one FORBIDDEN error per refused class; null when nothing was released. */
    private static <P, C> DataFetcherResult<C> shaped(Release<P> release, Function<P, C> shape,
                                                      DataFetchingEnvironment env) {
        DataFetcherResult<P> result = ParticipantLoaders.result(release, env);
        return DataFetcherResult.<C>newResult().data(result.getData() == null ? null : shape.apply(result.getData()))
                .errors(result.getErrors()).build();
    }
}

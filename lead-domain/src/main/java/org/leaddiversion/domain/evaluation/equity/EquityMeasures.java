/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.evaluation.Cohort;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.Measure;
import org.leaddiversion.domain.evaluation.MeasureResult;
import org.leaddiversion.domain.evaluation.ReferralStages;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.Stratum;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.RecordedDecision;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.screening.Finding;

/**
 * The equity measures of SPEC §8.5 besides the relative rate index ({@link RriTable}): diversion share, stage
 * conversion, exclusion reasons and post-enrollment charging decisions by group, and outcome parity. Every function
 * reports every group of the data in the policy's order, {@code UNKNOWN} always and last, with a {@code group}
 * dimension in each row's stratum; nobody's group is ever imputed or merged into another. The rows are internal: pass
 * them through {@link Publication} before they leave the programme.
 */
public final class EquityMeasures {

    /** The stages of SPEC §8.5 item 3, each the share of those at one stage who reach the next. */
    public enum Stage {
        /** Eligible referrals where the offer was made and answered (consent or decline recorded). */
        ELIGIBLE_TO_OFFERED,
        /** Offered referrals that were accepted (the intake clock started). */
        OFFERED_TO_ACCEPTED,
        /** Accepted referrals, intake window closed, that completed intake on time. */
        ACCEPTED_TO_INTAKE_ON_TIME,
        /** Lapsed referrals with a released charge whose charge was then filed on ordinary review. */
        LAPSED_TO_FILED,
        /** Enrollments that were ACTIVE six months after they started. */
        ENROLLED_TO_ACTIVE_AT_SIX_MONTHS
    }

    private EquityMeasures() {
    }

    /**
     * {@link Measure#DIVERSION_SHARE} per group: arrest diversions (arrest-door referrals in the scope whose charge was
     * held) divided by arrest diversions plus bookings (encounters of the scope in the eligible pool whose disposition
     * was {@link Encounter.Disposition#BOOKED}).
     */
    public static List<MeasureResult> diversionShare(Collection<Referral> referrals, Collection<Encounter> encounters,
                                                     ReportScope scope, EquityPolicy policy) {
        Require.noNulls(encounters, "encounters");
        Map<EquityGroup, Long> diversions = new TreeMap<>();
        Map<EquityGroup, Long> bookings = new TreeMap<>();
        for (Referral r : inScope(referrals, scope)) {
            if (ReferralStages.arrestDiversion(r)) {
                diversions.merge(EquityGroup.of(r), 1L, Long::sum);
            }
        }
        for (Encounter e : encounters) {
            if (e.site().equals(scope.site()) && scope.period().contains(e.date()) && e.inPool()
                    && e.disposition() == Encounter.Disposition.BOOKED) {
                bookings.merge(e.group(), 1L, Long::sum);
            }
        }
        var seen = new TreeSet<>(diversions.keySet());
        seen.addAll(bookings.keySet());
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : groups(policy, seen)) {
            long d = diversions.getOrDefault(g, 0L);
            out.add(MeasureResult.proportion(Measure.DIVERSION_SHARE, Stratum.of("group", g.code()), d,
                    d + bookings.getOrDefault(g, 0L)));
        }
        return List.copyOf(out);
    }

    /**
     * {@link Measure#STAGE_CONVERSION} per group and {@link Stage}. The referral stages are nested — eligible, then
     * offered, then accepted, then intake on time — so each share is of those who reached the previous stage; the
     * lapse stage counts lapsed referrals with a released charge. The six-month stage counts the site's enrollments
     * that started in the period at least six months before {@code asOf}, with their status six months after the start
     * replayed from the enrollment events ({@code events}, e.g. {@code ProgrammeRecord.events()}); an enrollment's
     * group is that of the referral that started it ({@code UNKNOWN} if that referral is not given).
     */
    public static List<MeasureResult> stageConversion(Collection<Referral> referrals, Collection<Enrollment> enrollments,
                                                      Collection<? extends DomainEvent> events, ReportScope scope,
                                                      Instant asOf, EquityPolicy policy) {
        Require.noNulls(enrollments, "enrollments");
        Require.noNulls(events, "events");
        Require.present(asOf, "asOf");
        Map<EquityGroup, long[]> counts = new TreeMap<>();
        for (Referral r : inScope(referrals, scope)) {
            long[] c = counts.computeIfAbsent(EquityGroup.of(r), g -> new long[2 * Stage.values().length]);
            boolean eligible = ReferralStages.eligible(r);
            boolean offered = eligible && ReferralStages.offered(r);
            boolean accepted = offered && ReferralStages.accepted(r);
            boolean closed = accepted && ReferralStages.intakeWindowClosed(r);
            tally(c, Stage.ELIGIBLE_TO_OFFERED, eligible, offered);
            tally(c, Stage.OFFERED_TO_ACCEPTED, offered, accepted);
            tally(c, Stage.ACCEPTED_TO_INTAKE_ON_TIME, closed, closed && ReferralStages.intakeOnTime(r));
            boolean lapsed = ReferralStages.lapsedWithCharge(r);
            tally(c, Stage.LAPSED_TO_FILED, lapsed, lapsed && ReferralStages.filedAfterRelease(r));
        }
        Map<ReferralId, Referral> byId = new HashMap<>();
        referrals.forEach(r -> byId.put(r.id(), r));
        Map<EnrollmentId, List<EnrollmentEvent>> history = new HashMap<>();
        for (DomainEvent e : events) {
            if (e instanceof EnrollmentEvent ee) {
                history.computeIfAbsent(ee.enrollmentId(), k -> new ArrayList<>()).add(ee);
            }
        }
        for (Enrollment e : enrollments) {
            if (!e.site().equals(scope.site()) || !scope.period().contains(e.startedAt())) {
                continue;
            }
            Instant sixMonths = ZonedDateTime.ofInstant(e.startedAt(), scope.period().zone()).plusMonths(6).toInstant();
            if (sixMonths.isAfter(asOf)) {
                continue;
            }
            Referral first = e.referrals().isEmpty() ? null : byId.get(e.referrals().get(0));
            EquityGroup g = first == null ? EquityGroup.UNKNOWN : EquityGroup.of(first);
            long[] c = counts.computeIfAbsent(g, k -> new long[2 * Stage.values().length]);
            boolean active = statusAt(history.getOrDefault(e.id(), List.of()), sixMonths) == EnrollmentStatus.ACTIVE;
            tally(c, Stage.ENROLLED_TO_ACTIVE_AT_SIX_MONTHS, true, active);
        }
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : groups(policy, counts.keySet())) {
            long[] c = counts.getOrDefault(g, new long[2 * Stage.values().length]);
            for (Stage s : Stage.values()) {
                out.add(MeasureResult.proportion(Measure.STAGE_CONVERSION,
                        Stratum.of("group", g.code()).and("stage", s.name()), c[2 * s.ordinal() + 1],
                        c[2 * s.ordinal()]));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@link Measure#EXCLUSION_REASONS} per group and criterion: the group's referrals in the scope with at least one
     * finding or discretionary note of the criterion, over the group's referrals. Every criterion found in the scope's
     * referrals has a row for every group (zero included), so a criterion that only ever excludes one group stands out.
     */
    public static List<MeasureResult> exclusionReasons(Collection<Referral> referrals, ReportScope scope,
                                                       EquityPolicy policy) {
        Map<EquityGroup, Long> totals = new TreeMap<>();
        Map<EquityGroup, Map<ExclusionKind, Long>> hits = new TreeMap<>();
        Set<ExclusionKind> found = EnumSet.noneOf(ExclusionKind.class);
        for (Referral r : inScope(referrals, scope)) {
            EquityGroup g = EquityGroup.of(r);
            totals.merge(g, 1L, Long::sum);
            Set<ExclusionKind> kinds = EnumSet.noneOf(ExclusionKind.class);
            r.screening().findings().stream().map(Finding::exclusion).forEach(kinds::add);
            r.screening().notes().stream().map(Finding::exclusion).forEach(kinds::add);
            found.addAll(kinds);
            kinds.forEach(k -> hits.computeIfAbsent(g, x -> new EnumMap<>(ExclusionKind.class)).merge(k, 1L, Long::sum));
        }
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : groups(policy, totals.keySet())) {
            for (ExclusionKind k : found) {
                out.add(MeasureResult.proportion(Measure.EXCLUSION_REASONS,
                        Stratum.of("group", g.code()).and("exclusion", k.name()),
                        hits.getOrDefault(g, Map.of()).getOrDefault(k, 0L), totals.getOrDefault(g, 0L)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@link Measure#POST_ENROLLMENT_DECISIONS} per group and decision: the charging decisions recorded in the period
     * on the site's post-enrollment cases. A person's group is the one recorded on their latest referral at the site
     * made no later than the decision (ties broken by referral id); {@code UNKNOWN} when there is none.
     */
    public static List<MeasureResult> postEnrollmentDecisions(Collection<PostEnrollmentCase> cases,
                                                              Collection<Referral> referrals, ReportScope scope,
                                                              EquityPolicy policy) {
        Require.noNulls(cases, "cases");
        Require.noNulls(referrals, "referrals");
        Require.present(scope, "scope");
        Map<PersonId, List<Referral>> byPerson = new HashMap<>();
        for (Referral r : referrals) {
            if (r.submission().site().equals(scope.site())) {
                byPerson.computeIfAbsent(r.submission().person().id(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<EquityGroup, Map<ChargingDecision, Long>> counts = new TreeMap<>();
        for (PostEnrollmentCase c : cases) {
            if (!c.site().equals(scope.site()) || c.decision().isEmpty()
                    || !scope.period().contains(c.decision().get().decidedAt())) {
                continue;
            }
            RecordedDecision d = c.decision().get();
            EquityGroup g = byPerson.getOrDefault(c.person(), List.of()).stream()
                    .filter(r -> !r.referredAt().isAfter(d.decidedAt()))
                    .max(Comparator.comparing(Referral::referredAt).thenComparing(Referral::id))
                    .map(EquityGroup::of).orElse(EquityGroup.UNKNOWN);
            counts.computeIfAbsent(g, k -> new EnumMap<>(ChargingDecision.class)).merge(d.decision(), 1L, Long::sum);
        }
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : groups(policy, counts.keySet())) {
            Map<ChargingDecision, Long> own = counts.getOrDefault(g, Map.of());
            long total = own.values().stream().mapToLong(Long::longValue).sum();
            for (ChargingDecision d : ChargingDecision.values()) {
                out.add(MeasureResult.proportion(Measure.POST_ENROLLMENT_DECISIONS,
                        Stratum.of("group", g.code()).and("decision", d.name()), own.getOrDefault(d, 0L), total));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Outcome parity (SPEC §8.5 item 6): an outcome measure computed separately for the members of each group of the
     * cohort, every row stratified by {@code group} as well. For example
     * {@code outcomeParity(participants, policy, c -> OutcomeMeasures.arrestAny(c, events, window))}.
     */
    public static List<MeasureResult> outcomeParity(Cohort cohort, EquityPolicy policy,
                                                    Function<Cohort, List<MeasureResult>> measure) {
        Require.present(cohort, "cohort");
        Require.present(measure, "measure");
        var out = new ArrayList<MeasureResult>();
        for (EquityGroup g : groups(policy, cohort.groups())) {
            for (MeasureResult r : measure.apply(cohort.only(g))) {
                out.add(new MeasureResult(r.measure(), r.stratum().and("group", g.code()), r.subjects(), r.count(),
                        r.base(), r.value(), r.currency()));
            }
        }
        return List.copyOf(out);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void tally(long[] c, Stage stage, boolean atStage, boolean reachedNext) {
        c[2 * stage.ordinal()] += atStage ? 1 : 0;
        c[2 * stage.ordinal() + 1] += atStage && reachedNext ? 1 : 0;
    }

    /** The enrollment's status at an instant, replayed from its events (it starts ACTIVE). */
    static EnrollmentStatus statusAt(List<EnrollmentEvent> events, Instant at) {
        var sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(EnrollmentEvent::occurredAt).thenComparing(EquityMeasures::rank));
        EnrollmentStatus status = EnrollmentStatus.ACTIVE;
        for (EnrollmentEvent e : sorted) {
            if (e.occurredAt().isAfter(at)) {
                break;
            }
            if (e instanceof EnrollmentEvent.ParticipantBecameInactive) {
                status = EnrollmentStatus.INACTIVE;
            } else if (e instanceof EnrollmentEvent.ParticipantReengaged) {
                status = EnrollmentStatus.ACTIVE;
            } else if (e instanceof EnrollmentEvent.EnrollmentClosed) {
                status = EnrollmentStatus.CLOSED;
            }
        }
        return status;
    }

    private static int rank(EnrollmentEvent e) {
        if (e instanceof EnrollmentEvent.ParticipantReengaged) {
            return 1;
        }
        if (e instanceof EnrollmentEvent.ParticipantBecameInactive) {
            return 2;
        }
        return e instanceof EnrollmentEvent.EnrollmentClosed ? 3 : 0;
    }

    private static List<EquityGroup> groups(EquityPolicy policy, Collection<EquityGroup> found) {
        return Require.present(policy, "policy").reportedGroups(found);
    }

    private static List<Referral> inScope(Collection<Referral> referrals, ReportScope scope) {
        Require.noNulls(referrals, "referrals");
        Require.present(scope, "scope");
        return referrals.stream().filter(r -> ReferralStages.inScope(r, scope)).toList();
    }
}

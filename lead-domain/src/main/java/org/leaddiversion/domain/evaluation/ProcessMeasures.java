/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;

/**
 * The process measures of SPEC §8.4 — referrals by door, % eligible, % declined, hand-off minutes, % intake on time,
 * lapses, caseloads, active share and case-manager contacts — over the programme's own data (referrals, enrollments,
 * contacts, caseloads). Referrals are counted by the local date of {@code referredAt} in the report's period; the
 * stages are those of {@link ReferralStages}. Pure functions, independent of input order.
 */
public final class ProcessMeasures {

    private ProcessMeasures() {
    }

    /** {@link Measure#REFERRALS_BY_DOOR}: one row per door (every door, zero included), over all referrals. */
    public static List<MeasureResult> referralsByDoor(Collection<Referral> referrals, ReportScope scope) {
        List<Referral> in = inScope(referrals, scope);
        Map<Door, Long> counts = new EnumMap<>(Door.class);
        in.forEach(r -> counts.merge(r.door(), 1L, Long::sum));
        var out = new ArrayList<MeasureResult>();
        for (Door d : Door.values()) {
            out.add(MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", d.name()),
                    counts.getOrDefault(d, 0L), in.size()));
        }
        return List.copyOf(out);
    }

    /** {@link Measure#REFERRALS_ELIGIBLE}: referrals found eligible, over all referrals. */
    public static MeasureResult eligible(Collection<Referral> referrals, ReportScope scope) {
        List<Referral> in = inScope(referrals, scope);
        return MeasureResult.proportion(Measure.REFERRALS_ELIGIBLE, Stratum.ALL,
                in.stream().filter(ReferralStages::eligible).count(), in.size());
    }

    /** {@link Measure#REFERRALS_DECLINED}: referrals the person declined, over all referrals. */
    public static MeasureResult declined(Collection<Referral> referrals, ReportScope scope) {
        List<Referral> in = inScope(referrals, scope);
        return MeasureResult.proportion(Measure.REFERRALS_DECLINED, Stratum.ALL,
                in.stream().filter(ReferralStages::declined).count(), in.size());
    }

    /**
     * {@link Measure#HANDOFF_MINUTES} (the median, {@code statistic=MEDIAN}) and {@link Measure#HANDOFF_WITHIN_TARGET}
     * (hand-offs of at most {@code targetMinutes}, the site's {@code handoff.targetMinutes}) over referrals with a
     * recorded hand-off.
     */
    public static List<MeasureResult> handoffs(Collection<Referral> referrals, ReportScope scope, int targetMinutes) {
        Require.atLeast(targetMinutes, 1, "handoff.targetMinutes");
        var minutes = new ArrayList<Long>();
        for (Referral r : inScope(referrals, scope)) {
            r.handoff().ifPresent(h -> minutes.add(h.minutes()));
        }
        minutes.sort(Long::compareTo);
        long n = minutes.size();
        long within = minutes.stream().filter(m -> m <= targetMinutes).count();
        return List.of(
                new MeasureResult(Measure.HANDOFF_MINUTES, Stratum.of("statistic", "MEDIAN"), n, n, n,
                        OutcomeMeasures.median(minutes), Optional.empty()),
                MeasureResult.proportion(Measure.HANDOFF_WITHIN_TARGET, Stratum.ALL, within, n));
    }

    /**
     * {@link Measure#INTAKE_ON_TIME} and {@link Measure#INTAKE_LAPSED} over accepted referrals whose intake window has
     * closed.
     */
    public static List<MeasureResult> intake(Collection<Referral> referrals, ReportScope scope) {
        List<Referral> closed = inScope(referrals, scope).stream().filter(ReferralStages::intakeWindowClosed).toList();
        return List.of(
                MeasureResult.proportion(Measure.INTAKE_ON_TIME, Stratum.ALL,
                        closed.stream().filter(ReferralStages::intakeOnTime).count(), closed.size()),
                MeasureResult.proportion(Measure.INTAKE_LAPSED, Stratum.ALL,
                        closed.stream().filter(ReferralStages::lapsed).count(), closed.size()));
    }

    /**
     * {@link Measure#CASELOAD_PER_CASE_MANAGER} from a site's caseload snapshot: one row per case manager
     * ({@code caseManager=<id>}) with their open caseload, and a row for the mean over case managers with a caseload.
     */
    public static List<MeasureResult> caseloads(Caseloads caseloads) {
        Require.present(caseloads, "caseloads");
        Map<CaseManagerId, Long> per = new TreeMap<>();
        caseloads.assignments().values().forEach(cm -> per.merge(cm, 1L, Long::sum));
        var out = new ArrayList<MeasureResult>();
        long total = 0;
        for (var e : per.entrySet()) {
            out.add(new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("caseManager", e.getKey().value()),
                    e.getValue(), e.getValue(), 1, Optional.of(Fraction.of(e.getValue())), Optional.empty()));
            total += e.getValue();
        }
        out.add(MeasureResult.ratio(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("statistic", "MEAN"), total, total,
                per.size(), 1, Optional.empty()));
        return List.copyOf(out);
    }

    /** {@link Measure#ACTIVE_SHARE}: the site's open enrollments that are ACTIVE, as they stand in the snapshot. */
    public static MeasureResult activeShare(Collection<Enrollment> enrollments, SiteId site) {
        Require.noNulls(enrollments, "enrollments");
        Require.present(site, "site");
        List<Enrollment> open = enrollments.stream().filter(e -> e.site().equals(site) && e.isOpen()).toList();
        return MeasureResult.proportion(Measure.ACTIVE_SHARE, Stratum.ALL,
                open.stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).count(), open.size());
    }

    /**
     * {@link Measure#CM_CONTACTS}: participant contacts (collateral ones excluded) of the site's enrollments, dated in
     * the period, per enrollment open during the period — overall and one row per participant contact type
     * ({@code contactType=<type>}). An enrollment is open during the period when it started before the period's end
     * and was not closed before its start.
     */
    public static List<MeasureResult> contacts(Collection<Enrollment> enrollments,
                                               Collection<EnrollmentEvent.ContactRecorded> contacts, ReportScope scope) {
        Require.noNulls(enrollments, "enrollments");
        Require.noNulls(contacts, "contacts");
        Require.present(scope, "scope");
        ReportingPeriod p = scope.period();
        Map<EnrollmentId, Enrollment> atSite = new HashMap<>();
        long open = 0;
        for (Enrollment e : enrollments) {
            if (!e.site().equals(scope.site())) {
                continue;
            }
            atSite.put(e.id(), e);
            LocalDate started = p.localDate(e.startedAt());
            boolean closedBefore = e.closedAt().map(c -> p.localDate(c).isBefore(p.start())).orElse(false);
            open += started.isBefore(p.end()) && !closedBefore ? 1 : 0;
        }
        Map<ContactType, Long> byType = new EnumMap<>(ContactType.class);
        long total = 0;
        for (EnrollmentEvent.ContactRecorded c : contacts) {
            if (atSite.containsKey(c.enrollmentId()) && c.contactType().isParticipantContact()
                    && p.contains(c.contactAt())) {
                byType.merge(c.contactType(), 1L, Long::sum);
                total++;
            }
        }
        var out = new ArrayList<MeasureResult>();
        out.add(MeasureResult.ratio(Measure.CM_CONTACTS, Stratum.ALL, open, total, open, 1, Optional.empty()));
        for (ContactType t : ContactType.values()) {
            if (t.isParticipantContact()) {
                out.add(MeasureResult.ratio(Measure.CM_CONTACTS, Stratum.of("contactType", t.name()), open,
                        byType.getOrDefault(t, 0L), open, 1, Optional.empty()));
            }
        }
        return List.copyOf(out);
    }

    /** The contacts recorded in an event log (e.g. {@code ProgrammeRecord.events()}), for {@link #contacts}. */
    public static List<EnrollmentEvent.ContactRecorded> contactsIn(Collection<? extends DomainEvent> events) {
        Require.noNulls(events, "events");
        return events.stream().filter(EnrollmentEvent.ContactRecorded.class::isInstance)
                .map(EnrollmentEvent.ContactRecorded.class::cast).toList();
    }

    /**
     * Every referral process measure of the scope: referrals by door, eligible, declined, hand-offs (against
     * {@code handoffTargetMinutes}) and intake.
     */
    public static List<MeasureResult> referralFunnel(Collection<Referral> referrals, ReportScope scope,
                                                     int handoffTargetMinutes) {
        var out = new ArrayList<MeasureResult>(referralsByDoor(referrals, scope));
        out.add(eligible(referrals, scope));
        out.add(declined(referrals, scope));
        out.addAll(handoffs(referrals, scope, handoffTargetMinutes));
        out.addAll(intake(referrals, scope));
        return List.copyOf(out);
    }

    static List<Referral> inScope(Collection<Referral> referrals, ReportScope scope) {
        Require.noNulls(referrals, "referrals");
        Require.present(scope, "scope");
        return referrals.stream().filter(r -> ReferralStages.inScope(r, scope)).toList();
    }
}

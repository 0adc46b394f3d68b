/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;

/**
 * The process measures of SPEC §8.4 over a Santa Fe programme shaped like its December 2016 client profile
 * ({@link SantaFeQuarter}: 105 referrals, 9 ineligible, 3 declined, 6 lapsed, 87 enrolled, 48 of them social).
 */
@DisplayName("Process measures: the Santa Fe referral funnel")
class ProcessMeasuresTest {

    private static SantaFeQuarter santaFe;

    @BeforeAll
    static void aSantaFeQuarter() {
        santaFe = new SantaFeQuarter();
    }

    @Test
    void referrals_by_door_eligible_and_declined() {
        List<Referral> referrals = santaFe.referrals();
        assertEquals(105, referrals.size());
        assertEquals(List.of(
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "ARREST_DIVERSION"), 57, 105),
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "SOCIAL_CONTACT"), 48, 105),
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "COMMUNITY"), 0, 105),
                MeasureResult.proportion(Measure.REFERRALS_BY_DOOR, Stratum.of("door", "PROSECUTOR"), 0, 105)),
                ProcessMeasures.referralsByDoor(referrals, SantaFeQuarter.SCOPE));
        assertEquals(MeasureResult.proportion(Measure.REFERRALS_ELIGIBLE, Stratum.ALL, 96, 105),
                ProcessMeasures.eligible(referrals, SantaFeQuarter.SCOPE));
        assertEquals(MeasureResult.proportion(Measure.REFERRALS_DECLINED, Stratum.ALL, 3, 105),
                ProcessMeasures.declined(referrals, SantaFeQuarter.SCOPE));
    }

    @Test
    void six_of_ninety_three_accepted_referrals_lapsed() {
        assertEquals(List.of(MeasureResult.proportion(Measure.INTAKE_ON_TIME, Stratum.ALL, 87, 93),
                        MeasureResult.proportion(Measure.INTAKE_LAPSED, Stratum.ALL, 6, 93)),
                ProcessMeasures.intake(santaFe.referrals(), SantaFeQuarter.SCOPE));
    }

    @Test
    void hand_offs_median_fifteen_minutes_two_thirds_within_the_thirty_minute_target() {
        List<MeasureResult> rows = ProcessMeasures.handoffs(santaFe.referrals(), SantaFeQuarter.SCOPE,
                santaFe.policy.handoffTargetMinutes());
        assertEquals(new MeasureResult(Measure.HANDOFF_MINUTES, Stratum.of("statistic", "MEDIAN"), 45, 45, 45,
                Optional.of(Fraction.of(15)), Optional.empty()), rows.get(0));
        assertEquals(MeasureResult.proportion(Measure.HANDOFF_WITHIN_TARGET, Stratum.ALL, 30, 45), rows.get(1));
        assertEquals(MeasureResult.proportion(Measure.HANDOFF_WITHIN_TARGET, Stratum.ALL, 45, 45),
                ProcessMeasures.handoffs(santaFe.referrals(), SantaFeQuarter.SCOPE, 45).get(1));
    }

    @Test
    void nothing_outside_the_scope_counts() {
        var other = new ReportScope(SantaFeQuarter.SCOPE.site(), ReportingPeriod.quarter(2016, 2, SantaFeQuarter.ZONE));
        assertEquals(MeasureResult.proportion(Measure.REFERRALS_ELIGIBLE, Stratum.ALL, 0, 0),
                ProcessMeasures.eligible(santaFe.referrals(), other));
        var seattle = new ReportScope(new org.leaddiversion.domain.policy.SiteId("seattle-king-county"),
                SantaFeQuarter.Q1);
        assertEquals(Optional.empty(), ProcessMeasures.declined(santaFe.referrals(), seattle).value());
    }

    @Test
    void contacts_per_participant_and_active_share_after_seven_months() {
        // the 64 engaged participants had a contact in February and in March: 128 contacts over 87 enrollments
        var contacts = ProcessMeasures.contactsIn(santaFe.programme.events());
        List<MeasureResult> rows = ProcessMeasures.contacts(santaFe.programme.enrollments().all(), contacts,
                SantaFeQuarter.SCOPE);
        assertEquals(MeasureResult.ratio(Measure.CM_CONTACTS, Stratum.ALL, 87, 128, 87, 1, Optional.empty()),
                rows.get(0));
        assertEquals(128, OutcomeMeasuresTest.find(rows, Stratum.of("contactType", "IN_PERSON_FIELD")).count());
        assertEquals(0, OutcomeMeasuresTest.find(rows, Stratum.of("contactType", "PHONE")).count());
        assertEquals(MeasureResult.proportion(Measure.ACTIVE_SHARE, Stratum.ALL, 64, 87),
                ProcessMeasures.activeShare(santaFe.programme.enrollments().all(), SantaFeQuarter.SCOPE.site()));
    }

    @Test
    void caseload_per_case_manager_and_the_mean() {
        var a = new CaseManagerId("cm-a");
        var b = new CaseManagerId("cm-b");
        Caseloads caseloads = Caseloads.restore(3, Map.of(enrollment(1), a, enrollment(2), a, enrollment(3), b));
        assertEquals(List.of(
                new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("caseManager", "cm-a"), 2, 2, 1,
                        Optional.of(Fraction.of(2)), Optional.empty()),
                new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("caseManager", "cm-b"), 1, 1, 1,
                        Optional.of(Fraction.of(1)), Optional.empty()),
                new MeasureResult(Measure.CASELOAD_PER_CASE_MANAGER, Stratum.of("statistic", "MEAN"), 3, 3, 2,
                        Optional.of(Fraction.of(3, 2)), Optional.empty())),
                ProcessMeasures.caseloads(caseloads));
    }

    @Test
    void the_funnel_does_not_depend_on_the_order_of_the_referrals() {
        var reversed = new ArrayList<>(santaFe.referrals());
        Collections.reverse(reversed);
        assertEquals(ProcessMeasures.referralFunnel(santaFe.referrals(), SantaFeQuarter.SCOPE, 30),
                ProcessMeasures.referralFunnel(reversed, SantaFeQuarter.SCOPE, 30));
    }

    private static EnrollmentId enrollment(long n) {
        return new EnrollmentId(new UUID(0, n));
    }
}

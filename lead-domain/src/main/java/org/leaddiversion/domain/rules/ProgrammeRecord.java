package org.leaddiversion.domain.rules;

import java.time.Instant;
import java.util.List;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.policy.SitePolicies;

/**
 * A programme's data as the invariants see it.
 *
 * @param policies    every site's policy history
 * @param referrals   every referral
 * @param enrollments every enrollment
 * @param events      the event log, in the order it was appended
 * @param asOf        the instant the record was taken (nothing may be dated after it)
 */
public record ProgrammeRecord(SitePolicies policies, List<Referral> referrals, List<Enrollment> enrollments,
                              List<DomainEvent> events, Instant asOf) {
    public ProgrammeRecord {
        Require.present(policies, "policies");
        referrals = List.copyOf(Require.noNulls(referrals, "referrals"));
        enrollments = List.copyOf(Require.noNulls(enrollments, "enrollments"));
        events = List.copyOf(Require.noNulls(events, "events"));
        Require.present(asOf, "asOf");
    }
}

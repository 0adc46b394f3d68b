package org.leaddiversion.domain.rules;

import java.util.ArrayList;
import java.util.List;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.RecordedDecision;

/**
 * Rules R34 and R35 stated as invariants over a {@link CoordinationRecord} — the same shape as {@link Invariant}
 * (id, statement, violations). Rule R25 (prosecution never changes the enrollment) holds by construction: the
 * prosecution package only names enrollments by id.
 */
public final class CoordinationRules {

    public static final RecordRule<CoordinationRecord> R34 = RecordRule.of(RuleId.R34,
            "every charging decision on a LEAD participant's case follows a consultation request or carries a "
                    + "waiver reason", r -> {
                var out = new ArrayList<Violation>();
                for (PostEnrollmentCase c : r.cases()) {
                    if (!c.isLeadParticipant() || c.decision().isEmpty()) {
                        continue;
                    }
                    RecordedDecision d = c.decision().get();
                    boolean consulted = c.consultation()
                            .filter(q -> !q.requestedAt().isAfter(d.decidedAt())).isPresent();
                    boolean waived = d.waiverReason().filter(w -> !w.isBlank()).isPresent();
                    if (!consulted && !waived) {
                        out.add(new Violation(RuleId.R34, c.id().toString(),
                                "charging decision without a prior consultation request or a waiver reason"));
                    }
                }
                return out;
            });

    public static final RecordRule<CoordinationRecord> R35 = RecordRule.of(RuleId.R35,
            "no charging decision lists a LEAD disclosure as its basis", r -> {
                var out = new ArrayList<Violation>();
                for (PostEnrollmentCase c : r.cases()) {
                    if (c.decision().filter(RecordedDecision::basedOnLeadDisclosure).isPresent()) {
                        out.add(new Violation(RuleId.R35, c.id().toString(),
                                "charging decision lists a LEAD disclosure as its basis"));
                    }
                }
                return out;
            });

    /** R34, R35. */
    public static final List<RecordRule<CoordinationRecord>> ALL = List.of(R34, R35);

    private CoordinationRules() {
    }

    /** Every violation of every coordination rule in the record. */
    public static List<Violation> check(CoordinationRecord record) {
        var out = new ArrayList<Violation>();
        for (RecordRule<CoordinationRecord> i : ALL) {
            out.addAll(i.check(record));
        }
        return out;
    }
}

package org.leaddiversion.domain.rules;

import java.util.List;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;

/**
 * One site's post-enrollment cases as the prosecution-coordination invariants (R34, R35) see them. Kept apart from
 * {@link ProgrammeRecord} so existing records and their producers are unchanged.
 *
 * @param cases the post-enrollment cases, with their consultation requests and recorded decisions
 */
public record CoordinationRecord(List<PostEnrollmentCase> cases) {
    public CoordinationRecord {
        cases = List.copyOf(Require.noNulls(cases, "cases"));
    }
}

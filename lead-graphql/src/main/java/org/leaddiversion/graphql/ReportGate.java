/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.consent.ReportAccess;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.springframework.graphql.execution.ErrorType;

/**
 * What every aggregate report query checks first: that the viewer may read aggregate data (the domain's
 * {@link ReportAccess}, SPEC §2.2 AGGREGATE), and its report arguments — a group filter, a currency — named by
 * argument when they are bad.
 */
final class ReportGate {

    private static final ReportAccess ACCESS = new ReportAccess();

    private ReportGate() {
    }

    /** Null with a FORBIDDEN error naming the domain's code, field and rule when the viewer may not read aggregates. */
    static <T> Optional<DataFetcherResult<T>> refusal(DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        AccessDecision decision = ACCESS.aggregates(viewer.actor(), viewer.purpose());
        if (decision instanceof AccessDecision.Denied denied) {
            DomainError why = denied.reason();
            return Optional.of(DataFetcherResult.<T>newResult().error(GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.FORBIDDEN).message(why.message())
                    .extensions(Map.of("code", why.code().name(), "field", why.field(), "rule", why.rule().name()))
                    .build()).build());
        }
        return Optional.empty();
    }

    /** The groups of a filter ({@code groups.<i>} names a bad one); none when the argument is absent. */
    static List<EquityGroup> groups(List<String> groups) {
        if (groups == null) {
            return List.of();
        }
        var out = new ArrayList<EquityGroup>();
        for (int i = 0; i < groups.size(); i++) {
            try {
                out.add(new EquityGroup(groups.get(i).trim()));
            } catch (InvalidValueException e) {
                throw new InvalidValueException("groups." + i, e.reason());
            }
        }
        return out;
    }

    /** The ISO 4217 currency of {@code code}, or a BAD_REQUEST naming {@code currency}. */
    static Currency currency(String code) {
        try {
            return Currency.getInstance(Commands.required(code, "currency").trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "is not an ISO 4217 currency code");
        }
    }
}

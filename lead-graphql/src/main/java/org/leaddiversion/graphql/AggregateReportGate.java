/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.consent.ReportAccess;
import org.springframework.graphql.execution.ErrorType;

/**
 * What every aggregate report query does before it computes anything: ask the domain's {@link ReportAccess} whether
 * the viewer may read aggregate data (SPEC §2.2 AGGREGATE) and refuse with the domain's reason otherwise, and read a
 * currency argument. Shared by the report controllers so that each is gated exactly alike.
 */
final class AggregateReportGate {

    private static final ReportAccess ACCESS = new ReportAccess();

    private AggregateReportGate() {
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

    /** The ISO 4217 currency an argument names, or a refusal naming the {@code currency} argument. */
    static Currency currency(String code) {
        try {
            return Currency.getInstance(Commands.required(code, "currency").trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "is not an ISO 4217 currency code");
        }
    }
}

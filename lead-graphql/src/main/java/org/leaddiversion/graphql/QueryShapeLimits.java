/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import java.util.List;

/**
 * The query depth and complexity limits, checked by graphql-java's own {@link MaxQueryDepthInstrumentation} and
 * {@link MaxQueryComplexityInstrumentation} once the document is validated and before it runs
 * ({@code QUERY_TOO_LARGE}).
 *
 * <p>Both only look at the document, so this one instrumentation chains them for the steps before execution and
 * stays out of execution: a chain of two would be asked for a context at every field, object and list of the result
 * and would combine the two limits' no-op contexts each time — some 3,000 times for a page of 100 participants with
 * their referrals, goals and contacts.
 */
final class QueryShapeLimits extends ChainedInstrumentation {

    QueryShapeLimits(int maxDepth, int maxComplexity) {
        super(List.of(new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int max) {
                return tooLarge("the query nests fields " + depth + " deep; at most " + max
                        + " are accepted (lead.graphql.max-depth)");
            }
        }, new MaxQueryComplexityInstrumentation(maxComplexity) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int max) {
                return tooLarge("the query selects " + complexity + " fields; at most " + max
                        + " are accepted (lead.graphql.max-complexity)");
            }
        }));
    }

    private static AbortExecutionException tooLarge(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(LeadErrorType.QUERY_TOO_LARGE).message(message).build()));
    }

    // ---- nothing during execution ------------------------------------------------------------------------------

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return ExecutionStrategyInstrumentationContext.NOOP;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                                                              InstrumentationState state) {
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                          InstrumentationState state) {
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
        return FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return dataFetcher;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.Release;

/**
 * What the commands after intake (enrollment, case management, consent) share: their inputs checked under the input's
 * own field names, so a {@code BAD_REQUEST} names {@code input.description} rather than a domain path, and a
 * command's result read back as one record of an audited field group.
 */
final class CareInputs {

    private CareInputs() {
    }

    /** The value, or a {@code BAD_REQUEST} naming the field when the input left it out. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /** The enrollment an input names, or a {@code BAD_REQUEST} naming the field. */
    static EnrollmentId enrollment(String value, String field) {
        return new EnrollmentId(Commands.uuid(value, field));
    }

    /** The person an input names, or a {@code BAD_REQUEST} naming the field. */
    static PersonId person(String value, String field) {
        return new PersonId(text(value, field, Require.ID_MAX));
    }

    /** Trimmed, non-blank text of at most {@code max} characters, or a {@code BAD_REQUEST} naming the field. */
    static String text(String value, String field, int max) {
        try {
            return Require.text(value, field, max);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.reason());
        }
    }

    /** Text as {@link #text}, or empty when the input left it out. */
    static Optional<String> optionalText(String value, String field, int max) {
        return value == null ? Optional.empty() : Optional.of(text(value, field, max));
    }

    /**
     * The one record of {@code release} that {@code which} selects, as a field's value: null with one
     * {@code FORBIDDEN} error per refused data class when the viewer may see none of the group, null when the record
     * is not among what was released.
     */
    static <T> DataFetcherResult<Optional<T>> one(Release<List<T>> release, Predicate<T> which,
                                                  DataFetchingEnvironment env) {
        Optional<T> found = release.data().stream().filter(which).findFirst();
        return ParticipantLoaders.result(new Release<>(release.participant(), found, release.released(),
                release.refusals(), release.outcome()), env);
    }
}

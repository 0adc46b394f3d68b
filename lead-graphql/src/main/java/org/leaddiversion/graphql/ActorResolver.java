/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The host's bridge from its own authentication to the library: resolves the {@link Viewer} of a GraphQL request
 * (user, role, agency, purpose of use, circumstances). Declare one bean; the library calls it once per request,
 * before execution, on the request's thread (a Spring Security {@code SecurityContextHolder} lookup works).
 *
 * <p>An empty result means an anonymous request: it may read the rule catalogue and site policies, and every field
 * of participant data comes back null with a {@code FORBIDDEN} error; every mutation is refused. Without an
 * {@code ActorResolver} bean every request is anonymous. When the request states something the resolver refuses (an
 * unknown purpose of use in a header, say), throw {@code InvalidValueException} naming it: the request ends with one
 * {@code BAD_REQUEST} error whose {@code extensions.field} is that name, and nothing is executed.
 */
@FunctionalInterface
public interface ActorResolver {

    /** The viewer of {@code request}, or empty when the request carries no authenticated actor. */
    Optional<Viewer> resolve(WebGraphQlRequest request);
}

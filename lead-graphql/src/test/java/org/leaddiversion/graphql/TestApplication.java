/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A host application for the tests: nothing but Spring Boot, the library on the classpath, and an
 * {@link ActorResolver} reading test headers (a real host resolves viewers from its own authentication, never from
 * headers a client sets).
 */
@SpringBootApplication
class TestApplication {

    static final String ACTOR = "X-Test-Actor";
    static final String ROLE = "X-Test-Role";
    static final String PURPOSE = "X-Test-Purpose";
    static final String ASSIGNED = "X-Test-Assigned";
    /** Optional: "true" states that the record is the viewer's own (her referral, her diverted case). */
    static final String OWN = "X-Test-Own";
    /** Optional: "true" states that the viewer reads in an Operational Work Group meeting. */
    static final String IN_MEETING = "X-Test-In-Meeting";

    @Bean
    ActorResolver testHeaders() {
        return request -> {
            String actor = request.getHeaders().getFirst(ACTOR);
            if (actor == null) {
                return Optional.empty();
            }
            Role role = Role.valueOf(request.getHeaders().getFirst(ROLE));
            Purpose purpose;
            try {
                purpose = Purpose.valueOf(request.getHeaders().getFirst(PURPOSE));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(PURPOSE, "is not a purpose of use");
            }
            boolean assigned = "true".equals(request.getHeaders().getFirst(ASSIGNED));
            boolean own = "true".equals(request.getHeaders().getFirst(OWN));
            boolean inMeeting = "true".equals(request.getHeaders().getFirst(IN_MEETING));
            return Optional.of(new Viewer(Actor.of(actor, role), purpose,
                    new RecipientCircumstances(own, assigned, inMeeting)));
        };
    }
}

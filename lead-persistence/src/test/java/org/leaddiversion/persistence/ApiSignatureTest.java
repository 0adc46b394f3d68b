/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.fixtures.ApiSignatures;

/**
 * lead-persistence ships as an automatic module ({@code Automatic-Module-Name: org.leaddiversion.persistence}; it
 * cannot publish a {@code module-info} while Flyway, H2 and PgJDBC have only file-name-derived module names), so the
 * JVM exports all of its packages. The line between API and internals is kept here instead: no public or protected
 * signature of the API package reaches a type outside the API — not the jOOQ classes generated into
 * {@code org.leaddiversion.persistence.jooq}, and not jOOQ, Flyway, HikariCP or Jackson, which a host must stay free to
 * see upgraded or replaced. Allowed are the JDK, {@code javax.sql}, lead-domain's exported packages and this
 * package itself.
 */
@DisplayName("lead-persistence's public signatures reach only the JDK, lead-domain and its own API package")
class ApiSignatureTest {

    @Test
    void no_public_signature_reaches_a_type_outside_the_api() throws IOException, ClassNotFoundException {
        List<Class<?>> api = ApiSignatures.publicTypesOfPackageOf(LeadDatabase.class);
        List<String> leaks = ApiSignatures.leaks(api, c -> ApiSignatures.jdk(c)
                || c.getPackageName().equals("javax.sql")
                || c.getPackageName().equals("org.leaddiversion.persistence")
                || c.getPackageName().startsWith("org.leaddiversion.domain."));
        assertEquals(List.of(), leaks, "public signatures of " + api.size() + " API types reaching non-API types");
    }
}

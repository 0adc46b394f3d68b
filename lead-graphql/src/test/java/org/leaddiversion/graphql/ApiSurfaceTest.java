/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.fixtures.ApiSignatures;

/**
 * lead-graphql ships as an automatic module ({@code Automatic-Module-Name: org.leaddiversion.graphql}), so the JVM
 * exports every package of it. The line is held here: one package; its public types are the host's five touch points
 * (the viewer SPI, the error classification, the auto-configuration and its properties) and nothing else — the
 * controllers, loaders and interceptors stay package-private; and no public signature reaches the persistence
 * module's internals, jOOQ, Flyway, HikariCP or Jackson.
 */
@DisplayName("lead-graphql's public surface is its five host touch points, in one package")
class ApiSurfaceTest {

    private static final Set<String> API = Set.of(
            "org.leaddiversion.graphql.ActorResolver",
            "org.leaddiversion.graphql.LeadErrorType",
            "org.leaddiversion.graphql.LeadGraphQlAutoConfiguration",
            "org.leaddiversion.graphql.LeadGraphQlProperties",
            "org.leaddiversion.graphql.Viewer");

    @Test
    void the_public_types_are_the_host_touch_points_only() throws IOException, ClassNotFoundException {
        List<Class<?>> api = ApiSignatures.publicTypesOfPackageOf(Viewer.class);
        assertEquals(new TreeSet<>(API), api.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new)),
                "public types of org.leaddiversion.graphql");
    }

    @Test
    void the_module_has_one_package() throws IOException {
        Path dir = Path.of(Viewer.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve("org/leaddiversion/graphql");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(Files::isDirectory).map(Path::toString).toList(), "sub-packages");
        }
    }

    @Test
    void no_public_signature_reaches_an_internal_type() throws IOException, ClassNotFoundException {
        List<Class<?>> api = ApiSignatures.publicTypesOfPackageOf(Viewer.class);
        List<String> leaks = ApiSignatures.leaks(api, c -> {
            String pkg = c.getPackageName();
            return ApiSignatures.jdk(c) || pkg.equals("org.leaddiversion.graphql")
                    || pkg.equals("org.leaddiversion.persistence") || pkg.startsWith("org.leaddiversion.domain.")
                    || pkg.startsWith("org.springframework.") || pkg.startsWith("graphql") || pkg.startsWith("reactor.")
                    || pkg.equals("javax.sql");
        });
        assertEquals(List.of(), leaks, "public signatures reaching internals");
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Outcome;

/**
 * The module's public face is a decision, not an accident: {@code module-info.java} exports exactly the API packages
 * listed here, to everyone; every package of the module is either API or deliberately internal; and the module reads
 * nothing but {@code java.base}, so hosts can embed it whatever their stack (the Maven Enforcer rule and
 * {@link ArchitectureTest} guard the same line from the build and from the byte code).
 *
 * <p>A new package goes into {@link #API} and gets an {@code exports} line, or goes into {@link #INTERNAL}.
 */
@DisplayName("lead-domain exports its API packages only and depends on nothing but java.base")
class ModuleDescriptorTest {

    /** The packages vendors program against: every package of lead-domain today. */
    private static final Set<String> API = Set.of(
            "org.leaddiversion.domain.access",
            "org.leaddiversion.domain.common",
            "org.leaddiversion.domain.consent",
            "org.leaddiversion.domain.enrollment",
            "org.leaddiversion.domain.evaluation",
            "org.leaddiversion.domain.evaluation.equity",
            "org.leaddiversion.domain.intake",
            "org.leaddiversion.domain.memory",
            "org.leaddiversion.domain.plan",
            "org.leaddiversion.domain.policy",
            "org.leaddiversion.domain.prosecution",
            "org.leaddiversion.domain.referral",
            "org.leaddiversion.domain.rules",
            "org.leaddiversion.domain.screening",
            "org.leaddiversion.domain.workgroup");

    /** Packages that stay inside the module and are never exported. None yet. */
    private static final Set<String> INTERNAL = Set.of();

    @Test
    void the_module_exports_exactly_the_api_packages_to_everyone() throws IOException {
        ModuleDescriptor module = descriptor();
        assertEquals("org.leaddiversion.domain", module.name());
        for (ModuleDescriptor.Exports export : module.exports()) {
            assertFalse(export.isQualified(), export.source() + " is exported to chosen modules only: "
                    + "an API package is exported to everyone, an internal one not at all");
        }
        assertEquals(new TreeSet<>(API), module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new)), "exported packages");
        assertTrue(module.opens().isEmpty() && !module.isOpen(), "nothing is opened for deep reflection");
    }

    @Test
    void every_package_of_the_module_is_either_api_or_internal() throws IOException {
        Set<String> undecided = new TreeSet<>(packagesOfTheModule());
        undecided.removeAll(API);
        undecided.removeAll(INTERNAL);
        assertEquals(Set.of(), undecided, "packages that are neither listed as API (and exported) nor as internal");
        assertTrue(INTERNAL.stream().noneMatch(API::contains), "a package is either API or internal");
    }

    @Test
    void the_module_depends_on_nothing_but_java_base() throws IOException {
        Set<String> required = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("java.base"), required, "modules lead-domain requires");
        assertTrue(descriptor().uses().isEmpty() && descriptor().provides().isEmpty(), "no service loading");
    }

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(mainClasses().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    /** Packages holding at least one class of the main code (the compiled descriptor lists exported ones only). */
    private static Set<String> packagesOfTheModule() throws IOException {
        Path root = mainClasses();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(root::relativize)
                    .filter(f -> f.getParent() != null)
                    .map(f -> f.getParent().toString().replace(f.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The directory the module's main classes were compiled to (target/classes), wherever the tests run. */
    private static Path mainClasses() {
        try {
            Path location = Path.of(Outcome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException("expected the compiled classes directory, found " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

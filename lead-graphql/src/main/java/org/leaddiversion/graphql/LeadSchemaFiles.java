/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The schema files this jar ships that the application's schema locations do not already load. */
final class LeadSchemaFiles {

    private LeadSchemaFiles() {
    }

    static List<Resource> missing(List<String> locations, List<String> extensions, ResourcePatternResolver resolver) {
        try {
            Set<String> loaded = new HashSet<>();
            for (String location : locations) {
                for (String extension : extensions) {
                    for (Resource r : found(resolver, location + "*" + extension)) {
                        loaded.add(r.getURL().toExternalForm());
                    }
                }
            }
            String jar = ours();
            List<Resource> out = new ArrayList<>();
            for (Resource r : resolver.getResources("classpath*:graphql/*.graphqls")) {
                String url = r.getURL().toExternalForm();
                if (url.contains(jar) && !loaded.contains(url)) {
                    out.add(r);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("the library's schema files could not be listed", e);
        }
    }

    /** The resources of {@code pattern}; none when its root folder does not exist (as Spring Boot reads it). */
    private static Resource[] found(ResourcePatternResolver resolver, String pattern) throws IOException {
        try {
            return resolver.getResources(pattern);
        } catch (java.io.FileNotFoundException e) {
            return new Resource[0];
        }
    }

    /**
     * Where this class was loaded from, as it appears inside the URLs of the resources next to it: the classes folder,
     * the jar, or the jar nested in a Boot fat jar.
     */
    private static String ours() {
        URL location = LeadSchemaFiles.class.getProtectionDomain().getCodeSource().getLocation();
        String source = location.toExternalForm();
        if (source.startsWith("jar:")) {
            source = source.substring("jar:".length());
        }
        return source.endsWith("!/") ? source.substring(0, source.length() - 2) : source;
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference site profiles of SPEC §9.3, shipped as policy files inside the library
 * ({@code org/leaddiversion/domain/policy/profiles/*.policy}). They are seed data for tests, demos and for a new site
 * to start from; values marked {@code (derived)} fill gaps in the sources and are reported by
 * {@link SitePolicy#derivedKeys()}.
 */
public final class ReferenceProfiles {

    /** Site ids of the shipped profiles. */
    public static final List<String> NAMES = List.of("seattle-king-county", "santa-fe", "clackamas",
            "california-statute", "denver", "baltimore", "albany", "marion-county-or", "watauga-nc", "richland-sc",
            "carroll-county-md");

    private ReferenceProfiles() {
    }

    /** Loads one profile by site id (one of {@link #NAMES}). */
    public static SitePolicyHistory load(String name) {
        String resource = "profiles/" + name + ".policy";
        try (InputStream in = ReferenceProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MalformedPolicyException(resource, 0, "site.id", "no reference profile named " + name);
            }
            return SitePolicyFile.parse(name + ".policy", in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every shipped profile. */
    public static List<SitePolicyHistory> all() {
        var all = new ArrayList<SitePolicyHistory>();
        for (String name : NAMES) {
            all.add(load(name));
        }
        return List.copyOf(all);
    }
}

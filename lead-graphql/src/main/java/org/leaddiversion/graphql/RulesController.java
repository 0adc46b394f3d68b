/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.util.List;
import org.leaddiversion.domain.rules.Invariant;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The rule catalogue: public, no participant data. */
@Controller
class RulesController {

    @QueryMapping
    List<Invariant> ruleCatalogue() {
        return RuleCatalogue.invariants();
    }
}

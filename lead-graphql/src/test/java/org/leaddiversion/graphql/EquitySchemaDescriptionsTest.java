/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The equity measures' schema documents itself: every query and argument it adds has a description. */
@DisplayName("evaluation-equity.graphqls: every field and argument is described")
class EquitySchemaDescriptionsTest {

    @Test
    void everything_the_equity_schema_adds_is_described() throws IOException {
        new SiteSchemaDescriptionsTest().assertDescribed("/graphql/evaluation-equity.graphqls", 25);
    }
}

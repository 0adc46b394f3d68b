/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.util.List;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.ExclusionSetting;

/** Base of the criteria: holds the site's setting and builds findings with its strength and rule. */
abstract class ConfiguredCriterion implements ExclusionCriterion {

    final ExclusionSetting setting;

    ConfiguredCriterion(ExclusionSetting setting) {
        this.setting = setting;
    }

    @Override
    public final ExclusionKind kind() {
        return setting.kind();
    }

    final void hit(List<Finding> out, String field, String fact) {
        out.add(new Finding(setting.kind(), setting.strength(), setting.kind().rule(), field, fact));
    }

    /** A finding whose sentence is written only if someone reads it. */
    final void hit(List<Finding> out, String field, java.util.function.Supplier<String> fact) {
        out.add(Finding.stated(setting.kind(), setting.strength(), setting.kind().rule(), field, fact));
    }
}

/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.util.List;
import org.leaddiversion.domain.policy.SiteId;

/** Port: the Operational Work Group meetings a programme held (the agendas are rebuilt from the data, rule R38). */
public interface Meetings {

    /** Records a meeting held. */
    void add(Meeting meeting);

    /** Every meeting, in the order recorded. */
    List<Meeting> all();

    /** The site's meetings, in the order recorded. */
    default List<Meeting> of(SiteId site) {
        return all().stream().filter(m -> m.site().equals(site)).toList();
    }
}

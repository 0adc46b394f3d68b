package org.leaddiversion.persistence;

import java.util.List;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.workgroup.Meeting;

/**
 * The Operational Work Group meetings a programme held (SPEC §7.4), in the order recorded: each with its window
 * resolved (previous and next meeting) and, for a precinct-based OWG, its precinct. A meeting once recorded is not
 * changed.
 */
public interface Meetings {

    /** Records a meeting held. */
    void add(Meeting meeting);

    /** Every meeting, in the order recorded. */
    List<Meeting> all();

    /** The site's meetings, in the order recorded. */
    List<Meeting> of(SiteId site);
}

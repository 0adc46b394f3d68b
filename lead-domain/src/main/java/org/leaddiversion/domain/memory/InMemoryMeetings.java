/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.ArrayList;
import java.util.List;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.workgroup.Meeting;
import org.leaddiversion.domain.workgroup.Meetings;

/** In-memory {@link Meetings}: the OWG meetings a programme held, in the order recorded. */
public final class InMemoryMeetings implements Meetings {

    private final InMemoryStore store;
    private final List<Meeting> meetings = new ArrayList<>();

    public InMemoryMeetings(InMemoryStore store) {
        this.store = Require.present(store, "store");
    }

    @Override
    public void add(Meeting meeting) {
        Require.present(meeting, "meeting");
        store.inTransaction(() -> {
            store.write(() -> meetings.add(meeting), () -> meetings.remove(meetings.size() - 1));
            return null;
        });
    }

    @Override
    public List<Meeting> all() {
        return store.read(() -> List.copyOf(meetings));
    }
}
